// Package bench holds the benchmarks whose figures docs/benchmarks.md
// records: local cloud throughput and memory, and the end-to-end apply of
// the platform example. Run them with `make bench`.
package bench
