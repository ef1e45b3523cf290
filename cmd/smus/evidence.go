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
	"github.com/smus-dev/smus/internal/evidence"
	"github.com/smus-dev/smus/internal/tfstate"
)

// evidenceOptions contains the flags of smus evidence.
type evidenceOptions struct {
	Dir            string
	Workspace      string
	StateFile      string
	Project        string
	Out            string
	Force          bool
	Format         string
	Endpoint       string
	Region         string
	MaxRequestRate float64
}

func newEvidenceCmd() *cobra.Command {
	opts := &evidenceOptions{}
	cmd := &cobra.Command{
		Use:   "evidence --out DIR",
		Short: "Collect audit evidence of the projects of one environment",
		Long: "Evidence reads the state of one environment (through tofu or terraform, or from a state file)\n" +
			"and, through the AWS Cloud Control API, every IAM role its projects use: the project execution\n" +
			"role and the principals of their Lake Formation permissions, with trust policy, inline\n" +
			"policies and customer managed policies as full documents (AWS managed policies are recorded\n" +
			"by ARN only, because Cloud Control cannot read them). It adds each project's profile,\n" +
			"blueprints, members and Lake Formation grants, and the provenance: time, account, region,\n" +
			"state serial and lineage, git commit of --dir and the smus version.\n\n" +
			"It writes report.html, report.md, evidence.json and a MANIFEST of SHA-256 sums into --out,\n" +
			"all at once: on any error nothing is written. `smus evidence verify DIR` checks a bundle.\n\n" +
			"Credentials, region and endpoints come from the standard AWS configuration; --endpoint and\n" +
			"--region override them.\n\n" +
			"Exit codes:\n" +
			"  0  evidence written\n" +
			"  1  error: unusable state, unknown project, unreachable endpoint, wrong account, invalid policy",
		Example: "  smus evidence --dir envs/prod --out evidence-prod\n" +
			"  smus evidence --state prod.tfstate --project fraud-detection --out fraud --endpoint http://127.0.0.1:4566",
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			return runEvidence(cmd.Context(), opts, cmd.OutOrStdout(), cmd.ErrOrStderr())
		},
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	f := cmd.Flags()
	f.StringVar(&opts.Dir, "dir", ".", "configuration directory whose state is read through tofu or terraform")
	f.StringVar(&opts.Workspace, "workspace", "", "workspace of --dir (default: the current one)")
	f.StringVar(&opts.StateFile, "state", "", "state file, or saved \"tofu show -json\" output, to read instead of --dir")
	f.StringVar(&opts.Project, "project", "", "collect only the project with this name")
	f.StringVar(&opts.Out, "out", "", "directory to write the bundle into (required)")
	f.BoolVar(&opts.Force, "force", false, "replace a non-empty --out")
	f.StringVar(&opts.Format, "format", "text", "stdout summary format: text or json")
	f.StringVar(&opts.Endpoint, "endpoint", "",
		"endpoint URL for Cloud Control and STS, such as http://127.0.0.1:4566 for smus local")
	f.StringVar(&opts.Region, "region", "", "AWS region (default from AWS_REGION or the profile)")
	f.Float64Var(&opts.MaxRequestRate, "max-request-rate", 0, fmt.Sprintf("Cloud Control requests per second (default %d)", cloudcontrol.DefaultRequestRate))
	cmd.MarkFlagsMutuallyExclusive("state", "workspace")
	_ = cmd.MarkFlagRequired("out")
	cmd.AddCommand(newEvidenceVerifyCmd())

	return cmd
}

// runEvidence collects and writes the bundle, then prints a summary.
func runEvidence(ctx context.Context, opts *evidenceOptions, out, errOut io.Writer) error {
	if ctx == nil {
		ctx = context.Background()
	}
	if opts.Format != "text" && opts.Format != "json" {
		return fmt.Errorf("invalid --format %q: use text or json", opts.Format)
	}
	src := tfstate.Source{File: opts.StateFile, Dir: opts.Dir, Workspace: opts.Workspace}
	st, err := tfstate.Load(ctx, src)
	if err != nil {
		return err
	}
	client, endpoint, err := newAccountClient(ctx, accountAccess{Endpoint: opts.Endpoint, Region: opts.Region,
		RequestRate: opts.MaxRequestRate, Component: "evidence"})
	if err != nil {
		return err
	}
	gitDir, source := opts.Dir, opts.Dir
	if opts.Workspace != "" {
		source += " (workspace " + opts.Workspace + ")"
	}
	if opts.StateFile != "" {
		gitDir, source = filepath.Dir(opts.StateFile), opts.StateFile
	}
	progress := newProgress(errOut, false)
	ev, err := evidence.Collect(ctx, evidence.Options{
		State: st, Client: client, StateSource: source, Project: opts.Project, Region: regionOf(opts.Region),
		Endpoint: endpoint, GitDir: gitDir, Version: buildVersion(), Progress: progress,
	})
	if err != nil {
		return err
	}
	if err := evidence.Write(ev, evidence.WriteOptions{Out: opts.Out, Force: opts.Force}); err != nil {
		return err
	}
	if opts.Format == "json" {
		return writeIndentedJSON(out, map[string]any{"format_version": evidence.FormatVersion,
			"out": opts.Out, "projects": len(ev.Projects), "roles": len(ev.Roles)})
	}

	return writeEvidenceSummary(out, ev, opts.Out)
}

func regionOf(flag string) string {
	if flag != "" {
		return flag
	}
	if r := os.Getenv("AWS_REGION"); r != "" {
		return r
	}

	return os.Getenv("AWS_DEFAULT_REGION")
}

// writeEvidenceSummary prints where the bundle is and, with one project,
// the policies of its roles in short form.
func writeEvidenceSummary(w io.Writer, ev *evidence.Evidence, out string) error {
	var b strings.Builder
	fmt.Fprintf(&b, "Wrote evidence of %d project(s) and %d role(s) in account %s to %s\n",
		len(ev.Projects), len(ev.Roles), ev.Provenance.Account, out)
	if len(ev.Projects) == 1 {
		p := ev.Projects[0]
		fmt.Fprintf(&b, "\nProject %s (%s)\n", p.Name, p.ID)
		for _, arn := range p.RoleArns {
			r := ev.Role(arn)
			if r == nil {
				continue
			}
			fmt.Fprintf(&b, "  role %s, used by %s\n", r.Arn, strings.Join(r.UsedBy, "; "))
			if !r.Found {
				b.WriteString("    not found in the account\n")

				continue
			}
			for _, pol := range r.InlinePolicies {
				fmt.Fprintf(&b, "    inline policy %s\n", pol.Name)
			}
			for _, m := range r.ManagedPolicies {
				note := ""
				if m.AWSManaged {
					note = " (AWS managed, document not read)"
				}
				fmt.Fprintf(&b, "    managed policy %s%s\n", m.Arn, note)
			}
		}
		for _, g := range p.LakeFormation {
			fmt.Fprintf(&b, "  Lake Formation: %s on %s for %s (live: %s)\n", strings.Join(g.Permissions, ", "),
				lakeFormationResourceText(g.Resource), g.Principal, g.Live)
		}
	}
	_, err := io.WriteString(w, b.String())

	return err
}

func newEvidenceVerifyCmd() *cobra.Command {
	var format string
	cmd := &cobra.Command{
		Use:   "verify DIR",
		Short: "Check an evidence bundle against its MANIFEST",
		Long: "Verify recomputes the SHA-256 of every file in DIR and reports each file changed, added or\n" +
			"removed since smus evidence wrote the MANIFEST.\n\n" +
			"Exit codes:\n" +
			"  0  the bundle is intact\n" +
			"  1  error: DIR or its MANIFEST cannot be read\n" +
			"  2  the bundle is not intact",
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runEvidenceVerify(args[0], format, cmd.OutOrStdout())
		},
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	cmd.Flags().StringVar(&format, "format", "text", "output format: text or json")

	return cmd
}

func runEvidenceVerify(dir, format string, out io.Writer) error {
	if format != "text" && format != "json" {
		return fmt.Errorf("invalid --format %q: use text or json", format)
	}
	res, err := evidence.Verify(dir)
	if err != nil {
		return err
	}
	if format == "json" {
		err = writeIndentedJSON(out, struct {
			FormatVersion string `json:"format_version"`
			Intact        bool   `json:"intact"`
			*evidence.VerifyResult
		}{evidence.FormatVersion, res.Intact(), res})
	} else {
		err = writeVerifyText(out, dir, res)
	}
	if err != nil {
		return fmt.Errorf("write the verify report: %w", err)
	}
	if !res.Intact() {
		return &exitCodeError{code: exitFindings}
	}

	return nil
}

func writeVerifyText(w io.Writer, dir string, res *evidence.VerifyResult) error {
	var b strings.Builder
	for _, p := range res.Changed {
		fmt.Fprintf(&b, "changed: %s\n", p)
	}
	for _, p := range res.Added {
		fmt.Fprintf(&b, "added: %s\n", p)
	}
	for _, p := range res.Removed {
		fmt.Fprintf(&b, "removed: %s\n", p)
	}
	if res.Intact() {
		fmt.Fprintf(&b, "%s is intact: %d files match the MANIFEST\n", dir, res.Files)
	} else {
		fmt.Fprintf(&b, "%s is NOT intact: %d changed, %d added, %d removed\n", dir, len(res.Changed),
			len(res.Added), len(res.Removed))
	}
	_, err := io.WriteString(w, b.String())

	return err
}

// lakeFormationResourceText names a Lake Formation resource in one line,
// such as "database sales" or "all tables of database sales".
func lakeFormationResourceText(resource any) string {
	m, ok := resource.(map[string]any)
	if !ok {
		return fmt.Sprint(resource)
	}
	if db, ok := m["database"].(map[string]any); ok {
		return fmt.Sprintf("database %v", db["name"])
	}
	if t, ok := m["table"].(map[string]any); ok {
		if wildcard, _ := t["table_wildcard"].(bool); wildcard || t["name"] == nil {
			return fmt.Sprintf("all tables of database %v", t["database_name"])
		}

		return fmt.Sprintf("table %v.%v", t["database_name"], t["name"])
	}
	if loc, ok := m["data_location"].(map[string]any); ok {
		return fmt.Sprintf("data location %v", loc["resource_arn"])
	}

	return fmt.Sprint(resource)
}
