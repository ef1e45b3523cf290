package provider

import (
	"context"
	"testing"

	"github.com/hashicorp/terraform-plugin-framework/providerserver"
	"github.com/hashicorp/terraform-plugin-framework/resource"
	"github.com/hashicorp/terraform-plugin-go/tfprotov6"
	"github.com/hashicorp/terraform-plugin-go/tftypes"
)

// importState imports id as a resource of typeName through the protocol
// server, as Terraform does, and returns the response.
func importState(t *testing.T, typeName, id string) *tfprotov6.ImportResourceStateResponse {
	t.Helper()
	server := providerserver.NewProtocol6(New("test")())()
	resp, err := server.ImportResourceState(context.Background(), &tfprotov6.ImportResourceStateRequest{
		TypeName: typeName, ID: id,
	})
	if err != nil {
		t.Fatalf("import %s %q: %v", typeName, id, err)
	}

	return resp
}

// importError returns the detail of the error an import of id reports.
func importError(t *testing.T, typeName, id string) string {
	t.Helper()
	resp := importState(t, typeName, id)
	for _, d := range resp.Diagnostics {
		if d.Severity == tfprotov6.DiagnosticSeverityError {
			return d.Summary + ": " + d.Detail
		}
	}
	t.Fatalf("import of %q succeeded, want an error", id)

	return ""
}

// importedID returns the id attribute of the imported state.
func importedID(t *testing.T, r resource.Resource, resp *tfprotov6.ImportResourceStateResponse) string {
	t.Helper()
	if len(resp.ImportedResources) != 1 {
		t.Fatalf("imported %d resources, want 1 (diagnostics: %v)", len(resp.ImportedResources), resp.Diagnostics)
	}
	ctx := context.Background()
	var sresp resource.SchemaResponse
	r.Schema(ctx, resource.SchemaRequest{}, &sresp)
	value, err := resp.ImportedResources[0].State.Unmarshal(sresp.Schema.Type().TerraformType(ctx))
	if err != nil {
		t.Fatalf("decode imported state: %v", err)
	}
	var attrs map[string]tftypes.Value
	if err := value.As(&attrs); err != nil {
		t.Fatalf("decode imported state: %v", err)
	}
	var id string
	if err := attrs["id"].As(&id); err != nil {
		t.Fatalf("decode imported id: %v", err)
	}

	return id
}
