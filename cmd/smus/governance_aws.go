package main

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"net/url"
	"os"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/credentials"

	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// accountAccess sets how compare and evidence reach one AWS account.
type accountAccess struct {
	// Endpoint is used for Cloud Control, STS and DataZone; empty keeps
	// AWS_ENDPOINT_URL_<SERVICE>, AWS_ENDPOINT_URL or the SDK default.
	Endpoint string
	Region   string
	// Profile selects a shared configuration profile; empty keeps the
	// default chain.
	Profile string
	// AccountKey, for the local cloud, sets static credentials whose
	// access key id is this 12-digit account id.
	AccountKey string
	// RequestRate is the client's request rate per second; zero selects
	// the client default.
	RequestRate float64
	// Component labels the client's debug logs.
	Component string
}

// loadAccountConfig loads the standard AWS configuration for a, with
// a.Region, a.Profile and a.AccountKey applied, and the endpoints of the
// three services. It fails when no region is set or the endpoint is not a URL.
func loadAccountConfig(ctx context.Context, a accountAccess) (aws.Config, cloudcontrol.Endpoints, error) {
	var loadOpts []func(*config.LoadOptions) error
	if a.Region != "" {
		loadOpts = append(loadOpts, config.WithRegion(a.Region))
	}
	if a.Profile != "" {
		loadOpts = append(loadOpts, config.WithSharedConfigProfile(a.Profile))
	}
	if a.AccountKey != "" {
		loadOpts = append(loadOpts, config.WithCredentialsProvider(
			credentials.NewStaticCredentialsProvider(a.AccountKey, "local", "")))
	}
	cfg, err := config.LoadDefaultConfig(ctx, loadOpts...)
	if err != nil {
		return aws.Config{}, cloudcontrol.Endpoints{}, fmt.Errorf("load the AWS configuration: %w", err)
	}
	if cfg.Region == "" {
		return aws.Config{}, cloudcontrol.Endpoints{}, errors.New("no AWS region is set; pass --region " +
			"or set AWS_REGION (the local cloud accepts any region, such as us-east-1)")
	}
	endpoints, err := accountEndpoints(a.Endpoint)
	if err != nil {
		return aws.Config{}, cloudcontrol.Endpoints{}, err
	}

	return cfg, endpoints, nil
}

// newAccountClient loads the AWS configuration for a and returns a Cloud
// Control client with the STS endpoint it uses.
func newAccountClient(ctx context.Context, a accountAccess) (*cloudcontrol.Client, string, error) {
	cfg, endpoints, err := loadAccountConfig(ctx, a)
	if err != nil {
		return nil, "", err
	}
	component := a.Component
	client := cloudcontrol.NewFromConfig(cfg, endpoints, cloudcontrol.Options{
		RequestRate: a.RequestRate,
		Logger: cloudcontrol.LoggerFunc(func(ctx context.Context, msg string, kv ...any) {
			slog.DebugContext(ctx, msg, append([]any{"component", component}, kv...)...)
		}),
	})

	return client, endpoints.STS, nil
}

// accountEndpoints returns the endpoints of the three services: endpoint
// for all, else AWS_ENDPOINT_URL_<SERVICE>, else AWS_ENDPOINT_URL.
func accountEndpoints(endpoint string) (cloudcontrol.Endpoints, error) {
	if endpoint != "" {
		u, err := url.Parse(endpoint)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" {
			return cloudcontrol.Endpoints{}, fmt.Errorf("invalid --endpoint %q: use an http or https URL "+
				"such as http://127.0.0.1:4566", endpoint)
		}

		return cloudcontrol.Endpoints{CloudControl: endpoint, STS: endpoint, DataZone: endpoint}, nil
	}
	service := func(name string) string {
		if v := os.Getenv("AWS_ENDPOINT_URL_" + name); v != "" {
			return v
		}

		return os.Getenv("AWS_ENDPOINT_URL")
	}

	return cloudcontrol.Endpoints{CloudControl: service("CLOUDCONTROL"), STS: service("STS"),
		DataZone: service("DATAZONE")}, nil
}
