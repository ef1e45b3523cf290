package localcloud

import (
	"encoding/base64"
	"encoding/json"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"

	"github.com/smus-dev/smus/internal/awstype"
)

// managedBlueprint is a blueprint that every domain gets with its own id.
type managedBlueprint struct {
	name        string
	description string
}

// managedBlueprints are the managed blueprints of SageMaker Unified Studio
// that the official samples enable.
var managedBlueprints = []managedBlueprint{
	{"Tooling", "Base environment of every project: project role, storage and spaces."},
	{"DataLake", "Lakehouse database in the AWS Glue Data Catalog with Amazon Athena."},
	{"LakehouseCatalog", "Catalog in the lakehouse for managed data."},
	{"MLExperiments", "MLflow tracking server for machine learning experiments."},
	{"RedshiftServerless", "Amazon Redshift Serverless workgroup."},
	{"EmrServerless", "Amazon EMR Serverless application."},
	{"EmrOnEc2", "Amazon EMR cluster on Amazon EC2."},
	{"Workflows", "Workflows with Amazon Managed Workflows for Apache Airflow."},
	{"AmazonBedrockGuardrail", "Amazon Bedrock guardrail."},
	{"AmazonBedrockPrompt", "Amazon Bedrock prompt."},
	{"AmazonBedrockEvaluation", "Amazon Bedrock evaluation."},
	{"AmazonBedrockKnowledgeBase", "Amazon Bedrock knowledge base."},
	{"AmazonBedrockChatAgent", "Amazon Bedrock chat agent."},
	{"AmazonBedrockFunction", "Amazon Bedrock function."},
	{"AmazonBedrockFlow", "Amazon Bedrock flow."},
	{"QuickSight", "Amazon QuickSight dashboards."},
}

// Member names of the DataZone REST JSON protocol (aws-sdk-go-v2
// service/datazone ListEnvironmentBlueprints).
type blueprintSummary struct {
	ID                     string         `json:"id"`
	Name                   string         `json:"name"`
	Description            string         `json:"description,omitempty"`
	Provider               string         `json:"provider"`
	ProvisioningProperties map[string]any `json:"provisioningProperties"`
	CreatedAt              string         `json:"createdAt,omitempty"`
	UpdatedAt              string         `json:"updatedAt,omitempty"`
}

type listBlueprintsOutput struct {
	Items     []blueprintSummary `json:"items"`
	NextToken string             `json:"nextToken,omitempty"`
}

// serveDataZone serves the DataZone operations that dataZoneOperation
// routes, among them ListEnvironmentBlueprints:
// GET /v2/domains/{domainIdentifier}/environment-blueprints with the query
// members managed, name, maxResults and nextToken.
func (c *Cloud) serveDataZone(w http.ResponseWriter, r *http.Request, requestID string, logInfo *apiCall) {
	call, apiErr := authenticate(r, requestID)
	if apiErr == nil {
		logInfo.account = call.account
		apiErr = c.admit(r.Context(), call)
	}
	if apiErr == nil {
		var out any
		out, apiErr = c.dataZoneOperation(call, r)
		logInfo.operation = call.operation
		if apiErr == nil {
			writeREST(w, http.StatusOK, out)

			return
		}
	}
	writeRESTError(w, apiErr)
}

func (c *Cloud) listBlueprints(call *apiCall, r *http.Request) (*listBlueprintsOutput, *APIError) {
	rest := strings.TrimPrefix(r.URL.EscapedPath(), "/v2/domains/")
	rawID, tail, _ := strings.Cut(rest, "/")
	domainID, err := url.PathUnescape(rawID)
	if tail != "environment-blueprints" || err != nil || domainID == "" {
		return nil, &APIError{Code: "UnknownOperationException", StatusCode: http.StatusNotFound,
			Message: "This endpoint serves only GET /v2/domains/{domainIdentifier}/environment-blueprints."}
	}
	q := r.URL.Query()
	size := 50
	if s := q.Get("maxResults"); s != "" {
		n, err := strconv.Atoi(s)
		if err != nil || n < 1 || n > 50 {
			return nil, apiErrorf("ValidationException", "maxResults must be an integer from 1 to 50, got %q.", s)
		}
		size = n
	}
	managed := q.Get("managed")
	if managed != "" && managed != "true" && managed != "false" {
		return nil, apiErrorf("ValidationException", "managed must be true or false, got %q.", managed)
	}
	offset := 0
	if tok := q.Get("nextToken"); tok != "" {
		b, err := base64.RawURLEncoding.DecodeString(tok)
		n, convErr := strconv.Atoi(string(b))
		if err != nil || convErr != nil || n < 0 {
			return nil, apiErrorf("ValidationException", "nextToken %q is not a token that this API returned.", tok)
		}
		offset = n
	}
	c.settle()
	c.mu.RLock()
	dom := c.st.resources[keyFor(call.account, call.region, awstype.Domain, domainID)]
	var items []blueprintSummary
	if dom != nil && managed != "false" {
		items = blueprintItems(dom, call.region, q.Get("name"))
	}
	c.mu.RUnlock()
	if dom == nil {
		return nil, apiErrorf("ResourceNotFoundException", "Domain %s was not found.", domainID)
	}
	out := &listBlueprintsOutput{Items: []blueprintSummary{}}
	if offset < len(items) {
		items = items[offset:]
		if len(items) > size {
			items = items[:size]
			out.NextToken = base64.RawURLEncoding.EncodeToString([]byte(strconv.Itoa(offset + size)))
		}
		out.Items = items
	}

	return out, nil
}

// blueprintItems returns the managed blueprints of a domain, sorted by name
// and filtered by name when name is not empty.
func blueprintItems(dom *resource, region, name string) []blueprintSummary {
	var items []blueprintSummary
	for _, bp := range managedBlueprints {
		if name != "" && bp.name != name {
			continue
		}
		items = append(items, blueprintSummary{
			ID:          dom.Hidden[blueprintKeyPrefix+bp.name],
			Name:        bp.name,
			Description: bp.description,
			Provider:    "Amazon SageMaker",
			ProvisioningProperties: map[string]any{"cloudFormation": map[string]any{
				"templateUrl": "https://datazone-blueprints-" + region + ".s3.amazonaws.com/" + bp.name + ".json",
			}},
			CreatedAt: dom.str("CreatedAt"),
			UpdatedAt: dom.str("CreatedAt"),
		})
	}
	slices.SortFunc(items, func(a, b blueprintSummary) int { return strings.Compare(a.Name, b.Name) })

	return items
}

func writeREST(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeRESTError(w, asAPIError(err))

		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// writeRESTError writes a REST JSON protocol error, which carries its code
// in X-Amzn-ErrorType and its message in the body's "message".
func writeRESTError(w http.ResponseWriter, e *APIError) {
	status := e.StatusCode
	if e.Code == "UnrecognizedClientException" || e.Code == "MissingAuthenticationTokenException" {
		status = http.StatusForbidden
	}
	b, _ := json.Marshal(map[string]string{"message": e.Message})
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("X-Amzn-ErrorType", e.Code)
	w.WriteHeader(status)
	_, _ = w.Write(b)
}
