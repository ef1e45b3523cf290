package localcloud

import (
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net/http"
	"sync"
	"sync/atomic"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

// Cloud is a local emulator of the Cloud Control API for the types of
// package awstype, backed by a bbolt store. Its methods are safe for
// concurrent use.
type Cloud struct {
	opts  Options
	log   *slog.Logger
	store *store

	// mu guards st. Reads take the read lock; every change takes the write
	// lock and commits to the store before it changes st.
	mu sync.RWMutex
	st *state
	// nextDue is the Unix time in nanoseconds at which the earliest active
	// request is due, or math.MaxInt64 when none is active.
	nextDue atomic.Int64

	limiters sync.Map // account id -> *rate.Limiter
	handler  http.Handler

	wake      chan struct{}
	stop      chan struct{}
	done      chan struct{}
	closeOnce sync.Once
	closeErr  error
}

// Open opens or creates the store in opts.DataDir, loads it, and resumes the
// operations that were in flight: those already due finish at once, the
// others at their original due time. Close releases the store.
func Open(opts Options) (*Cloud, error) {
	opts, err := opts.withDefaults()
	if err != nil {
		return nil, err
	}
	s, err := openStore(opts.DataDir)
	if err != nil {
		return nil, err
	}
	st := newState()
	if err := s.load(st); err != nil {
		return nil, errors.Join(fmt.Errorf("open local cloud: load store in %s: %w", opts.DataDir, err), s.close())
	}
	for _, r := range st.resources {
		if t, ok := awstype.Lookup(r.Key.TypeName); ok {
			r.setModel(t, r.Model)
		}
	}
	c := &Cloud{
		opts:  opts,
		log:   opts.Logger.With("component", "localcloud"),
		store: s,
		st:    st,
		wake:  make(chan struct{}, 1),
		stop:  make(chan struct{}),
		done:  make(chan struct{}),
	}
	c.handler = http.HandlerFunc(c.serveHTTP)
	c.mu.Lock()
	c.pruneLocked(time.Now())
	c.finishDueLocked(time.Now())
	c.mu.Unlock()
	go c.loop()
	c.log.Info("local cloud opened", "data_dir", opts.DataDir, "resources", len(st.resources),
		"in_flight", len(st.active), "time_scale", opts.TimeScale, "strict", opts.Strict)

	return c, nil
}

// Handler returns the HTTP handler that serves Cloud Control, STS
// GetCallerIdentity, the DataZone reads listed in the package documentation
// and the admin API on one listener.
func (c *Cloud) Handler() http.Handler { return c.handler }

// Close stops the background loop and closes the store. Operations still in
// flight stay in the store and resume on the next Open.
func (c *Cloud) Close() error {
	c.closeOnce.Do(func() {
		close(c.stop)
		<-c.done
		c.mu.Lock()
		defer c.mu.Unlock()
		c.closeErr = c.store.close()
		c.log.Info("local cloud closed", "data_dir", c.opts.DataDir)
	})

	return c.closeErr
}

// refreshNextDueLocked recomputes nextDue from the active requests.
func (c *Cloud) refreshNextDueLocked() {
	next := int64(math.MaxInt64)
	for _, r := range c.st.active {
		if n := r.DueAt.UnixNano(); n < next {
			next = n
		}
	}
	c.nextDue.Store(next)
}

// poke wakes the background loop so that it reads the new due time.
func (c *Cloud) poke() {
	select {
	case c.wake <- struct{}{}:
	default:
	}
}
