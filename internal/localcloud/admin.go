package localcloud

import (
	"encoding/json"
	"io"
	"net/http"
	"time"
)

// adminPathPrefix starts every path of the admin API, which drives console
// edits and reads the activity log. It needs no signature: the server
// listens on loopback only.
const adminPathPrefix = "/_smus/v1/"

// ActivityFormatVersion is the format_version of the activity listing.
const ActivityFormatVersion = 1

// activityListing is the body of GET /_smus/v1/activity.
type activityListing struct {
	FormatVersion int             `json:"format_version"`
	Entries       []ActivityEntry `json:"entries"`
}

// serveAdmin serves:
//
//	POST /_smus/v1/console    body ConsoleRequest, returns ConsoleResponse
//	GET  /_smus/v1/activity   query account, since (RFC 3339), returns the entries
//	GET  /_smus/v1/health     returns {"status":"ok"}
func (c *Cloud) serveAdmin(w http.ResponseWriter, r *http.Request) {
	switch path := r.URL.Path[len(adminPathPrefix):]; {
	case path == "console" && r.Method == http.MethodPost:
		c.serveConsole(w, r)
	case path == "activity" && r.Method == http.MethodGet:
		c.serveActivity(w, r)
	case path == "health" && r.Method == http.MethodGet:
		writeREST(w, http.StatusOK, map[string]string{"status": "ok"})
	default:
		writeJSONError(w, &APIError{Code: "UnknownOperationException", StatusCode: http.StatusNotFound,
			Message: "unknown admin API route " + r.Method + " " + r.URL.Path})
	}
}

func (c *Cloud) serveConsole(w http.ResponseWriter, r *http.Request) {
	body, err := io.ReadAll(r.Body)
	if err != nil {
		writeJSONError(w, apiErrorf("SerializationException", "cannot read the request body: %v", err))

		return
	}
	var req ConsoleRequest
	if err := json.Unmarshal(body, &req); err != nil {
		writeJSONError(w, apiErrorf("SerializationException", "the request body is not a console request: %v", err))

		return
	}
	out, err := c.Console(req)
	if err != nil {
		apiErr := asAPIError(err)
		if apiErr.Code == "InternalFailure" {
			c.log.Error("console edit failed", "action", req.Action, "account", req.Account, "error", err)
		}
		writeJSONError(w, apiErr)

		return
	}
	c.log.Info("console edit", "action", req.Action, "account", req.Account, "actor", req.Actor,
		"type_name", out.TypeName, "identifier", out.Identifier)
	writeREST(w, http.StatusOK, out)
}

func (c *Cloud) serveActivity(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	var since time.Time
	if s := q.Get("since"); s != "" {
		t, err := time.Parse(time.RFC3339Nano, s)
		if err != nil {
			writeJSONError(w, apiErrorf("ValidationException", "since %q is not an RFC 3339 time: %v", s, err))

			return
		}
		since = t
	}
	entries, err := c.Activity(q.Get("account"), since)
	if err != nil {
		c.log.Error("read activity log failed", "error", err)
		writeJSONError(w, asAPIError(err))

		return
	}
	if entries == nil {
		entries = []ActivityEntry{}
	}
	writeREST(w, http.StatusOK, activityListing{FormatVersion: ActivityFormatVersion, Entries: entries})
}
