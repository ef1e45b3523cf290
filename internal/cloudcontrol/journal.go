package cloudcontrol

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sync"
)

// Journal records the tokens of resource requests in flight, so that a run
// interrupted while waiting can be resumed by a later one (see
// Client.Resume). The client calls Record before the first poll and Forget
// once the request has finished.
type Journal interface {
	Record(ctx context.Context, e ProgressEvent) error
	Forget(ctx context.Context, token string) error
}

// JournalFileName is the file FileJournal keeps in its directory.
const JournalFileName = "requests.jsonl"

// FileJournal is a Journal kept as JSON lines in one file of a directory.
// Each line records or removes one request token. Resource models are not
// stored, because they may contain secrets. It is safe for concurrent use
// within one process.
//
// NOTE: two processes sharing a directory can lose lines when one of them
// compacts the file while the other appends.
type FileJournal struct {
	path string
	mu   sync.Mutex
}

var _ Journal = (*FileJournal)(nil)

type journalLine struct {
	Action string         `json:"action"`
	Event  *ProgressEvent `json:"event,omitempty"`
	Token  string         `json:"request_token,omitempty"`
}

// NewFileJournal returns a FileJournal in dir, creating dir when missing.
func NewFileJournal(dir string) (*FileJournal, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return nil, fmt.Errorf("create journal directory %s: %w", dir, err)
	}

	return &FileJournal{path: filepath.Join(dir, JournalFileName)}, nil
}

// Record appends e, without its resource model, as a request in flight.
func (j *FileJournal) Record(_ context.Context, e ProgressEvent) error {
	if e.RequestToken == "" {
		return fmt.Errorf("record request in journal %s: the event has no request token", j.path)
	}
	e.ResourceModel = nil

	return j.append(journalLine{Action: "record", Event: &e})
}

// Forget marks the request as finished. When no request is left in flight,
// the file is emptied.
func (j *FileJournal) Forget(_ context.Context, token string) error {
	if err := j.append(journalLine{Action: "forget", Token: token}); err != nil {
		return err
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	pending, err := j.read()
	if err != nil {
		return err
	}
	if len(pending) == 0 {
		if err := os.Truncate(j.path, 0); err != nil {
			return fmt.Errorf("compact journal %s: %w", j.path, err)
		}
	}

	return nil
}

// Pending returns the requests recorded and not forgotten, oldest first.
func (j *FileJournal) Pending(_ context.Context) ([]ProgressEvent, error) {
	j.mu.Lock()
	defer j.mu.Unlock()

	return j.read()
}

func (j *FileJournal) append(line journalLine) error {
	b, err := json.Marshal(line)
	if err != nil {
		return fmt.Errorf("encode journal line: %w", err)
	}
	j.mu.Lock()
	defer j.mu.Unlock()
	f, err := os.OpenFile(j.path, os.O_APPEND|os.O_CREATE|os.O_WRONLY, 0o600)
	if err != nil {
		return fmt.Errorf("open journal %s: %w", j.path, err)
	}
	if _, err := f.Write(append(b, '\n')); err != nil {
		_ = f.Close()

		return fmt.Errorf("write journal %s: %w", j.path, err)
	}
	if err := f.Sync(); err != nil {
		_ = f.Close()

		return fmt.Errorf("sync journal %s: %w", j.path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("close journal %s: %w", j.path, err)
	}

	return nil
}

// read replays the file; the caller holds j.mu.
func (j *FileJournal) read() ([]ProgressEvent, error) {
	f, err := os.Open(j.path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("open journal %s: %w", j.path, err)
	}
	defer f.Close()
	var order []string
	events := map[string]ProgressEvent{}
	scanner := bufio.NewScanner(f)
	scanner.Buffer(make([]byte, 64*1024), 1024*1024)
	for n := 1; scanner.Scan(); n++ {
		var line journalLine
		if err := json.Unmarshal(scanner.Bytes(), &line); err != nil {
			return nil, fmt.Errorf("journal %s line %d is not valid JSON: %w; "+
				"fix or delete the line", j.path, n, err)
		}
		switch {
		case line.Action == "record" && line.Event != nil:
			if _, ok := events[line.Event.RequestToken]; !ok {
				order = append(order, line.Event.RequestToken)
			}
			events[line.Event.RequestToken] = *line.Event
		case line.Action == "forget":
			delete(events, line.Token)
		}
	}
	if err := scanner.Err(); err != nil {
		return nil, fmt.Errorf("read journal %s: %w", j.path, err)
	}
	var pending []ProgressEvent
	for _, token := range order {
		if e, ok := events[token]; ok {
			pending = append(pending, e)
			delete(events, token)
		}
	}

	return pending, nil
}
