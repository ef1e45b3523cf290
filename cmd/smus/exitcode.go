package main

import (
	"errors"
	"fmt"
)

// Exit codes of every smus command, listed in the root command's help.
const (
	// exitOK means success with nothing found.
	exitOK = 0
	// exitError means the command failed: bad flags, unreachable
	// endpoints, invalid input.
	exitError = 1
	// exitFindings means the command ran and found something to report,
	// such as drift or lint issues.
	exitFindings = 2
)

// exitCodeError makes a command exit with code. A nil err means the
// command has already reported everything, so nothing more is printed.
type exitCodeError struct {
	code int
	err  error
}

func (e *exitCodeError) Error() string {
	if e.err == nil {
		return fmt.Sprintf("exit code %d", e.code)
	}

	return e.err.Error()
}

func (e *exitCodeError) Unwrap() error { return e.err }

// exitCode maps a command's error to the process exit code.
func exitCode(err error) int {
	if err == nil {
		return exitOK
	}
	var coded *exitCodeError
	if errors.As(err, &coded) {
		return coded.code
	}

	return exitError
}
