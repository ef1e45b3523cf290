package localcloud

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/smus-dev/smus/internal/awstype"
)

// Input constraints of the Cloud Control API model.
var (
	typeNamePattern     = regexp.MustCompile(`^[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}::[A-Za-z0-9]{2,64}$`)
	clientTokenPattern  = regexp.MustCompile(`^[-A-Za-z0-9+/=]+$`)
	requestTokenPattern = clientTokenPattern
	typeVersionPattern  = regexp.MustCompile(`^[A-Za-z0-9-]+$`)
	roleARNInputPattern = regexp.MustCompile(`^arn:.+:iam::[0-9]{12}:role/.+$`)
)

// decodeInput decodes a JSON 1.0 request body into v. An empty body is an
// empty object, as AWS treats it.
func decodeInput(body []byte, v any) error {
	if len(bytes.TrimSpace(body)) == 0 {
		body = []byte("{}")
	}
	dec := json.NewDecoder(bytes.NewReader(body))
	if err := dec.Decode(v); err != nil {
		return apiErrorf("SerializationException", "The request body is not a valid JSON object for this operation: %v", err)
	}
	if dec.More() {
		return apiErrorf("SerializationException", "The request body has data after the JSON object.")
	}

	return nil
}

// inputCheck collects constraint violations in the message shape of AWS
// input validation ("1 validation error detected: ...").
type inputCheck struct {
	problems []string
}

func (v *inputCheck) add(format string, args ...any) {
	v.problems = append(v.problems, fmt.Sprintf(format, args...))
}

func (v *inputCheck) required(member string, value *string) bool {
	if value == nil {
		v.add("Value null at '%s' failed to satisfy constraint: Member must not be null", member)

		return false
	}

	return true
}

// text checks a string member's length and pattern; sensitive values are
// not echoed.
func (v *inputCheck) text(member string, value *string, minLen, maxLen int, re *regexp.Regexp, sensitive bool) {
	if value == nil {
		return
	}
	shown := fmt.Sprintf("'%s'", *value)
	if sensitive {
		shown = "at"
	}
	n := utf8.RuneCountInString(*value)
	switch {
	case n < minLen:
		v.add("Value %s at '%s' failed to satisfy constraint: Member must have length greater than or equal to %d",
			shown, member, minLen)
	case n > maxLen:
		v.add("Value %s at '%s' failed to satisfy constraint: Member must have length less than or equal to %d",
			shown, member, maxLen)
	case re != nil && !re.MatchString(*value):
		v.add("Value %s at '%s' failed to satisfy constraint: Member must satisfy regular expression pattern: %s",
			shown, member, strings.Trim(re.String(), "^$"))
	}
}

func (v *inputCheck) intRange(member string, value *int, minValue, maxValue int) {
	switch {
	case value == nil:
	case *value < minValue:
		v.add("Value '%d' at '%s' failed to satisfy constraint: Member must have value greater than or equal to %d",
			*value, member, minValue)
	case *value > maxValue:
		v.add("Value '%d' at '%s' failed to satisfy constraint: Member must have value less than or equal to %d",
			*value, member, maxValue)
	}
}

func (v *inputCheck) err() error {
	switch len(v.problems) {
	case 0:
		return nil
	case 1:
		return apiErrorf("ValidationException", "1 validation error detected: %s", v.problems[0])
	default:
		return apiErrorf("ValidationException", "%d validation errors detected: %s",
			len(v.problems), strings.Join(v.problems, "; "))
	}
}

// resourceInput is the members shared by the resource operations.
type resourceInput struct {
	TypeName      *string
	TypeVersionId *string //nolint:revive // AWS member name.
	RoleArn       *string
	ClientToken   *string
	Identifier    *string
	DesiredState  *string
	PatchDocument *string
}

// check validates the members every resource operation shares.
func (in *resourceInput) check(v *inputCheck) {
	v.required("typeName", in.TypeName)
	v.text("typeName", in.TypeName, 10, 196, typeNamePattern, false)
	v.text("typeVersionId", in.TypeVersionId, 1, 128, typeVersionPattern, false)
	v.text("roleArn", in.RoleArn, 20, 2048, roleARNInputPattern, false)
	v.text("clientToken", in.ClientToken, 1, 128, clientTokenPattern, false)
}

// lookupType returns the registry type, or TypeNotFoundException.
func lookupType(name string) (*awstype.Type, error) {
	t, ok := awstype.Lookup(name)
	if !ok {
		return nil, apiErrorf("TypeNotFoundException", "The type '%s' cannot be found.", name)
	}

	return t, nil
}

// canonicalIdentifier parses id for t and returns it in string form, with
// JSON parts (Lake Formation principals and resources) re-encoded so that
// key order and spacing do not matter.
func canonicalIdentifier(t *awstype.Type, id string) (string, error) {
	parts, err := t.ParseIdentifier(id)
	if err != nil {
		return "", apiErrorf("ValidationException", "%v", err)
	}
	values := make([]string, len(t.PrimaryIdentifier))
	for i, name := range t.PrimaryIdentifier {
		values[i] = canonicalPart(parts[name])
	}

	return strings.Join(values, "|"), nil
}

func canonicalPart(s string) string {
	if !strings.HasPrefix(s, "{") && !strings.HasPrefix(s, "[") {
		return s
	}
	dec := json.NewDecoder(strings.NewReader(s))
	dec.UseNumber()
	var v any
	if err := dec.Decode(&v); err != nil {
		return s
	}
	b, err := json.Marshal(v)
	if err != nil {
		return s
	}

	return string(b)
}

// parseModel decodes a model carried as JSON text, keeping numbers exact.
func parseModel(member, text string) (map[string]any, error) {
	dec := json.NewDecoder(strings.NewReader(text))
	dec.UseNumber()
	var m map[string]any
	if err := dec.Decode(&m); err != nil || m == nil || dec.More() {
		return nil, apiErrorf("ValidationException", "%s is not a JSON object.", member)
	}

	return m, nil
}

// modelValidationError turns an awstype validation failure into the Cloud
// Control message.
func modelValidationError(err error) error {
	var problems []string
	if ve, ok := err.(*awstype.ValidationError); ok {
		problems = ve.Problems
	} else {
		problems = []string{err.Error()}
	}

	return apiErrorf("ValidationException", "Model validation failed (%s)", strings.Join(problems, ", "))
}

// resourceNotFound is the synchronous error of Get and Update for a missing
// resource, which embeds the read handler's result.
func resourceNotFound(call *apiCall, t *awstype.Type, id string) error {
	return apiErrorf("ResourceNotFoundException",
		"%s Handler returned status FAILED: %s (HandlerErrorCode: NotFound, RequestToken: %s)",
		t.Name, notFound(t.Name, id).Message, call.requestID)
}
