package localcloud_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/cloudcontrol"

	"github.com/smus-dev/smus/internal/localcloud"
)

func TestListResourcesPaging(t *testing.T) {
	t.Parallel()
	cases := map[string]struct {
		strict    bool
		max       int32
		wantPages int
	}{
		"max-results-honoured":    {false, 10, 3},
		"strict-ignores-max":      {true, 10, 2},
		"default-page-size-is-25": {false, 0, 2},
	}
	for name, tc := range cases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			f := start(t, localcloud.Options{Strict: tc.strict})
			for i := range 30 {
				f.mustCreate(t, "AWS::SSM::Parameter",
					map[string]any{"Name": fmt.Sprintf("p%02d", i), "Type": "String", "Value": "v"})
			}
			seen := map[string]bool{}
			pages := 0
			var token *string
			for {
				in := &cloudcontrol.ListResourcesInput{TypeName: aws.String("AWS::SSM::Parameter"), NextToken: token}
				if tc.max > 0 {
					in.MaxResults = aws.Int32(tc.max)
				}
				out, err := f.cc.ListResources(context.Background(), in)
				if err != nil {
					t.Fatalf("list page %d: %v", pages, err)
				}
				pages++
				for _, d := range out.ResourceDescriptions {
					seen[aws.ToString(d.Identifier)] = true
				}
				if out.NextToken == nil {
					break
				}
				token = out.NextToken
			}
			if len(seen) != 30 {
				t.Errorf("listed %d parameters, want 30", len(seen))
			}
			if pages != tc.wantPages {
				t.Errorf("got %d pages, want %d", pages, tc.wantPages)
			}
		})
	}
}
