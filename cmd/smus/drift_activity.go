package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"strings"
	"time"

	"github.com/smus-dev/smus/internal/drift"
	"github.com/smus-dev/smus/internal/localcloud"
)

// localProbeTimeout bounds the check whether an endpoint is a local cloud.
const localProbeTimeout = 2 * time.Second

// probeEndpoint checks an explicitly configured endpoint, never a default
// AWS one. It returns the activity log when the endpoint serves the local
// cloud's admin API, nil when it serves something else, and an error when
// nothing listens there, so that the command fails at once instead of
// after the client's retries.
func probeEndpoint(ctx context.Context, endpoint string) (drift.ActivityLog, error) {
	if endpoint == "" {
		return nil, nil
	}
	ctx, cancel := context.WithTimeout(ctx, localProbeTimeout)
	defer cancel()
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, strings.TrimRight(endpoint, "/")+"/_smus/v1/health", nil)
	if err != nil {
		return nil, nil
	}
	resp, err := (&http.Client{Timeout: localProbeTimeout}).Do(req)
	var opErr *net.OpError
	if errors.As(err, &opErr) && opErr.Op == "dial" {
		return nil, fmt.Errorf("endpoint %s could not be reached (%w); start the local cloud there (`smus local`), "+
			"or set --endpoint (or AWS_ENDPOINT_URL_CLOUDCONTROL and AWS_ENDPOINT_URL_STS) to a reachable URL",
			endpoint, err)
	}
	if err != nil {
		return nil, nil
	}
	defer resp.Body.Close()
	var health struct {
		Status string `json:"status"`
	}
	if resp.StatusCode != http.StatusOK || json.NewDecoder(resp.Body).Decode(&health) != nil || health.Status != "ok" {
		return nil, nil
	}

	return consoleActivityLog{client: localcloud.NewConsoleClient(endpoint)}, nil
}

// consoleActivityLog reads changes from the local cloud's admin API.
type consoleActivityLog struct {
	client *localcloud.ConsoleClient
}

// Changes returns every activity entry of account, oldest first.
func (l consoleActivityLog) Changes(ctx context.Context, account string) ([]drift.Change, error) {
	entries, err := l.client.Activity(ctx, account, time.Time{})
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
