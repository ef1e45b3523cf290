package drift

import (
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

func TestListIndexLookup(t *testing.T) {
	t.Parallel()
	const domainID = "dzd_abc123"
	domain := declaredResource{address: "smus_domain.main", typ: awstype.Domain, identifier: domainID}
	project := declaredResource{address: "smus_project.a", typ: awstype.Project, identifier: domainID + "|prj1",
		model: map[string]any{"Name": "a", "Description": "team a", "DomainIdentifier": domainID,
			"GlossaryTerms": nil}}
	role := declaredResource{address: "smus_iam_role.r", typ: awstype.Role, identifier: "r",
		model: map[string]any{"RoleName": "r", "ManagedPolicyArns": []any{"arn:aws:iam::aws:policy/P"}}}
	projectListing := func(err error, models ...map[string]any) *listing {
		l := &listing{typ: awstype.Project, domain: domain, err: err}
		for _, m := range models {
			l.resources = append(l.resources, cloudcontrol.Resource{TypeName: awstype.Project.Name,
				Identifier: domainID + "|" + m["Id"].(string), Properties: m})
		}

		return l
	}
	roleListing := func(models ...map[string]any) *listing {
		l := &listing{typ: awstype.Role}
		for _, m := range models {
			l.resources = append(l.resources, cloudcontrol.Resource{TypeName: awstype.Role.Name,
				Identifier: m["RoleName"].(string), Properties: m})
		}

		return l
	}
	full := map[string]any{"DomainId": domainID, "Id": "prj1", "Name": "a", "Description": "team a"}
	testCases := map[string]struct {
		declared  declaredResource
		listings  []*listing
		want      source
		wantModel map[string]any
	}{
		"complete-model-used": {
			declared:  project,
			listings:  []*listing{projectListing(nil, full)},
			want:      fromList,
			wantModel: full,
		},
		"partial-model-falls-back-to-get": {
			declared: project,
			listings: []*listing{projectListing(nil, map[string]any{"DomainId": domainID, "Id": "prj1"})},
			want:     fromGet,
		},
		"one-property-missing-falls-back-to-get": {
			declared: project,
			listings: []*listing{projectListing(nil, map[string]any{"DomainId": domainID, "Id": "prj1", "Name": "a"})},
			want:     fromGet,
		},
		"missing-from-complete-listing-is-deleted": {
			declared: project,
			listings: []*listing{projectListing(nil, map[string]any{"DomainId": domainID, "Id": "prj2", "Name": "b"})},
			want:     missingFromList,
		},
		"missing-from-empty-complete-listing-is-deleted": {
			declared: project,
			listings: []*listing{projectListing(nil)},
			want:     missingFromList,
		},
		"missing-from-failed-listing-falls-back-to-get": {
			declared: project,
			listings: []*listing{projectListing(errors.New("access denied"))},
			want:     fromGet,
		},
		"other-domain-listed-falls-back-to-get": {
			declared: declaredResource{address: "smus_project.b", typ: awstype.Project, identifier: "dzd_other|prj1",
				model: map[string]any{"Name": "a"}},
			listings: []*listing{projectListing(nil, full)},
			want:     fromGet,
		},
		"no-listing-falls-back-to-get": {
			declared: role,
			listings: []*listing{projectListing(nil, full)},
			want:     fromGet,
		},
		"null-declared-property-not-required": {
			declared: declaredResource{address: "smus_project.a", typ: awstype.Project, identifier: project.identifier,
				model: map[string]any{"Name": "a", "Description": nil}},
			listings:  []*listing{projectListing(nil, map[string]any{"DomainId": domainID, "Id": "prj1", "Name": "a"})},
			want:      fromList,
			wantModel: map[string]any{"DomainId": domainID, "Id": "prj1", "Name": "a"},
		},
		// The comparison reads an undeclared inline policy list as empty,
		// so a listed role without Policies does not show that it has none.
		"grant-property-never-listed-falls-back-to-get": {
			declared: role,
			listings: []*listing{roleListing(map[string]any{"RoleName": "r",
				"ManagedPolicyArns": []any{"arn:aws:iam::aws:policy/P"}})},
			want: fromGet,
		},
		"grant-property-listed-for-another-role-used": {
			declared: role,
			listings: []*listing{roleListing(
				map[string]any{"RoleName": "r", "ManagedPolicyArns": []any{"arn:aws:iam::aws:policy/P"}},
				map[string]any{"RoleName": "s", "Policies": []any{map[string]any{"PolicyName": "p"}}})},
			want:      fromList,
			wantModel: map[string]any{"RoleName": "r", "ManagedPolicyArns": []any{"arn:aws:iam::aws:policy/P"}},
		},
		"json-form-identifier-matches": {
			declared: declaredResource{address: "smus_iam_role.r", typ: awstype.Role, identifier: `{"RoleName":"r"}`,
				model: map[string]any{"RoleName": "r", "ManagedPolicyArns": []any{}, "Policies": []any{}}},
			listings: []*listing{roleListing(map[string]any{"RoleName": "r", "ManagedPolicyArns": []any{},
				"Policies": []any{}})},
			want:      fromList,
			wantModel: map[string]any{"RoleName": "r", "ManagedPolicyArns": []any{}, "Policies": []any{}},
		},
		"status-property-missing-falls-back-to-get": {
			declared: declaredResource{address: "smus_domain.main", typ: awstype.Domain, identifier: domainID,
				model: map[string]any{"Name": "main"}},
			listings: []*listing{{typ: awstype.Domain, resources: []cloudcontrol.Resource{{
				TypeName: awstype.Domain.Name, Identifier: domainID, Properties: map[string]any{"Name": "main"}}}}},
			want: fromGet,
		},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			got, model := newListIndex(tc.listings).lookup(tc.declared)
			if got != tc.want {
				t.Errorf("source = %d, want %d", got, tc.want)
			}
			if diff := cmp.Diff(tc.wantModel, model); diff != "" {
				t.Errorf("model (-want +got):\n%s", diff)
			}
		})
	}
}
