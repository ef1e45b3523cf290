package tfstate

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"regexp"
	"strings"
)

// Source says where to read a state from: a file, or a configuration
// directory and workspace read through the engine.
type Source struct {
	// File is a raw state file or saved `show -json` output; when set, Dir
	// and Workspace are ignored.
	File string
	// Dir is the configuration directory; Workspace its workspace ("" for
	// the current one).
	Dir       string
	Workspace string
	// Engine is the tofu or terraform executable; "" finds tofu, then
	// terraform, on PATH.
	Engine string
}

// Load reads the state that src names.
func Load(ctx context.Context, src Source) (*State, error) {
	if src.File != "" {
		data, err := os.ReadFile(src.File)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, fmt.Errorf("read state: file %q not found; check the path of the state file", src.File)
		}
		if err != nil {
			return nil, fmt.Errorf("read state file %q: %w", src.File, err)
		}

		return Parse(src.File, data)
	}

	return loadThroughEngine(ctx, src)
}

func loadThroughEngine(ctx context.Context, src Source) (*State, error) {
	dir := src.Dir
	if dir == "" {
		dir = "."
	}
	if st, err := os.Stat(dir); err != nil || !st.IsDir() {
		return nil, fmt.Errorf("read state: configuration directory %q not found; pass it with --dir", dir)
	}
	engine, err := FindEngine(src.Engine)
	if err != nil {
		return nil, err
	}
	if src.Workspace != "" {
		if err := checkWorkspace(ctx, engine, dir, src.Workspace); err != nil {
			return nil, err
		}
	}
	cmd := exec.CommandContext(ctx, engine, "state", "pull")
	cmd.Dir = dir
	cmd.Env = os.Environ()
	if src.Workspace != "" {
		cmd.Env = append(cmd.Env, "TF_WORKSPACE="+src.Workspace)
	}
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		msg := plainText(stderr.String())
		if src.Workspace != "" && strings.Contains(msg, "does not exist") {
			return nil, fmt.Errorf("read state in %s: workspace %q does not exist; list workspaces with "+
				"`%s workspace list`", dir, src.Workspace, engine)
		}

		return nil, fmt.Errorf("read state in %s with `%s state pull`: %w: %s; run `%s init` there first",
			dir, engine, err, msg, engine)
	}
	label := fmt.Sprintf("of %s", dir)
	if src.Workspace != "" {
		label += fmt.Sprintf(" (workspace %s)", src.Workspace)
	}

	return Parse(label, stdout.Bytes())
}

// FindEngine returns the engine executable to run: name when given, else
// tofu or terraform from PATH.
func FindEngine(name string) (string, error) {
	if name != "" {
		return exec.LookPath(name)
	}
	for _, n := range []string{"tofu", "terraform"} {
		if p, err := exec.LookPath(n); err == nil {
			return p, nil
		}
	}

	return "", errors.New("neither tofu nor terraform is on PATH; install one or pass the state file with --state")
}

// checkWorkspace returns an error naming the existing workspaces when dir
// has no workspace called name. The check is needed because `state pull`
// prints an empty state, and exits 0, for a workspace that does not exist.
func checkWorkspace(ctx context.Context, engine, dir, name string) error {
	cmd := exec.CommandContext(ctx, engine, "workspace", "list")
	cmd.Dir = dir
	cmd.Env = os.Environ()
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("list workspaces in %s with `%s workspace list`: %w: %s; run `%s init` there first",
			dir, engine, err, plainText(stderr.String()), engine)
	}
	var names []string
	for _, line := range strings.Split(stdout.String(), "\n") {
		ws := strings.TrimSpace(strings.TrimPrefix(strings.TrimSpace(line), "*"))
		if ws == "" {
			continue
		}
		if ws == name {
			return nil
		}
		names = append(names, ws)
	}

	return fmt.Errorf("read state in %s: workspace %q does not exist; existing workspaces: %s",
		dir, name, strings.Join(names, ", "))
}

// ansiEscape matches the colour codes that the engines print to a terminal
// and sometimes to a pipe.
var ansiEscape = regexp.MustCompile(`\x1b\[[0-9;]*[A-Za-z]`)

// plainText returns engine output without colour codes and surrounding
// space, for use inside an error message.
func plainText(s string) string {
	return strings.TrimSpace(ansiEscape.ReplaceAllString(s, ""))
}
