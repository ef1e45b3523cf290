package localcloud_test

import (
	"context"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"

	"github.com/smus-dev/smus/internal/localcloud"
)

func TestClientTokenReplaysRequest(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	ctx := context.Background()
	in := &cloudcontrol.CreateResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), DesiredState: aws.String(mustJSON(t, roleModel("once"))),
		ClientToken: aws.String("token-1"),
	}

	first, err := f.cc.CreateResource(ctx, in)
	if err != nil {
		t.Fatalf("first create: %v", err)
	}
	wait(t, f.cc, first.ProgressEvent.RequestToken)
	second, err := f.cc.CreateResource(ctx, in)
	if err != nil {
		t.Fatalf("retried create: %v", err)
	}

	if a, b := aws.ToString(first.ProgressEvent.RequestToken), aws.ToString(second.ProgressEvent.RequestToken); a != b {
		t.Errorf("retry got request token %s, want the original %s", b, a)
	}
	if second.ProgressEvent.OperationStatus != "SUCCESS" {
		t.Errorf("retry status = %s, want the original request's SUCCESS", second.ProgressEvent.OperationStatus)
	}
}

func TestClientTokenConflict(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})
	ctx := context.Background()
	_, err := f.cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), DesiredState: aws.String(mustJSON(t, roleModel("first"))),
		ClientToken: aws.String("token-2"),
	})
	if err != nil {
		t.Fatalf("first create: %v", err)
	}

	_, err = f.cc.CreateResource(ctx, &cloudcontrol.CreateResourceInput{
		TypeName: aws.String("AWS::IAM::Role"), DesiredState: aws.String(mustJSON(t, roleModel("second"))),
		ClientToken: aws.String("token-2"),
	})

	if code, status := apiError(t, err); code != "ClientTokenConflictException" || status != 409 {
		t.Errorf("reused token = %s %d, want ClientTokenConflictException 409", code, status)
	}
}
