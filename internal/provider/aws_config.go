package provider

import (
	"context"
	"fmt"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/credentials/stscreds"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/hashicorp/terraform-plugin-framework/diag"
	"github.com/hashicorp/terraform-plugin-framework/path"
	"github.com/hashicorp/terraform-plugin-log/tflog"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// clientSettings is the provider configuration with unknown and null values
// resolved to Go zero values.
type clientSettings struct {
	region, profile      string
	accessKey, secretKey string
	token                string
	requestRate          float64
	endpoints            cloudcontrol.Endpoints
	roleARN, sessionName string
	externalID           string
}

// settings checks the provider block and returns its values. Unknown values
// are rejected, because the client is built once, before any plan.
func (m providerModel) settings() (clientSettings, diag.Diagnostics) {
	var diags diag.Diagnostics
	var s clientSettings
	str := func(name string, v interface {
		IsUnknown() bool
		ValueString() string
	}) string {
		if v.IsUnknown() {
			diags.Append(unknownProviderValueDiag(path.Root(name)))
		}

		return v.ValueString()
	}

	s.region = str("region", m.Region)
	s.profile = str("profile", m.Profile)
	s.accessKey = str("access_key", m.AccessKey)
	s.secretKey = str("secret_key", m.SecretKey)
	s.token = str("token", m.Token)
	if m.MaxRequestRate.IsUnknown() {
		diags.Append(unknownProviderValueDiag(path.Root("max_request_rate")))
	}
	s.requestRate = m.MaxRequestRate.ValueFloat64()
	if !m.MaxRequestRate.IsNull() && s.requestRate <= 0 {
		diags.Append(invalidProviderValueDiag(path.Root("max_request_rate"),
			fmt.Sprintf("max_request_rate must be above 0 requests per second, got %v.", s.requestRate)))
	}
	if (s.accessKey == "") != (s.secretKey == "") {
		diags.Append(invalidProviderValueDiag(path.Root("access_key"),
			"Set access_key and secret_key together, or neither to use the standard credential chain."))
	}
	if e := m.Endpoints; e != nil {
		s.endpoints.CloudControl = str("endpoints", e.CloudControl)
		s.endpoints.STS = str("endpoints", e.STS)
		s.endpoints.DataZone = str("endpoints", e.DataZone)
	}
	if r := m.AssumeRole; r != nil {
		s.roleARN = str("assume_role", r.RoleARN)
		s.sessionName = str("assume_role", r.SessionName)
		s.externalID = str("assume_role", r.ExternalID)
	}

	return s, diags
}

// newClient loads the AWS configuration with the standard chain (environment,
// shared files, AWS_ENDPOINT_URL_* variables), applies the provider block on
// top and returns a Cloud Control client.
func newClient(ctx context.Context, s clientSettings) (*cloudcontrol.Client, error) {
	var opts []func(*config.LoadOptions) error
	if s.region != "" {
		opts = append(opts, config.WithRegion(s.region))
	}
	if s.profile != "" {
		opts = append(opts, config.WithSharedConfigProfile(s.profile))
	}
	if s.accessKey != "" {
		creds := credentials.NewStaticCredentialsProvider(s.accessKey, s.secretKey, s.token)
		opts = append(opts, config.WithCredentialsProvider(creds))
	}

	cfg, err := config.LoadDefaultConfig(ctx, opts...)
	if err != nil {
		return nil, fmt.Errorf("load AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		return nil, fmt.Errorf("no AWS Region is set: set region in the provider block, AWS_REGION, " +
			"or a region in the AWS profile")
	}

	if s.roleARN != "" {
		stsClient := sts.NewFromConfig(cfg, func(o *sts.Options) {
			if s.endpoints.STS != "" {
				o.BaseEndpoint = aws.String(s.endpoints.STS)
			}
		})
		assume := stscreds.NewAssumeRoleProvider(stsClient, s.roleARN, func(o *stscreds.AssumeRoleOptions) {
			if s.sessionName != "" {
				o.RoleSessionName = s.sessionName
			}
			if s.externalID != "" {
				o.ExternalID = aws.String(s.externalID)
			}
		})
		cfg.Credentials = aws.NewCredentialsCache(assume)
	}

	return cloudcontrol.NewFromConfig(cfg, s.endpoints, cloudcontrol.Options{
		Logger:      cloudcontrol.LoggerFunc(logClient),
		RequestRate: s.requestRate,
	}), nil
}

// logClient forwards the client's log lines to tflog at debug level. The
// client never passes desired states or models, so nothing secret arrives.
func logClient(ctx context.Context, msg string, kv ...any) {
	fields := make(map[string]any, len(kv)/2)
	for i := 0; i+1 < len(kv); i += 2 {
		fields[fmt.Sprint(kv[i])] = kv[i+1]
	}
	tflog.Debug(ctx, msg, fields)
}
