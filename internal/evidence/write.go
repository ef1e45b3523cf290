package evidence

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
)

// bundleFile is one file of a bundle and the function that renders it.
type bundleFile struct {
	name   string
	render func(w io.Writer, ev *Evidence) error
}

// bundleFiles are the files Write renders, in order; the manifest follows.
var bundleFiles = []bundleFile{
	{name: "evidence.json", render: renderJSON},
	{name: "report.md", render: RenderMarkdown},
	{name: "report.html", render: RenderHTML},
}

// WriteOptions sets where Write puts a bundle.
type WriteOptions struct {
	// Out is the bundle directory.
	Out string
	// Force replaces an existing non-empty Out.
	Force bool
}

// Write renders ev into a new directory next to opts.Out, adds the
// manifest, and renames the directory into place. An existing non-empty
// Out is an error unless Force is set. With Force the old directory is
// renamed aside, the new one renamed in, and the old one removed. On any
// error before the new bundle is in place, Out is left as it was and the
// temporary directory is removed.
func Write(ev *Evidence, opts WriteOptions) error {
	return write(ev, opts, bundleFiles)
}

func write(ev *Evidence, opts WriteOptions, files []bundleFile) error {
	out := filepath.Clean(opts.Out)
	if opts.Out == "" {
		return errors.New("write evidence: the output directory is empty; pass --out DIR")
	}
	exists, err := checkOut(out, opts.Force)
	if err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(filepath.Dir(out), "."+filepath.Base(out)+".tmp-")
	if err != nil {
		return fmt.Errorf("write evidence: create a temporary directory next to %s: %w", out, err)
	}
	if err := fill(tmp, ev, files); err != nil {
		_ = os.RemoveAll(tmp)

		return err
	}
	if err := swap(tmp, out, exists); err != nil {
		_ = os.RemoveAll(tmp)

		return err
	}

	return nil
}

// checkOut reports whether out exists, and fails when it is a file or a
// non-empty directory that Force does not allow replacing.
func checkOut(out string, force bool) (bool, error) {
	st, err := os.Stat(out)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("write evidence: %w", err)
	}
	if !st.IsDir() {
		return false, fmt.Errorf("write evidence: %s exists and is not a directory; choose another --out", out)
	}
	entries, err := os.ReadDir(out)
	if err != nil {
		return false, fmt.Errorf("write evidence: %w", err)
	}
	if len(entries) > 0 && !force {
		return false, fmt.Errorf("write evidence: %s is not empty; pass --force to replace it, or choose another --out", out)
	}
	// --force replaces an earlier bundle only, so a mistyped --out cannot
	// delete unrelated files.
	if len(entries) > 0 {
		if _, err := os.Stat(filepath.Join(out, ManifestFile)); err != nil {
			return false, fmt.Errorf("write evidence: %s is not empty and has no %s, so it is not an evidence "+
				"bundle that --force may replace; choose another --out", out, ManifestFile)
		}
	}

	return true, nil
}

func fill(dir string, ev *Evidence, files []bundleFile) error {
	for _, f := range files {
		var buf bytes.Buffer
		if err := f.render(&buf, ev); err != nil {
			return fmt.Errorf("write evidence: render %s: %w", f.name, err)
		}
		if err := os.WriteFile(filepath.Join(dir, f.name), buf.Bytes(), 0o644); err != nil {
			return fmt.Errorf("write evidence: %w", err)
		}
	}
	if err := WriteManifest(dir); err != nil {
		return fmt.Errorf("write evidence: %w", err)
	}

	return nil
}

// swap renames tmp to out; an existing out is renamed aside first and
// restored when the second rename fails.
func swap(tmp, out string, exists bool) error {
	if !exists {
		if err := os.Rename(tmp, out); err != nil {
			return fmt.Errorf("write evidence: move the bundle into %s: %w", out, err)
		}

		return nil
	}
	old := tmp + ".old"
	if err := os.Rename(out, old); err != nil {
		return fmt.Errorf("write evidence: move the old %s aside: %w", out, err)
	}
	if err := os.Rename(tmp, out); err != nil {
		if rerr := os.Rename(old, out); rerr != nil {
			return fmt.Errorf("write evidence: move the bundle into %s: %w; the old bundle is in %s", out, err, old)
		}

		return fmt.Errorf("write evidence: move the bundle into %s: %w", out, err)
	}
	if err := os.RemoveAll(old); err != nil {
		return fmt.Errorf("write evidence: the new bundle is in %s, but removing the old one at %s failed: %w", out, old, err)
	}

	return nil
}

func renderJSON(w io.Writer, ev *Evidence) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")

	return enc.Encode(ev)
}
