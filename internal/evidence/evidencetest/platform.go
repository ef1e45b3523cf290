// Package evidencetest builds the IAM side of a SageMaker Unified Studio
// environment in a local cloud, with the state file that declares it, for
// the tests of smus evidence and smus compare.
package evidencetest

import (
	"context"
	"crypto/rand"
	"encoding/json"
	"fmt"
	"math/big"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"github.com/smus-dev/smus/internal/cloudcontrol"
	"github.com/smus-dev/smus/internal/localcloud/localtest"
)

// AWSManagedPolicy is attached to every project role; Cloud Control cannot
// read it.
const AWSManagedPolicy = "arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess"

// TrustPolicy is the trust policy of every project role.
const TrustPolicy = `{"Version":"2012-10-17","Statement":[{"Effect":"Allow",` +
	`"Principal":{"Service":"datazone.amazonaws.com"},"Action":["sts:AssumeRole","sts:TagSession"]}]}`

// Project describes one project of an environment.
type Project struct {
	Name string
	// Actions are the S3 actions the role's inline policy allows on the
	// environment's bucket, such as "s3:GetObject".
	Actions []string
	// Role names the execution role; empty selects "<name>-<env>". Two
	// projects with the same Role share it.
	Role string
}

// Env describes one environment.
type Env struct {
	Name    string
	Account string
	// Region is the region in ARNs; empty selects localtest.Region.
	Region   string
	Projects []Project
	// Concurrency is the number of creates in flight; zero selects 8.
	Concurrency int
}

// NewClient returns a client of account on srv with fast polling and a
// high rate limit.
func NewClient(srv *localtest.Server, account string) *cloudcontrol.Client {
	endpoints := cloudcontrol.Endpoints{CloudControl: srv.URL, STS: srv.URL, DataZone: srv.URL}

	return cloudcontrol.NewFromConfig(srv.Config(account), endpoints, cloudcontrol.Options{
		RequestRate: 5000,
		Burst:       500,
		Waiter:      cloudcontrol.WaiterOptions{MinDelay: time.Millisecond, MaxDelay: 20 * time.Millisecond},
		Retry:       cloudcontrol.RetryOptions{BaseDelay: time.Millisecond},
	})
}

// Build creates the environment's customer managed policy, project roles
// and Lake Formation grants in its account, and writes a state file (format
// 4) that declares them with a domain, a blueprint, a profile, the
// projects and one owner per project. It returns the state file's path.
func Build(ctx context.Context, t testing.TB, srv *localtest.Server, env Env) string {
	t.Helper()
	if env.Region == "" {
		env.Region = localtest.Region
	}
	client := NewClient(srv, env.Account)
	b := &builder{env: env, client: client, domainID: "dzd_" + randomID(14), blueprintID: randomID(14),
		profileID: randomID(14)}
	policy := b.createPolicy(ctx, t)
	b.declareShared()
	roles := map[string][]Project{}
	var order []string
	for _, p := range env.Projects {
		role := b.roleName(p)
		if _, ok := roles[role]; !ok {
			order = append(order, role)
		}
		roles[role] = append(roles[role], p)
	}
	arns := make([]string, len(order))
	b.parallel(t, len(order), func(i int) error {
		arn, err := b.createRole(ctx, order[i], roles[order[i]][0], policy)
		arns[i] = arn

		return err
	})
	grantIDs := make([]string, len(env.Projects))
	b.parallel(t, len(env.Projects), func(i int) error {
		id, err := b.createGrant(ctx, env.Projects[i], b.roleARN(b.roleName(env.Projects[i])))
		grantIDs[i] = id

		return err
	})
	for i, role := range order {
		b.declareRole(role, roles[role][0], arns[i], policy)
	}
	for i, p := range env.Projects {
		b.declareProject(p, grantIDs[i])
	}

	return b.write(t)
}

type builder struct {
	env                              Env
	client                           *cloudcontrol.Client
	domainID, blueprintID, profileID string
	mu                               sync.Mutex
	resources                        []map[string]any
}

func (b *builder) roleName(p Project) string {
	if p.Role != "" {
		return p.Role
	}

	return p.Name + "-" + b.env.Name
}

func (b *builder) roleARN(name string) string {
	return fmt.Sprintf("arn:aws:iam::%s:role/%s", b.env.Account, name)
}

func (b *builder) bucket() string { return "analytics-" + b.env.Name + "-" + b.env.Account }

func (b *builder) createPolicy(ctx context.Context, t testing.TB) string {
	t.Helper()
	doc := map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
		"Sid": "ReadCatalog", "Effect": "Allow", "Action": []any{"glue:GetDatabase", "glue:GetTable"},
		"Resource": fmt.Sprintf("arn:aws:glue:%s:%s:catalog", b.env.Region, b.env.Account),
	}}}
	res, err := b.client.Create(ctx, cloudcontrol.CreateInput{TypeName: "AWS::IAM::ManagedPolicy",
		DesiredState: map[string]any{"ManagedPolicyName": "catalog-read-" + b.env.Name, "PolicyDocument": doc}})
	if err != nil {
		t.Fatalf("create managed policy: %v", err)
	}

	return res.Identifier
}

// AccessPolicy returns the inline policy document of a project role.
func AccessPolicy(bucket string, actions []string) map[string]any {
	acts := make([]any, len(actions))
	for i, a := range actions {
		acts[i] = a
	}

	return map[string]any{"Version": "2012-10-17", "Statement": []any{map[string]any{
		"Sid": "ProjectData", "Effect": "Allow", "Action": acts,
		"Resource": "arn:aws:s3:::" + bucket + "/*",
	}}}
}

func (b *builder) createRole(ctx context.Context, name string, p Project, policy string) (string, error) {
	var trust map[string]any
	if err := json.Unmarshal([]byte(TrustPolicy), &trust); err != nil {
		return "", err
	}
	res, err := b.client.Create(ctx, cloudcontrol.CreateInput{TypeName: "AWS::IAM::Role", DesiredState: map[string]any{
		"RoleName": name, "AssumeRolePolicyDocument": trust,
		"Policies":          []any{map[string]any{"PolicyName": "access", "PolicyDocument": AccessPolicy(b.bucket(), p.Actions)}},
		"ManagedPolicyArns": []any{policy, AWSManagedPolicy},
	}})
	if err != nil {
		return "", fmt.Errorf("create role %s: %w", name, err)
	}
	arn, _ := res.Properties["Arn"].(string)

	return arn, nil
}

func (b *builder) createGrant(ctx context.Context, p Project, roleARN string) (string, error) {
	res, err := b.client.Create(ctx, cloudcontrol.CreateInput{TypeName: "AWS::LakeFormation::PrincipalPermissions",
		DesiredState: map[string]any{
			"Principal":                  map[string]any{"DataLakePrincipalIdentifier": roleARN},
			"Resource":                   map[string]any{"Database": map[string]any{"CatalogId": b.env.Account, "Name": p.Name + "_db"}},
			"Permissions":                []any{"DESCRIBE", "CREATE_TABLE"},
			"PermissionsWithGrantOption": []any{},
		}})
	if err != nil {
		return "", fmt.Errorf("create Lake Formation grant of %s: %w", p.Name, err)
	}

	return res.Identifier, nil
}

// parallel runs fn for 0..n-1 with the environment's concurrency and fails
// the test on the first error.
func (b *builder) parallel(t testing.TB, n int, fn func(i int) error) {
	t.Helper()
	workers := b.env.Concurrency
	if workers <= 0 {
		workers = 8
	}
	errs := make([]error, n)
	work := make(chan int)
	var wg sync.WaitGroup
	for range min(workers, max(n, 1)) {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range work {
				errs[i] = fn(i)
			}
		}()
	}
	for i := range n {
		work <- i
	}
	close(work)
	wg.Wait()
	for _, err := range errs {
		if err != nil {
			t.Fatal(err)
		}
	}
}

func randomID(n int) string {
	const alphabet = "abcdefghijklmnopqrstuvwxyz0123456789"
	out := make([]byte, n)
	for i := range out {
		k, err := rand.Int(rand.Reader, big.NewInt(int64(len(alphabet))))
		if err != nil {
			panic(err)
		}
		out[i] = alphabet[k.Int64()]
	}

	return string(out)
}

func (b *builder) write(t testing.TB) string {
	t.Helper()
	doc := map[string]any{"version": 4, "terraform_version": "1.9.0", "serial": 12,
		"lineage": "lineage-" + b.env.Name, "outputs": map[string]any{}, "resources": b.resources}
	data, err := json.MarshalIndent(doc, "", "  ")
	if err != nil {
		t.Fatalf("encode state: %v", err)
	}
	path := filepath.Join(t.TempDir(), b.env.Name+".tfstate")
	if err := os.WriteFile(path, data, 0o600); err != nil {
		t.Fatalf("write state: %v", err)
	}

	return path
}
