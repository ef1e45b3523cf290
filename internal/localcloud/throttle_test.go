package localcloud_test

import (
	"context"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"

	"github.com/smus-dev/smus/internal/localcloud"
)

func TestThrottlingPerAccount(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{ThrottleRPS: 2})
	ctx := context.Background()
	in := &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::IAM::Role")}

	var throttled error
	for range 10 {
		if _, err := f.cc.ListResources(ctx, in); err != nil {
			throttled = err

			break
		}
	}
	code, status := apiError(t, throttled)
	if code != "ThrottlingException" || status != 429 {
		t.Fatalf("burst = %s %d, want ThrottlingException 429", code, status)
	}
	if _, err := f.client(otherAccount).ListResources(ctx, in); err != nil {
		t.Errorf("other account was throttled too: %v", err)
	}
}

func TestLatencyDelaysCalls(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{Latency: 100 * time.Millisecond})
	begin := time.Now()

	_, err := f.cc.ListResources(context.Background(), &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::IAM::Role")})

	if err != nil {
		t.Fatalf("list: %v", err)
	}
	if elapsed := time.Since(begin); elapsed < 100*time.Millisecond {
		t.Errorf("call took %v, want at least the 100ms latency", elapsed)
	}
}
