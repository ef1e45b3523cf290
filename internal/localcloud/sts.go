package localcloud

import (
	"encoding/xml"
	"net/http"
)

const (
	formContentType = "application/x-www-form-urlencoded"
	stsNamespace    = "https://sts.amazonaws.com/doc/2011-06-15/"
)

type getCallerIdentityResponse struct {
	XMLName xml.Name `xml:"GetCallerIdentityResponse"`
	Xmlns   string   `xml:"xmlns,attr"`
	Result  struct {
		Arn     string `xml:"Arn"`
		UserID  string `xml:"UserId"`
		Account string `xml:"Account"`
	} `xml:"GetCallerIdentityResult"`
	RequestID string `xml:"ResponseMetadata>RequestId"`
}

type stsErrorResponse struct {
	XMLName xml.Name `xml:"ErrorResponse"`
	Xmlns   string   `xml:"xmlns,attr"`
	Error   struct {
		Type    string `xml:"Type"`
		Code    string `xml:"Code"`
		Message string `xml:"Message"`
	} `xml:"Error"`
	RequestID string `xml:"RequestId"`
}

// stsErrorCodes maps the emulator's authentication errors to STS's codes.
var stsErrorCodes = map[string]struct {
	code   string
	status int
}{
	"UnrecognizedClientException": {"InvalidClientTokenId", http.StatusForbidden},
	"ThrottlingException":         {"Throttling", http.StatusBadRequest},
}

// serveSTS serves the awsQuery protocol of STS. Only GetCallerIdentity is
// implemented.
func (c *Cloud) serveSTS(w http.ResponseWriter, r *http.Request, requestID string, logInfo *apiCall) {
	call, apiErr := authenticate(r, requestID)
	if apiErr == nil {
		logInfo.account = call.account
		apiErr = c.admit(r.Context(), call)
	}
	if apiErr != nil {
		writeSTSError(w, requestID, apiErr)

		return
	}
	if err := r.ParseForm(); err != nil {
		writeSTSError(w, requestID, apiErrorf("SerializationException", "The request body is not a valid form: %v", err))

		return
	}
	logInfo.operation = "sts:" + r.PostForm.Get("Action")
	if action := r.PostForm.Get("Action"); action != "GetCallerIdentity" {
		writeSTSError(w, requestID, &APIError{Code: "InvalidAction", StatusCode: http.StatusBadRequest,
			Message: "Could not find operation " + action + " for version " + r.PostForm.Get("Version")})

		return
	}
	out := getCallerIdentityResponse{Xmlns: stsNamespace, RequestID: requestID}
	out.Result.Account = call.account
	out.Result.Arn = call.caller
	out.Result.UserID = "AIDA" + stableString(upperAlnum, 17, call.account)
	writeXML(w, http.StatusOK, out)
}

func writeSTSError(w http.ResponseWriter, requestID string, e *APIError) {
	out := stsErrorResponse{Xmlns: stsNamespace, RequestID: requestID}
	out.Error.Type = "Sender"
	out.Error.Code, out.Error.Message = e.Code, e.Message
	status := e.StatusCode
	if mapped, ok := stsErrorCodes[e.Code]; ok {
		out.Error.Code, status = mapped.code, mapped.status
	}
	if status >= http.StatusInternalServerError {
		out.Error.Type = "Receiver"
	}
	writeXML(w, status, out)
}

func writeXML(w http.ResponseWriter, status int, v any) {
	b, err := xml.Marshal(v)
	if err != nil {
		b = []byte("<ErrorResponse/>")
		status = http.StatusInternalServerError
	}
	w.Header().Set("Content-Type", "text/xml")
	w.WriteHeader(status)
	_, _ = w.Write(append([]byte(xml.Header), b...))
}
