package main

import (
	"errors"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strings"

	"github.com/spf13/cobra"
)

// logLevelEnv sets the log level when --log-level is not given.
const logLevelEnv = "SMUS_LOG_LEVEL"

// streams are the command's output streams: results on out, logs and
// errors on errOut.
type streams struct {
	out    io.Writer
	errOut io.Writer
}

// globalOptions are the flags every command shares.
type globalOptions struct {
	logLevel string
}

// logger returns a slog logger on errOut at the level from --log-level, the
// SMUS_LOG_LEVEL variable, or fallback, in that order.
func (g *globalOptions) logger(s streams, fallback slog.Level) (*slog.Logger, error) {
	name := g.logLevel
	if name == "" {
		name = os.Getenv(logLevelEnv)
	}
	level := fallback
	if name != "" {
		if err := level.UnmarshalText([]byte(name)); err != nil {
			return nil, fmt.Errorf("invalid log level %q: use debug, info, warn or error", name)
		}
	}

	return slog.New(slog.NewTextHandler(s.errOut, &slog.HandlerOptions{Level: level})), nil
}

// setDefaultLogger makes the slog default logger write to errOut at the
// level from --log-level or SMUS_LOG_LEVEL, when either is set, so that the
// debug logs of drift, compare and evidence appear. Without either it
// leaves the default logger alone.
func (g *globalOptions) setDefaultLogger(s streams) error {
	if g.logLevel == "" && os.Getenv(logLevelEnv) == "" {
		return nil
	}
	logger, err := g.logger(s, slog.LevelInfo)
	if err != nil {
		return err
	}
	slog.SetDefault(logger)

	return nil
}

func newRootCommand(s streams) *cobra.Command {
	// Subcommands such as local console add checks of their own, and the
	// root's logger set-up must still run before them.
	cobra.EnableTraverseRunHooks = true
	g := &globalOptions{}
	cmd := &cobra.Command{
		Use:   "smus",
		Short: "Infrastructure as code and governance for Amazon SageMaker Unified Studio",
		Long: "smus runs a local Cloud Control emulator and governance commands for SageMaker Unified Studio.\n\n" +
			fmt.Sprintf("Exit codes: %d success with nothing found, %d error, %d findings.", exitOK, exitError, exitFindings),
		SilenceUsage:  true,
		SilenceErrors: true,
		PersistentPreRunE: func(*cobra.Command, []string) error {
			return g.setDefaultLogger(s)
		},
	}
	cmd.SetOut(s.out)
	cmd.SetErr(s.errOut)
	cmd.PersistentFlags().StringVar(&g.logLevel, "log-level", "",
		"log level on stderr: debug, info, warn or error (default from "+logLevelEnv+")")
	cmd.SetFlagErrorFunc(func(c *cobra.Command, err error) error {
		return fmt.Errorf("%w\n\n%s", err, c.UsageString())
	})
	cmd.AddCommand(newVersionCommand(s), newLocalCommand(s, g), newLintCmd())
	cmd.AddCommand(newDriftCmd())
	cmd.AddCommand(newImportCmd())
	cmd.AddCommand(newCompareCmd())
	cmd.AddCommand(newEvidenceCmd())

	return cmd
}

// run executes the command line and returns the exit code.
func run(args []string, stdout, stderr io.Writer) int {
	s := streams{out: stdout, errOut: stderr}
	cmd := newRootCommand(s)
	cmd.SetArgs(args)
	err := cmd.Execute()
	var coded *exitCodeError
	if err != nil && (!errors.As(err, &coded) || coded.err != nil) {
		fmt.Fprintln(stderr, "Error: "+strings.TrimSpace(err.Error()))
	}

	return exitCode(err)
}
