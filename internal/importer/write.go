package importer

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
)

// ConflictError reports output files that already exist.
type ConflictError struct {
	Dir   string
	Files []string
}

func (e *ConflictError) Error() string {
	return fmt.Sprintf("output files already exist in %s: %s; move them away, choose another --out, "+
		"or pass --force to overwrite them", e.Dir, strings.Join(e.Files, ", "))
}

// Write stores files in dir without leaving a partial result. A new dir is
// built under a temporary name next to it and renamed into place. Files
// for an existing dir are written to a temporary directory first and then
// moved in, and every move is undone when one fails. An existing file of
// the same name is an error (*ConflictError) unless force is set or it
// already has the same content, in which case it is left as it is.
func Write(dir string, files []File, force bool) error {
	info, err := os.Stat(dir)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return writeNew(dir, files)
	case err != nil:
		return fmt.Errorf("check the output directory: %w", err)
	case !info.IsDir():
		return fmt.Errorf("output path %s is not a directory", dir)
	}
	var conflicts []string
	changed := files[:0:0]
	for _, f := range files {
		existing, err := os.ReadFile(filepath.Join(dir, f.Name))
		switch {
		case err == nil && bytes.Equal(existing, f.Content):
			// A file that already holds exactly this content, as after a
			// second import of the same domain, is neither a conflict nor
			// rewritten.
			continue
		case err == nil || !errors.Is(err, fs.ErrNotExist):
			conflicts = append(conflicts, f.Name)
		}
		changed = append(changed, f)
	}
	if len(conflicts) > 0 && !force {
		return &ConflictError{Dir: dir, Files: conflicts}
	}
	if len(changed) == 0 {
		return nil
	}

	return writeInto(dir, changed)
}

// Unchanged returns the names of the files that dir already holds with
// exactly the given content; Write leaves them as they are.
func Unchanged(dir string, files []File) []string {
	var names []string
	for _, f := range files {
		existing, err := os.ReadFile(filepath.Join(dir, f.Name))
		if err == nil && bytes.Equal(existing, f.Content) {
			names = append(names, f.Name)
		}
	}

	return names
}

func writeNew(dir string, files []File) error {
	parent := filepath.Dir(filepath.Clean(dir))
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return fmt.Errorf("create the parent of the output directory: %w", err)
	}
	tmp, err := os.MkdirTemp(parent, ".smus-import-")
	if err != nil {
		return fmt.Errorf("create a temporary directory next to %s: %w", dir, err)
	}
	if err := writeFiles(tmp, files); err != nil {
		os.RemoveAll(tmp)

		return err
	}
	if err := os.Chmod(tmp, 0o755); err != nil {
		os.RemoveAll(tmp)

		return fmt.Errorf("set the permissions of the output directory: %w", err)
	}
	if err := os.Rename(tmp, dir); err != nil {
		os.RemoveAll(tmp)

		return fmt.Errorf("move the generated files into %s: %w", dir, err)
	}

	return nil
}

// writeInto moves files into an existing dir, keeping the files they
// replace in the temporary directory until every move has succeeded.
func writeInto(dir string, files []File) error {
	tmp, err := os.MkdirTemp(dir, ".smus-import-")
	if err != nil {
		return fmt.Errorf("create a temporary directory in %s: %w", dir, err)
	}
	defer os.RemoveAll(tmp)
	newDir, oldDir := filepath.Join(tmp, "new"), filepath.Join(tmp, "old")
	for _, d := range []string{newDir, oldDir} {
		if err := os.Mkdir(d, 0o700); err != nil {
			return fmt.Errorf("create a temporary directory: %w", err)
		}
	}
	if err := writeFiles(newDir, files); err != nil {
		return err
	}
	var undo []func()
	rollback := func() {
		for i := len(undo) - 1; i >= 0; i-- {
			undo[i]()
		}
	}
	for _, f := range files {
		target, staged, saved := filepath.Join(dir, f.Name), filepath.Join(newDir, f.Name), filepath.Join(oldDir, f.Name)
		if _, err := os.Lstat(target); err == nil {
			if err := os.Rename(target, saved); err != nil {
				rollback()

				return fmt.Errorf("set aside %s: %w", target, err)
			}
			undo = append(undo, func() { _ = os.Rename(saved, target) })
		}
		if err := os.Rename(staged, target); err != nil {
			rollback()

			return fmt.Errorf("move %s into %s: %w", f.Name, dir, err)
		}
		undo = append(undo, func() { _ = os.Remove(target) })
	}

	return nil
}

func writeFiles(dir string, files []File) error {
	for _, f := range files {
		if f.Name != filepath.Base(f.Name) || f.Name == "." || f.Name == ".." {
			return fmt.Errorf("invalid output file name %q: it must be a plain file name", f.Name)
		}
		if err := os.WriteFile(filepath.Join(dir, f.Name), f.Content, 0o644); err != nil {
			return fmt.Errorf("write %s: %w", f.Name, err)
		}
	}

	return nil
}
