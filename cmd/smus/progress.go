package main

import (
	"fmt"
	"io"
	"os"

	"github.com/schollz/progressbar/v3"

	"github.com/smus-dev/smus/internal/drift"
	"github.com/smus-dev/smus/internal/evidence"
)

// progress reports the phases of a long command. It satisfies both
// evidence.Progress and drift.Progress; callers call it from one goroutine
// at a time.
type progress interface {
	Begin(phase string, total int)
	Step()
	End()
}

var (
	_ evidence.Progress = progress(nil)
	_ drift.Progress    = progress(nil)
)

// newProgress returns a progress bar on w when w is a terminal, plain lines
// otherwise, and nothing at all when quiet is set.
func newProgress(w io.Writer, quiet bool) progress {
	if quiet {
		return quietProgress{}
	}
	if f, ok := w.(*os.File); ok && isTerminal(f) {
		return &barProgress{w: w}
	}

	return &lineProgress{w: w}
}

// quietProgress prints nothing.
type quietProgress struct{}

func (quietProgress) Begin(string, int) {}
func (quietProgress) Step()             {}
func (quietProgress) End()              {}

func isTerminal(f *os.File) bool {
	st, err := f.Stat()

	return err == nil && st.Mode()&os.ModeCharDevice != 0
}

// barProgress draws one progress bar per phase.
type barProgress struct {
	w   io.Writer
	bar *progressbar.ProgressBar
}

func (p *barProgress) Begin(phase string, total int) {
	p.bar = progressbar.NewOptions(total, progressbar.OptionSetWriter(p.w), progressbar.OptionSetDescription(phase),
		progressbar.OptionShowCount(), progressbar.OptionClearOnFinish())
}

func (p *barProgress) Step() { _ = p.bar.Add(1) }

func (p *barProgress) End() { _ = p.bar.Finish() }

// lineProgress prints a line when a phase starts and ends, and one per
// tenth of the way, so logs stay short.
type lineProgress struct {
	w            io.Writer
	phase        string
	total, done  int
	lastReported int
}

func (p *lineProgress) Begin(phase string, total int) {
	p.phase, p.total, p.done, p.lastReported = phase, total, 0, 0
	fmt.Fprintf(p.w, "%s: 0/%d\n", phase, total)
}

func (p *lineProgress) Step() {
	p.done++
	if p.total >= 10 && p.done-p.lastReported >= p.total/10 && p.done < p.total {
		p.lastReported = p.done
		fmt.Fprintf(p.w, "%s: %d/%d\n", p.phase, p.done, p.total)
	}
}

func (p *lineProgress) End() {
	fmt.Fprintf(p.w, "%s: %d/%d done\n", p.phase, p.done, p.total)
}
