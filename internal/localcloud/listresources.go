package localcloud

import (
	"encoding/base64"
	"fmt"
	"slices"
	"strings"

	"github.com/smus-dev/smus/internal/awstype"
)

// listPageSize is the number of resources per ListResources page. Real
// handlers choose their own page size; 25 was observed for one type.
const listPageSize = 25

type listResourcesInput struct {
	TypeName      *string
	TypeVersionId *string //nolint:revive // AWS member name.
	RoleArn       *string
	NextToken     *string
	MaxResults    *int
	ResourceModel *string
}

type listResourcesOutput struct {
	TypeName             string
	ResourceDescriptions []resourceDescription
	NextToken            string `json:",omitempty"`
}

// listResources implements ListResources. Types with a list scope need a
// ResourceModel with the scope's properties, and list only the resources
// that match them. In strict mode MaxResults is ignored, as the real API
// ignores it.
func (c *Cloud) listResources(call *apiCall, body []byte) (any, error) {
	var in listResourcesInput
	if err := decodeInput(body, &in); err != nil {
		return nil, err
	}
	v := &inputCheck{}
	(&resourceInput{TypeName: in.TypeName, TypeVersionId: in.TypeVersionId, RoleArn: in.RoleArn}).check(v)
	v.text("nextToken", in.NextToken, 1, 2048, nil, false)
	v.intRange("maxResults", in.MaxResults, 1, 100)
	v.text("resourceModel", in.ResourceModel, 1, 65536, nil, true)
	if err := v.err(); err != nil {
		return nil, err
	}
	call.typeName = *in.TypeName
	t, err := lookupType(*in.TypeName)
	if err != nil {
		return nil, err
	}
	if !t.Listable {
		return nil, apiErrorf("UnsupportedActionException", "Resource type %s does not support LIST action", t.Name)
	}
	scope, err := listScope(t, in.ResourceModel)
	if err != nil {
		return nil, err
	}
	after := ""
	if in.NextToken != nil {
		b, err := base64.RawURLEncoding.DecodeString(*in.NextToken)
		if err != nil {
			return nil, apiErrorf("ValidationException", "NextToken %q is not a token that ListResources returned.", *in.NextToken)
		}
		after = string(b)
	}
	size := listPageSize
	if in.MaxResults != nil && !c.opts.Strict {
		size = *in.MaxResults
	}
	c.settle()
	c.mu.RLock()
	defer c.mu.RUnlock()
	if err := c.checkScopeLocked(call, t, scope); err != nil {
		return nil, err
	}

	return c.pageLocked(call, t, scope, after, size), nil
}

// listScope reads the scope properties from ResourceModel, failing with the
// real API's InvalidRequestException when one is missing.
func listScope(t *awstype.Type, text *string) (map[string]string, error) {
	if !t.Scoped() {
		return nil, nil
	}
	var model map[string]any
	if text != nil {
		model, _ = parseModel("ResourceModel", *text)
	}
	scope := map[string]string{}
	var missing []string
	for _, name := range t.ListScope {
		s, _ := model[name].(string)
		if s == "" {
			missing = append(missing, fmt.Sprintf("#: required key [%s] not found", name))

			continue
		}
		scope[name] = s
	}
	if len(missing) > 0 {
		return nil, apiErrorf("InvalidRequestException",
			"Missing or invalid ResourceModel property in %s list handler request input.Required property: (%s)",
			t.Name, strings.Join(missing, ", "))
	}

	return scope, nil
}

// checkScopeLocked fails when the scope names a domain that does not exist,
// as the DataZone list APIs do.
func (c *Cloud) checkScopeLocked(call *apiCall, t *awstype.Type, scope map[string]string) error {
	domainID, ok := scope["DomainIdentifier"]
	if !ok {
		return nil
	}
	if c.st.resources[keyFor(call.account, call.region, awstype.Domain, domainID)] == nil {
		return apiErrorf("ResourceNotFoundException",
			"%s Handler returned status FAILED: %s (HandlerErrorCode: NotFound, RequestToken: %s)",
			t.Name, notFound(awstype.Domain.Name, domainID).Message, call.requestID)
	}

	return nil
}

func (c *Cloud) pageLocked(call *apiCall, t *awstype.Type, scope map[string]string, after string, size int) listResourcesOutput {
	all := c.st.byType[keyFor(call.account, call.region, t, "").scope()]
	ids := make([]string, 0, len(all))
	for id, res := range all {
		if id > after && matchesScope(res, scope) {
			ids = append(ids, id)
		}
	}
	slices.Sort(ids)
	out := listResourcesOutput{TypeName: t.Name, ResourceDescriptions: []resourceDescription{}}
	if len(ids) > size {
		ids = ids[:size]
		out.NextToken = base64.RawURLEncoding.EncodeToString([]byte(ids[len(ids)-1]))
	}
	for _, id := range ids {
		out.ResourceDescriptions = append(out.ResourceDescriptions,
			resourceDescription{Identifier: id, Properties: string(all[id].readJSON)})
	}

	return out
}

func matchesScope(res *resource, scope map[string]string) bool {
	for name, want := range scope {
		if res.str(name) != want {
			return false
		}
	}

	return true
}
