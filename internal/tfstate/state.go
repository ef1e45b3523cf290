package tfstate

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"sort"
	"strings"

	tfjson "github.com/hashicorp/terraform-json"
)

// State is the part of a Terraform state that smus reads.
type State struct {
	// Serial and Lineage identify the state version; they are zero when the
	// source was `show -json` output, which does not carry them.
	Serial           int64
	Lineage          string
	TerraformVersion string
	Resources        []Resource
	Outputs          map[string]any
}

// Resource is one managed or data resource instance in a state.
type Resource struct {
	// Address is the full instance address, such as
	// module.project["fraud"].smus_project.this.
	Address    string
	Mode       string
	Type       string
	Name       string
	Module     string
	IndexKey   any
	Provider   string
	Attributes map[string]any
}

// Managed returns the managed (not data) resources whose type starts with
// prefix, in address order.
func (s *State) Managed(prefix string) []Resource {
	var out []Resource
	for _, r := range s.Resources {
		if r.Mode == "managed" && strings.HasPrefix(r.Type, prefix) {
			out = append(out, r)
		}
	}

	return out
}

// ErrEmpty reports a state source with no content.
var ErrEmpty = errors.New("state is empty")

// Parse decodes a raw state file or `show -json` output, telling them apart
// by their top-level members. name labels errors, such as the file path.
func Parse(name string, data []byte) (*State, error) {
	if len(bytes.TrimSpace(data)) == 0 {
		return nil, fmt.Errorf("read state %s: %w; apply the configuration first or pass another state", name, ErrEmpty)
	}
	if trimmed := bytes.TrimSpace(data); trimmed[0] != '{' {
		return nil, fmt.Errorf("read state %s: not a JSON object; pass a state file or `show -json` output", name)
	}
	var probe struct {
		Version       *int    `json:"version"`
		FormatVersion *string `json:"format_version"`
	}
	if err := json.Unmarshal(data, &probe); err != nil {
		return nil, fmt.Errorf("read state %s: not valid JSON (%v); pass a state file or `show -json` output", name, err)
	}
	switch {
	case probe.FormatVersion != nil:
		return parseShow(name, data)
	case probe.Version != nil:
		return parseRaw(name, data, *probe.Version)
	default:
		return nil, fmt.Errorf("read state %s: neither a state file (no \"version\") nor `show -json` output "+
			"(no \"format_version\")", name)
	}
}

func parseShow(name string, data []byte) (*State, error) {
	var st tfjson.State
	if err := st.UnmarshalJSON(data); err != nil {
		return nil, fmt.Errorf("read state %s: %w", name, err)
	}
	out := &State{TerraformVersion: st.TerraformVersion, Outputs: map[string]any{}}
	if st.Values == nil {
		return out, nil
	}
	for k, o := range st.Values.Outputs {
		out.Outputs[k] = o.Value
	}
	var walk func(m *tfjson.StateModule)
	walk = func(m *tfjson.StateModule) {
		if m == nil {
			return
		}
		for _, r := range m.Resources {
			out.Resources = append(out.Resources, Resource{
				Address: r.Address, Mode: string(r.Mode), Type: r.Type, Name: r.Name,
				Module: m.Address, IndexKey: r.Index, Provider: r.ProviderName, Attributes: r.AttributeValues,
			})
		}
		for _, c := range m.ChildModules {
			walk(c)
		}
	}
	walk(st.Values.RootModule)
	sortResources(out.Resources)

	return out, nil
}

type rawState struct {
	Version          int    `json:"version"`
	TerraformVersion string `json:"terraform_version"`
	Serial           int64  `json:"serial"`
	Lineage          string `json:"lineage"`
	Outputs          map[string]struct {
		Value any `json:"value"`
	} `json:"outputs"`
	Resources []struct {
		Module    string `json:"module"`
		Mode      string `json:"mode"`
		Type      string `json:"type"`
		Name      string `json:"name"`
		Provider  string `json:"provider"`
		Instances []struct {
			IndexKey   any            `json:"index_key"`
			Attributes map[string]any `json:"attributes"`
		} `json:"instances"`
	} `json:"resources"`
}

func parseRaw(name string, data []byte, version int) (*State, error) {
	if version != 4 {
		return nil, fmt.Errorf("read state %s: state format version %d is not supported; "+
			"upgrade it with a current engine (format version 4)", name, version)
	}
	var raw rawState
	if err := json.Unmarshal(data, &raw); err != nil {
		return nil, fmt.Errorf("read state %s: %w", name, err)
	}
	out := &State{Serial: raw.Serial, Lineage: raw.Lineage, TerraformVersion: raw.TerraformVersion,
		Outputs: map[string]any{}}
	for k, o := range raw.Outputs {
		out.Outputs[k] = o.Value
	}
	for _, r := range raw.Resources {
		for _, inst := range r.Instances {
			out.Resources = append(out.Resources, Resource{
				Address: address(r.Module, r.Mode, r.Type, r.Name, inst.IndexKey),
				Mode:    r.Mode, Type: r.Type, Name: r.Name, Module: r.Module,
				IndexKey: inst.IndexKey, Provider: r.Provider, Attributes: inst.Attributes,
			})
		}
	}
	sortResources(out.Resources)

	return out, nil
}

func address(module, mode, typ, name string, key any) string {
	var b strings.Builder
	if module != "" {
		b.WriteString(module + ".")
	}
	if mode == "data" {
		b.WriteString("data.")
	}
	b.WriteString(typ + "." + name)
	switch k := key.(type) {
	case nil:
	case string:
		fmt.Fprintf(&b, "[%q]", k)
	case float64:
		fmt.Fprintf(&b, "[%d]", int64(k))
	default:
		fmt.Fprintf(&b, "[%v]", k)
	}

	return b.String()
}

func sortResources(rs []Resource) {
	sort.SliceStable(rs, func(i, j int) bool { return rs[i].Address < rs[j].Address })
}
