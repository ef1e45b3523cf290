package provider

// Keys of the structured fields the provider logs with tflog. Values are
// ids, type names and statuses, never resource models, because models may
// hold write-only values.
const (
	keyTypeName     = "smus_type_name"
	keyIdentifier   = "smus_identifier"
	keyOperation    = "smus_operation"
	keyRequestToken = "smus_request_token"
	keyRegion       = "smus_region"
	keyEndpoint     = "smus_cloudcontrol_endpoint"
	keyNaturalKey   = "smus_natural_key"
	keyRoleARN      = "smus_role_arn"
	keyAttempt      = "smus_attempt"
	keyRetryDelay   = "smus_retry_delay"
)
