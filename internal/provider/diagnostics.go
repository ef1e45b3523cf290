package provider

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// This file holds one constructor per failure class. Summaries are Title
// Case; details name the type, operation and request token where there is
// one, quote the API's message and end with the next step.

func unconfiguredProviderDiag(got any) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Unexpected Provider Data",
		fmt.Sprintf("The provider handed a %T to a resource instead of its client. "+
			"This is a bug in the smus provider; please report it.", got))
}

func unknownProviderValueDiag(p path.Path) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(p, "Unknown Provider Configuration Value",
		"The provider is configured before any resource is created, so "+p.String()+
			" must be known at plan time. Set it from a variable or a literal, "+
			"or create the resources it depends on in an earlier apply.")
}

func invalidProviderValueDiag(p path.Path, problem string) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(p, "Invalid Provider Configuration", problem)
}

func awsConfigDiag(err error) diag.Diagnostic {
	return diag.NewErrorDiagnostic("AWS Configuration Failed",
		fmt.Sprintf("The provider could not build its AWS client: %v.\n\n"+
			"Check the provider block and the AWS_* environment variables "+
			"(region, profile, credentials, endpoints).", err))
}

// apiDiag turns an error of the Cloud Control client into the diagnostic of
// its class: a timeout, a failed request, an API exception or a cancelled
// context.
func apiDiag(operation, typeName, identifier string, err error) diag.Diagnostic {
	var timeout *cloudcontrol.TimeoutError
	var failed *cloudcontrol.OperationError
	var api *cloudcontrol.APIError
	var role *roleNotAssumableError
	switch {
	case errors.As(err, &timeout):
		return timeoutDiag(operation, typeName, timeout)
	case errors.As(err, &role):
		return roleNotAssumableDiag(typeName, role)
	case errors.As(err, &failed):
		return requestFailedDiag(operation, typeName, failed)
	case errors.As(err, &api):
		return apiErrorDiag(operation, typeName, identifier, api)
	case errors.Is(err, context.DeadlineExceeded), errors.Is(err, context.Canceled):
		return interruptedDiag(operation, typeName, identifier, err)
	default:
		return diag.NewErrorDiagnostic("AWS Request Failed",
			fmt.Sprintf("%s of %s %s failed: %v.\n\n"+
				"Check the provider's credentials and endpoints, then run the command again.",
				operation, typeName, identifierText(identifier), err))
	}
}

func timeoutDiag(operation, typeName string, e *cloudcontrol.TimeoutError) diag.Diagnostic {
	next := "Raise the timeouts block's " + strings.ToLower(operation) + " value if this is common."
	if strings.EqualFold(e.Operation, "CREATE") || strings.EqualFold(operation, "create") {
		next = "Run apply again: the provider sends the same client token, so Cloud Control " +
			"resumes request " + e.RequestToken + " instead of creating a second resource. " +
			"Raise the timeouts block's create value if this is common (DataZone domains " +
			"take 5 to 15 minutes)."
	}

	return diag.NewErrorDiagnostic("Operation Timed Out",
		fmt.Sprintf("%s of %s is still %s after the timeout; request token %s.\n\n%s",
			operation, typeName, e.LastStatus, e.RequestToken, next))
}

func requestFailedDiag(operation, typeName string, e *cloudcontrol.OperationError) diag.Diagnostic {
	ev := e.Event

	return diag.NewErrorDiagnostic("Resource Request Failed",
		fmt.Sprintf("%s of %s %s ended %s with error code %s; request token %s.\n\n"+
			"AWS message: %s\n\n"+
			"Fix the cause the message names, then run apply again.",
			operation, typeName, identifierText(ev.Identifier), ev.OperationStatus,
			ev.ErrorCode, ev.RequestToken, ev.StatusMessage))
}

func roleNotAssumableDiag(typeName string, e *roleNotAssumableError) diag.Diagnostic {
	ev := e.last.Event

	return diag.NewErrorDiagnostic("Domain Execution Role Not Assumable",
		fmt.Sprintf("Create of %s failed in %d attempts because DataZone could not assume the "+
			"domain execution role %s. The last request token is %s.\n\n"+
			"AWS message: %s\n\n"+
			"Check that the role exists in this account and that its trust policy allows "+
			"datazone.amazonaws.com to assume it. A role created moments earlier becomes "+
			"assumable within seconds and the provider retries until the create timeout, so "+
			"raise the timeouts block's create value if IAM changes propagate slowly.",
			typeName, e.attempts, e.roleARN, ev.RequestToken, ev.StatusMessage))
}

func apiErrorDiag(operation, typeName, identifier string, e *cloudcontrol.APIError) diag.Diagnostic {
	return diag.NewErrorDiagnostic("AWS API Error",
		fmt.Sprintf("%s of %s %s was rejected with %s.\n\nAWS message: %s\n\n"+
			"Fix the cause the message names, then run the command again.",
			operation, typeName, identifierText(identifier), e.Code, e.Message))
}

func interruptedDiag(operation, typeName, identifier string, err error) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Operation Interrupted",
		fmt.Sprintf("%s of %s %s stopped before it finished: %v.\n\n"+
			"Run the command again; a create resumes its earlier request.",
			operation, typeName, identifierText(identifier), err))
}

func resourceGoneDiag(typeName, identifier string) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Resource Not Found",
		fmt.Sprintf("%s %s no longer exists, so it was removed from the state. "+
			"The next plan proposes to create it again; remove it from the configuration "+
			"if it was deleted on purpose.", typeName, identifierText(identifier)))
}

func invalidImportIDDiag(typeName string, err error) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root("id"), "Invalid Import Identifier",
		fmt.Sprintf("The identifier does not fit %s: %v.\n\n"+
			"Run the import again with the Cloud Control identifier in that form.", typeName, err))
}

func inPlaceUpdateDiag(typeName, limitation string, changed []string) diag.Diagnostic {
	return diag.NewErrorDiagnostic("In-Place Update Not Supported",
		fmt.Sprintf("This plan changes %s in place, but the AWS Cloud Control API rejects "+
			"updates of %s: %s.\n\n"+
			"Either revert the change in the configuration, or mark the resource for "+
			"replacement with `tofu taint ADDRESS` (or `terraform taint ADDRESS`), where "+
			"ADDRESS is the address of this resource, and apply again. Replacement deletes "+
			"the resource and creates it again. `-replace=ADDRESS` does not help here, "+
			"because the engine plans the update before it applies that option.",
			strings.Join(changed, ", "), typeName, limitation))
}

func duplicateKeyDiag(resourceType, key string, addresses []string) diag.Diagnostic {
	where := "Two resources of this plan declare it."
	if len(addresses) > 0 {
		where = "Declared by: " + strings.Join(addresses, ", ") + "."
	}

	return diag.NewErrorDiagnostic("Duplicate Resource Key",
		fmt.Sprintf("More than one %s in this plan would be created with %s, which must be "+
			"unique, so the second create would fail with AlreadyExists during apply. %s\n\n"+
			"Give each resource a distinct value, or remove the duplicate.",
			resourceType, key, where))
}

func resourceExistsDiag(resourceType, key, identifier, nameAttribute string, addresses []string) diag.Diagnostic {
	address := "ADDRESS"
	where := " ADDRESS is the address of the resource block in this configuration."
	if len(addresses) == 1 {
		address, where = addresses[0], ""
	}

	return diag.NewErrorDiagnostic("Resource Already Exists",
		fmt.Sprintf("A live %s with %s already exists outside this state, with identifier %q, so the "+
			"create would fail with AlreadyExists during apply.\n\n"+
			"To manage the existing resource, import it: run `tofu import %s '%s'` (or `terraform import`), "+
			"or add an import block with to = %s and id = %q.%s "+
			"To create a new resource instead, choose another %s.",
			resourceType, key, identifier, address, identifier, address, identifier, where, nameAttribute))
}

func liveKeyNotCheckedDiag(resourceType, key string, err error) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Existing Resource Not Checked",
		fmt.Sprintf("The provider could not check whether a live %s with %s already exists: %v.\n\n"+
			"The plan goes on without that check. If apply then fails with AlreadyExists, import the "+
			"existing resource. To enable the check, allow the provider's credentials to read the type "+
			"(cloudformation:GetResource, cloudformation:ListResources and the service's get and list "+
			"permissions, such as datazone:ListProjects).",
			resourceType, key, err))
}

func blueprintNotFoundDiag(p path.Path, domainID, name string, available []string) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(p, "Managed Blueprint Not Found",
		fmt.Sprintf("Domain %s has no managed blueprint named %q. Available names: %s.\n\n"+
			"Use one of the available names; they are case-sensitive.",
			domainID, name, strings.Join(available, ", ")))
}

func conversionDiag(typeName, direction string, err error) diag.Diagnostic {
	return diag.NewErrorDiagnostic("Unexpected Resource Model",
		fmt.Sprintf("The provider could not convert %s %s: %v.\n\n"+
			"If the configuration looks right, this is a bug in the smus provider; please report it.",
			typeName, direction, err))
}

func identifierText(identifier string) string {
	if identifier == "" {
		return "(no identifier yet)"
	}

	return fmt.Sprintf("%q", identifier)
}

func parameterNotFoundDiag(name string) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(path.Root("name"), "SSM Parameter Not Found",
		fmt.Sprintf("AWS::SSM::Parameter %q does not exist in this account and region.\n\n"+
			"Check the name and the provider's region, or ask the team that publishes it.", name))
}

func writeOnlyNotRestoredDiag(typeName, identifier string, err error) diag.Diagnostic {
	return diag.NewWarningDiagnostic("Write-Only Values Not Restored",
		fmt.Sprintf("After the import of %s %s, the provider could not read the values that Cloud Control "+
			"treats as write-only through the DataZone API: %v.\n\n"+
			"The next plan shows them as added from the configuration, and applying it only records them "+
			"in the state. The provider tries again on the next refresh; check its DataZone read "+
			"permissions (datazone:Get*, datazone:ListProjectMemberships) and endpoint.",
			typeName, identifierText(identifier), err))
}

func equivalenceDiag(p path.Path, resourceType, stateValue, configured string, err error) diag.Diagnostic {
	return diag.NewAttributeErrorDiagnostic(p, "Value Not Compared",
		fmt.Sprintf("The state of this imported %s holds %q, read from DataZone, and the configuration "+
			"sets %q. The provider could not check whether both name the same thing: %v.\n\n"+
			"Check the configured value and the provider's DataZone read permissions, then plan again.",
			resourceType, stateValue, configured, err))
}
