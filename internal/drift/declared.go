package drift

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/tfstate"
)

// DeclareFunc converts the state attributes of one resource into its Cloud
// Control type, identifier and declared model. provider.DeclaredModel is
// the one Run uses by default.
type DeclareFunc func(ctx context.Context, resourceType string, attributes map[string]any) (
	typeName, identifier string, model map[string]any, err error)

// declaredResource is one managed resource of the state with its declared
// Cloud Control model.
type declaredResource struct {
	address    string
	typ        *awstype.Type
	identifier string
	model      map[string]any
	attributes map[string]any
}

// smusPrefix starts the resource types of the smus provider.
const smusPrefix = "smus_"

// declare converts every managed smus resource of st. Resources that
// cannot be converted are returned as report errors.
func declare(ctx context.Context, st *tfstate.State, convert DeclareFunc) ([]declaredResource, []Error) {
	var out []declaredResource
	var errs []Error
	for _, r := range st.Managed(smusPrefix) {
		d, err := declareOne(ctx, r, convert)
		if err != nil {
			errs = append(errs, Error{Address: r.Address, Message: err.Error()})

			continue
		}
		out = append(out, d)
	}

	return out, errs
}

func declareOne(ctx context.Context, r tfstate.Resource, convert DeclareFunc) (declaredResource, error) {
	t, ok := awstype.TerraformType(r.Type)
	if !ok {
		return declaredResource{}, fmt.Errorf("resource type %s is not one smus knows; "+
			"upgrade smus to the version of the provider that wrote the state", r.Type)
	}
	if err := checkPolicies(r, t); err != nil {
		return declaredResource{}, err
	}
	typeName, id, model, err := convert(ctx, r.Type, r.Attributes)
	if err != nil {
		return declaredResource{}, fmt.Errorf("build the declared model: %w", err)
	}
	if typeName != t.Name {
		return declaredResource{}, fmt.Errorf("build the declared model: got type %s, want %s", typeName, t.Name)
	}
	if id == "" {
		return declaredResource{}, errors.New("the state has no id for this resource, so it was never created; " +
			"run apply, or remove it from the state with `tofu state rm`")
	}

	return declaredResource{address: r.Address, typ: t, identifier: id, model: model, attributes: r.Attributes}, nil
}

// checkPolicies fails for a policy document attribute whose value is not
// valid JSON, quoting the start of the value. An attribute holds policy
// documents when the registry marks its property, or the PolicyDocument
// member of its elements, as one.
func checkPolicies(r tfstate.Resource, t *awstype.Type) error {
	for _, attr := range sortedKeys(r.Attributes) {
		prop, _ := awstype.TerraformProperty(r.Type, attr)
		switch v := r.Attributes[attr].(type) {
		case string:
			if t.IsPolicyDocument(awstype.Pointer(prop)) {
				if err := checkPolicy(attr, v); err != nil {
					return err
				}
			}
		case map[string]any:
			if !t.IsPolicyDocument(awstype.Pointer(prop, "*", "PolicyDocument")) {
				continue
			}
			for _, name := range sortedKeys(v) {
				s, _ := v[name].(string)
				if err := checkPolicy(fmt.Sprintf("%s[%q]", attr, name), s); err != nil {
					return err
				}
			}
		}
	}

	return nil
}

func checkPolicy(attr, value string) error {
	if _, err := awstype.ParsePolicy(value); err != nil {
		return fmt.Errorf("%s in state is not a valid JSON policy document (%w): %s; fix the policy in the "+
			"configuration (jsonencode or a data source avoids hand-written JSON), run apply, then run drift again",
			attr, err, quoteStart(value, 60))
	}

	return nil
}

func quoteStart(s string, n int) string {
	if len(s) <= n {
		return fmt.Sprintf("%q", s)
	}

	return fmt.Sprintf("%q...", s[:n])
}

// accountEvidence returns, for each account that the ARNs of the declared
// resources name, the first attribute that names it. The resources' own
// arn attributes are read first; when there is none, role ARNs
// (attributes whose name ends in "role" or "role_arn") are read.
func accountEvidence(resources []declaredResource) map[string]string {
	out := map[string]string{}
	add := func(r declaredResource, attr string) {
		s, _ := r.attributes[attr].(string)
		for _, account := range awstype.ARNAccounts(s) {
			if _, ok := out[account]; !ok {
				out[account] = fmt.Sprintf("%s.%s = %s", r.address, attr, s)
			}
		}
	}
	for _, r := range resources {
		add(r, "arn")
	}
	if len(out) > 0 {
		return out
	}
	for _, r := range resources {
		for _, attr := range sortedKeys(r.attributes) {
			if strings.HasSuffix(attr, "role") || strings.HasSuffix(attr, "role_arn") {
				add(r, attr)
			}
		}
	}

	return out
}

// checkAccount fails when the state's ARNs name an account other than the
// caller's.
func checkAccount(resources []declaredResource, caller string) error {
	evidence := accountEvidence(resources)
	if _, ok := evidence[caller]; ok || len(evidence) == 0 {
		return nil
	}
	accounts := sortedKeys(evidence)

	return fmt.Errorf("the credentials are for account %s, but the state's resources are in account %s "+
		"(%s); use credentials for account %s (AWS_PROFILE, or AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY), "+
		"or pass the state of account %s's environment",
		caller, accounts[0], evidence[accounts[0]], accounts[0], caller)
}
