# unionscope: make test, make run, make bench, make lint.
GO ?= go
VERSION := $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS := -X main.version=$(VERSION)

.PHONY: build test run bench lint fuzz clean

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o bin/unionscope ./cmd/unionscope

test:
	$(GO) vet ./...
	$(GO) test -race -timeout 30m ./...

# Imports the bundled sample corpus into ./unionscope-demo and serves search
# on http://127.0.0.1:8080.
run: build
	./bin/unionscope serve --demo --data ./unionscope-demo --addr 127.0.0.1:8080

bench: build
	./bench/run.sh

# Runs every fuzz target for FUZZTIME each (go test -fuzz takes one target
# at a time): make fuzz FUZZTIME=2m
FUZZTIME ?= 30s
fuzz:
	@set -e; for pkg in $$($(GO) list ./...); do \
		dir=$$($(GO) list -f '{{.Dir}}' $$pkg); \
		for f in $$(grep -ho '^func Fuzz[A-Za-z0-9_]*' $$dir/*_test.go 2>/dev/null | sed 's/^func //'); do \
			echo "fuzz $$pkg $$f"; \
			$(GO) test $$pkg -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) -fuzzminimizetime 10x; \
		done; \
	done

lint:
	gofmt -l . | tee /dev/stderr | (! read)
	$(GO) vet ./...

clean:
	rm -rf bin unionscope-demo
