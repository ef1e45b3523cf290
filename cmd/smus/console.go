package main

import (
	"encoding/json"
	"fmt"
	"os"
	"os/user"
	"regexp"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/spf13/cobra"

	"github.com/smus-dev/smus/internal/localcloud"
)

// consoleOptions are the flags shared by every console action.
type consoleOptions struct {
	endpoint string
	account  string
	actor    string
	region   string
	format   string
	streams  streams
}

func newConsoleCommand(s streams) *cobra.Command {
	opts := &consoleOptions{streams: s}
	cmd := &cobra.Command{
		Use:   "console",
		Short: "Make out-of-band edits in a running local cloud, as a person in the AWS console would",
		Long: "Make out-of-band edits in a running local cloud. Edits bypass Cloud Control, apply at once and " +
			"are recorded in the activity log with the actor's name, so that drift detection can report " +
			"who changed what and when.",
	}
	f := cmd.PersistentFlags()
	f.StringVar(&opts.endpoint, "endpoint", "http://"+defaultListen, "URL of the running local cloud")
	f.StringVar(&opts.account, "account", "", "12-digit account id to edit (required)")
	f.StringVar(&opts.actor, "actor", "console:"+currentUser(), "name recorded as the actor of the edit")
	f.StringVar(&opts.region, "region", "us-east-1", "region of the edited resources")
	f.StringVar(&opts.format, "format", "text", "output format: text or json")
	_ = cmd.MarkPersistentFlagRequired("account")
	cmd.PersistentPreRunE = func(*cobra.Command, []string) error {
		if !accountID.MatchString(opts.account) {
			return fmt.Errorf("invalid --account %q: use the 12-digit account id, such as 111111111111", opts.account)
		}

		return nil
	}
	cmd.AddCommand(
		newPutRolePolicyCommand(opts),
		newDeleteRolePolicyCommand(opts),
		newCreateProjectCommand(opts),
		newDeleteProjectCommand(opts),
		newDisableBlueprintRegionCommand(opts),
		newSetPropertyCommand(opts),
		newActivityCommand(opts),
	)

	return cmd
}

// consoleAction builds a console subcommand that sends the request that
// build returns.
func consoleAction(opts *consoleOptions, use, short string, build func() (localcloud.ConsoleRequest, error)) *cobra.Command {
	return &cobra.Command{
		Use:   use,
		Short: short,
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.checkFormat(); err != nil {
				return err
			}
			req, err := build()
			if err != nil {
				return err
			}
			req.Action = strings.Fields(use)[0]
			req.Account, req.Region, req.Actor = opts.account, opts.region, opts.actor
			out, err := localcloud.NewConsoleClient(opts.endpoint).Do(cmd.Context(), req)
			if err != nil {
				return err
			}

			return opts.printEntries(out.Activity, out)
		},
	}
}

func newPutRolePolicyCommand(opts *consoleOptions) *cobra.Command {
	var role, policy, document string
	cmd := consoleAction(opts, "put-role-policy", "Add or replace an inline policy of an IAM role",
		func() (localcloud.ConsoleRequest, error) {
			doc, err := readDocument(document)

			return localcloud.ConsoleRequest{RoleName: role, PolicyName: policy, PolicyDocument: doc}, err
		})
	cmd.Flags().StringVar(&role, "role", "", "role name (required)")
	cmd.Flags().StringVar(&policy, "policy-name", "", "inline policy name (required)")
	cmd.Flags().StringVar(&document, "document", "", "policy document as JSON, or @FILE to read it from a file (required)")
	markRequired(cmd, "role", "policy-name", "document")

	return cmd
}

func newDeleteRolePolicyCommand(opts *consoleOptions) *cobra.Command {
	var role, policy string
	cmd := consoleAction(opts, "delete-role-policy", "Delete an inline policy of an IAM role",
		func() (localcloud.ConsoleRequest, error) {
			return localcloud.ConsoleRequest{RoleName: role, PolicyName: policy}, nil
		})
	cmd.Flags().StringVar(&role, "role", "", "role name (required)")
	cmd.Flags().StringVar(&policy, "policy-name", "", "inline policy name (required)")
	markRequired(cmd, "role", "policy-name")

	return cmd
}

func newCreateProjectCommand(opts *consoleOptions) *cobra.Command {
	var domain, name, profile string
	cmd := consoleAction(opts, "create-project", "Create a DataZone project by hand",
		func() (localcloud.ConsoleRequest, error) {
			return localcloud.ConsoleRequest{DomainID: domain, ProjectName: name, ProfileID: profile}, nil
		})
	cmd.Flags().StringVar(&domain, "domain", "", "domain id (required)")
	cmd.Flags().StringVar(&name, "name", "", "project name (required)")
	cmd.Flags().StringVar(&profile, "profile", "", "project profile id (required)")
	markRequired(cmd, "domain", "name", "profile")

	return cmd
}

func newDeleteProjectCommand(opts *consoleOptions) *cobra.Command {
	var domain, project string
	cmd := consoleAction(opts, "delete-project", "Delete a DataZone project and its memberships",
		func() (localcloud.ConsoleRequest, error) {
			return localcloud.ConsoleRequest{DomainID: domain, ProjectID: project}, nil
		})
	cmd.Flags().StringVar(&domain, "domain", "", "domain id (required)")
	cmd.Flags().StringVar(&project, "project", "", "project id (required)")
	markRequired(cmd, "domain", "project")

	return cmd
}

func newDisableBlueprintRegionCommand(opts *consoleOptions) *cobra.Command {
	var domain, blueprint, region string
	cmd := consoleAction(opts, "disable-blueprint-region",
		"Remove a region from a blueprint configuration's EnabledRegions",
		func() (localcloud.ConsoleRequest, error) {
			return localcloud.ConsoleRequest{DomainID: domain, BlueprintID: blueprint, BlueprintRegion: region}, nil
		})
	cmd.Flags().StringVar(&domain, "domain", "", "domain id (required)")
	cmd.Flags().StringVar(&blueprint, "blueprint", "", "blueprint id or managed blueprint name such as Tooling (required)")
	cmd.Flags().StringVar(&region, "region", "", "region to disable (required)")
	markRequired(cmd, "domain", "blueprint", "region")

	return cmd
}

func newSetPropertyCommand(opts *consoleOptions) *cobra.Command {
	var typeName, identifier, patch string
	cmd := consoleAction(opts, "set-property", "Apply an RFC 6902 patch to any stored resource model",
		func() (localcloud.ConsoleRequest, error) {
			doc, err := readDocument(patch)

			return localcloud.ConsoleRequest{TypeName: typeName, Identifier: identifier, Patch: doc}, err
		})
	cmd.Flags().StringVar(&typeName, "type", "", "CloudFormation type name, such as AWS::IAM::Role (required)")
	cmd.Flags().StringVar(&identifier, "identifier", "", "primary identifier of the resource (required)")
	cmd.Flags().StringVar(&patch, "patch", "", "RFC 6902 patch as JSON, or @FILE (required)")
	markRequired(cmd, "type", "identifier", "patch")

	return cmd
}

func newActivityCommand(opts *consoleOptions) *cobra.Command {
	var since string
	cmd := &cobra.Command{
		Use:   "activity",
		Short: "Print the activity log: every Cloud Control change and console edit",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			if err := opts.checkFormat(); err != nil {
				return err
			}
			from, err := parseSince(since, time.Now())
			if err != nil {
				return err
			}
			entries, err := localcloud.NewConsoleClient(opts.endpoint).Activity(cmd.Context(), opts.account, from)
			if err != nil {
				return err
			}

			return opts.printEntries(entries, nil)
		},
	}
	cmd.Flags().StringVar(&since, "since", "", "only entries at or after this RFC 3339 time, or this long ago (such as 2h)")

	return cmd
}

func markRequired(cmd *cobra.Command, names ...string) {
	for _, n := range names {
		_ = cmd.MarkFlagRequired(n)
	}
}

// readDocument returns a JSON flag value, read from a file when it starts
// with "@".
func readDocument(value string) (json.RawMessage, error) {
	text := []byte(value)
	if path, ok := strings.CutPrefix(value, "@"); ok {
		b, err := os.ReadFile(path)
		if err != nil {
			return nil, fmt.Errorf("read document file: %w", err)
		}
		text = b
	}
	if !json.Valid(text) {
		return nil, fmt.Errorf("document %q is not valid JSON", strings.TrimSpace(string(text)))
	}

	return json.RawMessage(text), nil
}

// parseSince reads --since as an RFC 3339 time or as a duration before now.
func parseSince(value string, now time.Time) (time.Time, error) {
	if value == "" {
		return time.Time{}, nil
	}
	if t, err := time.Parse(time.RFC3339, value); err == nil {
		return t, nil
	}
	d, err := time.ParseDuration(value)
	if err != nil || d < 0 {
		return time.Time{}, fmt.Errorf("invalid --since %q: use an RFC 3339 time such as 2025-01-02T15:04:05Z "+
			"or a duration such as 2h", value)
	}

	return now.Add(-d), nil
}

func (o *consoleOptions) checkFormat() error {
	if o.format != "text" && o.format != "json" {
		return fmt.Errorf("invalid --format %q: use text or json", o.format)
	}

	return nil
}

// consoleJSON is the JSON output of console commands.
type consoleJSON struct {
	FormatVersion int                         `json:"format_version"`
	Entries       []localcloud.ActivityEntry  `json:"entries"`
	Result        *localcloud.ConsoleResponse `json:"result,omitempty"`
}

// printEntries prints activity entries as a table or as JSON with the edit's
// result.
func (o *consoleOptions) printEntries(entries []localcloud.ActivityEntry, result *localcloud.ConsoleResponse) error {
	if o.format == "json" {
		if entries == nil {
			entries = []localcloud.ActivityEntry{}
		}
		enc := json.NewEncoder(o.streams.out)
		enc.SetIndent("", "  ")

		return enc.Encode(consoleJSON{FormatVersion: localcloud.ActivityFormatVersion, Entries: entries, Result: result})
	}
	w := tabwriter.NewWriter(o.streams.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(w, "TIME\tACTOR\tACTION\tTYPE\tIDENTIFIER\tSUMMARY")
	for _, e := range entries {
		fmt.Fprintf(w, "%s\t%s\t%s\t%s\t%s\t%s\n", e.Time.UTC().Format(time.RFC3339), e.Actor, e.Action,
			e.TypeName, e.Identifier, e.Summary)
	}

	return w.Flush()
}

// currentUser returns the login name from $USER, or from the user database
// when $USER is unset, as it is in many containers and CI jobs.
func currentUser() string {
	if name := os.Getenv("USER"); name != "" {
		return name
	}
	if u, err := user.Current(); err == nil {
		return u.Username
	}

	return "unknown"
}

// accountID matches a 12-digit AWS account id.
var accountID = regexp.MustCompile(`^\d{12}$`)
