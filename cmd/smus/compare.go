package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/cobra"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/compare"
	"github.com/smus-dev/smus/internal/tfstate"
)

// compareOptions contains the flags of smus compare.
type compareOptions struct {
	From, To           string
	FromState, ToState string
	Dir                string
	Live               bool
	Format             string
	ConfigFile         string
	Endpoint           string
	Region             string
	FromProfile        string
	ToProfile          string
	FromAccountKey     string
	ToAccountKey       string
	MaxRequestRate     float64
}

// compareFormats maps --format values to renderers.
var compareFormats = map[string]func(w io.Writer, r *compare.Report) error{
	"text":  renderCompareText,
	"json":  renderCompareJSON,
	"sarif": renderCompareSARIF,
}

func newCompareCmd() *cobra.Command {
	opts := &compareOptions{}
	cmd := &cobra.Command{
		Use:   "compare --from ENV --to ENV",
		Short: "Compare two environments, such as staging and prod",
		Long: "Compare reads the state of two environments and reports, after normalizing what legitimately\n" +
			"differs (account ids, regions inside ARNs, generated ids, and environment names inside names\n" +
			"and paths), the resources present in one environment only, attribute differences by path,\n" +
			"and IAM differences of each role at statement level. Resources are matched by address.\n\n" +
			"--from and --to name a workspace of --dir, read through tofu or terraform, or a state file\n" +
			"when the value ends in .tfstate or .json; --from-state and --to-state name state files\n" +
			"explicitly, and then --from and --to only name the environments.\n\n" +
			"Normalization is set in " + compare.DefaultConfigFile + " in --dir, or --config (HCL or JSON):\n" +
			"  environment_names = [\"dev\", \"staging\", \"prod\"]   # replaced by <env>; default dev, test, staging, prod\n" +
			"  replacements      = { \"fraud-prd\" = \"fraud-prod\" } # literal text, applied first\n" +
			"  normalize_regions = true                           # every region name, not only in ARNs\n" +
			"  ignore_attributes = [\"tags\"]                       # attribute names never compared\n\n" +
			"With --live both live accounts are also read through the AWS Cloud Control API, including the\n" +
			"live execution role of every project. Credentials per environment: --from-profile and\n" +
			"--to-profile (default: the AWS_PROFILE_<ENV> variable, such as AWS_PROFILE_PROD, else the\n" +
			"standard chain), or, for the local cloud, --from-account-key and --to-account-key, the\n" +
			"12-digit account id used as access key id.\n\n" +
			"Exit codes:\n" +
			"  0  no differences\n" +
			"  1  error: unusable state or configuration, unreachable endpoint, wrong account\n" +
			"  2  differences found",
		Example: "  smus compare --from staging --to prod --dir platform\n" +
			"  smus compare --from-state staging.tfstate --to-state prod.tfstate --format json\n" +
			"  smus compare --from staging.tfstate --to prod.tfstate --live --endpoint http://127.0.0.1:4566 \\\n" +
			"      --from-account-key 111111111111 --to-account-key 222222222222",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runCompare(cmd.Context(), opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	f := cmd.Flags()
	f.StringVar(&opts.From, "from", "", "first environment: a workspace of --dir, or a state file (.tfstate, .json)")
	f.StringVar(&opts.To, "to", "", "second environment: a workspace of --dir, or a state file (.tfstate, .json)")
	f.StringVar(&opts.FromState, "from-state", "", "state file of the first environment")
	f.StringVar(&opts.ToState, "to-state", "", "state file of the second environment")
	f.StringVar(&opts.Dir, "dir", ".", "configuration directory whose workspaces --from and --to name")
	f.BoolVar(&opts.Live, "live", false, "also compare the live accounts through Cloud Control")
	f.StringVar(&opts.Format, "format", "text", "output format: text, json or sarif")
	f.StringVar(&opts.ConfigFile, "config", "", "normalization file (default: "+compare.DefaultConfigFile+" in --dir, if present)")
	f.StringVar(&opts.Endpoint, "endpoint", "",
		"endpoint URL for Cloud Control and STS with --live, such as http://127.0.0.1:4566 for smus local")
	f.StringVar(&opts.Region, "region", "", "AWS region with --live (default from AWS_REGION or the profile)")
	f.StringVar(&opts.FromProfile, "from-profile", "", "AWS profile of the first environment (default AWS_PROFILE_<ENV>)")
	f.StringVar(&opts.ToProfile, "to-profile", "", "AWS profile of the second environment (default AWS_PROFILE_<ENV>)")
	f.StringVar(&opts.FromAccountKey, "from-account-key", "", "local cloud: account id of the first environment")
	f.StringVar(&opts.ToAccountKey, "to-account-key", "", "local cloud: account id of the second environment")
	f.Float64Var(&opts.MaxRequestRate, "max-request-rate", 0, fmt.Sprintf("Cloud Control requests per second per account (default %d)", cloudcontrol.DefaultRequestRate))

	return cmd
}

// runCompare runs the comparison, writes the report to out and returns
// nil, an *exitCodeError for differences or errors in the report, or the
// error that stopped the run.
func runCompare(ctx context.Context, opts *compareOptions, out, errOut io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	render, ok := compareFormats[opts.Format]
	if !ok {
		return fmt.Errorf("invalid --format %q: use text, json or sarif", opts.Format)
	}
	from, err := loadCompareEnv(ctx, "from", opts.From, opts.FromState, opts.Dir)
	if err != nil {
		return err
	}
	to, err := loadCompareEnv(ctx, "to", opts.To, opts.ToState, opts.Dir)
	if err != nil {
		return err
	}
	cfg, err := compare.LoadConfig(opts.ConfigFile, opts.Dir)
	if err != nil {
		return err
	}
	if opts.Live {
		if err := attachClients(ctx, opts, &from, &to); err != nil {
			return err
		}
	}
	report, err := compare.Run(ctx, compare.Options{From: from, To: to, Config: cfg, Live: opts.Live})
	if err != nil {
		return err
	}
	if err := render(out, report); err != nil {
		return fmt.Errorf("write the compare report: %w", err)
	}
	if opts.Format == "text" {
		for _, e := range report.Errors {
			fmt.Fprintf(errOut, "error: %s\n", compareErrorText(e))
		}
	}
	switch {
	case len(report.Errors) > 0:
		return &exitCodeError{code: exitError}
	case report.HasDifferences():
		return &exitCodeError{code: exitFindings}
	}

	return nil
}

// loadCompareEnv reads one environment's state: the explicit state file,
// a value that ends in .tfstate or .json, or a workspace of dir.
func loadCompareEnv(ctx context.Context, side, value, stateFile, dir string) (compare.Environment, error) {
	if value == "" && stateFile == "" {
		return compare.Environment{}, fmt.Errorf("missing --%s: name a workspace of --dir or a state file "+
			"(or pass --%s-state)", side, side)
	}
	if stateFile == "" && isStatePath(value) {
		stateFile, value = value, ""
	}
	if stateFile != "" {
		name := value
		if name == "" {
			name = envNameFromPath(stateFile)
		}
		st, err := tfstate.Load(ctx, tfstate.Source{File: stateFile})
		if err != nil {
			return compare.Environment{}, fmt.Errorf("environment %s: %w", name, err)
		}

		return compare.Environment{Name: name, Source: stateFile, State: st}, nil
	}
	st, err := tfstate.Load(ctx, tfstate.Source{Dir: dir, Workspace: value})
	if err != nil {
		return compare.Environment{}, fmt.Errorf("environment %s: %w", value, err)
	}

	return compare.Environment{Name: value, Source: fmt.Sprintf("%s (workspace %s)", dir, value), State: st}, nil
}

func isStatePath(v string) bool {
	return strings.HasSuffix(v, ".tfstate") || strings.HasSuffix(v, ".json")
}

// envNameFromPath names an environment after its state file: prod.tfstate
// is "prod", and envs/prod/terraform.tfstate is "prod".
func envNameFromPath(path string) string {
	base := strings.TrimSuffix(strings.TrimSuffix(filepath.Base(path), ".json"), ".tfstate")
	if base == "terraform" || base == "state" || base == "" {
		return filepath.Base(filepath.Dir(path))
	}

	return base
}

// attachClients builds a Cloud Control client for each environment.
func attachClients(ctx context.Context, opts *compareOptions, from, to *compare.Environment) error {
	for _, side := range []struct {
		env              *compare.Environment
		profile, account string
	}{{from, opts.FromProfile, opts.FromAccountKey}, {to, opts.ToProfile, opts.ToAccountKey}} {
		profile := side.profile
		if profile == "" && side.account == "" {
			profile = os.Getenv("AWS_PROFILE_" + compare.EnvVarSuffix(side.env.Name))
		}
		client, endpoint, err := newAccountClient(ctx, accountAccess{Endpoint: opts.Endpoint, Region: opts.Region,
			Profile: profile, AccountKey: side.account, RequestRate: opts.MaxRequestRate, Component: "compare"})
		if err != nil {
			return fmt.Errorf("environment %s: %w", side.env.Name, err)
		}
		side.env.Client, side.env.Endpoint = client, endpoint
	}
	return nil
}

func compareErrorText(e compare.Error) string {
	var parts []string
	if e.Environment != "" {
		parts = append(parts, e.Environment)
	}
	if e.Address != "" {
		parts = append(parts, e.Address)
	}

	return strings.Join(append(parts, e.Message), ": ")
}
