package provider

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
	"github.com/hashicorp/terraform-plugin-framework/attr"
	"github.com/hashicorp/terraform-plugin-framework/datasource"
	dschema "github.com/hashicorp/terraform-plugin-framework/datasource/schema"
	"github.com/hashicorp/terraform-plugin-framework/provider"
	pschema "github.com/hashicorp/terraform-plugin-framework/provider/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	rschema "github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/types/basetypes"

	"github.com/smus-dev/smus/internal/awstype"
)

// referencePath is the provider reference that TestProviderReference keeps
// in step with the schemas.
const referencePath = "../../docs/provider.md"

// TestProviderReference fails when docs/provider.md differs from the
// reference generated from the schemas. SMUS_UPDATE_DOCS=1 rewrites it.
func TestProviderReference(t *testing.T) {
	t.Parallel()
	got := providerReference(t)
	if os.Getenv("SMUS_UPDATE_DOCS") == "1" {
		if err := os.WriteFile(filepath.Clean(referencePath), []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(referencePath)
	if err != nil {
		t.Fatalf("read %s: %v; generate it with SMUS_UPDATE_DOCS=1 go test ./internal/provider -run Reference",
			referencePath, err)
	}
	if diff := cmp.Diff(string(want), got); diff != "" {
		t.Errorf("docs/provider.md is stale; regenerate it with SMUS_UPDATE_DOCS=1 go test ./internal/provider "+
			"-run Reference (-want +got):\n%s", diff)
	}
}

// docAttribute is the part of every schema attribute the reference reads.
type docAttribute interface {
	GetDescription() string
	IsRequired() bool
	IsOptional() bool
	IsComputed() bool
	IsSensitive() bool
	GetType() attr.Type
}

type docRow struct {
	name string
	attr docAttribute
}

func providerReference(t *testing.T) string {
	t.Helper()
	ctx := context.Background()
	p := New("docs")()
	var b strings.Builder
	b.WriteString("# smus provider reference\n\n")
	b.WriteString("Generated from the provider's schemas by `SMUS_UPDATE_DOCS=1 go test ./internal/provider " +
		"-run Reference`; a test fails when this page is stale.\n\n")

	var ps provider.SchemaResponse
	p.Schema(ctx, provider.SchemaRequest{}, &ps)
	b.WriteString("## Provider configuration\n\n" + ps.Schema.Description + "\n\n")
	writeTable(&b, providerRows(ps.Schema.Attributes))
	for _, name := range sortedKeys(ps.Schema.Blocks) {
		if blk, ok := ps.Schema.Blocks[name].(pschema.SingleNestedBlock); ok {
			fmt.Fprintf(&b, "### Block `%s`\n\n%s\n\n", name, blk.Description)
			writeTable(&b, providerRows(blk.Attributes))
		}
	}

	b.WriteString("## Resources\n\n")
	for _, newResource := range p.Resources(ctx) {
		r := newResource()
		var meta resource.MetadataResponse
		r.Metadata(ctx, resource.MetadataRequest{ProviderTypeName: "smus"}, &meta)
		var rs resource.SchemaResponse
		r.Schema(ctx, resource.SchemaRequest{}, &rs)
		fmt.Fprintf(&b, "### %s\n\n%s\n\n", meta.TypeName, rs.Schema.Description)
		if typ, ok := awstype.TerraformType(meta.TypeName); ok {
			fmt.Fprintf(&b, "Cloud Control type `%s`. Import: `tofu import %s.NAME '%s'`.\n\n",
				typ.Name, meta.TypeName, typ.IdentifierExample)
		}
		writeTable(&b, resourceRows("", rs.Schema.Attributes))
		if _, ok := rs.Schema.Blocks["timeouts"]; ok {
			b.WriteString("Block `timeouts`: `create`, `update` and `delete` durations, such as \"30m\".\n\n")
		}
	}

	b.WriteString("## Data sources\n\n")
	for _, newDataSource := range p.DataSources(ctx) {
		d := newDataSource()
		var meta datasource.MetadataResponse
		d.Metadata(ctx, datasource.MetadataRequest{ProviderTypeName: "smus"}, &meta)
		var ds datasource.SchemaResponse
		d.Schema(ctx, datasource.SchemaRequest{}, &ds)
		fmt.Fprintf(&b, "### %s\n\n%s\n\n", meta.TypeName, ds.Schema.Description)
		writeTable(&b, dataSourceRows(ds.Schema.Attributes))
	}

	return b.String()
}

func providerRows(attrs map[string]pschema.Attribute) []docRow {
	var rows []docRow
	for _, name := range sortedKeys(attrs) {
		rows = append(rows, docRow{name, attrs[name]})
	}

	return rows
}

func dataSourceRows(attrs map[string]dschema.Attribute) []docRow {
	var rows []docRow
	for _, name := range sortedKeys(attrs) {
		rows = append(rows, docRow{name, attrs[name]})
	}

	return rows
}

// resourceRows lists attrs and, below each nested attribute, its members
// with dotted names.
func resourceRows(prefix string, attrs map[string]rschema.Attribute) []docRow {
	var rows []docRow
	for _, name := range sortedKeys(attrs) {
		a := attrs[name]
		rows = append(rows, docRow{prefix + name, a})
		switch x := a.(type) {
		case rschema.SingleNestedAttribute:
			rows = append(rows, resourceRows(prefix+name+".", x.Attributes)...)
		case rschema.MapNestedAttribute:
			rows = append(rows, resourceRows(prefix+name+"[KEY].", x.NestedObject.Attributes)...)
		case rschema.ListNestedAttribute:
			rows = append(rows, resourceRows(prefix+name+"[*].", x.NestedObject.Attributes)...)
		case rschema.SetNestedAttribute:
			rows = append(rows, resourceRows(prefix+name+"[*].", x.NestedObject.Attributes)...)
		}
	}

	return rows
}

func writeTable(b *strings.Builder, rows []docRow) {
	b.WriteString("| attribute | type | use | description |\n| --- | --- | --- | --- |\n")
	for _, r := range rows {
		desc := strings.ReplaceAll(r.attr.GetDescription(), "|", "\\|")
		desc = strings.ReplaceAll(desc, "\n", " ")
		fmt.Fprintf(b, "| `%s` | %s | %s | %s |\n", r.name, typeName(r.attr.GetType()), use(r.attr), desc)
	}
	b.WriteString("\n")
}

func use(a docAttribute) string {
	var parts []string
	switch {
	case a.IsRequired():
		parts = append(parts, "required")
	case a.IsOptional() && a.IsComputed():
		parts = append(parts, "optional, computed")
	case a.IsOptional():
		parts = append(parts, "optional")
	default:
		parts = append(parts, "computed")
	}
	if a.IsSensitive() {
		parts = append(parts, "sensitive")
	}

	return strings.Join(parts, ", ")
}

func typeName(t attr.Type) string {
	switch x := t.(type) {
	case basetypes.StringTypable:
		return "string"
	case basetypes.BoolTypable:
		return "bool"
	case basetypes.Int64Typable, basetypes.Float64Typable, basetypes.NumberTypable:
		return "number"
	case basetypes.SetType:
		return "set(" + typeName(x.ElemType) + ")"
	case basetypes.ListType:
		return "list(" + typeName(x.ElemType) + ")"
	case basetypes.MapType:
		return "map(" + typeName(x.ElemType) + ")"
	case basetypes.ObjectType:
		return "object"
	default:
		return "value"
	}
}
