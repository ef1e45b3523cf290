package localcloud

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"time"
)

// ConsoleClient calls the admin API of a running local cloud.
type ConsoleClient struct {
	// Endpoint is the base URL of the local cloud, such as
	// http://127.0.0.1:4566.
	Endpoint string
	// HTTPClient defaults to a client with a 30 s timeout.
	HTTPClient *http.Client
}

// NewConsoleClient returns a client for the local cloud at endpoint.
func NewConsoleClient(endpoint string) *ConsoleClient {
	return &ConsoleClient{Endpoint: strings.TrimRight(endpoint, "/"), HTTPClient: &http.Client{Timeout: 30 * time.Second}}
}

// Do sends a console edit. Errors from the server are *APIError.
func (c *ConsoleClient) Do(ctx context.Context, req ConsoleRequest) (*ConsoleResponse, error) {
	body, err := json.Marshal(req)
	if err != nil {
		return nil, fmt.Errorf("console %s: encode request: %w", req.Action, err)
	}
	var out ConsoleResponse
	if err := c.call(ctx, http.MethodPost, "console", bytes.NewReader(body), &out); err != nil {
		return nil, fmt.Errorf("console %s: %w", req.Action, err)
	}

	return &out, nil
}

// Activity returns the activity log entries of account at or after since,
// oldest first.
func (c *ConsoleClient) Activity(ctx context.Context, account string, since time.Time) ([]ActivityEntry, error) {
	q := url.Values{"account": {account}}
	if !since.IsZero() {
		q.Set("since", since.UTC().Format(time.RFC3339Nano))
	}
	var out activityListing
	if err := c.call(ctx, http.MethodGet, "activity?"+q.Encode(), nil, &out); err != nil {
		return nil, fmt.Errorf("read activity log of account %s: %w", account, err)
	}

	return out.Entries, nil
}

func (c *ConsoleClient) call(ctx context.Context, method, path string, body io.Reader, out any) error {
	req, err := http.NewRequestWithContext(ctx, method, strings.TrimRight(c.Endpoint, "/")+adminPathPrefix+path, body)
	if err != nil {
		return fmt.Errorf("build request for %s: %w", c.Endpoint, err)
	}
	req.Header.Set("Content-Type", "application/json")
	client := c.HTTPClient
	if client == nil {
		client = http.DefaultClient
	}
	resp, err := client.Do(req)
	if err != nil {
		return fmt.Errorf("call local cloud at %s (is `smus local` running?): %w", c.Endpoint, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(resp.Body)
	if err != nil {
		return fmt.Errorf("read response from %s: %w", c.Endpoint, err)
	}
	if resp.StatusCode != http.StatusOK {
		var e struct {
			Type    string `json:"__type"`
			Message string
		}
		if json.Unmarshal(data, &e) != nil || e.Type == "" {
			return &APIError{Code: "UnknownError", StatusCode: resp.StatusCode, Message: strings.TrimSpace(string(data))}
		}

		return &APIError{Code: e.Type, Message: e.Message, StatusCode: resp.StatusCode}
	}
	if err := json.Unmarshal(data, out); err != nil {
		return fmt.Errorf("decode response from %s: %w", c.Endpoint, err)
	}

	return nil
}
