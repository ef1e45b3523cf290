package drift

import "sync"

// Progress receives the progress of Run's calls: one phase for the
// listings in each managed domain (and of the IAM roles, when Run lists
// them), one for the project memberships, then one for the managed
// resources. Run calls its methods from one goroutine at a time.
type Progress interface {
	// Begin starts a phase of total steps, such as "check managed resources".
	Begin(phase string, total int)
	// Step marks one step of the current phase done.
	Step()
	// End finishes the current phase.
	End()
}

// noProgress is the Progress of a Run without one.
type noProgress struct{}

func (noProgress) Begin(string, int) {}
func (noProgress) Step()             {}
func (noProgress) End()              {}

// forEach calls fn for 0 to n-1 with at most Concurrency calls running at
// once, and reports each call done as one step of phase.
func (r *runner) forEach(phase string, n int, fn func(i int)) {
	if n == 0 {
		return
	}
	r.opts.Progress.Begin(phase, n)
	defer r.opts.Progress.End()
	var mu sync.Mutex
	forEach(r.opts.Concurrency, n, func(i int) {
		fn(i)
		mu.Lock()
		defer mu.Unlock()
		r.opts.Progress.Step()
	})
}
