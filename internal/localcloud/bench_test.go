package localcloud_test

import (
	"context"
	"fmt"
	"net/http"
	"runtime"
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"

	"github.com/smus-dev/smus/internal/localcloud"
)

// BenchmarkGetResource measures GetResource over loopback HTTP with
// throttling off, from parallel raw clients, so the number is the server's
// throughput rather than the SDK's.
func BenchmarkGetResource(b *testing.B) {
	f := startBench(b)
	f.seedRoles(b, 100)
	auth := strings.Replace(signature, "%s", account, 1)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			body := fmt.Sprintf(`{"TypeName":"AWS::IAM::Role","Identifier":"role-%04d"}`, i%100)
			req, _ := http.NewRequest(http.MethodPost, f.srv.URL+"/", strings.NewReader(body))
			req.Header.Set("X-Amz-Target", "CloudApiService.GetResource")
			req.Header.Set("Authorization", auth)
			resp, err := client.Do(req)
			if err != nil {
				b.Errorf("get: %v", err)

				return
			}
			resp.Body.Close()
			if resp.StatusCode != http.StatusOK {
				b.Errorf("status %d", resp.StatusCode)
			}
			i++
		}
	})
}

// BenchmarkResidentMemory reports the heap after loading 10,000 resident
// resources. Run it with -benchtime=1x.
func BenchmarkResidentMemory(b *testing.B) {
	for range b.N {
		f := startBench(b)
		f.seedRoles(b, 10000)
		runtime.GC()
		var m runtime.MemStats
		runtime.ReadMemStats(&m)
		b.ReportMetric(float64(m.HeapAlloc)/(1<<20), "heap-MiB")
	}
}

func startBench(b *testing.B) *fixture {
	b.Helper()
	srv := startServer(b, localcloud.Options{TimeScale: 0.00001})

	return &fixture{srv: srv, cc: cloudcontrol.NewFromConfig(srv.Config(account))}
}

// seedRoles creates n roles with inline policies, concurrently.
func (f *fixture) seedRoles(b *testing.B, n int) {
	b.Helper()
	ctx := context.Background()
	sem := make(chan struct{}, 32)
	errs := make(chan error, n)
	for i := range n {
		sem <- struct{}{}
		go func() {
			defer func() { <-sem }()
			model := roleModel(fmt.Sprintf("role-%04d", i))
			model["Description"] = "benchmark role with an inline policy"
			model["Policies"] = []any{map[string]any{"PolicyName": "read", "PolicyDocument": map[string]any{
				"Version": "2012-10-17", "Statement": []any{map[string]any{"Effect": "Allow",
					"Action": []any{"s3:GetObject", "s3:ListBucket"}, "Resource": "arn:aws:s3:::data/*"}}}}}
			_, err := f.cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
				TypeName: aws.String("AWS::IAM::Role"), DesiredState: aws.String(fmt.Sprint(mustJSONb(model))),
			})
			errs <- err
		}()
	}
	for range n {
		if err := <-errs; err != nil {
			b.Fatalf("seed: %v", err)
		}
	}
}
