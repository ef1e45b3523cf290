package localcloud

import (
	"errors"
	"fmt"
	"net/http"
)

// APIError is an error response of the local cloud: the AWS error code (the
// body's __type), its message and the HTTP status. The console client
// returns it for admin API errors.
type APIError struct {
	Code       string
	Message    string
	StatusCode int
}

func (e *APIError) Error() string {
	return fmt.Sprintf("%s (HTTP %d): %s", e.Code, e.StatusCode, e.Message)
}

// errorStatus maps each error code to the HTTP status of the Cloud Control
// API model, plus the generic AWS errors that the service also returns.
var errorStatus = map[string]int{
	"AlreadyExistsException":              http.StatusBadRequest,
	"ClientTokenConflictException":        http.StatusConflict,
	"ConcurrentModificationException":     http.StatusInternalServerError,
	"ConcurrentOperationException":        http.StatusConflict,
	"GeneralServiceException":             http.StatusBadRequest,
	"HandlerFailureException":             http.StatusBadGateway,
	"HandlerInternalFailureException":     http.StatusBadGateway,
	"InvalidCredentialsException":         http.StatusUnauthorized,
	"InvalidRequestException":             http.StatusBadRequest,
	"NetworkFailureException":             http.StatusBadGateway,
	"NotStabilizedException":              http.StatusBadRequest,
	"NotUpdatableException":               http.StatusBadRequest,
	"PrivateTypeException":                http.StatusBadRequest,
	"RequestTokenNotFoundException":       http.StatusNotFound,
	"ResourceConflictException":           http.StatusConflict,
	"ResourceNotFoundException":           http.StatusNotFound,
	"ServiceInternalErrorException":       http.StatusBadGateway,
	"ServiceLimitExceededException":       http.StatusBadRequest,
	"ThrottlingException":                 http.StatusTooManyRequests,
	"TypeNotFoundException":               http.StatusNotFound,
	"UnsupportedActionException":          http.StatusMethodNotAllowed,
	"ValidationException":                 http.StatusBadRequest,
	"UnknownOperationException":           http.StatusBadRequest,
	"SerializationException":              http.StatusBadRequest,
	"MissingAuthenticationTokenException": http.StatusForbidden,
	"UnrecognizedClientException":         http.StatusBadRequest,
	"IncompleteSignatureException":        http.StatusBadRequest,
	"InternalFailure":                     http.StatusInternalServerError,
}

// apiErrorf returns an APIError with the status that belongs to code.
func apiErrorf(code, format string, args ...any) *APIError {
	status, ok := errorStatus[code]
	if !ok {
		status = http.StatusBadRequest
	}

	return &APIError{Code: code, Message: fmt.Sprintf(format, args...), StatusCode: status}
}

// asAPIError converts any error into the APIError sent to the client; an
// error that is not an APIError becomes InternalFailure.
func asAPIError(err error) *APIError {
	var apiErr *APIError
	if errors.As(err, &apiErr) {
		return apiErr
	}

	return apiErrorf("InternalFailure", "An internal error occurred in the local cloud.")
}
