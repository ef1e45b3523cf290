package provider

import (
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"sync"

	"github.com/hashicorp/hcl/v2"
	"github.com/hashicorp/hcl/v2/hclsyntax"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/zclconf/go-cty/cty"
)

// naturalKeys is the set of natural keys that planned creates have claimed
// since the provider was configured. Terraform configures the provider again
// for each plan and apply, so a key collides only within one of them.
type naturalKeys struct {
	mu      sync.Mutex
	claimed map[string]bool
}

func newNaturalKeys() *naturalKeys {
	return &naturalKeys{claimed: map[string]bool{}}
}

// claim records key and reports whether it was free.
func (n *naturalKeys) claim(key naturalKey) bool {
	n.mu.Lock()
	defer n.mu.Unlock()

	id := key.id()
	if n.claimed[id] {
		return false
	}
	n.claimed[id] = true

	return true
}

// naturalKey is a resource type with the values of its natural key
// attributes, such as a project's domain id and name.
type naturalKey struct {
	resourceType string
	parts        []keyPart
}

type keyPart struct {
	attribute string
	value     string
	null      bool
}

func (k naturalKey) id() string {
	var b strings.Builder
	b.WriteString(k.resourceType)
	for _, p := range k.parts {
		fmt.Fprintf(&b, "\x00%s=%t:%s", p.attribute, p.null, p.value)
	}

	return b.String()
}

// String returns the key as attribute assignments, for messages.
func (k naturalKey) String() string {
	var parts []string
	for _, p := range k.parts {
		if !p.null {
			parts = append(parts, fmt.Sprintf("%s = %q", p.attribute, p.value))
		}
	}

	return strings.Join(parts, " and ")
}

// keyParts reads the key attributes of a planned object. It reports false
// when any of them is not known yet, because the key cannot be checked then.
func keyParts(planned tftypes.Value, attributes []string) ([]keyPart, bool) {
	var values map[string]tftypes.Value
	if err := planned.As(&values); err != nil {
		return nil, false
	}
	parts := make([]keyPart, 0, len(attributes))
	for _, name := range attributes {
		v, ok := values[name]
		if !ok || !v.IsFullyKnown() {
			return nil, false
		}
		part := keyPart{attribute: name, null: v.IsNull()}
		switch {
		case v.IsNull():
		case v.Type().Is(tftypes.String):
			_ = v.As(&part.value)
		default:
			part.value = v.String()
		}
		parts = append(parts, part)
	}

	return parts, true
}

// findAddresses returns the sorted addresses of the resource blocks of
// resourceType in the *.tf files of dir whose attribute is the string
// literal value. Terraform and OpenTofu start the provider in the root
// module's directory, so dir "." finds blocks of the root module only;
// files that do not parse and non-literal values are skipped.
func findAddresses(dir, resourceType, attribute, value string) []string {
	files, err := filepath.Glob(filepath.Join(dir, "*.tf"))
	if err != nil || attribute == "" {
		return nil
	}
	var addresses []string
	for _, name := range files {
		addresses = append(addresses, addressesInFile(name, resourceType, attribute, value)...)
	}
	sort.Strings(addresses)

	return addresses
}

func addressesInFile(name, resourceType, attribute, value string) []string {
	src, err := os.ReadFile(name)
	if err != nil {
		return nil
	}
	file, diags := hclsyntax.ParseConfig(src, name, hcl.InitialPos)
	if diags.HasErrors() {
		return nil
	}
	body, ok := file.Body.(*hclsyntax.Body)
	if !ok {
		return nil
	}

	var addresses []string
	for _, block := range body.Blocks {
		if block.Type != "resource" || len(block.Labels) != 2 || block.Labels[0] != resourceType {
			continue
		}
		attr, ok := block.Body.Attributes[attribute]
		if !ok {
			continue
		}
		v, diags := attr.Expr.Value(nil)
		if diags.HasErrors() || !v.IsKnown() || v.IsNull() || !v.Type().Equals(cty.String) {
			continue
		}
		if v.AsString() == value {
			addresses = append(addresses, resourceType+"."+block.Labels[1])
		}
	}

	return addresses
}
