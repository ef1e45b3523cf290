package cloudcontrol_test

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"sync"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

func TestFileJournalConcurrentRecordForget(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	j, err := cloudcontrol.NewFileJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	var wg sync.WaitGroup
	for i := range 40 {
		wg.Go(func() {
			e := cloudcontrol.ProgressEvent{
				RequestToken: fmt.Sprintf("t%02d", i), TypeName: roleType, Operation: "CREATE",
				OperationStatus: "IN_PROGRESS", ResourceModel: map[string]any{"Secret": "s"},
			}
			if err := j.Record(ctx, e); err != nil {
				t.Errorf("Record: %v", err)
			}
			if i%2 == 0 {
				if err := j.Forget(ctx, e.RequestToken); err != nil {
					t.Errorf("Forget: %v", err)
				}
			}
		})
	}
	wg.Wait()

	pending, err := j.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}

	var got, want []string
	for _, e := range pending {
		got = append(got, e.RequestToken)
		if e.ResourceModel != nil {
			t.Errorf("journal kept the resource model of %s", e.RequestToken)
		}
	}
	for i := 1; i < 40; i += 2 {
		want = append(want, fmt.Sprintf("t%02d", i))
	}
	sort.Strings(got)
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("pending (-want +got):\n%s", diff)
	}
}

func TestFileJournalSurvivesReopen(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ctx := context.Background()
	j1, err := cloudcontrol.NewFileJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	if err := j1.Record(ctx, cloudcontrol.ProgressEvent{RequestToken: "a", OperationStatus: "PENDING"}); err != nil {
		t.Fatal(err)
	}

	j2, err := cloudcontrol.NewFileJournal(dir)
	if err != nil {
		t.Fatal(err)
	}
	pending, err := j2.Pending(ctx)
	if err != nil {
		t.Fatal(err)
	}

	if len(pending) != 1 || pending[0].RequestToken != "a" {
		t.Fatalf("pending = %+v, want request a", pending)
	}
	if err := j2.Forget(ctx, "a"); err != nil {
		t.Fatal(err)
	}
	info, err := os.Stat(filepath.Join(dir, cloudcontrol.JournalFileName))
	if err != nil {
		t.Fatal(err)
	}
	if info.Size() != 0 {
		t.Errorf("journal size after forgetting every request = %d, want 0", info.Size())
	}
}

func TestFileJournalRejectsCorruptLine(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, cloudcontrol.JournalFileName), []byte("{not json\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	j, err := cloudcontrol.NewFileJournal(dir)
	if err != nil {
		t.Fatal(err)
	}

	if _, err := j.Pending(context.Background()); err == nil {
		t.Fatal("Pending returned no error for a corrupt line")
	}
}
