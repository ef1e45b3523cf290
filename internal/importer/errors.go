package importer

import (
	"errors"
	"fmt"
	"strings"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// isAccessDenied reports whether err is an IAM denial: the generic
// AccessDeniedException, or a handler failure with HandlerErrorCode
// AccessDenied embedded in the message.
func isAccessDenied(err error) bool {
	var apiErr *cloudcontrol.APIError
	if !errors.As(err, &apiErr) {
		return false
	}

	return apiErr.Code == "AccessDeniedException" ||
		strings.Contains(apiErr.Message, "HandlerErrorCode: AccessDenied")
}

func listError(t *awstype.Type, domainID string, err error) error {
	if isAccessDenied(err) {
		return fmt.Errorf("list %s in domain %s: access denied; the caller needs the IAM actions %s: %w",
			t.Name, domainID, strings.Join(t.ListPermissions(), ", "), err)
	}

	return fmt.Errorf("list %s in domain %s: %w", t.Name, domainID, err)
}

func readError(t *awstype.Type, identifier string, err error) error {
	if isAccessDenied(err) {
		return fmt.Errorf("read %s %q: access denied; the caller needs the IAM actions %s: %w",
			t.Name, identifier, strings.Join(t.ReadPermissions(), ", "), err)
	}

	return fmt.Errorf("read %s %q: %w", t.Name, identifier, err)
}
