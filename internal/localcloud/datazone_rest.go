package localcloud

import (
	"encoding/base64"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"time"

	"github.com/smus-dev/smus/internal/awstype"
)

// dataZonePathPrefix starts the path of every DataZone operation served.
const dataZonePathPrefix = "/v2/domains/"

// dataZoneOperation routes a DataZone REST JSON call by its path and runs
// it. Routes, query members and JSON member names are those of
// aws-sdk-go-v2 service/datazone (serializers.go and deserializers.go).
// Every route is a GET, which serveHTTP has checked.
func (c *Cloud) dataZoneOperation(call *apiCall, r *http.Request) (any, *APIError) {
	segs, ok := pathLabels(r.URL.EscapedPath(), dataZonePathPrefix)
	if !ok {
		return nil, unknownDataZoneRoute(r)
	}
	domainID := segs[0]
	switch {
	case len(segs) == 1:
		call.operation = "GetDomain"

		return c.getDomain(call, domainID)
	case len(segs) == 2 && segs[1] == "environment-blueprints":
		call.operation = "ListEnvironmentBlueprints"
		out, apiErr := c.listBlueprints(call, r)
		if apiErr != nil {
			return nil, apiErr
		}

		return out, nil
	case len(segs) == 3 && segs[1] == "environment-blueprint-configurations":
		call.operation = "GetEnvironmentBlueprintConfiguration"

		return c.getBlueprintConfiguration(call, domainID, segs[2])
	case len(segs) == 3 && segs[1] == "projects":
		call.operation = "GetProject"

		return c.getProject(call, domainID, segs[2])
	case len(segs) == 4 && segs[1] == "projects" && segs[3] == "memberships":
		call.operation = "ListProjectMemberships"

		return c.listProjectMemberships(call, domainID, segs[2], r.URL.Query())
	case len(segs) == 3 && segs[1] == "user-profiles":
		call.operation = "GetUserProfile"

		return c.getUserProfile(call, domainID, segs[2])
	case len(segs) == 3 && segs[1] == "group-profiles":
		call.operation = "GetGroupProfile"

		return c.getGroupProfile(call, domainID, segs[2])
	default:
		return nil, unknownDataZoneRoute(r)
	}
}

func unknownDataZoneRoute(r *http.Request) *APIError {
	return &APIError{Code: "UnknownOperationException", StatusCode: http.StatusNotFound,
		Message: "No DataZone operation of this endpoint matches GET " + r.URL.Path +
			". It serves GetDomain, ListEnvironmentBlueprints, GetEnvironmentBlueprintConfiguration, " +
			"GetProject, ListProjectMemberships, GetUserProfile and GetGroupProfile."}
}

// pathLabels splits the escaped path after prefix into its unescaped
// segments. Labels are escaped with "/" as %2F, so an IAM ARN stays one
// segment. It fails on an empty or malformed segment.
func pathLabels(escaped, prefix string) ([]string, bool) {
	rest, ok := strings.CutPrefix(escaped, prefix)
	if !ok {
		return nil, false
	}
	parts := strings.Split(rest, "/")
	for i, p := range parts {
		v, err := url.PathUnescape(p)
		if err != nil || v == "" {
			return nil, false
		}
		parts[i] = v
	}

	return parts, true
}

// dataZoneDomain returns the domain with id, or ResourceNotFoundException.
// The caller holds c.mu.
func (c *Cloud) dataZoneDomain(call *apiCall, id string) (*resource, *APIError) {
	dom := c.st.resources[keyFor(call.account, call.region, awstype.Domain, id)]
	if dom == nil {
		return nil, apiErrorf("ResourceNotFoundException", "Domain %s was not found.", id)
	}

	return dom, nil
}

// page is one page of a DataZone list: the offset of its first item and its
// maximum size, from the maxResults and nextToken query members.
type page struct {
	offset, size int
}

func readPage(q url.Values, maxSize int) (page, *APIError) {
	p := page{size: maxSize}
	if s := q.Get("maxResults"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > maxSize {
			return p, apiErrorf("ValidationException",
				"maxResults must be an integer from 1 to %d, got %q.", maxSize, s)
		}
		p.size = n
	}
	if tok := q.Get("nextToken"); tok != "" {
		b, err := base64.RawURLEncoding.DecodeString(tok)
		n, convErr := strconv.Atoi(string(b))
		if err != nil || convErr != nil || n < 0 {
			return p, apiErrorf("ValidationException",
				"nextToken %q is not a token that this API returned.", tok)
		}
		p.offset = n
	}

	return p, nil
}

// bounds returns the slice bounds of the page in a list of n items and the
// token of the next page, or "" on the last page.
func (p page) bounds(n int) (start, end int, next string) {
	start, end = min(p.offset, n), min(p.offset+p.size, n)
	if end < n {
		next = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(end)))
	}

	return start, end, next
}

// modelEpoch converts a model timestamp (RFC 3339) to the epoch seconds that
// some DataZone outputs carry, or 0 when it does not parse.
func modelEpoch(s string) epochSeconds {
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return 0
	}

	return epoch(t)
}

// stringsAt returns the strings of the array at a top-level property of m.
func stringsAt(m map[string]any, name string) []string {
	var out []string
	for _, v := range listAt(m, name) {
		if s, ok := v.(string); ok {
			out = append(out, s)
		}
	}

	return out
}

// stringMapOf returns the string members of an object.
func stringMapOf(v any) map[string]string {
	obj, _ := v.(map[string]any)
	out := make(map[string]string, len(obj))
	for k, e := range obj {
		if s, ok := e.(string); ok {
			out[k] = s
		}
	}

	return out
}
