package compare_test

import (
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/compare"
)

func TestNormalizerString(t *testing.T) {
	t.Parallel()
	n := compare.NewNormalizer(compare.Config{EnvironmentNames: []string{"staging"},
		Replacements: map[string]string{"prd": "prod"}}, "prod", "dev")
	testCases := map[string]struct {
		in, want string
	}{
		"role-arn":         {"arn:aws:iam::111122223333:role/fraud-prod", "arn:aws:iam::<account>:role/fraud-<env>"},
		"arn-region":       {"arn:aws:datazone:eu-west-1:111122223333:domain/dzd_6dqprmw4chqeg7", "arn:aws:datazone:<region>:<account>:domain/<domain-id>"},
		"env-case":         {"s3://Analytics-STAGING-data/Prod/", "s3://Analytics-<env>-data/<env>/"},
		"env-inside-word":  {"production-products", "production-products"},
		"replacement":      {"fraud-prd", "fraud-<env>"},
		"datazone-id":      {"dzd_abc|6dqprmw4chqeg7", "<domain-id>|<id>"},
		"letters-only-id":  {"administrations", "administrations"},
		"role-id":          {"AROAABCDEFGHIJKLMNOPQ", "<unique-id>"},
		"request-token":    {"3f2a9c1e-7b4d-4e8a-9f10-2c3d4e5f6a7b", "<token>"},
		"account-in-name":  {"amazon-sagemaker-111122223333-us-east-1", "amazon-sagemaker-<account>-us-east-1"},
		"other-digit-runs": {"port 8080 and 1234567890123", "port 8080 and 1234567890123"},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, n.String(tc.in)); diff != "" {
				t.Errorf("String(%q) (-want +got):\n%s", tc.in, diff)
			}
		})
	}
}

func TestNormalizerValue(t *testing.T) {
	t.Parallel()
	n := compare.NewNormalizer(compare.Config{NormalizeRegions: true}, "prod")
	in := map[string]any{
		"project_id": "abcdefghijklmn",
		"name":       "abcdefghijklmn",
		"aws_region": "eu-central-1",
		"inline_policies": map[string]any{
			"prod-access": `{"Resource":"arn:aws:s3:::prod-111122223333/*"}`,
		},
	}
	want := map[string]any{
		"project_id": "<id>",
		"name":       "abcdefghijklmn",
		"aws_region": "<region>",
		"inline_policies": map[string]any{
			"<env>-access": `{"Resource":"arn:aws:s3:::<env>-<account>/*"}`,
		},
	}
	if diff := cmp.Diff(want, n.Value(in)); diff != "" {
		t.Errorf("Value (-want +got):\n%s", diff)
	}
}
