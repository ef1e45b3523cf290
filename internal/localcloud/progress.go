package localcloud

import (
	"fmt"
	"time"
)

// Cloud Control operation and status names.
const (
	opCreate = "CREATE"
	opUpdate = "UPDATE"
	opDelete = "DELETE"

	statusPending          = "PENDING"
	statusInProgress       = "IN_PROGRESS"
	statusSuccess          = "SUCCESS"
	statusFailed           = "FAILED"
	statusCancelInProgress = "CANCEL_IN_PROGRESS"
	statusCancelComplete   = "CANCEL_COMPLETE"
)

// Handler error codes, as a FAILED ProgressEvent carries them.
const (
	codeNotUpdatable     = "NotUpdatable"
	codeInvalidRequest   = "InvalidRequest"
	codeAlreadyExists    = "AlreadyExists"
	codeNotFound         = "NotFound"
	codeResourceConflict = "ResourceConflict"
)

// handlerError is the failure of a resource handler: a HandlerErrorCode and the
// StatusMessage of the FAILED event.
type handlerError struct {
	Code    string
	Message string
}

func (e *handlerError) Error() string { return e.Code + ": " + e.Message }

func failf(code, format string, args ...any) *handlerError {
	return &handlerError{Code: code, Message: fmt.Sprintf(format, args...)}
}

// The message templates of the CloudFormation resource handler library.
func alreadyExists(typeName, id string) *handlerError {
	return failf(codeAlreadyExists, "Resource of type '%s' with identifier '%s' already exists.", typeName, id)
}

func notFound(typeName, id string) *handlerError {
	return failf(codeNotFound, "Resource of type '%s' with identifier '%s' was not found.", typeName, id)
}

// epochSeconds is a timestamp encoded as seconds since the Unix epoch, the
// encoding of the Cloud Control JSON protocol.
type epochSeconds float64

func epoch(t time.Time) epochSeconds {
	return epochSeconds(float64(t.UnixMilli()) / 1000)
}

// progressEvent is the ProgressEvent wire shape.
type progressEvent struct {
	TypeName        string        `json:"TypeName,omitempty"`
	Identifier      string        `json:"Identifier,omitempty"`
	RequestToken    string        `json:"RequestToken,omitempty"`
	Operation       string        `json:"Operation,omitempty"`
	OperationStatus string        `json:"OperationStatus,omitempty"`
	EventTime       epochSeconds  `json:"EventTime,omitempty"`
	ResourceModel   string        `json:"ResourceModel,omitempty"`
	StatusMessage   string        `json:"StatusMessage,omitempty"`
	ErrorCode       string        `json:"ErrorCode,omitempty"`
	RetryAfter      *epochSeconds `json:"RetryAfter,omitempty"`
}

// status returns the OperationStatus of r at now. A request past its DueAt
// that is not finished yet reports IN_PROGRESS; callers settle due requests
// first, so clients never see that state.
func (r *request) status(now time.Time) string {
	switch {
	case r.Status == statusCancelComplete && now.Before(r.CancelDueAt):
		return statusCancelInProgress
	case r.Status != "":
		return r.Status
	case now.Before(r.StartAt):
		return statusPending
	default:
		return statusInProgress
	}
}

// event returns the ProgressEvent of r at now. RetryAfter is the time of
// the next status change, so a client that waits for it polls once per
// change.
func (r *request) event(now time.Time) progressEvent {
	status := r.status(now)
	ev := progressEvent{
		TypeName:        r.TypeName,
		Identifier:      r.Identifier,
		RequestToken:    r.Token,
		Operation:       r.Operation,
		OperationStatus: status,
		EventTime:       epoch(r.EventTime),
	}
	var next time.Time
	switch status {
	case statusPending:
		next = r.StartAt
	case statusInProgress:
		next = r.DueAt
	case statusCancelInProgress:
		next = r.CancelDueAt
	case statusFailed:
		ev.ErrorCode = r.ErrorCode
		ev.StatusMessage = r.StatusMessage
	}
	if !next.IsZero() {
		at := epoch(next)
		ev.RetryAfter = &at
	}
	if len(r.Model) > 0 && status != statusFailed && !(r.Operation == opDelete && status == statusSuccess) {
		ev.ResourceModel = string(r.Model)
	}

	return ev
}
