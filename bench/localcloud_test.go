package bench

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

const benchAccount = "111111111111"

// rawClient sends Cloud Control calls with a fixed SigV4-shaped header, so
// that the figures measure the local cloud rather than request signing.
type rawClient struct {
	url  string
	http *http.Client
}

func newRawClient(url string) *rawClient {
	tr := &http.Transport{MaxIdleConns: 64, MaxIdleConnsPerHost: 64, IdleConnTimeout: time.Minute}

	return &rawClient{url: url, http: &http.Client{Transport: tr, Timeout: 30 * time.Second}}
}

func (c *rawClient) call(op string, body any) (map[string]any, error) {
	payload, err := json.Marshal(body)
	if err != nil {
		return nil, err
	}
	req, err := http.NewRequest(http.MethodPost, c.url+"/", bytes.NewReader(payload))
	if err != nil {
		return nil, err
	}
	req.Header.Set("Content-Type", "application/x-amz-json-1.0")
	req.Header.Set("X-Amz-Target", "CloudApiService."+op)
	req.Header.Set("Authorization", "AWS4-HMAC-SHA256 Credential="+benchAccount+
		"/20261204/us-east-1/cloudcontrolapi/aws4_request, SignedHeaders=host;x-amz-date, Signature=0")
	resp, err := c.http.Do(req)
	if err != nil {
		return nil, err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("%s: HTTP %d: %s", op, resp.StatusCode, data)
	}
	var out map[string]any
	if err := json.Unmarshal(data, &out); err != nil {
		return nil, err
	}

	return out, nil
}

// createParameters creates n SSM parameters with a few concurrent workers
// and waits until the last request has finished.
func createParameters(tb testing.TB, c *rawClient, n int) {
	tb.Helper()
	var wg sync.WaitGroup
	errs := make(chan error, 8)
	next := make(chan int)
	for w := 0; w < 8; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				state := fmt.Sprintf(`{"Name":"/bench/param-%06d","Type":"String","Value":"v%d"}`, i, i)
				_, err := c.call("CreateResource", map[string]any{
					"TypeName": "AWS::SSM::Parameter", "DesiredState": state,
					"ClientToken": fmt.Sprintf("bench-%06d", i),
				})
				if err != nil {
					select {
					case errs <- err:
					default:
					}

					return
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	select {
	case err := <-errs:
		tb.Fatalf("create parameters: %v", err)
	default:
	}
	waitForParameter(tb, c, fmt.Sprintf("/bench/param-%06d", n-1))
}

func waitForParameter(tb testing.TB, c *rawClient, name string) {
	tb.Helper()
	deadline := time.Now().Add(2 * time.Minute)
	for time.Now().Before(deadline) {
		_, err := c.call("GetResource", map[string]any{"TypeName": "AWS::SSM::Parameter", "Identifier": name})
		if err == nil {
			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.Fatalf("parameter %s was not created within two minutes", name)
}

// BenchmarkGetResource measures GetResource throughput of an in-process
// local cloud with throttling off; the client runs in the same process and
// shares the same cores.
func BenchmarkGetResource(b *testing.B) {
	srv := localtest.Start(b, localcloud.Options{TimeScale: 0.0001})
	c := newRawClient(srv.URL)
	const resources = 1000
	createParameters(b, c, resources)
	b.ResetTimer()
	var mu sync.Mutex
	var failed error
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			name := fmt.Sprintf("/bench/param-%06d", i%resources)
			if _, err := c.call("GetResource", map[string]any{
				"TypeName": "AWS::SSM::Parameter", "Identifier": name,
			}); err != nil {
				mu.Lock()
				failed = err
				mu.Unlock()
			}
			i++
		}
	})
	b.StopTimer()
	if failed != nil {
		b.Fatal(failed)
	}
	b.ReportMetric(float64(b.N)/b.Elapsed().Seconds(), "calls/s")
}

// BenchmarkResidentMemory starts `smus local` as its own process, creates
// 10,000 resources in it and reports the process's resident set size.
func BenchmarkResidentMemory(b *testing.B) {
	bin := smusBinary(b)
	for i := 0; i < b.N; i++ {
		rss := measureResident(b, bin, 10000)
		b.ReportMetric(rss/(1<<20), "MB-rss")
	}
}

func measureResident(b *testing.B, bin string, n int) float64 {
	b.Helper()
	addr := freeAddr(b)
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	cmd := exec.CommandContext(ctx, bin, "local", "--listen", addr, "--data-dir", b.TempDir(),
		"--time-scale", "0.0001", "--throttle-rps", "0")
	cmd.Stderr = io.Discard
	if err := cmd.Start(); err != nil {
		b.Fatalf("start smus local: %v", err)
	}
	defer func() { _ = cmd.Process.Kill(); _ = cmd.Wait() }()
	c := newRawClient("http://" + addr)
	waitForListener(b, addr)
	createParameters(b, c, n)

	return residentBytes(b, cmd.Process.Pid)
}

func residentBytes(b *testing.B, pid int) float64 {
	b.Helper()
	f, err := os.Open(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		b.Skipf("resident memory needs /proc: %v", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "VmRSS:"); ok {
			kb, err := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 64)
			if err != nil {
				b.Fatalf("parse VmRSS %q: %v", rest, err)
			}

			return kb * 1024
		}
	}
	b.Fatal("no VmRSS line in /proc status")

	return 0
}

func smusBinary(b *testing.B) string {
	b.Helper()
	if p := os.Getenv("SMUS_BIN"); p != "" {
		return p
	}
	out := filepath.Join(b.TempDir(), "smus")
	build := exec.Command("go", "build", "-o", out, "github.com/smus-dev/smus/cmd/smus")
	if msg, err := build.CombinedOutput(); err != nil {
		b.Fatalf("build smus: %v\n%s", err, msg)
	}

	return out
}

func freeAddr(tb testing.TB) string {
	tb.Helper()
	l, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		tb.Fatal(err)
	}
	defer l.Close()

	return l.Addr().String()
}

func waitForListener(tb testing.TB, addr string) {
	tb.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for time.Now().Before(deadline) {
		conn, err := net.DialTimeout("tcp", addr, 200*time.Millisecond)
		if err == nil {
			conn.Close()

			return
		}
		time.Sleep(50 * time.Millisecond)
	}
	tb.Fatalf("smus local did not listen on %s within 20 s", addr)
}
