package localcloud

import (
	"fmt"
	"log/slog"
	"math"
	"time"
)

// Defaults that NewOptions sets and that Open applies to zero fields where
// stated.
const (
	// DefaultTimeScale runs simulated durations at real speed.
	DefaultTimeScale = 1.0
	// DefaultThrottleRPS is the per-account request rate that the CLI
	// allows before it returns ThrottlingException.
	DefaultThrottleRPS = 25.0
	// DefaultRolePropagation is the simulated time after an IAM role's
	// creation during which DataZone cannot assume it. The AWS samples wait
	// about 10 s between creating the roles and the domain.
	DefaultRolePropagation = 10 * time.Second
)

// Options configures a Cloud. Only DataDir is required.
type Options struct {
	// DataDir is the directory of the bbolt database (DataDir/localcloud.db).
	// Open creates it when it is missing.
	DataDir string
	// TimeScale multiplies every simulated duration: 0.01 makes a
	// ten-minute domain creation take six seconds. Zero means 1.
	TimeScale float64
	// ThrottleRPS is the request rate per account, with a burst of the same
	// size, above which requests fail with ThrottlingException. Zero turns
	// throttling off; NewOptions sets DefaultThrottleRPS.
	ThrottleRPS float64
	// Latency is added to every API call, and ends early when the caller
	// cancels the request.
	Latency time.Duration
	// Strict reproduces limitations of the real API that make some calls
	// fail, as listed in the package documentation.
	Strict bool
	// RolePropagation is the simulated time after an IAM role's creation
	// during which a domain create naming it as DomainExecutionRole fails.
	// Zero means DefaultRolePropagation; like every simulated duration it
	// is multiplied by TimeScale.
	RolePropagation time.Duration
	// Logger receives one debug line per request and info lines for start
	// and stop. Nil discards logs.
	Logger *slog.Logger
}

// NewOptions returns the options the CLI starts from: dataDir, a time scale
// of 1 and throttling at DefaultThrottleRPS.
func NewOptions(dataDir string) Options {
	return Options{DataDir: dataDir, TimeScale: DefaultTimeScale, ThrottleRPS: DefaultThrottleRPS}
}

func (o Options) withDefaults() (Options, error) {
	if o.DataDir == "" {
		return o, fmt.Errorf("open local cloud: data directory is empty; set Options.DataDir")
	}
	if o.TimeScale < 0 || math.IsNaN(o.TimeScale) || math.IsInf(o.TimeScale, 0) {
		return o, fmt.Errorf("open local cloud: time scale %v is invalid; use a finite value above 0 "+
			"such as 0.01, or 0 for the default of 1", o.TimeScale)
	}
	if o.TimeScale == 0 {
		o.TimeScale = DefaultTimeScale
	}
	if o.ThrottleRPS < 0 {
		return o, fmt.Errorf("open local cloud: throttle rate %v is negative; use 0 to turn throttling off", o.ThrottleRPS)
	}
	if o.RolePropagation < 0 {
		return o, fmt.Errorf("open local cloud: role propagation time %v is negative; use 0 for the default %v",
			o.RolePropagation, DefaultRolePropagation)
	}
	if o.RolePropagation == 0 {
		o.RolePropagation = DefaultRolePropagation
	}
	if o.Latency < 0 {
		return o, fmt.Errorf("open local cloud: latency %v is negative", o.Latency)
	}
	if o.Logger == nil {
		o.Logger = slog.New(slog.DiscardHandler)
	}

	return o, nil
}

// scale converts a simulated duration into wall-clock time.
func (o Options) scale(d time.Duration) time.Duration {
	return time.Duration(float64(d) * o.TimeScale)
}
