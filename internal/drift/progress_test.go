package drift_test

import (
	"context"
	"fmt"
	"testing"
	"time"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/drift"
	"github.com/smus-dev/smus/internal/drift/drifttest"
)

// recordedProgress records each phase as "phase: steps/total".
type recordedProgress struct {
	phases []string
	phase  string
	total  int
	steps  int
}

func (p *recordedProgress) Begin(phase string, total int) {
	p.phase, p.total, p.steps = phase, total, 0
}
func (p *recordedProgress) Step() { p.steps++ }
func (p *recordedProgress) End() {
	p.phases = append(p.phases, fmt.Sprintf("%s: %d/%d", p.phase, p.steps, p.total))
}

func TestRunReportsProgress(t *testing.T) {
	t.Parallel()
	ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
	defer cancel()
	w := drifttest.Build(ctx, t)
	st := loadState(ctx, t, w.WriteState(t))
	progress := &recordedProgress{}

	_, err := drift.Run(ctx, drift.Options{State: st, Client: w.Client, Endpoint: w.Server.URL, Progress: progress})
	if err != nil {
		t.Fatalf("Run: %v", err)
	}
	// 3 listings in the one domain, the memberships of its 2 projects,
	// then the 7 managed resources.
	want := []string{
		"list resources in managed domains: 3/3",
		"list project memberships: 2/2",
		"check managed resources: 7/7",
	}
	if diff := cmp.Diff(want, progress.phases); diff != "" {
		t.Errorf("progress phases (-want +got):\n%s", diff)
	}
}
