package localcloud_test

import (
	"context"
	"errors"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/sts"
	"github.com/aws/smithy-go"

	"github.com/smus-dev/smus/internal/localcloud"
)

func TestGetCallerIdentity(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})

	out, err := sts.NewFromConfig(f.srv.Config(account)).GetCallerIdentity(context.Background(), &sts.GetCallerIdentityInput{})

	if err != nil {
		t.Fatalf("get caller identity: %v", err)
	}
	if aws.ToString(out.Account) != account {
		t.Errorf("Account = %s, want %s", aws.ToString(out.Account), account)
	}
	if want := "arn:aws:iam::" + account + ":user/smus-local"; aws.ToString(out.Arn) != want {
		t.Errorf("Arn = %s, want %s", aws.ToString(out.Arn), want)
	}
	if aws.ToString(out.UserId) == "" {
		t.Errorf("UserId is empty")
	}
}

func TestGetCallerIdentityInvalidKey(t *testing.T) {
	t.Parallel()
	f := start(t, localcloud.Options{})

	_, err := sts.NewFromConfig(f.srv.Config("AKIANOTANACCOUNT")).GetCallerIdentity(context.Background(),
		&sts.GetCallerIdentityInput{})

	code, status := apiError(t, err)
	if code != "InvalidClientTokenId" || status != 403 {
		t.Errorf("got %s %d, want InvalidClientTokenId 403", code, status)
	}
	var ae smithy.APIError
	if errors.As(err, &ae) && ae.ErrorMessage() != "The security token included in the request is invalid." {
		t.Errorf("message = %q", ae.ErrorMessage())
	}
}
