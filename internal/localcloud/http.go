package localcloud

import (
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/google/uuid"
)

// maxBodyBytes bounds request bodies; Cloud Control models are at most
// 64 KiB of JSON text, which JSON escaping can double.
const maxBodyBytes = 1 << 20

const jsonContentType = "application/x-amz-json-1.0"

// statusWriter remembers the status code for the request log.
type statusWriter struct {
	http.ResponseWriter
	status int
}

func (w *statusWriter) WriteHeader(code int) {
	if w.status == 0 {
		w.status = code
	}
	w.ResponseWriter.WriteHeader(code)
}

func (w *statusWriter) Write(b []byte) (int, error) {
	if w.status == 0 {
		w.status = http.StatusOK
	}

	return w.ResponseWriter.Write(b)
}

// serveHTTP routes by request shape: the admin API by path, Cloud Control
// by X-Amz-Target, DataZone by its REST path and STS by its form body.
func (c *Cloud) serveHTTP(rw http.ResponseWriter, r *http.Request) {
	start := time.Now()
	requestID := uuid.NewString()
	w := &statusWriter{ResponseWriter: rw}
	w.Header().Set("x-amzn-RequestId", requestID)
	logInfo := &apiCall{}
	defer func() {
		if v := recover(); v != nil {
			c.log.Error("request handler panicked", "method", r.Method, "path", r.URL.Path,
				"target", r.Header.Get("X-Amz-Target"), "request_id", requestID, "panic", v)
			if w.status == 0 {
				writeJSONError(w, asAPIError(errors.New("panic")))
			}
		}
		op := logInfo.operation
		if op == "" {
			op = operationName(r)
		}
		c.log.Debug("request", "operation", op, "type_name", logInfo.typeName,
			"request_token", logInfo.token, "account", logInfo.account, "status", w.status,
			"duration", time.Since(start))
	}()
	r.Body = http.MaxBytesReader(w, r.Body, maxBodyBytes)
	switch {
	case strings.HasPrefix(r.URL.Path, adminPathPrefix):
		c.serveAdmin(w, r)
	case r.Header.Get("X-Amz-Target") != "":
		c.serveCloudControl(w, r, requestID, logInfo)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v2/domains/"):
		c.serveDataZone(w, r, requestID, logInfo)
	case r.Method == http.MethodPost && strings.HasPrefix(r.Header.Get("Content-Type"), formContentType):
		c.serveSTS(w, r, requestID, logInfo)
	default:
		writeJSONError(w, apiErrorf("UnknownOperationException",
			"No operation matches %s %s; this endpoint serves Cloud Control (POST / with X-Amz-Target), "+
				"STS GetCallerIdentity and DataZone reads (GET /v2/domains/...).", r.Method, r.URL.Path))
	}
}

// operationName names the API operation of r for the request log.
func operationName(r *http.Request) string {
	if target := r.Header.Get("X-Amz-Target"); target != "" {
		_, op, _ := strings.Cut(target, ".")

		return op
	}
	switch {
	case strings.HasPrefix(r.URL.Path, adminPathPrefix):
		return "admin:" + strings.TrimPrefix(r.URL.Path, adminPathPrefix)
	case strings.HasPrefix(r.URL.Path, "/v2/domains/"):
		return "ListEnvironmentBlueprints"
	default:
		return r.Method + " " + r.URL.Path
	}
}

// cloudControlOperations maps X-Amz-Target operation names to their
// implementations.
var cloudControlOperations = map[string]func(*Cloud, *apiCall, []byte) (any, error){
	"CreateResource":           (*Cloud).createResource,
	"GetResource":              (*Cloud).getResource,
	"UpdateResource":           (*Cloud).updateResource,
	"DeleteResource":           (*Cloud).deleteResource,
	"ListResources":            (*Cloud).listResources,
	"GetResourceRequestStatus": (*Cloud).getResourceRequestStatus,
	"ListResourceRequests":     (*Cloud).listResourceRequests,
	"CancelResourceRequest":    (*Cloud).cancelResourceRequest,
}

func (c *Cloud) serveCloudControl(w http.ResponseWriter, r *http.Request, requestID string, logInfo *apiCall) {
	call, apiErr := authenticate(r, requestID)
	if apiErr != nil {
		writeJSONError(w, apiErr)

		return
	}
	logInfo.account = call.account
	if apiErr := c.admit(r.Context(), call); apiErr != nil {
		writeJSONError(w, apiErr)

		return
	}
	service, op, _ := strings.Cut(r.Header.Get("X-Amz-Target"), ".")
	fn, ok := cloudControlOperations[op]
	if service != "CloudApiService" || !ok || r.Method != http.MethodPost {
		writeJSONError(w, apiErrorf("UnknownOperationException",
			"Operation %q is not a Cloud Control API operation.", r.Header.Get("X-Amz-Target")))

		return
	}
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSONError(w, apiErrorf("SerializationException", "Cannot read the request body: %v", err))

		return
	}
	out, err := fn(c, call, body)
	logInfo.typeName, logInfo.token = call.typeName, call.token
	if err != nil {
		apiErr := asAPIError(err)
		if apiErr.Code == "InternalFailure" {
			c.log.Error("operation failed", "operation", op, "request_id", requestID, "error", err)
		}
		writeJSONError(w, apiErr)

		return
	}
	writeJSON(w, http.StatusOK, out)
}

func writeJSON(w http.ResponseWriter, status int, v any) {
	b, err := json.Marshal(v)
	if err != nil {
		writeJSONError(w, asAPIError(err))

		return
	}
	w.Header().Set("Content-Type", jsonContentType)
	w.WriteHeader(status)
	_, _ = w.Write(b)
}

// writeJSONError writes an AWS JSON protocol error: the code in the body's
// __type and in X-Amzn-ErrorType.
func writeJSONError(w http.ResponseWriter, e *APIError) {
	b, _ := json.Marshal(map[string]string{"__type": e.Code, "Message": e.Message})
	w.Header().Set("Content-Type", jsonContentType)
	w.Header().Set("X-Amzn-ErrorType", e.Code)
	w.WriteHeader(e.StatusCode)
	_, _ = w.Write(b)
}
