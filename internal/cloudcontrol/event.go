package cloudcontrol

import (
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol/types"

	"github.com/smus-dev/smus/internal/awstype"
)

// Values of ProgressEvent.OperationStatus.
const (
	StatusPending          = "PENDING"
	StatusInProgress       = "IN_PROGRESS"
	StatusSuccess          = "SUCCESS"
	StatusFailed           = "FAILED"
	StatusCancelInProgress = "CANCEL_IN_PROGRESS"
	StatusCancelComplete   = "CANCEL_COMPLETE"
)

// Values of ProgressEvent.Operation.
const (
	OperationCreate = "CREATE"
	OperationUpdate = "UPDATE"
	OperationDelete = "DELETE"
)

// ProgressEvent is the state of one resource request, as Cloud Control
// reports it. ResourceModel is nil when the event carried none or when its
// text was not a JSON object.
type ProgressEvent struct {
	TypeName        string
	Identifier      string
	RequestToken    string
	Operation       string
	OperationStatus string
	StatusMessage   string
	ErrorCode       string
	EventTime       time.Time
	RetryAfter      time.Time
	ResourceModel   map[string]any
}

// Terminal reports whether the request has finished: SUCCESS, FAILED or
// CANCEL_COMPLETE.
func (e ProgressEvent) Terminal() bool {
	switch e.OperationStatus {
	case StatusSuccess, StatusFailed, StatusCancelComplete:
		return true
	}

	return false
}

// Resource is one live resource: its type, identifier and read model, which
// never contains write-only values. Properties from List may be partial,
// because some list handlers return only the identifier properties.
type Resource struct {
	TypeName   string
	Identifier string
	Properties map[string]any
}

func eventFromSDK(e *types.ProgressEvent) ProgressEvent {
	if e == nil {
		return ProgressEvent{}
	}
	ev := ProgressEvent{
		TypeName:        aws.ToString(e.TypeName),
		Identifier:      aws.ToString(e.Identifier),
		RequestToken:    aws.ToString(e.RequestToken),
		Operation:       string(e.Operation),
		OperationStatus: string(e.OperationStatus),
		StatusMessage:   aws.ToString(e.StatusMessage),
		ErrorCode:       string(e.ErrorCode),
		EventTime:       aws.ToTime(e.EventTime),
		RetryAfter:      aws.ToTime(e.RetryAfter),
	}
	if e.ResourceModel != nil {
		ev.ResourceModel, _ = awstype.ParseModel(*e.ResourceModel)
	}

	return ev
}
