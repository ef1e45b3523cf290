package localcloud

import (
	"bytes"
	"encoding/binary"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"time"

	bolt "go.etcd.io/bbolt"
	berrors "go.etcd.io/bbolt/errors"
)

// DatabaseFile is the name of the bbolt database inside Options.DataDir.
const DatabaseFile = "localcloud.db"

var (
	bucketResources = []byte("resources")
	bucketRequests  = []byte("requests")
	bucketActivity  = []byte("activity")
)

// store persists resources, requests and the activity log in bbolt. Every
// commit is one fsynced transaction, so an acknowledged change survives a
// crash.
type store struct {
	db *bolt.DB
}

// batch is the set of writes that one commit applies atomically.
type batch struct {
	resources []*resource
	removed   []resourceKey
	requests  []*request
	dropped   []string
	activity  []*ActivityEntry
}

func openStore(dir string) (*store, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, fmt.Errorf("open local cloud store: create data directory %s: %w", dir, err)
	}
	path := filepath.Join(dir, DatabaseFile)
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: 2 * time.Second})
	if errors.Is(err, berrors.ErrTimeout) {
		return nil, fmt.Errorf("open local cloud store %s: the database is locked by another process; "+
			"stop that process or use another data directory: %w", path, err)
	}
	if err != nil {
		return nil, fmt.Errorf("open local cloud store %s: %w", path, err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		for _, name := range [][]byte{bucketResources, bucketRequests, bucketActivity} {
			if _, err := tx.CreateBucketIfNotExists(name); err != nil {
				return err
			}
		}

		return nil
	})
	if err != nil {
		_ = db.Close()

		return nil, fmt.Errorf("open local cloud store %s: create buckets: %w", path, err)
	}

	return &store{db: db}, nil
}

func (s *store) close() error { return s.db.Close() }

func resourceDBKey(k resourceKey) []byte {
	return []byte(strings.Join([]string{k.Account, k.Region, k.TypeName, k.Identifier}, "\x00"))
}

func parseResourceDBKey(b []byte) (resourceKey, bool) {
	parts := strings.SplitN(string(b), "\x00", 4)
	if len(parts) != 4 {
		return resourceKey{}, false
	}

	return resourceKey{Account: parts[0], Region: parts[1], TypeName: parts[2], Identifier: parts[3]}, true
}

// commit writes b in one transaction and assigns activity sequence numbers.
func (s *store) commit(b *batch) error {
	return s.db.Update(func(tx *bolt.Tx) error {
		res := tx.Bucket(bucketResources)
		for _, k := range b.removed {
			if err := res.Delete(resourceDBKey(k)); err != nil {
				return err
			}
		}
		for _, r := range b.resources {
			v, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("encode resource %s: %w", r.Key.Identifier, err)
			}
			if err := res.Put(resourceDBKey(r.Key), v); err != nil {
				return err
			}
		}
		reqs := tx.Bucket(bucketRequests)
		for _, token := range b.dropped {
			if err := reqs.Delete([]byte(token)); err != nil {
				return err
			}
		}
		for _, r := range b.requests {
			v, err := json.Marshal(r)
			if err != nil {
				return fmt.Errorf("encode request %s: %w", r.Token, err)
			}
			if err := reqs.Put([]byte(r.Token), v); err != nil {
				return err
			}
		}

		return putActivity(tx.Bucket(bucketActivity), b.activity)
	})
}

func putActivity(bucket *bolt.Bucket, entries []*ActivityEntry) error {
	for _, e := range entries {
		seq, err := bucket.NextSequence()
		if err != nil {
			return err
		}
		e.Sequence = seq
		v, err := json.Marshal(e)
		if err != nil {
			return fmt.Errorf("encode activity entry: %w", err)
		}
		if err := bucket.Put(binary.BigEndian.AppendUint64(nil, seq), v); err != nil {
			return err
		}
	}

	return nil
}

// load reads the whole store into a new state.
func (s *store) load(st *state) error {
	return s.db.View(func(tx *bolt.Tx) error {
		err := tx.Bucket(bucketResources).ForEach(func(k, v []byte) error {
			key, ok := parseResourceDBKey(k)
			if !ok {
				return fmt.Errorf("malformed resource key %q", k)
			}
			r := &resource{}
			dec := json.NewDecoder(bytes.NewReader(v))
			dec.UseNumber()
			if err := dec.Decode(r); err != nil {
				return fmt.Errorf("decode resource %s: %w", key.Identifier, err)
			}
			r.Key = key
			st.putResource(r)

			return nil
		})
		if err != nil {
			return err
		}

		return tx.Bucket(bucketRequests).ForEach(func(k, v []byte) error {
			r := &request{}
			dec := json.NewDecoder(bytes.NewReader(v))
			dec.UseNumber()
			if err := dec.Decode(r); err != nil {
				return fmt.Errorf("decode request %s: %w", k, err)
			}
			st.putRequest(r)

			return nil
		})
	})
}

// activity returns the entries of account at or after since, oldest first.
func (s *store) activity(account string, since time.Time) ([]ActivityEntry, error) {
	var out []ActivityEntry
	err := s.db.View(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketActivity).ForEach(func(_, v []byte) error {
			var e ActivityEntry
			if err := json.Unmarshal(v, &e); err != nil {
				return fmt.Errorf("decode activity entry: %w", err)
			}
			if (account == "" || e.Account == account) && !e.Time.Before(since) {
				out = append(out, e)
			}

			return nil
		})
	})

	return out, err
}
