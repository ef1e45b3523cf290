package cloudcontrol_test

import (
	"encoding/json"
	"errors"
	"fmt"
	"math/rand/v2"
	"strings"
	"testing"

	jsonpatch "github.com/evanphx/json-patch/v5"

	"github.com/smus-dev/smus/internal/awstype"
	"github.com/smus-dev/smus/internal/cloudcontrol"
)

// generator builds random top-level properties of one type.
type generator struct {
	typ   *awstype.Type
	props map[string]func(r *rand.Rand) any
}

func pick(r *rand.Rand, xs ...string) string { return xs[r.IntN(len(xs))] }

func subset(r *rand.Rand, xs ...string) []any {
	var out []any
	for _, i := range r.Perm(len(xs)) {
		if r.IntN(2) == 0 {
			out = append(out, xs[i])
		}
	}

	return out
}

func keyedList(r *rand.Rand, key string, keys []string, elem func(r *rand.Rand) map[string]any) []any {
	var out []any
	for _, i := range r.Perm(len(keys)) {
		if r.IntN(2) == 0 {
			e := elem(r)
			e[key] = keys[i]
			out = append(out, e)
		}
	}

	return out
}

func tags(r *rand.Rand) any {
	return keyedList(r, "Key", []string{"env", "team", "cost"}, func(r *rand.Rand) map[string]any {
		return map[string]any{"Value": pick(r, "a", "b", "c")}
	})
}

func policy(r *rand.Rand) any {
	var stmts []any
	for range r.IntN(3) + 1 {
		s := map[string]any{
			"Effect":   pick(r, "Allow", "Deny"),
			"Action":   subset(r, "s3:GetObject", "s3:PutObject", "sts:AssumeRole"),
			"Resource": pick(r, "*", "arn:aws:s3:::b/*"),
		}
		if r.IntN(2) == 0 {
			s["Action"] = pick(r, "s3:GetObject", "sts:AssumeRole")
		}
		stmts = append(stmts, s)
	}
	doc := map[string]any{"Version": "2012-10-17", "Statement": stmts}
	switch r.IntN(3) {
	case 0:
		b, _ := json.Marshal(doc)

		return string(b)
	case 1:
		b, _ := json.MarshalIndent(doc, strings.Repeat(" ", r.IntN(3)), "\t")

		return string(b)
	}

	return doc
}

var generators = map[string]generator{
	"iam-role": {typ: awstype.Role, props: map[string]func(*rand.Rand) any{
		"RoleName":                 func(r *rand.Rand) any { return "analyst" },
		"Path":                     func(r *rand.Rand) any { return "/" },
		"Arn":                      func(r *rand.Rand) any { return pick(r, "arn:aws:iam::111122223333:role/a", "arn:x") },
		"RoleId":                   func(r *rand.Rand) any { return pick(r, "AROA1", "AROA2") },
		"Description":              func(r *rand.Rand) any { return pick(r, "", "analysts", "data team") },
		"MaxSessionDuration":       func(r *rand.Rand) any { return float64(3600 * (r.IntN(4) + 1)) },
		"ManagedPolicyArns":        func(r *rand.Rand) any { return subset(r, "arn:p1", "arn:p2", "arn:p3", "arn:p4") },
		"Tags":                     tags,
		"AssumeRolePolicyDocument": policy,
		"Policies": func(r *rand.Rand) any {
			return keyedList(r, "PolicyName", []string{"read", "write"}, func(r *rand.Rand) map[string]any {
				return map[string]any{"PolicyDocument": policy(r)}
			})
		},
	}},
	"project-profile": {typ: awstype.ProjectProfile, props: map[string]func(*rand.Rand) any{
		"DomainIdentifier":         func(r *rand.Rand) any { return "dzd_abc" },
		"Identifier":               func(r *rand.Rand) any { return pick(r, "pp1", "pp2") },
		"Id":                       func(r *rand.Rand) any { return pick(r, "pp1", "pp2") },
		"Name":                     func(r *rand.Rand) any { return pick(r, "all", "sql") },
		"Description":              func(r *rand.Rand) any { return pick(r, "", "profile") },
		"Status":                   func(r *rand.Rand) any { return pick(r, "ENABLED", "DISABLED") },
		"DomainUnitIdentifier":     func(r *rand.Rand) any { return pick(r, "root", "unit1") },
		"UseDefaultConfigurations": func(r *rand.Rand) any { return true },
		"EnvironmentConfigurations": func(r *rand.Rand) any {
			return keyedList(r, "Name", []string{"Tooling", "Lakehouse", "Redshift"}, func(r *rand.Rand) map[string]any {
				e := map[string]any{
					"EnvironmentBlueprintId":     pick(r, "bp1", "bp2"),
					"EnvironmentConfigurationId": pick(r, "c1", "c2"),
					"DeploymentMode":             pick(r, "ON_CREATE", "ON_DEMAND"),
				}
				if r.IntN(2) == 0 {
					e["ConfigurationParameters"] = map[string]any{
						"ParameterOverrides": keyedList(r, "Name", []string{"a", "b"}, func(r *rand.Rand) map[string]any {
							return map[string]any{"Value": pick(r, "1", "2"), "IsEditable": r.IntN(2) == 0}
						}),
						"ResolvedParameters": []any{map[string]any{"Name": "x", "Value": pick(r, "1", "2")}},
					}
				}

				return e
			})
		},
	}},
	"blueprint-configuration": {typ: awstype.EnvironmentBlueprintConfiguration, props: map[string]func(*rand.Rand) any{
		"DomainIdentifier":               func(r *rand.Rand) any { return "dzd_abc" },
		"EnvironmentBlueprintIdentifier": func(r *rand.Rand) any { return "Tooling" },
		"DomainId":                       func(r *rand.Rand) any { return pick(r, "dzd_abc", "dzd_x") },
		"EnvironmentBlueprintId":         func(r *rand.Rand) any { return pick(r, "bp1", "bp2") },
		"EnabledRegions":                 func(r *rand.Rand) any { return subset(r, "us-east-1", "eu-west-1", "ap-south-1") },
		"ProvisioningRoleArn":            func(r *rand.Rand) any { return pick(r, "arn:r1", "arn:r2") },
		"GlobalParameters": func(r *rand.Rand) any {
			return map[string]any{"S3Location": pick(r, "s3://a", "s3://b"), "Mode": pick(r, "x", "y")}
		},
		"RegionalParameters": func(r *rand.Rand) any {
			return keyedList(r, "Region", []string{"us-east-1", "eu-west-1"}, func(r *rand.Rand) map[string]any {
				return map[string]any{"Parameters": map[string]any{"VpcId": pick(r, "vpc-1", "vpc-2")}}
			})
		},
	}},
	"ordered-lists": {typ: listType, props: map[string]func(*rand.Rand) any{
		"Id":     func(r *rand.Rand) any { return pick(r, "i1", "i2") },
		"Region": func(r *rand.Rand) any { return "us-east-1" },
		"Secret": func(r *rand.Rand) any { return pick(r, "s1", "s2") },
		"Labels": func(r *rand.Rand) any { return subset(r, "a", "b", "c") },
		"Tags":   tags,
		"Config": func(r *rand.Rand) any {
			return map[string]any{"User": pick(r, "u1", "u2"), "Password": pick(r, "p1", "p2"), "Port": float64(r.IntN(3))}
		},
		"Steps": func(r *rand.Rand) any {
			var out []any
			for range r.IntN(5) {
				if r.IntN(3) == 0 {
					out = append(out, pick(r, "x", "y"))

					continue
				}
				out = append(out, map[string]any{
					"StepId": pick(r, "s1", "s2"),
					"Name":   pick(r, "n1", "n2"),
					"Args":   subsetOrdered(r, "--a", "--b", "--c"),
				})
			}

			return out
		},
		"Map": func(r *rand.Rand) any { return randomValue(r, 3) },
	}},
}

func subsetOrdered(r *rand.Rand, xs ...string) []any {
	var out []any
	for _, x := range xs {
		if r.IntN(2) == 0 {
			out = append(out, x)
		}
	}

	return out
}

// randomValue builds a nested JSON value with awkward member names.
func randomValue(r *rand.Rand, depth int) any {
	kind := r.IntN(6)
	if depth == 0 {
		kind = r.IntN(3)
	}
	switch kind {
	case 0:
		return pick(r, "a", "b", "")
	case 1:
		return float64(r.IntN(3))
	case 2:
		return r.IntN(2) == 0
	case 3:
		var out []any
		for range r.IntN(4) {
			out = append(out, randomValue(r, depth-1))
		}

		return out
	default:
		out := map[string]any{}
		for range r.IntN(4) {
			out[pick(r, "k", "a/b", "c~d", "x")] = randomValue(r, depth-1)
		}

		return out
	}
}

func (g generator) model(r *rand.Rand) map[string]any {
	m := map[string]any{}
	for name, gen := range g.props {
		if r.IntN(4) != 0 {
			m[name] = gen(r)
		}
	}

	return m
}

// mutate returns a copy of prior with some properties regenerated, removed
// or perturbed. Create-only properties change only when changeCreateOnly.
func (g generator) mutate(r *rand.Rand, prior map[string]any, changeCreateOnly bool) map[string]any {
	out := awstype.CloneModel(prior)
	for name, gen := range g.props {
		if g.typ.IsCreateOnly("/"+name) && !changeCreateOnly {
			continue
		}
		switch r.IntN(10) {
		case 0, 1, 2:
			out[name] = gen(r)
		case 3:
			delete(out, name)
		case 4:
			if v, ok := out[name]; ok {
				out[name] = perturb(r, v)
			}
		}
	}
	if changeCreateOnly {
		for _, p := range g.typ.CreateOnly {
			name := awstype.Segments(p)[0]
			out[name] = "changed-" + fmt.Sprint(r.IntN(1000))
		}
	}

	return out
}

func perturb(r *rand.Rand, v any) any {
	switch x := v.(type) {
	case []any:
		out := awstype.Clone(x).([]any)
		switch {
		case len(out) > 1 && r.IntN(2) == 0:
			r.Shuffle(len(out), func(i, j int) { out[i], out[j] = out[j], out[i] })
		case len(out) > 0 && r.IntN(2) == 0:
			out = out[:r.IntN(len(out))]
		case len(out) > 0:
			i := r.IntN(len(out))
			out[i] = perturb(r, out[i])
		}

		return out
	case map[string]any:
		out := awstype.CloneModel(x)
		for k := range out {
			if r.IntN(2) == 0 {
				out[k] = perturb(r, out[k])
			}
		}

		return out
	case string:
		return x + "'"
	}

	return v
}

// comparable drops read-only and create-only values, which a patch never
// changes.
func comparable(t *awstype.Type, m map[string]any) map[string]any {
	out := t.StripReadOnly(m)
	for _, p := range t.CreateOnly {
		awstype.Remove(out, p)
	}

	return out
}

// checkRoundTrip applies Patch(prior, desired) to prior without write-only
// values, as Cloud Control does with its read model, and checks the result.
func checkRoundTrip(t *testing.T, g generator, seed uint64) {
	t.Helper()
	r := rand.New(rand.NewPCG(seed, seed>>1))
	prior := g.model(r)
	changeCreateOnly := r.IntN(20) == 0
	desired := g.mutate(r, prior, changeCreateOnly)
	typ := g.typ

	ops, err := cloudcontrol.Patch(typ, prior, desired)

	var repl *cloudcontrol.ReplacementError
	if errors.As(err, &repl) {
		if !changeCreateOnly {
			t.Fatalf("seed %d: unexpected %v\nprior %v\ndesired %v", seed, err, prior, desired)
		}

		return
	}
	if err != nil {
		t.Fatalf("seed %d: Patch: %v", seed, err)
	}
	base := typ.StripWriteOnly(prior)
	shuffleUnordered(r, typ, base)
	baseJSON, _ := json.Marshal(base)
	opsJSON, _ := json.Marshal(ops)
	patch, err := jsonpatch.DecodePatch(opsJSON)
	if err != nil {
		t.Fatalf("seed %d: decode patch %s: %v", seed, opsJSON, err)
	}
	outJSON, err := patch.Apply(baseJSON)
	if err != nil {
		t.Fatalf("seed %d: apply patch %s to %s: %v", seed, opsJSON, baseJSON, err)
	}
	got, err := awstype.ParseModel(string(outJSON))
	if err != nil {
		t.Fatalf("seed %d: %v", seed, err)
	}
	if !typ.Equal(comparable(typ, desired), comparable(typ, got)) {
		desiredJSON, _ := json.Marshal(desired)
		t.Errorf("seed %d: patched model differs from desired\nbase    %s\ndesired %s\npatch   %s\ngot     %s",
			seed, baseJSON, desiredJSON, opsJSON, outJSON)
	}
	for _, p := range typ.ReadOnly {
		if len(awstype.Segments(p)) != 1 {
			continue
		}
		before, _ := awstype.Get(base, p)
		after, _ := awstype.Get(got, p)
		if !typ.EqualAt(p, before, after) {
			t.Errorf("seed %d: read-only %s changed from %v to %v by patch %s", seed, p, before, after, opsJSON)
		}
	}
}

// shuffleUnordered reorders sets and keyed lists in place, because the live
// read model need not keep the order of the prior model.
func shuffleUnordered(r *rand.Rand, typ *awstype.Type, model map[string]any) {
	paths := append([]string(nil), typ.Sets...)
	for _, k := range typ.Keyed {
		paths = append(paths, k.Path)
	}
	for _, p := range paths {
		awstype.Visit(model, p, func(_ string, v any) {
			if list, ok := v.([]any); ok {
				r.Shuffle(len(list), func(i, j int) { list[i], list[j] = list[j], list[i] })
			}
		})
	}
}

func TestPatchRoundTrip(t *testing.T) {
	t.Parallel()
	for name, g := range generators {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			for seed := range uint64(500) {
				checkRoundTrip(t, g, seed)
			}
		})
	}
}

func FuzzPatchRoundTrip(f *testing.F) {
	for seed := range uint64(8) {
		f.Add(seed)
	}
	names := []string{"iam-role", "project-profile", "blueprint-configuration", "ordered-lists"}
	f.Fuzz(func(t *testing.T, seed uint64) {
		checkRoundTrip(t, generators[names[seed%uint64(len(names))]], seed)
	})
}

func BenchmarkPatch(b *testing.B) {
	g := generators["project-profile"]
	r := rand.New(rand.NewPCG(1, 2))
	prior := g.model(r)
	desired := g.mutate(r, prior, false)
	b.ReportAllocs()
	for b.Loop() {
		if _, err := cloudcontrol.Patch(g.typ, prior, desired); err != nil {
			b.Fatal(err)
		}
	}
}
