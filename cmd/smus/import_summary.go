package main

import (
	"fmt"
	"io"

	"github.com/smus-dev/smus/internal/importer"
)

// writeImportSummary lists what an import generated: files, imports,
// adopted resources, the reads that failed, the variables to set and the
// notes.
func writeImportSummary(w io.Writer, res *importer.Result, dir string, written bool) {
	verb := "Would write"
	if written {
		verb = "Wrote"
	}
	fmt.Fprintf(w, "%s %d files to %s:", verb, len(res.Files), dir)
	for _, f := range res.Files {
		fmt.Fprintf(w, " %s", f.Name)
	}
	adopted := 0
	for _, imp := range res.Imports {
		if imp.Adopted {
			adopted++
		}
	}
	fmt.Fprintf(w, "\n%d import blocks, %d of them for resources the existing files already declare.\n",
		len(res.Imports), adopted)
	for _, imp := range res.Imports {
		if imp.Adopted {
			fmt.Fprintf(w, "  adopted %s (id %s)\n", imp.Address, imp.ID)
		}
	}
	if len(res.Warnings) > 0 {
		fmt.Fprintln(w)
		for _, warning := range res.Warnings {
			fmt.Fprintf(w, "Warning: %s\n", warning)
		}
	}
	writeImportVariables(w, res.Variables)
	if len(res.Notes) > 0 {
		fmt.Fprintln(w, "\nNotes:")
		for _, n := range res.Notes {
			fmt.Fprintf(w, "  - %s\n", n)
		}
	}
}

func writeImportVariables(w io.Writer, vars []importer.Variable) {
	required := 0
	for _, v := range vars {
		if v.Required {
			required++
		}
	}
	fmt.Fprintf(w, "\nWrite-only values that no read returned: %d variables, %d required "+
		"(set them with -var or a .tfvars file before `tofu plan`):\n", len(vars), required)
	for _, pass := range []bool{true, false} {
		for _, v := range vars {
			if v.Required != pass {
				continue
			}
			kind := "optional, default null"
			if v.Required {
				kind = "required"
			}
			fmt.Fprintf(w, "  %s (%s, %s)\n      %s\n", v.Name, v.Type, kind, v.Description)
		}
	}
}
