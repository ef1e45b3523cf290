package lint

import (
	"errors"
	"fmt"
	"os"
	"strings"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/gohcl"
	"github.com/hashicorp/hcl/v2/hclsyntax"
)

// DefaultConfigFile is the configuration file Lint reads from the first
// linted directory when Options.ConfigFile is empty.
const DefaultConfigFile = ".smus-lint.hcl"

// Default globs for Config.AllowIAMRoles and Config.DevPaths. A glob is
// matched against slash-separated paths, "**" matches any number of path
// segments, and "*" matches within one segment, so "**/*dev*/**" matches any
// path with a segment that contains "dev".
var (
	DefaultAllowIAMRoles = []string{"**/*dev*/**", "**/*security-baseline*/**"}
	DefaultDevPaths      = []string{"**/*dev*/**", "**/*sandbox*/**"}
)

// Config holds the settings of one Lint call.
type Config struct {
	// Rules maps a rule name to its settings; a rule with no entry runs
	// with its defaults.
	Rules map[string]RuleConfig
	// AllowIAMRoles lists the globs of paths where iam-role-in-platform
	// accepts IAM roles; DevPaths those where backend-local and
	// backend-missing accept local state. Paths are relative to the
	// repository root, or to the parent of the first linted directory when
	// there is no repository.
	AllowIAMRoles []string
	DevPaths      []string
	// VersionedBuckets lists the S3 state buckets known to have versioning
	// enabled, which backend-s3-unversioned cannot check from the code.
	VersionedBuckets []string
}

// RuleConfig is the configuration of one rule. A nil field keeps the
// rule's default.
type RuleConfig struct {
	Enabled  *bool
	Severity *Severity
}

// DefaultConfig returns the configuration used when there is no file.
func DefaultConfig() *Config {
	return &Config{
		Rules:         map[string]RuleConfig{},
		AllowIAMRoles: DefaultAllowIAMRoles,
		DevPaths:      DefaultDevPaths,
	}
}

type configFile struct {
	Rules            []ruleBlock `hcl:"rule,block"`
	AllowIAMRoles    *[]string   `hcl:"allow_iam_roles,optional"`
	DevPaths         *[]string   `hcl:"dev_paths,optional"`
	VersionedBuckets []string    `hcl:"versioned_buckets,optional"`
}

type ruleBlock struct {
	Name     string    `hcl:"name,label"`
	Enabled  *bool     `hcl:"enabled,optional"`
	Severity *string   `hcl:"severity,optional"`
	DefRange hcl.Range `hcl:",def_range"`
}

// LoadConfig reads a configuration file. When optional is true a missing
// file yields DefaultConfig. Unknown rule names, invalid severities and
// unknown settings are errors that name the file, line and column.
func LoadConfig(path string, optional bool) (*Config, error) {
	src, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) && optional {
		return DefaultConfig(), nil
	}
	if err != nil {
		return nil, fmt.Errorf("read lint configuration: %w", err)
	}

	return ParseConfig(src, path)
}

// ParseConfig parses configuration source; filename is used in errors.
func ParseConfig(src []byte, filename string) (*Config, error) {
	f, diags := hclsyntax.ParseConfig(src, filename, hcl.InitialPos)
	if diags.HasErrors() {
		return nil, fmt.Errorf("parse lint configuration: %w", diags)
	}
	var raw configFile
	if diags := gohcl.DecodeBody(f.Body, nil, &raw); diags.HasErrors() {
		return nil, fmt.Errorf("decode lint configuration: %w", diags)
	}
	cfg := DefaultConfig()
	if raw.AllowIAMRoles != nil {
		cfg.AllowIAMRoles = *raw.AllowIAMRoles
	}
	if raw.DevPaths != nil {
		cfg.DevPaths = *raw.DevPaths
	}
	cfg.VersionedBuckets = raw.VersionedBuckets
	for _, globs := range [][]string{cfg.AllowIAMRoles, cfg.DevPaths} {
		if err := checkGlobs(globs, filename); err != nil {
			return nil, err
		}
	}
	for _, rb := range raw.Rules {
		rc, err := rb.decode()
		if err != nil {
			return nil, err
		}
		cfg.Rules[rb.Name] = rc
	}

	return cfg, nil
}

func (rb ruleBlock) decode() (RuleConfig, error) {
	pos := fmt.Sprintf("%s:%d:%d", rb.DefRange.Filename, rb.DefRange.Start.Line, rb.DefRange.Start.Column)
	if _, ok := ruleByName[rb.Name]; !ok {
		return RuleConfig{}, fmt.Errorf("%s: unknown lint rule %q: valid rules are %s",
			pos, rb.Name, strings.Join(RuleNames(), ", "))
	}
	rc := RuleConfig{Enabled: rb.Enabled}
	if rb.Severity != nil {
		s, err := ParseSeverity(*rb.Severity)
		if err != nil {
			return RuleConfig{}, fmt.Errorf("%s: rule %q: %w", pos, rb.Name, err)
		}
		rc.Severity = &s
	}

	return rc, nil
}

// enabled reports whether the rule runs.
func (c *Config) enabled(rule string) bool {
	rc, ok := c.Rules[rule]

	return !ok || rc.Enabled == nil || *rc.Enabled
}

// severity returns the configured severity of a rule, if one is set.
func (c *Config) severity(rule string) (Severity, bool) {
	rc, ok := c.Rules[rule]
	if !ok || rc.Severity == nil {
		return Notice, false
	}

	return *rc.Severity, true
}
