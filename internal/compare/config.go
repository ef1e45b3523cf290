package compare

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclparse"
)

// DefaultConfigFile is the configuration file that LoadConfig reads from the
// configuration directory when no file is named.
const DefaultConfigFile = ".smus-compare.hcl"

// DefaultEnvironmentNames are the words treated as environment names when
// the configuration sets none.
var DefaultEnvironmentNames = []string{"dev", "test", "staging", "prod"}

// Config sets what the comparison treats as a legitimate difference. It is
// read from HCL or JSON:
//
//	environment_names = ["dev", "staging", "prod", "production"]
//	replacements      = { "fraud-prd" = "fraud-prod" }
//	normalize_regions = true
//	ignore_attributes = ["tags", "description"]
type Config struct {
	// EnvironmentNames are words replaced by "<env>" wherever they appear
	// between non-letters, ignoring case. The two environments' own names
	// are always added. Default: DefaultEnvironmentNames.
	EnvironmentNames []string `hcl:"environment_names,optional"`
	// Replacements maps literal text to its replacement, applied to every
	// string of both environments before the other rules.
	Replacements map[string]string `hcl:"replacements,optional"`
	// NormalizeRegions replaces every region name, not only the region
	// field of ARNs; set it when the environments live in different regions.
	NormalizeRegions bool `hcl:"normalize_regions,optional"`
	// IgnoreAttributes are attribute names (top-level or nested) left out
	// of property comparisons.
	IgnoreAttributes []string `hcl:"ignore_attributes,optional"`
}

// DefaultConfig returns the configuration used when there is no file.
func DefaultConfig() Config {
	return Config{EnvironmentNames: append([]string{}, DefaultEnvironmentNames...)}
}

// LoadConfig reads the configuration file path, or DefaultConfigFile in dir
// when path is empty. A missing default file yields DefaultConfig; a
// missing named file is an error. Files ending in .json are read as JSON.
func LoadConfig(path, dir string) (Config, error) {
	named := path != ""
	if !named {
		path = filepath.Join(dir, DefaultConfigFile)
	}
	src, err := os.ReadFile(path)
	switch {
	case errors.Is(err, fs.ErrNotExist) && !named:
		return DefaultConfig(), nil
	case errors.Is(err, fs.ErrNotExist):
		return Config{}, fmt.Errorf("read compare configuration: file %q not found; pass an existing file "+
			"with --config or remove the flag", path)
	case err != nil:
		return Config{}, fmt.Errorf("read compare configuration %q: %w", path, err)
	}
	parser := hclparse.NewParser()
	var file *hcl.File
	var diags hcl.Diagnostics
	if strings.HasSuffix(path, ".json") {
		file, diags = parser.ParseJSON(src, path)
	} else {
		file, diags = parser.ParseHCL(src, path)
	}
	if diags.HasErrors() {
		return Config{}, fmt.Errorf("parse compare configuration: %w", diags)
	}
	var cfg Config
	if diags := gohcl.DecodeBody(file.Body, nil, &cfg); diags.HasErrors() {
		return Config{}, fmt.Errorf("decode compare configuration: %w; the file may set environment_names, "+
			"replacements, normalize_regions and ignore_attributes", diags)
	}
	if cfg.EnvironmentNames == nil {
		cfg.EnvironmentNames = append([]string{}, DefaultEnvironmentNames...)
	}

	return cfg, nil
}
