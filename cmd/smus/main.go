// Command smus is the command-line interface of smus: the local cloud and
// the governance commands for SageMaker Unified Studio.
package main

import (
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}
