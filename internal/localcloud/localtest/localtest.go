// Package localtest starts a local cloud on a loopback port for tests.
package localtest

import (
	"net/http/httptest"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/smus-dev/smus/internal/localcloud"
)

// Region is the region of the configurations that Config returns.
const Region = "us-east-1"

// Server is a local cloud served over HTTP on 127.0.0.1.
type Server struct {
	// URL is the base URL, such as http://127.0.0.1:40123.
	URL string
	// Cloud is the running emulator.
	Cloud *localcloud.Cloud

	srv *httptest.Server
}

// Start opens a local cloud with opts and serves it on a free loopback
// port until the test ends. An empty opts.DataDir becomes t.TempDir(); the
// other options are used as given, so a zero ThrottleRPS leaves throttling
// off.
func Start(t testing.TB, opts localcloud.Options) *Server {
	t.Helper()
	if opts.DataDir == "" {
		opts.DataDir = t.TempDir()
	}
	cloud, err := localcloud.Open(opts)
	if err != nil {
		t.Fatalf("start local cloud: %v", err)
	}
	srv := httptest.NewServer(cloud.Handler())
	t.Cleanup(func() {
		srv.Close()
		if err := cloud.Close(); err != nil {
			t.Errorf("close local cloud: %v", err)
		}
	})

	return &Server{URL: srv.URL, Cloud: cloud, srv: srv}
}

// Config returns an AWS SDK configuration that sends every request of
// account to this server: static credentials whose access key id is the
// account id, region Region, and retries turned off so that tests see
// each error.
func (s *Server) Config(account string) aws.Config {
	return aws.Config{
		Region:       Region,
		Credentials:  credentials.NewStaticCredentialsProvider(account, "local", ""),
		BaseEndpoint: aws.String(s.URL),
		Retryer:      func() aws.Retryer { return aws.NopRetryer{} },
	}
}
