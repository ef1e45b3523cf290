package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/smus-dev/smus/internal/localcloud"
)

// defaultListen is the address of `smus local` and the console's default
// endpoint.
const defaultListen = "127.0.0.1:4566"

// shutdownTimeout bounds how long in-flight HTTP requests may take to
// finish after SIGINT or SIGTERM.
const shutdownTimeout = 10 * time.Second

type localOptions struct {
	listen  string
	cloud   localcloud.Options
	global  *globalOptions
	streams streams
}

func newLocalCommand(s streams, g *globalOptions) *cobra.Command {
	opts := &localOptions{global: g, streams: s, cloud: localcloud.NewOptions("")}
	cmd := &cobra.Command{
		Use:   "local",
		Short: "Run the local cloud, an emulator of the AWS Cloud Control API",
		Long: "Run the local cloud in the foreground until SIGINT or SIGTERM. It serves the Cloud Control API, " +
			"STS GetCallerIdentity, DataZone ListEnvironmentBlueprints and the console admin API on one " +
			"loopback address, and keeps its state in --data-dir. Point an AWS client at the printed URL " +
			"with an access key id that is a 12-digit account id.",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runLocal(cmd.Context(), opts)
		},
	}
	f := cmd.Flags()
	f.StringVar(&opts.listen, "listen", defaultListen, "loopback address and port to listen on")
	f.StringVar(&opts.cloud.DataDir, "data-dir", "", "directory of the local cloud's database (required)")
	f.Float64Var(&opts.cloud.TimeScale, "time-scale", localcloud.DefaultTimeScale,
		"factor applied to simulated durations, such as 0.01 for a 6-second domain creation")
	f.Float64Var(&opts.cloud.ThrottleRPS, "throttle-rps", localcloud.DefaultThrottleRPS,
		"requests per second per account before ThrottlingException; 0 turns throttling off")
	f.DurationVar(&opts.cloud.Latency, "latency", 0, "delay added to every API call, such as 50ms")
	f.BoolVar(&opts.cloud.Strict, "strict", false, "reproduce the real API's known limitations")
	_ = cmd.MarkFlagRequired("data-dir")
	cmd.AddCommand(newConsoleCommand(s))

	return cmd
}

// loopbackAddress checks that addr binds only to a loopback interface and
// returns it with "localhost" replaced by 127.0.0.1.
func loopbackAddress(addr string) (string, error) {
	host, port, err := net.SplitHostPort(addr)
	if err != nil {
		return "", fmt.Errorf("invalid --listen address %q: %w; use host:port such as %s", addr, err, defaultListen)
	}
	if host == "localhost" {
		return net.JoinHostPort("127.0.0.1", port), nil
	}
	if ip := net.ParseIP(host); ip == nil || !ip.IsLoopback() {
		return "", fmt.Errorf("--listen address %q is not a loopback address; the local cloud serves an "+
			"unauthenticated admin API, so it binds only to 127.0.0.1, ::1 or localhost", addr)
	}

	return addr, nil
}

func runLocal(ctx context.Context, opts *localOptions) error {
	addr, err := loopbackAddress(opts.listen)
	if err != nil {
		return err
	}
	if ts := opts.cloud.TimeScale; !(ts > 0) || math.IsInf(ts, 0) {
		return fmt.Errorf("invalid --time-scale %v: use a finite value above 0, such as 0.01", ts)
	}
	logger, err := opts.global.logger(opts.streams, slog.LevelInfo)
	if err != nil {
		return err
	}
	// Signals are caught before the URL is printed, so that a caller that
	// stops the server right after reading the URL gets a clean shutdown.
	ctx, stop := signal.NotifyContext(ctx, os.Interrupt, syscall.SIGTERM)
	defer stop()
	cloudOpts := opts.cloud
	cloudOpts.Logger = logger
	cloud, err := localcloud.Open(cloudOpts)
	if err != nil {
		return err
	}
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return errors.Join(fmt.Errorf("listen on %s: %w; choose a free port with --listen", addr, err), cloud.Close())
	}
	url := "http://" + ln.Addr().String()
	logger.Info("local cloud listening", "component", "cli", "url", url, "data_dir", cloudOpts.DataDir)
	fmt.Fprintln(opts.streams.out, url)

	return serveUntilSignal(ctx, ln, cloud, logger)
}

// serveUntilSignal serves until ctx ends, then lets running requests
// finish and closes the store.
func serveUntilSignal(ctx context.Context, ln net.Listener, cloud *localcloud.Cloud, logger *slog.Logger) error {
	srv := &http.Server{Handler: cloud.Handler(), ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()
	var serveErr error
	select {
	case <-ctx.Done():
		logger.Info("local cloud stopping", "component", "cli")
	case serveErr = <-served:
	}
	shutdownCtx, cancel := context.WithTimeout(context.Background(), shutdownTimeout)
	defer cancel()
	if err := srv.Shutdown(shutdownCtx); err != nil {
		serveErr = errors.Join(serveErr, fmt.Errorf("shut down HTTP server: %w", err))
	}
	if errors.Is(serveErr, http.ErrServerClosed) {
		serveErr = nil
	}
	if err := cloud.Close(); err != nil {
		serveErr = errors.Join(serveErr, fmt.Errorf("close local cloud store: %w", err))
	}
	logger.Info("local cloud stopped", "component", "cli")

	return serveErr
}
