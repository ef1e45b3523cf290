package cloudcontrol

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/aws/smithy-go"
)

// ErrNotFound matches, through errors.Is, every error reporting that the
// resource does not exist: a ResourceNotFoundException, a handler failure with
// HandlerErrorCode NotFound, and a request that ended FAILED with NotFound.
var ErrNotFound = errors.New("resource not found")

// ErrAlreadyExists matches, through errors.Is, an AlreadyExistsException and
// a request that ended FAILED with HandlerErrorCode AlreadyExists.
var ErrAlreadyExists = errors.New("resource already exists")

// ErrRequestTokenNotFound matches a RequestTokenNotFoundException: the
// request token is unknown or older than the service keeps requests
// (seven days).
var ErrRequestTokenNotFound = errors.New("request token not found")

// APIError is an exception that a Cloud Control, STS or DataZone call
// returned synchronously, after any retries.
type APIError struct {
	// Operation is the API operation, such as "CreateResource".
	Operation string
	// TypeName and Identifier name the resource when the call had them.
	TypeName   string
	Identifier string
	// RequestToken names the resource request for status and cancel calls.
	RequestToken string
	// Code and Message are the exception's error code and message.
	Code    string
	Message string

	err error
}

func (e *APIError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "%s", lowerFirst(e.Operation))
	if e.TypeName != "" {
		fmt.Fprintf(&b, " %s", e.TypeName)
	}
	if e.Identifier != "" {
		fmt.Fprintf(&b, " %q", e.Identifier)
	}
	if e.RequestToken != "" {
		fmt.Fprintf(&b, " (request token %s)", e.RequestToken)
	}
	fmt.Fprintf(&b, " failed: %s: %s", e.Code, e.Message)

	return b.String()
}

// Unwrap returns the SDK error, so errors.As finds smithy.APIError and
// transport errors beneath an APIError.
func (e *APIError) Unwrap() error { return e.err }

// Is reports whether the exception means ErrNotFound, ErrAlreadyExists or
// ErrRequestTokenNotFound.
func (e *APIError) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.Code == "ResourceNotFoundException" || handlerCodeIn(e.Message, "NotFound")
	case ErrAlreadyExists:
		return e.Code == "AlreadyExistsException" || handlerCodeIn(e.Message, "AlreadyExists")
	case ErrRequestTokenNotFound:
		return e.Code == "RequestTokenNotFoundException"
	}

	return false
}

// handlerCodeIn reports whether a synchronous exception's message embeds a
// handler result with the given code, as in "AWS::Logs::LogGroup Handler
// returned status FAILED: ... (HandlerErrorCode: NotFound, RequestToken: ...)".
func handlerCodeIn(message, code string) bool {
	return strings.Contains(message, "HandlerErrorCode: "+code+",") ||
		strings.Contains(message, "HandlerErrorCode: "+code+")") ||
		(code == "NotFound" && strings.Contains(message, "Handler returned status FAILED") &&
			strings.Contains(message, "was not found"))
}

// OperationError reports a resource request that ended FAILED or
// CANCEL_COMPLETE. Event is the final progress event.
type OperationError struct {
	Event ProgressEvent
}

func (e *OperationError) Error() string {
	ev := e.Event
	var b strings.Builder
	fmt.Fprintf(&b, "%s %s", strings.ToLower(ev.Operation), ev.TypeName)
	if ev.Identifier != "" {
		fmt.Fprintf(&b, " %q", ev.Identifier)
	}
	if ev.OperationStatus == StatusCancelComplete {
		fmt.Fprintf(&b, " was cancelled (request token %s)", ev.RequestToken)
	} else {
		fmt.Fprintf(&b, " failed (request token %s, error code %s)", ev.RequestToken, ev.ErrorCode)
	}
	if ev.StatusMessage != "" {
		fmt.Fprintf(&b, ": %s", ev.StatusMessage)
	}

	return b.String()
}

// Is reports whether the request failed with NotFound (ErrNotFound) or
// AlreadyExists (ErrAlreadyExists).
func (e *OperationError) Is(target error) bool {
	switch target {
	case ErrNotFound:
		return e.Event.ErrorCode == "NotFound"
	case ErrAlreadyExists:
		return e.Event.ErrorCode == "AlreadyExists"
	}

	return false
}

// TimeoutError reports that the deadline passed while a resource request was
// still PENDING, IN_PROGRESS or CANCEL_IN_PROGRESS. The request keeps running
// in AWS; waiting on RequestToken again, or repeating a create with the same
// desired state, resumes it.
type TimeoutError struct {
	RequestToken string
	TypeName     string
	// Identifier is the resource's identifier when an event had reported it.
	Identifier string
	Operation  string
	LastStatus string
}

func (e *TimeoutError) Error() string {
	id := ""
	if e.Identifier != "" {
		id = fmt.Sprintf(" %q", e.Identifier)
	}

	return fmt.Sprintf("%s %s%s still %s after the timeout; request token %s; "+
		"run again to resume waiting on the same request, or raise the timeout",
		strings.ToLower(e.Operation), e.TypeName, id, e.LastStatus, e.RequestToken)
}

// Is reports true for context.DeadlineExceeded.
func (e *TimeoutError) Is(target error) bool { return target == context.DeadlineExceeded }

// ReplacementError reports an update that changes create-only properties.
// Such a change needs the resource to be replaced (deleted and created).
type ReplacementError struct {
	TypeName string
	// Paths lists the changed create-only paths as JSON pointers.
	Paths []string
}

func (e *ReplacementError) Error() string {
	return fmt.Sprintf("update %s: create-only properties %s changed, so the resource must be "+
		"replaced (deleted and created again) instead of updated",
		e.TypeName, strings.Join(e.Paths, ", "))
}

// newAPIError converts an SDK error into *APIError when it carries an API
// error code; other errors, such as transport or context errors, are
// returned unchanged.
func newAPIError(err error, operation, typeName, identifier, token string) error {
	var apiErr smithy.APIError
	if !errors.As(err, &apiErr) {
		return err
	}

	return &APIError{
		Operation:    operation,
		TypeName:     typeName,
		Identifier:   identifier,
		RequestToken: token,
		Code:         apiErr.ErrorCode(),
		Message:      apiErr.ErrorMessage(),
		err:          err,
	}
}

func lowerFirst(s string) string {
	if s == "" {
		return s
	}

	return strings.ToLower(s[:1]) + s[1:]
}
