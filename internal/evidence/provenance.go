package evidence

import (
	"bytes"
	"context"
	"os/exec"
	"strings"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

func provenance(ctx context.Context, opts Options, id cloudcontrol.Identity) Provenance {
	p := Provenance{
		GeneratedAt: opts.Now().UTC(), Account: id.Account, CallerArn: id.Arn, Region: opts.Region,
		Endpoint: opts.Endpoint, StateSource: opts.StateSource, StateSerial: opts.State.Serial,
		StateLineage: opts.State.Lineage, TerraformVersion: opts.State.TerraformVersion,
		SmusVersion: opts.Version, Project: opts.Project,
	}
	p.GitCommit, p.GitDirty, p.GitNote = gitState(ctx, opts.GitDir)

	return p
}

// gitState returns HEAD of the repository that contains dir and whether
// its work tree has uncommitted changes. When there is no commit to record
// it returns a note saying why.
func gitState(ctx context.Context, dir string) (commit string, dirty bool, note string) {
	if dir == "" {
		return "", false, "no configuration directory was given"
	}
	head, err := git(ctx, dir, "rev-parse", "HEAD")
	if err != nil {
		return "", false, "not recorded: " + err.Error()
	}
	status, err := git(ctx, dir, "status", "--porcelain", "--untracked-files=no")
	if err != nil {
		return head, false, "work tree status unknown: " + err.Error()
	}

	return head, status != "", ""
}

func git(ctx context.Context, dir string, args ...string) (string, error) {
	cmd := exec.CommandContext(ctx, "git", append([]string{"-C", dir}, args...)...)
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := strings.TrimSpace(stderr.String())
		if msg == "" {
			msg = err.Error()
		}

		return "", &gitError{msg: msg}
	}

	return strings.TrimSpace(stdout.String()), nil
}

type gitError struct{ msg string }

func (e *gitError) Error() string { return "git: " + e.msg }
