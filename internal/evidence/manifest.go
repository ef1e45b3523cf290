package evidence

import (
	"bufio"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"strings"
)

// ManifestFile is the name of the manifest in a bundle. Each line is
// "<sha256 hex>  <path>", the format that `sha256sum` prints and that
// `sha256sum -c MANIFEST` checks; paths are relative and use "/".
const ManifestFile = "MANIFEST"

// WriteManifest hashes every regular file under dir except the manifest
// and writes the manifest, sorted by path.
func WriteManifest(dir string) error {
	sums, err := hashTree(dir)
	if err != nil {
		return err
	}
	var b strings.Builder
	for _, path := range sortedPaths(sums) {
		fmt.Fprintf(&b, "%s  %s\n", sums[path], path)
	}

	return os.WriteFile(filepath.Join(dir, ManifestFile), []byte(b.String()), 0o644)
}

// VerifyResult lists how a bundle differs from its manifest. Paths are
// relative to the bundle and sorted.
type VerifyResult struct {
	Changed []string `json:"changed"`
	Added   []string `json:"added"`
	Removed []string `json:"removed"`
	// Files is the number of files the manifest lists.
	Files int `json:"files"`
}

// Intact reports whether the bundle matches its manifest exactly.
func (r *VerifyResult) Intact() bool {
	return len(r.Changed) == 0 && len(r.Added) == 0 && len(r.Removed) == 0
}

// Verify checks the bundle in dir against its manifest. It returns an
// error when dir or its manifest cannot be read or the manifest is
// malformed.
func Verify(dir string) (*VerifyResult, error) {
	want, err := readManifest(dir)
	if err != nil {
		return nil, err
	}
	got, err := hashTree(dir)
	if err != nil {
		return nil, err
	}
	res := &VerifyResult{Changed: []string{}, Added: []string{}, Removed: []string{}, Files: len(want)}
	for _, path := range sortedPaths(want) {
		sum, ok := got[path]
		switch {
		case !ok:
			res.Removed = append(res.Removed, path)
		case sum != want[path]:
			res.Changed = append(res.Changed, path)
		}
	}
	for _, path := range sortedPaths(got) {
		if _, ok := want[path]; !ok {
			res.Added = append(res.Added, path)
		}
	}

	return res, nil
}

func readManifest(dir string) (map[string]string, error) {
	path := filepath.Join(dir, ManifestFile)
	f, err := os.Open(path)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, fmt.Errorf("verify evidence: %s has no %s; pass the directory that smus evidence wrote", dir, ManifestFile)
	}
	if err != nil {
		return nil, fmt.Errorf("verify evidence: open %s: %w", path, err)
	}
	defer f.Close()
	out := map[string]string{}
	sc := bufio.NewScanner(f)
	for line := 1; sc.Scan(); line++ {
		text := sc.Text()
		if text == "" {
			continue
		}
		sum, name, ok := strings.Cut(text, "  ")
		if _, err := hex.DecodeString(sum); !ok || err != nil || len(sum) != sha256.Size*2 || name == "" {
			return nil, fmt.Errorf("verify evidence: %s line %d is not \"<sha256>  <path>\": %q; the manifest "+
				"itself was altered, so the bundle cannot be trusted", path, line, text)
		}
		out[name] = strings.ToLower(sum)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("verify evidence: read %s: %w", path, err)
	}

	return out, nil
}

// hashTree returns the SHA-256 of every regular file under dir except the
// manifest, keyed by slash-separated relative path.
func hashTree(dir string) (map[string]string, error) {
	out := map[string]string{}
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		rel, err := filepath.Rel(dir, path)
		if err != nil {
			return err
		}
		rel = filepath.ToSlash(rel)
		if rel == ManifestFile {
			return nil
		}
		sum, err := hashFile(path)
		if err != nil {
			return err
		}
		out[rel] = sum

		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("hash the files of %s: %w", dir, err)
	}

	return out, nil
}

func hashFile(path string) (string, error) {
	f, err := os.Open(path)
	if err != nil {
		return "", err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return "", err
	}

	return hex.EncodeToString(h.Sum(nil)), nil
}

func sortedPaths(m map[string]string) []string {
	out := make([]string, 0, len(m))
	for k := range m {
		out = append(out, k)
	}
	sort.Strings(out)

	return out
}
