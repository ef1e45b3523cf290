# Targets:
#   build  go build ./cmd/smus and ./cmd/terraform-provider-smus into .bin/
#   tofu   find a Terraform engine (tofu or terraform on PATH) or build
#          OpenTofu into .bin/tofu, and write .work/cli.tfrc
#   demo   scripts/demo.sh: the examples on the local cloud, three accounts
#   test   scripts/test.sh: go vet, Go tests with TF_ACC=1, HCL checks, demo
#   lint   go vet and a gofmt check
#   bench  the benchmarks of docs/benchmarks.md (several minutes)
#   clean  remove .bin/ and .work/

GO ?= go
BIN := $(CURDIR)/.bin

.PHONY: build tofu demo test lint bench clean

build:
	@mkdir -p $(BIN)
	$(GO) build -o $(BIN)/smus ./cmd/smus
	$(GO) build -o $(BIN)/terraform-provider-smus ./cmd/terraform-provider-smus

tofu:
	@scripts/engine.sh

demo:
	scripts/demo.sh

test:
	scripts/test.sh

lint:
	$(GO) vet ./...
	@unformatted=$$(gofmt -l $$(git ls-files --cached --others --exclude-standard '*.go')); \
	if [ -n "$$unformatted" ]; then \
		echo "gofmt: these files need formatting (run gofmt -w):"; echo "$$unformatted"; exit 1; \
	fi

bench:
	$(GO) test ./bench ./internal/cloudcontrol ./internal/lint ./internal/importer ./internal/evidence \
		-run '^$$' -bench . -benchtime 1x
	bench/apply.sh
	bench/drift.sh
	bench/lint.sh

clean:
	rm -rf $(BIN) .work
