package importer_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"sync/atomic"
	"testing"
	"time"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/importer"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// benchProjects is the number of projects of the benchmark domain.
const benchProjects = 200

// accountRequestRate is the per-account request rate of the benchmark's
// local cloud, as its ThrottleRPS.
const accountRequestRate = 25

// BenchmarkImport imports a domain with benchProjects projects, one
// membership each, from a local cloud that throttles at 25 requests per
// second and adds 20 ms to every call. It reports the API calls per
// resource and the wall time against the least time those calls need at
// the account's request rate. The calls include the DataZone reads of
// write-only values: one for the domain, each managed blueprint
// configuration, each project and each membership.
func BenchmarkImport(b *testing.B) {
	dir := b.TempDir()
	domainID := buildBenchDomain(b, dir)
	srv := localtest.Start(b, localcloud.Options{
		DataDir: dir, TimeScale: 0.0002, ThrottleRPS: accountRequestRate, Latency: 20 * time.Millisecond,
	})
	for _, rate := range []float64{cloudcontrol.DefaultRequestRate, accountRequestRate} {
		b.Run(fmt.Sprintf("client-rate-%g", rate), func(b *testing.B) {
			calls := &atomic.Int64{}
			client := newClient(srv, cloudcontrol.Options{RequestRate: rate}, calls)
			// Let the server's token bucket refill after the previous run.
			time.Sleep(2 * time.Second)
			resources := 0
			b.ResetTimer()
			for range b.N {
				inv, err := importer.Discover(context.Background(), importer.DiscoverInput{
					Client: client, DomainID: domainID, Region: localtest.Region,
				})
				if err != nil {
					b.Fatalf("discover: %v", err)
				}
				res, err := importer.Generate(importer.GenerateInput{Inventory: inv})
				if err != nil {
					b.Fatalf("generate: %v", err)
				}
				resources = len(res.Imports)
			}
			b.StopTimer()
			perOp := float64(calls.Load()) / float64(b.N)
			wall := b.Elapsed().Seconds() / float64(b.N)
			floor := perOp / accountRequestRate
			b.ReportMetric(perOp, "calls/op")
			b.ReportMetric(perOp/float64(resources), "calls/resource")
			b.ReportMetric(wall, "wall-s/op")
			b.ReportMetric(floor, "floor-s/op")
			b.ReportMetric(wall/floor, "wall/floor")
		})
	}
}

// buildBenchDomain builds the test domain and benchProjects-3 more
// projects, each with a membership, on a local cloud in dir without
// throttling, and closes it. It returns the domain id.
func buildBenchDomain(b *testing.B, dir string) string {
	b.Helper()
	cloud, err := localcloud.Open(localcloud.Options{DataDir: dir, TimeScale: 0.0002})
	if err != nil {
		b.Fatalf("open local cloud: %v", err)
	}
	httpSrv := httptest.NewServer(cloud.Handler())
	srv := &localtest.Server{URL: httpSrv.URL, Cloud: cloud}
	w := &world{server: srv, calls: &atomic.Int64{}, props: map[string]map[string]any{}, values: map[string]any{}}
	w.client = newClient(srv, fastOptions(), w.calls)
	buildDomain(b, w)
	profileID := w.props["profile"]["Id"].(string)
	console := localcloud.NewConsoleClient(srv.URL)
	for i := 3; i < benchProjects; i++ {
		out, err := console.Do(context.Background(), localcloud.ConsoleRequest{
			Action: localcloud.ActionCreateProject, Account: testAccount, Region: localtest.Region, Actor: testActor,
			DomainID: w.domainID, ProjectName: fmt.Sprintf("Project %03d", i), ProfileID: profileID,
		})
		if err != nil {
			b.Fatalf("create project %d: %v", i, err)
		}
		projectID := out.Identifier[len(w.domainID)+1:]
		w.create(b, fmt.Sprintf("membership:%d", i), "AWS::DataZone::ProjectMembership", map[string]any{
			"DomainIdentifier": w.domainID, "ProjectIdentifier": projectID, "Designation": "PROJECT_CONTRIBUTOR",
			"Member": map[string]any{"UserIdentifier": fmt.Sprintf("user-%03d", i)},
		})
	}
	httpSrv.Close()
	if err := cloud.Close(); err != nil {
		b.Fatalf("close local cloud: %v", err)
	}

	return w.domainID
}
