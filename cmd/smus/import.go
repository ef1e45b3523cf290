package main

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"

	"github.com/spf13/cobra"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/importer"
)

// importOptions holds the flags of smus import.
type importOptions struct {
	DomainID string
	Out      string
	DryRun   bool
	Force    bool
	Endpoint string
	Region   string
}

func newImportCmd() *cobra.Command {
	opts := &importOptions{}
	cmd := &cobra.Command{
		Use:   "import --domain ID",
		Short: "Generate smus configuration and import blocks for a hand-built domain",
		Long: "Import reads a SageMaker Unified Studio domain through the AWS Cloud Control API (the domain,\n" +
			"its blueprint configurations, project profiles, projects, project memberships and the IAM roles\n" +
			"they name) and writes HCL for the smus provider with an import block for every resource, so that\n" +
			"`tofu plan` imports them. Write-only values that Cloud Control never returns are read through\n" +
			"the DataZone API where it returns them (the domain's service role, blueprint permissions\n" +
			"boundaries and Lake Formation settings, project profile ids and user parameters, membership\n" +
			"designations). The others, and any whose DataZone read fails, become input variables; the\n" +
			"summary lists them and warns about the failed reads. Resources that .tf files in --out already\n" +
			"declare are adopted: they get an import block aimed at their address and no second resource\n" +
			"block. Lake Formation grants cannot be discovered through Cloud Control and must be declared\n" +
			"by hand.\n\n" +
			"Files are written only when the whole configuration has been generated, and an existing file\n" +
			"of the same name is never replaced unless --force is given.\n\n" +
			"Credentials, region and endpoints come from the standard AWS configuration; --endpoint and\n" +
			"--region override them.\n\n" +
			"Exit codes:\n" +
			"  0  configuration generated (or shown with --dry-run)\n" +
			"  1  error: unknown domain, access denied, unreachable endpoint, conflicting files",
		Example: "  smus import --domain dzd_4p9n6sw4qt9xgn --out platform/prod\n" +
			"  smus import --domain dzd_4p9n6sw4qt9xgn --dry-run --endpoint http://127.0.0.1:4566",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runImport(cmd.Context(), opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	f := cmd.Flags()
	f.StringVar(&opts.DomainID, "domain", "", "id of the domain to import, such as dzd_4p9n6sw4qt9xgn (required)")
	f.StringVar(&opts.Out, "out", ".", "directory to write the configuration to; created when missing")
	f.BoolVar(&opts.DryRun, "dry-run", false, "print the files that would be written and write nothing")
	f.BoolVar(&opts.Force, "force", false, "overwrite files of the same name in --out")
	f.StringVar(&opts.Endpoint, "endpoint", "",
		"endpoint URL for Cloud Control, STS and DataZone, such as http://127.0.0.1:4566 for smus local")
	f.StringVar(&opts.Region, "region", "", "AWS region (default from AWS_REGION or the profile)")
	_ = cmd.MarkFlagRequired("domain")

	return cmd
}

// runImport discovers the domain, generates the configuration, and writes
// it or, with --dry-run, prints it.
func runImport(ctx context.Context, opts *importOptions, out, errOut io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	existing, err := importer.ReadExisting(opts.Out)
	if err != nil {
		return err
	}
	cfg, endpoints, err := loadAccountConfig(ctx, accountAccess{Endpoint: opts.Endpoint, Region: opts.Region})
	if err != nil {
		return err
	}
	client := cloudcontrol.NewFromConfig(cfg, endpoints, cloudcontrol.Options{
		Logger: cloudcontrol.LoggerFunc(func(ctx context.Context, msg string, kv ...any) {
			slog.DebugContext(ctx, msg, append([]any{"component", "import"}, kv...)...)
		}),
	})
	inv, err := importer.Discover(ctx, importer.DiscoverInput{Client: client, DomainID: opts.DomainID, Region: cfg.Region})
	if err != nil {
		return err
	}
	res, err := importer.Generate(importer.GenerateInput{Inventory: inv, Existing: existing})
	if err != nil {
		return err
	}
	if opts.DryRun {
		for _, f := range res.Files {
			fmt.Fprintf(out, "# --- %s ---\n%s\n", f.Name, f.Content)
		}
		writeImportSummary(errOut, res, opts.Out, false)

		return nil
	}
	unchanged := importer.Unchanged(opts.Out, res.Files)
	if err := importer.Write(opts.Out, res.Files, opts.Force); err != nil {
		return err
	}
	written := *res
	written.Files = nil
	for _, f := range res.Files {
		if !slices.Contains(unchanged, f.Name) {
			written.Files = append(written.Files, f)
		}
	}
	writeImportSummary(out, &written, opts.Out, true)
	if len(unchanged) > 0 {
		fmt.Fprintf(out, "Left unchanged, because they already hold this content: %s\n", strings.Join(unchanged, ", "))
	}

	return nil
}
