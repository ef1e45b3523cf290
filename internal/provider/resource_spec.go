package provider

import (
	"context"
	"time"

	"github.com/hashicorp/terraform-plugin-framework-timeouts/resource/timeouts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/planmodifier"
	"github.com/hashicorp/terraform-plugin-framework/resource/schema/stringplanmodifier"
	"github.com/hashicorp/terraform-plugin-framework/types"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// defaultTimeout applies to every operation that a resource does not set a
// longer default for.
const defaultTimeout = 10 * time.Minute

// model is implemented by every resource model through its embedded
// resourceBase.
type model interface {
	base() *resourceBase
}

// resourceBase holds the attributes every resource has.
type resourceBase struct {
	ID       types.String   `tfsdk:"id"`
	Timeouts timeouts.Value `tfsdk:"timeouts"`
}

func (b *resourceBase) base() *resourceBase { return b }

// resourceSpec declares one resource for the generic engine: its schema, its
// Cloud Control type and the conversions between the Terraform model M and
// the Cloud Control model.
type resourceSpec[M any] struct {
	// name follows "smus_" in the resource type name.
	name        string
	description string
	cfn         *awstype.Type
	// attributes is the schema without id and the timeouts block, which the
	// engine adds. RequiresReplace is added by the engine too.
	attributes map[string]schema.Attribute
	// properties maps each top-level attribute that is sent to Cloud Control
	// to the property path it is sent as. An attribute whose path is
	// create-only in the registry forces replacement.
	properties map[string]string
	// replaceAlso lists attributes that force replacement although their
	// property is not create-only, each with the reason.
	replaceAlso map[string]string
	// keyAttributes are the attributes whose values form the type's natural
	// key, in the registry's NaturalKey order. nameAttribute is the one of
	// them that names a block in the configuration files.
	keyAttributes []string
	nameAttribute string
	// createTimeout is the default create timeout; zero means defaultTimeout.
	createTimeout time.Duration

	// desired converts a known model to the Cloud Control desired state,
	// with write-only values included.
	desired func(ctx context.Context, m *M) (map[string]any, error)
	// state converts a read model to the Terraform model. prior is the last
	// state, or the plan after a create or update; values the API never
	// returns (write-only ones) and forms it does not keep (null versus
	// empty, policy formatting) come from prior.
	state func(ctx context.Context, live map[string]any, prior *M) (M, error)
	// prepare, when set, completes a planned model before its create, for
	// example by resolving a name to an id.
	prepare func(ctx context.Context, client *cloudcontrol.Client, m *M) diag.Diagnostics
	// complete, when set, fills values after a read that the read model
	// lacks but another call returns, for example after an import.
	complete func(ctx context.Context, client *cloudcontrol.Client, m *M) diag.Diagnostics
	// create, when set, sends the create in place of Client.Create, for
	// example to repeat a request that the service rejects while a
	// dependency settles.
	create func(ctx context.Context, client *cloudcontrol.Client,
		in cloudcontrol.CreateInput) (*cloudcontrol.Resource, error)
	// restore, when set, fills the write-only attributes that are null in m
	// from values, the write-only properties that the DataZone API returns
	// (cloudcontrol.Client.DataZoneWriteOnly). It never replaces a value
	// that is not null. The first read after an import calls it.
	restore func(ctx context.Context, values map[string]any, m *M) error
	// equivalents lists string attributes whose state may hold another form
	// of the configured value after restore, such as a member's profile id
	// where the configuration has its IAM ARN. For an imported resource,
	// ModifyPlan keeps the state value when the check reports that both
	// name the same thing, and plans the change otherwise.
	equivalents map[string]sameValueFunc[M]
}

// sameValueFunc reports whether configured, the planned value of an
// attribute, names the same thing as the attribute's value in state.
type sameValueFunc[M any] func(ctx context.Context, client *cloudcontrol.Client, configured string,
	state *M) (bool, error)

// typeName returns the Terraform resource type name.
func (s *resourceSpec[M]) typeName() string { return "smus_" + s.name }

// forcesReplacement reports whether a change of the attribute replaces the
// resource.
func (s *resourceSpec[M]) forcesReplacement(attribute string) bool {
	if p, ok := s.properties[attribute]; ok && s.cfn.IsCreateOnly(p) {
		return true
	}
	_, ok := s.replaceAlso[attribute]

	return ok
}

// writeOnly reports whether the attribute is sent as a write-only property,
// which a read never returns.
func (s *resourceSpec[M]) writeOnly(attribute string) bool {
	p, ok := s.properties[attribute]

	return ok && s.cfn.IsWriteOnly(p)
}

// createDefault returns the create timeout used when the timeouts block
// does not set one.
func (s *resourceSpec[M]) createDefault() time.Duration {
	if s.createTimeout > 0 {
		return s.createTimeout
	}

	return defaultTimeout
}

// schema returns the full resource schema: the declared attributes with
// RequiresReplace where a change forces replacement, id, and timeouts.
func (s *resourceSpec[M]) schema(ctx context.Context) schema.Schema {
	attrs := make(map[string]schema.Attribute, len(s.attributes)+1)
	for name, a := range s.attributes {
		if path, ok := s.properties[name]; ok {
			a = withRegistryValidator(a, s.cfn, path)
		}
		if s.forcesReplacement(name) {
			_, deferred := s.equivalents[name]
			a = withReplace(a, replaceModifier{writeOnly: s.writeOnly(name), deferOnImport: deferred})
		}
		attrs[name] = a
	}
	attrs["id"] = schema.StringAttribute{
		Computed:      true,
		Description:   "Cloud Control identifier of the resource (" + s.cfn.Name + ").",
		PlanModifiers: []planmodifier.String{stringplanmodifier.UseStateForUnknown()},
	}

	return schema.Schema{
		Description: s.description,
		Attributes:  attrs,
		Blocks: map[string]schema.Block{
			"timeouts": timeouts.Block(ctx, timeouts.Opts{Create: true, Update: true, Delete: true}),
		},
	}
}
