# NhipCau — two commands do all set-up on a fresh Debian machine (as root):
#   make site   installs what is missing, builds the tool, writes site/ from content/
#   make test   the same installs, then every test
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
DATE ?=
BIN = .build/$(CONFIG)/nhipcau
APT_PACKAGES = libcmark-dev cmark pkg-config
# Only for make test: the search tests run the real search script in headless Chromium, served by Python.
TEST_APT_PACKAGES = chromium python3

.PHONY: site test deps test-deps build bench clean
N ?= 10000

# Installs system packages only when one is missing (CI starts from a clean machine).
deps: PACKAGES = $(APT_PACKAGES)
test-deps: PACKAGES = $(APT_PACKAGES) $(TEST_APT_PACKAGES)
deps test-deps:
	@missing=""; for p in $(PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	@command -v $(SWIFT) >/dev/null || { echo "Swift 6 is required: https://www.swift.org/install/linux/"; exit 1; }

build: deps
	$(SWIFT) build -c $(CONFIG) --product nhipcau

site: build
	$(BIN) build --content content --output site $(if $(DATE),--date $(DATE))
	@echo "Open site/index.html in a browser, or serve site/ with any web server (see README)."

test: test-deps
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}

# Benchmark: make bench [N=100000]. Needs GNU time and python3 (installed when missing).
bench: build
	@command -v python3 >/dev/null || apt-get install -y -qq python3 >/dev/null
	@[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
	N=$(N) bash bench/run.sh

clean:
	rm -rf .build site
