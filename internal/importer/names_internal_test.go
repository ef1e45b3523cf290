package importer

import (
	"testing"

	"github.com/google/go-cmp/cmp"
)

func TestSnakeCase(t *testing.T) {
	t.Parallel()
	testCases := map[string]struct {
		name string
		want string
	}{
		"words":            {name: "Fraud detection", want: "fraud_detection"},
		"camel-case":       {name: "DataLake", want: "data_lake"},
		"acronym":          {name: "MLExperiments", want: "ml_experiments"},
		"trailing-acronym": {name: "AmazonBedrockKB", want: "amazon_bedrock_kb"},
		"punctuation":      {name: "  Sales -- EMEA (2024)  ", want: "sales_emea_2024"},
		"leading-digit":    {name: "2024 budget", want: "r_2024_budget"},
		"already-snake":    {name: "fraud_detection", want: "fraud_detection"},
		"non-ascii":        {name: "Café Données", want: "caf_donn_es"},
		"digits-in-word":   {name: "Project42x", want: "project42x"},
		"no-letters":       {name: "---", want: "fallback"},
		"empty":            {name: "", want: "fallback"},
	}
	for name, tc := range testCases {
		t.Run(name, func(t *testing.T) {
			t.Parallel()
			if diff := cmp.Diff(tc.want, snakeCase(tc.name, "fallback")); diff != "" {
				t.Errorf("snakeCase(%q) (-want +got):\n%s", tc.name, diff)
			}
		})
	}
}

func TestNamerDeduplicates(t *testing.T) {
	t.Parallel()
	n := newNamer()
	n.reserve("smus_project", "sales")
	got := []string{
		n.next("smus_project", "sales"),
		n.next("smus_project", "sales"),
		n.next("smus_project", "sales_2"),
		n.next("smus_project_profile", "sales"),
	}
	want := []string{"sales_2", "sales_3", "sales_2_2", "sales"}
	if diff := cmp.Diff(want, got); diff != "" {
		t.Errorf("names (-want +got):\n%s", diff)
	}
}
