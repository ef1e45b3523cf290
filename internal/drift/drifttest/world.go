// Package drifttest builds a small SageMaker Unified Studio platform on an
// in-process local cloud, with the state file that declares it, for the
// tests of smus drift.
package drifttest

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/drift"
	"github.com/smus-dev/smus/internal/localcloud"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// Account, Region and Actor are the account and region of a World, and
// the console actor the tests use.
const (
	Account = "111122223333"
	Region  = localtest.Region
	Actor   = "alice@example.com"
)

// World is a small platform created through Cloud Control, with the state
// that declares it.
type World struct {
	Server *localtest.Server
	Client *cloudcontrol.Client
	// IDs maps state addresses to Cloud Control identifiers, and Props
	// to the read models returned at create.
	IDs   map[string]string
	Props map[string]map[string]any
	state []stateResource
}

type stateResource struct {
	Type       string
	Name       string
	Attributes map[string]any
}

// NewClient returns a client of acct on srv with fast polling, a high
// rate limit, and CountCalls applied.
func NewClient(t *testing.T, srv *localtest.Server, acct string) *cloudcontrol.Client {
	t.Helper()
	cfg := srv.Config(acct)
	drift.CountCalls(&cfg)
	endpoints := cloudcontrol.Endpoints{CloudControl: srv.URL, STS: srv.URL, DataZone: srv.URL}

	return cloudcontrol.NewFromConfig(cfg, endpoints, cloudcontrol.Options{
		RequestRate: 200,
		Burst:       20,
		Waiter:      cloudcontrol.WaiterOptions{MinDelay: 5 * time.Millisecond, MaxDelay: 50 * time.Millisecond},
		Retry:       cloudcontrol.RetryOptions{BaseDelay: 5 * time.Millisecond},
	})
}

func (w *World) create(ctx context.Context, t *testing.T, address, typeName string, desired map[string]any) {
	t.Helper()
	res, err := w.Client.Create(ctx, cloudcontrol.CreateInput{TypeName: typeName, DesiredState: desired})
	if err != nil {
		t.Fatalf("create %s: %v", address, err)
	}
	w.IDs[address] = res.Identifier
	w.Props[address] = res.Properties
}

func (w *World) declare(typ, name string, attributes map[string]any) {
	w.state = append(w.state, stateResource{Type: typ, Name: name, Attributes: attributes})
}

// SetAttribute changes one attribute of the declared resource at address,
// such as "smus_iam_role.project", before WriteState.
func (w *World) SetAttribute(t *testing.T, address, attribute string, value any) {
	t.Helper()
	for _, r := range w.state {
		if r.Type+"."+r.Name == address {
			r.Attributes[attribute] = value

			return
		}
	}
	t.Fatalf("no declared resource %s", address)
}

// Edit makes a console edit as Actor in Account and Region.
func (w *World) Edit(ctx context.Context, t *testing.T, req localcloud.ConsoleRequest) *localcloud.ConsoleResponse {
	t.Helper()
	req.Account, req.Region, req.Actor = Account, Region, Actor
	out, err := localcloud.NewConsoleClient(w.Server.URL).Do(ctx, req)
	if err != nil {
		t.Fatalf("console %s: %v", req.Action, err)
	}

	return out
}

// WidenedAccessPolicy is the access policy with a statement that allows
// every S3 action on every resource, and its first statement's actions in
// another order.
const WidenedAccessPolicy = `{"Version":"2012-10-17","Statement":[` +
	`{"Effect":"Allow","Action":["s3:ListBucket","s3:GetObject"],"Resource":"arn:aws:s3:::analytics-data/*"},` +
	`{"Effect":"Allow","Action":"s3:*","Resource":"*"}]}`

// EditAll makes the four console edits the drift tests look for: the
// project role's access policy widened, a project created by hand, the
// Tooling blueprint disabled in us-west-2, and smus_project.churn deleted.
// It returns the identifier of the project created by hand.
func (w *World) EditAll(ctx context.Context, t *testing.T) string {
	t.Helper()
	domainID := w.IDs["smus_domain.main"]
	w.Edit(ctx, t, localcloud.ConsoleRequest{Action: localcloud.ActionPutRolePolicy, RoleName: "analytics-project",
		PolicyName: "access", PolicyDocument: json.RawMessage(WidenedAccessPolicy)})
	created := w.Edit(ctx, t, localcloud.ConsoleRequest{Action: localcloud.ActionCreateProject, DomainID: domainID,
		ProjectName: "by-hand", ProfileID: w.Props["smus_project_profile.default"]["Id"].(string)})
	w.Edit(ctx, t, localcloud.ConsoleRequest{Action: localcloud.ActionDisableBlueprintRegion, DomainID: domainID,
		BlueprintID: "Tooling", BlueprintRegion: "us-west-2"})
	w.Edit(ctx, t, localcloud.ConsoleRequest{Action: localcloud.ActionDeleteProject, DomainID: domainID,
		ProjectID: w.Props["smus_project.churn"]["Id"].(string)})

	return created.Identifier
}

// WriteState writes the declared resources as a state file (format 4) in
// a temporary directory and returns its path.
func (w *World) WriteState(t *testing.T) string {
	t.Helper()
	type instance struct {
		SchemaVersion int            `json:"schema_version"`
		Attributes    map[string]any `json:"attributes"`
	}
	type resource struct {
		Mode      string     `json:"mode"`
		Type      string     `json:"type"`
		Name      string     `json:"name"`
		Provider  string     `json:"provider"`
		Instances []instance `json:"instances"`
	}
	doc := map[string]any{"version": 4, "terraform_version": "1.9.0", "serial": 3, "lineage": "drift-test",
		"outputs": map[string]any{}}
	var resources []resource
	for _, r := range w.state {
		resources = append(resources, resource{Mode: "managed", Type: r.Type, Name: r.Name,
			Provider:  `provider["registry.terraform.io/smus-dev/smus"]`,
			Instances: []instance{{Attributes: r.Attributes}}})
	}
	doc["resources"] = resources
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatalf("encode state: %v", err)
	}
	path := filepath.Join(t.TempDir(), "terraform.tfstate")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatalf("write state: %v", err)
	}

	return path
}

const trustPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
	`"Principal":{"Service":["datazone.amazonaws.com","sagemaker.amazonaws.com"]},"Action":"sts:AssumeRole"}]}`

// trustPolicyReformatted is trustPolicy with other whitespace, another
// member order and the principals in another order.
const trustPolicyReformatted = `{
  "Statement": [
    {
      "Action": ["sts:AssumeRole"],
      "Effect": "Allow",
      "Principal": {"Service": ["sagemaker.amazonaws.com", "datazone.amazonaws.com"]}
    }
  ],
  "Version": "2012-10-17"
}`

const accessPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
	`"Action":["s3:GetObject","s3:ListBucket"],"Resource":"arn:aws:s3:::analytics-data/*"}]}`

// Build creates a role, a domain with one blueprint configuration,
// one project profile, two projects and a membership, and declares them as
// the smus provider would have written them to state.
func Build(ctx context.Context, t *testing.T) *World {
	t.Helper()
	// The default propagation window scales to 5 ms here, and the domain
	// create that follows the role can land inside it on a fast machine.
	srv := localtest.Start(t, localcloud.Options{TimeScale: 0.0005, RolePropagation: time.Millisecond})
	w := &World{Server: srv, Client: NewClient(t, srv, Account), IDs: map[string]string{},
		Props: map[string]map[string]any{}}

	var access, trust map[string]any
	MustUnmarshal(t, accessPolicy, &access)
	MustUnmarshal(t, trustPolicy, &trust)
	w.create(ctx, t, "smus_iam_role.project", "AWS::IAM::Role", map[string]any{
		"RoleName": "analytics-project", "AssumeRolePolicyDocument": trust,
		"Policies":          []any{map[string]any{"PolicyName": "access", "PolicyDocument": access}},
		"ManagedPolicyArns": []any{"arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess", "arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess"},
		"Tags":              []any{map[string]any{"Key": "team", "Value": "data"}},
	})
	roleARN := w.Props["smus_iam_role.project"]["Arn"].(string)
	w.declare("smus_iam_role", "project", map[string]any{
		"id": "analytics-project", "name": "analytics-project", "path": "/", "description": nil,
		"assume_role_policy": trustPolicyReformatted,
		"inline_policies":    map[string]any{"access": accessPolicy},
		// A set: the state keeps its own order.
		"managed_policy_arns":  []any{"arn:aws:iam::aws:policy/AWSGlueConsoleFullAccess", "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"},
		"permissions_boundary": nil, "max_session_duration": nil,
		"tags": map[string]any{"team": "data"}, "arn": roleARN,
		"role_id": w.Props["smus_iam_role.project"]["RoleId"], "timeouts": nil,
	})

	w.create(ctx, t, "smus_domain.main", "AWS::DataZone::Domain", map[string]any{
		"Name": "analytics", "DomainExecutionRole": roleARN, "ServiceRole": roleARN, "DomainVersion": "V2",
	})
	domainID := w.IDs["smus_domain.main"]
	dom := w.Props["smus_domain.main"]
	w.declare("smus_domain", "main", map[string]any{
		"id": domainID, "name": "analytics", "description": "", "domain_execution_role": roleARN,
		// Write-only: the live model never has it, and the state may hold
		// a value that differs from the one sent at create.
		"service_role":   "arn:aws:iam::" + Account + ":role/rotated-service-role",
		"domain_version": "V2", "kms_key_identifier": nil, "single_sign_on": nil, "tags": nil,
		"arn": dom["Arn"], "portal_url": dom["PortalUrl"], "status": "AVAILABLE",
		"root_domain_unit_id": dom["RootDomainUnitId"], "managed_account_id": Account, "timeouts": nil,
	})

	w.create(ctx, t, "smus_blueprint.tooling", "AWS::DataZone::EnvironmentBlueprintConfiguration", map[string]any{
		"DomainIdentifier": domainID, "EnvironmentBlueprintIdentifier": "Tooling",
		"EnabledRegions": []any{"us-east-1", "us-west-2"}, "ProvisioningRoleArn": roleARN,
		"GlobalParameters":   map[string]any{"Owner": "platform"},
		"RegionalParameters": []any{map[string]any{"Region": "us-east-1", "Parameters": map[string]any{"S3Location": "s3://analytics-data"}}},
	})
	blueprintID := w.Props["smus_blueprint.tooling"]["EnvironmentBlueprintId"].(string)
	w.declare("smus_blueprint", "tooling", map[string]any{
		"id": w.IDs["smus_blueprint.tooling"], "domain_id": domainID, "blueprint_name": "Tooling",
		"enabled_regions": []any{"us-west-2", "us-east-1"}, "provisioning_role_arn": roleARN,
		"manage_access_role_arn": nil, "environment_role_permission_boundary": nil,
		"regional_parameters":          map[string]any{"us-east-1": map[string]any{"S3Location": "s3://analytics-data"}},
		"global_parameters":            map[string]any{"Owner": "another-team"},
		"lake_formation_configuration": nil, "blueprint_id": blueprintID, "timeouts": nil,
	})

	w.create(ctx, t, "smus_project_profile.default", "AWS::DataZone::ProjectProfile", map[string]any{
		"DomainIdentifier": domainID, "Name": "default", "Status": "ENABLED",
		"EnvironmentConfigurations": []any{map[string]any{
			"Name": "Tooling", "EnvironmentBlueprintId": blueprintID, "DeploymentMode": "ON_CREATE",
			"AwsRegion": map[string]any{"RegionName": "us-east-1"},
		}},
	})
	profile := w.Props["smus_project_profile.default"]
	w.declare("smus_project_profile", "default", map[string]any{
		"id": w.IDs["smus_project_profile.default"], "domain_id": domainID, "name": "default",
		"description": nil, "status": "ENABLED", "domain_unit_id": profile["DomainUnitId"],
		"environment_configurations": map[string]any{"Tooling": map[string]any{
			"blueprint_id": blueprintID, "description": nil, "deployment_mode": "ON_CREATE",
			"deployment_order": nil, "aws_account_id": nil, "aws_region": "us-east-1", "parameter_overrides": nil,
		}},
		"profile_id": profile["Id"], "timeouts": nil,
	})

	for _, name := range []string{"fraud", "churn"} {
		address := "smus_project." + name
		w.create(ctx, t, address, "AWS::DataZone::Project", map[string]any{
			"DomainIdentifier": domainID, "Name": name, "ProjectProfileId": profile["Id"],
			"ProjectExecutionRole": roleARN,
		})
		p := w.Props[address]
		w.declare("smus_project", name, map[string]any{
			"id": w.IDs[address], "domain_id": domainID, "name": name, "description": nil,
			"project_profile_id": profile["Id"], "project_execution_role": roleARN,
			"user_parameters": map[string]any{"Tooling": map[string]any{"Stage": "prod"}},
			"glossary_terms":  nil, "domain_unit_id": p["DomainUnitId"], "project_id": p["Id"],
			"project_status": "ACTIVE", "timeouts": nil,
		})
	}

	w.create(ctx, t, "smus_project_membership.fraud_owner", "AWS::DataZone::ProjectMembership", map[string]any{
		"DomainIdentifier": domainID, "ProjectIdentifier": w.Props["smus_project.fraud"]["Id"],
		"Designation": "PROJECT_OWNER", "Member": map[string]any{"UserIdentifier": "bob@example.com"},
	})
	m := w.Props["smus_project_membership.fraud_owner"]
	w.declare("smus_project_membership", "fraud_owner", map[string]any{
		"id": w.IDs["smus_project_membership.fraud_owner"], "domain_id": domainID,
		"project_id": w.Props["smus_project.fraud"]["Id"], "user_identifier": "bob@example.com",
		"group_identifier": nil, "designation": "PROJECT_OWNER",
		"member_identifier": m["MemberIdentifier"], "member_identifier_type": m["MemberIdentifierType"],
		"timeouts": nil,
	})

	return w
}

// MustUnmarshal decodes JSON text into out and fails the test on error.
func MustUnmarshal(t *testing.T, text string, out any) {
	t.Helper()
	if err := json.Unmarshal([]byte(text), out); err != nil {
		t.Fatalf("decode %s: %v", text, err)
	}
}

// ConsoleLog is the local cloud's activity log as a drift.ActivityLog.
type ConsoleLog struct{ Client *localcloud.ConsoleClient }

// Changes returns every activity entry of acct, oldest first.
func (l ConsoleLog) Changes(ctx context.Context, acct string) ([]drift.Change, error) {
	entries, err := l.Client.Activity(ctx, acct, time.Time{})
	if err != nil {
		return nil, err
	}
	out := make([]drift.Change, 0, len(entries))
	for _, e := range entries {
		out = append(out, drift.Change{Time: e.Time, Actor: e.Actor, Action: e.Action, TypeName: e.TypeName,
			Identifier: e.Identifier})
	}

	return out, nil
}
