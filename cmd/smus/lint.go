package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"

	"github.com/spf13/cobra"

	"github.com/smus-dev/smus/internal/lint"
)

// lintOptions holds the flags and arguments of smus lint.
type lintOptions struct {
	Paths                  []string
	Format                 string
	ConfigFile             string
	MinimumFailureSeverity string
	NoFail                 bool
}

// lintFormats maps --format values to renderers.
var lintFormats = map[string]func(w io.Writer, res *lint.Result) error{
	"text":  renderLintText,
	"json":  renderLintJSON,
	"sarif": renderLintSARIF,
}

func newLintCmd() *cobra.Command {
	opts := &lintOptions{}
	cmd := &cobra.Command{
		Use:   "lint [PATH...]",
		Short: "Check Terraform and OpenTofu code for SageMaker Unified Studio anti-patterns",
		Long: "Lint parses the .tf and .tf.json files under each PATH (default: the current directory),\n" +
			"recursively except .terraform and .git, and reports unpinned modules, shared state across\n" +
			"environments, weak state backends, short domain timeouts, IAM roles created by the platform,\n" +
			"ignore_changes that hides drift and other anti-patterns. Each rule is described in\n" +
			"docs/lint/<rule>.md.\n\n" +
			"Suppress a finding with a comment \"# smus:ignore RULE reason\" at the end of its line or on\n" +
			"the line above it. Settings are read from the nearest .smus-lint.hcl at or above the first PATH, up to the repository root, or from --config.\n\n" +
			"Exit codes:\n" +
			"  0  no findings at or above --minimum-failure-severity\n" +
			"  1  error: invalid flags or configuration, or an input that could not be checked\n" +
			"  2  findings at or above --minimum-failure-severity (0 with --no-fail)",
		Example: "  smus lint\n  smus lint envs/prod modules --format sarif > lint.sarif",
		RunE: func(cmd *cobra.Command, args []string) error {
			opts.Paths = args
			if code := runLint(cmd.Context(), opts, cmd.OutOrStdout(), cmd.ErrOrStderr()); code != exitOK {
				return &exitCodeError{code: code}
			}

			return nil
		},
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.Flags().StringVar(&opts.Format, "format", "text", "output format: text, json or sarif")
	cmd.Flags().StringVar(&opts.ConfigFile, "config", "",
		"configuration file (default: "+lint.DefaultConfigFile+" in the first PATH, if present)")
	cmd.Flags().StringVar(&opts.MinimumFailureSeverity, "minimum-failure-severity", "warning",
		"lowest finding severity that makes the exit code 2: error, warning or notice")
	cmd.Flags().BoolVar(&opts.NoFail, "no-fail", false, "exit 0 when there are findings; errors still exit 1")

	return cmd
}

// runLint lints, writes the report to out and problems with the command
// itself to errOut, and returns the exit code.
func runLint(ctx context.Context, opts *lintOptions, out, errOut io.Writer) int {
	if ctx == nil {
		ctx = context.Background()
	}
	render, ok := lintFormats[opts.Format]
	if !ok {
		fmt.Fprintf(errOut, "error: invalid --format %q: use text, json or sarif\n", opts.Format)

		return exitError
	}
	minimum, err := lint.ParseSeverity(opts.MinimumFailureSeverity)
	if err != nil {
		fmt.Fprintf(errOut, "error: --minimum-failure-severity: %v\n", err)

		return exitError
	}
	lintOpts := lint.Options{Paths: opts.Paths}
	if opts.ConfigFile != "" {
		cfg, err := lint.LoadConfig(opts.ConfigFile, false)
		if err != nil {
			fmt.Fprintf(errOut, "error: %v\n", err)

			return exitError
		}
		lintOpts.Config = cfg
	}
	res, err := lint.Lint(ctx, lintOpts)
	if err != nil {
		fmt.Fprintf(errOut, "error: %v\n", err)

		return exitError
	}
	slog.Debug("lint finished", "component", "lint", "findings", len(res.Findings), "errors", len(res.Errors))
	if err := render(out, res); err != nil {
		fmt.Fprintf(errOut, "error: write lint report: %v\n", err)

		return exitError
	}
	if opts.Format == "text" {
		for _, e := range res.Errors {
			fmt.Fprintf(errOut, "error: %s\n", e.Error())
		}
	}

	return lintExitCode(res, minimum, opts.NoFail)
}

func lintExitCode(res *lint.Result, minimum lint.Severity, noFail bool) int {
	switch {
	case len(res.Errors) > 0:
		return exitError
	case res.Failed(minimum) && !noFail:
		return exitFindings
	}

	return exitOK
}
