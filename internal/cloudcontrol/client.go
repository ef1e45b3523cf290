package cloudcontrol

import (
	"context"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"
	"github.com/aws/aws-sdk-go-v2/service/datazone"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"golang.org/x/time/rate"
)

// API is the part of *cloudcontrol.Client that the client calls. Tests pass
// the real SDK client built over a stub HTTP transport.
type API interface {
	CreateResource(ctx context.Context, in *cloudcontrol.CreateResourceInput,
		optFns ...func(*cloudcontrol.Options)) (*cloudcontrol.CreateResourceOutput, error)
	GetResource(ctx context.Context, in *cloudcontrol.GetResourceInput,
		optFns ...func(*cloudcontrol.Options)) (*cloudcontrol.GetResourceOutput, error)
	UpdateResource(ctx context.Context, in *cloudcontrol.UpdateResourceInput,
		optFns ...func(*cloudcontrol.Options)) (*cloudcontrol.UpdateResourceOutput, error)
	DeleteResource(ctx context.Context, in *cloudcontrol.DeleteResourceInput,
		optFns ...func(*cloudcontrol.Options)) (*cloudcontrol.DeleteResourceOutput, error)
	ListResources(ctx context.Context, in *cloudcontrol.ListResourcesInput,
		optFns ...func(*cloudcontrol.Options)) (*cloudcontrol.ListResourcesOutput, error)
	GetResourceRequestStatus(ctx context.Context, in *cloudcontrol.GetResourceRequestStatusInput,
		optFns ...func(*cloudcontrol.Options)) (*cloudcontrol.GetResourceRequestStatusOutput, error)
	CancelResourceRequest(ctx context.Context, in *cloudcontrol.CancelResourceRequestInput,
		optFns ...func(*cloudcontrol.Options)) (*cloudcontrol.CancelResourceRequestOutput, error)
}

var _ API = (*cloudcontrol.Client)(nil)

// DefaultRequestRate is the default client-side request rate in requests per
// second: 92 % of the Cloud Control limit of about 25 requests per second per
// account, so one client uses most of the account's rate and a throttled
// request is the exception that the retryer absorbs.
const DefaultRequestRate = 23

// DefaultBurst is the default number of requests the rate limiter lets
// through at once.
const DefaultBurst = 5

// Options configures a Client. The zero value selects every default.
type Options struct {
	// Logger receives retries, polls, and the start and end of each
	// operation with their ids. Nil keeps the client silent.
	Logger Logger
	// RequestRate limits this client's API calls, in requests per second.
	// Zero or less selects DefaultRequestRate.
	RequestRate float64
	// Burst is the number of calls the limiter lets through at once. Zero
	// or less selects DefaultBurst.
	Burst int
	// Waiter sets how resource requests are polled.
	Waiter WaiterOptions
	// Retry sets how throttled and transient API errors are retried.
	Retry RetryOptions
	// Clock supplies the time and sleeps. Nil selects the system clock.
	Clock Clock
	// Journal, when set, records each request token before the first poll
	// and removes it when the request has finished.
	Journal Journal
}

// Client runs Cloud Control operations. It is safe for concurrent use, and
// all its calls share one rate limiter.
type Client struct {
	api      API
	sts      stsAPI
	datazone datazoneAPI
	opts     Options
	limiter  *rate.Limiter
}

type stsAPI interface {
	GetCallerIdentity(ctx context.Context, in *sts.GetCallerIdentityInput,
		optFns ...func(*sts.Options)) (*sts.GetCallerIdentityOutput, error)
}

type datazoneAPI interface {
	ListEnvironmentBlueprints(ctx context.Context, in *datazone.ListEnvironmentBlueprintsInput,
		optFns ...func(*datazone.Options)) (*datazone.ListEnvironmentBlueprintsOutput, error)
	dataZoneReadAPI
}

// New returns a Client over api with the defaults filled into opts. The
// client built by New has no STS or DataZone client, so CallerIdentity,
// ManagedBlueprints and the DataZone reads return an error; use
// NewFromConfig for those.
func New(api API, opts Options) *Client {
	opts = opts.withDefaults()

	return &Client{
		api:     api,
		opts:    opts,
		limiter: rate.NewLimiter(rate.Limit(opts.RequestRate), opts.Burst),
	}
}

// Endpoints overrides the endpoint URL of each service. An empty field keeps
// the SDK's resolution (AWS_ENDPOINT_URL_<SERVICE>, profiles, the region).
type Endpoints struct {
	CloudControl string
	STS          string
	DataZone     string
}

// NewFromConfig builds the Cloud Control, STS and DataZone SDK clients from
// cfg and returns a Client over them. The SDK clients do not retry by
// themselves, because the Client counts and bounds every retry.
func NewFromConfig(cfg aws.Config, endpoints Endpoints, opts Options) *Client {
	c := New(cloudcontrol.NewFromConfig(cfg, func(o *cloudcontrol.Options) {
		o.Retryer = aws.NopRetryer{}
		o.RetryMaxAttempts = 0
		if endpoints.CloudControl != "" {
			o.BaseEndpoint = aws.String(endpoints.CloudControl)
		}
	}), opts)
	c.sts = sts.NewFromConfig(cfg, func(o *sts.Options) {
		o.Retryer = aws.NopRetryer{}
		o.RetryMaxAttempts = 0
		if endpoints.STS != "" {
			o.BaseEndpoint = aws.String(endpoints.STS)
		}
	})
	c.datazone = datazone.NewFromConfig(cfg, func(o *datazone.Options) {
		o.Retryer = aws.NopRetryer{}
		o.RetryMaxAttempts = 0
		if endpoints.DataZone != "" {
			o.BaseEndpoint = aws.String(endpoints.DataZone)
		}
	})

	return c
}

func (o Options) withDefaults() Options {
	if o.RequestRate <= 0 {
		o.RequestRate = DefaultRequestRate
	}
	if o.Burst <= 0 {
		o.Burst = DefaultBurst
	}
	if o.Clock == nil {
		o.Clock = SystemClock{}
	}
	o.Waiter = o.Waiter.withDefaults()
	o.Retry = o.Retry.withDefaults()

	return o
}

// Logger receives the client's log lines as a message and key-value pairs.
type Logger interface {
	Log(ctx context.Context, msg string, kv ...any)
}

// LoggerFunc adapts a function to Logger, for example
// LoggerFunc(func(ctx context.Context, msg string, kv ...any) { l.DebugContext(ctx, msg, kv...) })
// for a *slog.Logger l.
type LoggerFunc func(ctx context.Context, msg string, kv ...any)

// Log calls f.
func (f LoggerFunc) Log(ctx context.Context, msg string, kv ...any) { f(ctx, msg, kv...) }

func (c *Client) log(ctx context.Context, msg string, kv ...any) {
	if c.opts.Logger != nil {
		c.opts.Logger.Log(ctx, msg, kv...)
	}
}

func (c *Client) now() time.Time { return c.opts.Clock.Now() }
