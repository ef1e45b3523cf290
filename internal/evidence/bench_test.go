package evidence_test

import (
	"context"
	"fmt"
	"path/filepath"
	"testing"

	"github.com/smus-dev/smus/internal/evidence"
	"github.com/smus-dev/smus/internal/evidence/evidencetest"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
	"github.com/smus-dev/smus/internal/tfstate"
)

// BenchmarkEvidence500Projects collects and writes the evidence of an
// environment of 500 projects whose roles are shared by pairs of projects
// (250 roles, 250 customer managed policy references, 500 Lake Formation
// grants), on a local cloud in process with throttling off.
func BenchmarkEvidence500Projects(b *testing.B) {
	ctx := context.Background()
	srv := localtest.Start(b, localcloud.Options{TimeScale: 0.00001})
	projects := make([]evidencetest.Project, 500)
	for i := range projects {
		projects[i] = evidencetest.Project{Name: fmt.Sprintf("project-%03d", i),
			Actions: []string{"s3:GetObject"}, Role: fmt.Sprintf("role-%03d", i/2)}
	}
	path := evidencetest.Build(ctx, b, srv, evidencetest.Env{Name: "prod", Account: account, Projects: projects,
		Concurrency: 32})
	st, err := tfstate.Load(ctx, tfstate.Source{File: path})
	if err != nil {
		b.Fatal(err)
	}
	client := evidencetest.NewClient(srv, account)
	dir := b.TempDir()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		ev, err := evidence.Collect(ctx, evidence.Options{State: st, Client: client, Version: "bench"})
		if err != nil {
			b.Fatal(err)
		}
		if err := evidence.Write(ev, evidence.WriteOptions{Out: filepath.Join(dir, fmt.Sprint(i))}); err != nil {
			b.Fatal(err)
		}
	}
}
