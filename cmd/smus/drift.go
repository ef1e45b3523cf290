package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/drift"
	"github.com/smus-dev/smus/internal/tfstate"
)

// driftOptions holds the flags of smus drift.
type driftOptions struct {
	Dir       string
	Workspace string
	StateFile string
	Format    string
	Endpoint  string
	Region    string
	// MaxRequestRate is the client's request rate per second; zero selects
	// cloudcontrol.DefaultRequestRate.
	MaxRequestRate float64
	// Quiet turns the progress output on stderr off.
	Quiet bool
}

// driftFormats maps --format values to renderers.
var driftFormats = map[string]func(w io.Writer, r *drift.Report) error{
	"text":  renderDriftText,
	"json":  renderDriftJSON,
	"sarif": renderDriftSARIF,
}

func newDriftCmd() *cobra.Command {
	opts := &driftOptions{}
	cmd := &cobra.Command{
		Use:   "drift",
		Short: "Compare the declared state with the live account",
		Long: "Drift reads the state of a configuration (through tofu or terraform, or from a state file)\n" +
			"and the live account through the AWS Cloud Control API, and reports smus_* resources changed\n" +
			"or deleted out of band, and blueprint configurations, project profiles, projects and project\n" +
			"memberships created by hand inside the managed domains. Write-only properties are never\n" +
			"compared. On the local cloud each finding names who made the change and when.\n\n" +
			"Credentials, region and endpoints come from the standard AWS configuration (AWS_PROFILE,\n" +
			"AWS_REGION, AWS_ENDPOINT_URL_CLOUDCONTROL, AWS_ENDPOINT_URL_STS, AWS_ENDPOINT_URL_DATAZONE,\n" +
			"AWS_ENDPOINT_URL); --endpoint and --region override them.\n\n" +
			"Exit codes:\n" +
			"  0  no drift\n" +
			"  1  error: unusable state, unreachable endpoint, wrong account, or a resource that could not be checked\n" +
			"  2  drift found",
		Example: "  smus drift --dir envs/prod\n" +
			"  smus drift --state terraform.tfstate --endpoint http://127.0.0.1:4566 --format json",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runDrift(cmd.Context(), opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	f := cmd.Flags()
	f.StringVar(&opts.Dir, "dir", ".", "configuration directory whose state is read through tofu or terraform")
	f.StringVar(&opts.Workspace, "workspace", "", "workspace of --dir (default: the current one)")
	f.StringVar(&opts.StateFile, "state", "", "state file, or saved \"tofu show -json\" output, to read instead of --dir")
	f.StringVar(&opts.Format, "format", "text", "output format: text, json or sarif")
	f.StringVar(&opts.Endpoint, "endpoint", "",
		"endpoint URL for Cloud Control, STS and DataZone, such as http://127.0.0.1:4566 for smus local")
	f.StringVar(&opts.Region, "region", "", "AWS region (default from AWS_REGION or the profile)")
	f.Float64Var(&opts.MaxRequestRate, "max-request-rate", 0,
		fmt.Sprintf("Cloud Control requests per second (default %d)", cloudcontrol.DefaultRequestRate))
	f.BoolVar(&opts.Quiet, "quiet", false, "print no progress on stderr")
	cmd.MarkFlagsMutuallyExclusive("state", "workspace")
	cmd.MarkFlagsMutuallyExclusive("state", "dir")

	return cmd
}

// runDrift runs the comparison, writes the report to out and returns nil,
// an *exitCodeError for drift or incomplete reports, or the error that
// stopped the run.
func runDrift(ctx context.Context, opts *driftOptions, out, errOut io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	render, ok := driftFormats[opts.Format]
	if !ok {
		return fmt.Errorf("invalid --format %q: use text, json or sarif", opts.Format)
	}
	if opts.MaxRequestRate < 0 {
		return fmt.Errorf("invalid --max-request-rate %v: use a positive number of requests per second, "+
			"or 0 for the default", opts.MaxRequestRate)
	}
	st, err := tfstate.Load(ctx, tfstate.Source{File: opts.StateFile, Dir: opts.Dir, Workspace: opts.Workspace})
	if errors.Is(err, tfstate.ErrEmpty) && opts.Workspace != "" {
		// With a local backend, `state pull` prints nothing for a
		// workspace that does not exist.
		return fmt.Errorf("%w; if workspace %q does not exist, list the workspaces with `tofu workspace list` "+
			"(or `terraform workspace list`) in %s", err, opts.Workspace, opts.Dir)
	}
	if err != nil {
		return err
	}
	cfg, endpoints, err := loadAccountConfig(ctx, accountAccess{Endpoint: opts.Endpoint, Region: opts.Region})
	if err != nil {
		return err
	}
	drift.CountCalls(&cfg)
	client := cloudcontrol.NewFromConfig(cfg, endpoints, cloudcontrol.Options{
		RequestRate: opts.MaxRequestRate,
		Logger: cloudcontrol.LoggerFunc(func(ctx context.Context, msg string, kv ...any) {
			slog.DebugContext(ctx, msg, append([]any{"component", "drift"}, kv...)...)
		}),
	})
	activity, err := probeEndpoint(ctx, endpoints.CloudControl)
	if err != nil {
		return err
	}
	runOpts := drift.Options{State: st, Client: client, Endpoint: endpoints.STS, Activity: activity,
		Progress: newProgress(errOut, opts.Quiet)}
	report, err := drift.Run(ctx, runOpts)
	if err != nil {
		return err
	}
	if err := render(out, report); err != nil {
		return fmt.Errorf("write the drift report: %w", err)
	}
	if opts.Format == "text" {
		for _, e := range report.Errors {
			fmt.Fprintf(errOut, "error: %s\n", driftErrorText(e))
		}
	}

	return driftResult(report)
}

// driftResult maps a report to the command's result: errors first, then
// findings.
func driftResult(report *drift.Report) error {
	switch {
	case len(report.Errors) > 0:
		return &exitCodeError{code: exitError}
	case report.HasDrift():
		return &exitCodeError{code: exitFindings}
	}

	return nil
}

func driftErrorText(e drift.Error) string {
	if e.Address == "" {
		return e.Message
	}

	return e.Address + ": " + e.Message
}
