# NhipCau — two commands do all set-up on a fresh Debian machine (as root):
#   make site   installs what is missing, builds the tool, writes site/ from content/
#   make test   the same installs, then every test (the Swift suite, the browser gate, the packages on a fresh Debian)
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
DATE ?=
BIN = .build/$(CONFIG)/nhipcau
APT_PACKAGES = libcmark-dev cmark pkg-config libvips-dev
# Only for make test: the search tests run the real search script in headless Chromium, served by Python;
# the event tests read the calendar files back with Python's icalendar.
TEST_APT_PACKAGES = chromium python3 python3-icalendar libimage-exiftool-perl
# The browser-level gate (make e2e): nginx, Apache, Caddy, headless Chromium and its driver, Python's venv; a JRE for
# the Nu HTML Checker is added when no `java` is on the PATH.
E2E_APT_PACKAGES = nginx apache2 caddy chromium chromium-driver python3-venv
# make dist: dpkg-dev for dpkg-shlibdeps (Depends:), binutils for strip and readelf.
DIST_APT_PACKAGES = $(APT_PACKAGES) dpkg-dev binutils xz-utils
DIST_TEST_APT_PACKAGES = debootstrap
VENV = .venv
# The data package check (frictionless), apart from the browser gate's packages: their pins differ.
DATA_VENV = .venv-data
DATA_STAMP = $(DATA_VENV)/.data-requirements
E2E_STAMP = $(VENV)/.e2e-requirements
# A fixed build date, so policy status, plan progress and screenshots are the same on every run.
E2E_DATE ?= 2026-11-25
AXE_SELENIUM = axe-selenium-python==3.0.0

.PHONY: site test deps test-deps build bench fuzz clean e2e e2e-deps e2e-system dist dist-deps dist-test dist-test-deps data-deps
N ?= 10000
# Photos in the image benchmark (bench/images.sh).
IMAGES ?= 200
SECONDS ?= 600

# Installs system packages only when one is missing (CI starts from a clean machine).
deps: PACKAGES = $(APT_PACKAGES)
test-deps: PACKAGES = $(APT_PACKAGES) $(TEST_APT_PACKAGES)
dist-deps: PACKAGES = $(DIST_APT_PACKAGES)
dist-test-deps: PACKAGES = $(DIST_APT_PACKAGES) $(DIST_TEST_APT_PACKAGES)
deps test-deps dist-deps dist-test-deps:
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

test: test-deps data-deps
	$(SWIFT) build --build-tests
	NHIPCAU_FRICTIONLESS="$(CURDIR)/$(DATA_VENV)/bin/frictionless" $(SWIFT) test --skip-build 2>&1 | tee .build/test.log; exit $${PIPESTATUS[0]}
	$(MAKE) --no-print-directory e2e
	$(MAKE) --no-print-directory dist-test

# Browser-level quality gate (README, "Quality gate"): builds content/, serves it with nginx through
# docs/hosting/nginx.conf under /xkld/, crawls every link, runs axe-core and the Nu HTML Checker,
# takes screenshots into .e2e/screenshots/; serves the same site through docs/hosting/apache.conf and
# docs/hosting/Caddyfile (crawl, 404, headers, one search); then proves on e2e/fixtures/broken/ that each check can fail.
e2e: e2e-deps
	$(SWIFT) build --product nhipcau
	$(VENV)/bin/python e2e/gate.py --nhipcau "$$($(SWIFT) build --show-bin-path)/nhipcau" --content content --date $(E2E_DATE)
	$(VENV)/bin/python e2e/selftest.py --nhipcau "$$($(SWIFT) build --show-bin-path)/nhipcau"

e2e-deps: e2e-system $(E2E_STAMP)

e2e-system: deps
	@missing=""; for p in $(E2E_APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v java >/dev/null || missing="$$missing default-jre-headless"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing:$$missing"; \
	  if [ "$$(id -u)" = 0 ]; then SUDO=""; else SUDO="sudo"; fi; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi

# Pinned Python packages, reinstalled when e2e/requirements.txt changes. axe-selenium-python 3.0.0
# (axe-core 4.10) declares Python >= 3.12 but runs unchanged on Debian 12's 3.11: installed on its own.
$(E2E_STAMP): e2e/requirements.txt | e2e-system
	@[ -x $(VENV)/bin/python ] || python3 -m venv $(VENV) || { rm -rf $(VENV); echo "python3 -m venv failed (Debian: apt-get install python3-venv)"; exit 1; }
	@$(VENV)/bin/pip install -q --disable-pip-version-check -r e2e/requirements.txt
	@$(VENV)/bin/pip install -q --disable-pip-version-check --no-deps --ignore-requires-python $(AXE_SELENIUM)
	@touch $@

# frictionless (PyPI) for DataPackageTests, which validates the sample site's /du-lieu/datapackage.json.
data-deps: $(DATA_STAMP)

$(DATA_STAMP): e2e/data-requirements.txt | e2e-system
	@[ -x $(DATA_VENV)/bin/python ] || python3 -m venv $(DATA_VENV) || { rm -rf $(DATA_VENV); echo "python3 -m venv failed (Debian: apt-get install python3-venv)"; exit 1; }
	@$(DATA_VENV)/bin/pip install -q --disable-pip-version-check -r e2e/data-requirements.txt
	@touch $@

# Packages (README, "Install"): dist/nhipcau-<version>-linux-x86_64.tar.gz and dist/nhipcau_<version>_amd64.deb,
# a release build with the Swift runtime and libcmark linked in, in .build-dist/; reproducible
# (dates from the last commit). Fails if FoundationInternationalization's ICU data is linked again.
dist: dist-deps
	bash scripts/dist.sh

# Installs the .deb with apt in a minimal Debian 12 root (debootstrap, cached in
# /var/cache/nhipcau-dist-test) and builds a site there without Swift; the tarball's executable too.
dist-test: dist-test-deps dist
	bash scripts/dist-test.sh dist

# Benchmark: make bench [N=100000]. Needs GNU time and python3 (installed when missing).
bench: build
	@command -v python3 >/dev/null || apt-get install -y -qq python3 >/dev/null
	@[ -x /usr/bin/time ] || apt-get install -y -qq time >/dev/null
	N=$(N) IMAGES=$(IMAGES) bash bench/run.sh

# Fuzzing: make fuzz [SECONDS=600]. Linux, with the Swift toolchain's libFuzzer. A separate build with
# libFuzzer and AddressSanitizer (libyaml instrumented too) in .build-fuzz/, then scripts/fuzz.sh.
# -O keeps Swift's overflow and bounds traps but runs about ten times faster than -Onone.
fuzz: deps
	$(SWIFT) build -c debug --scratch-path .build-fuzz --product NhipCauFuzz -Xswiftc -O \
	  -Xswiftc -sanitize=fuzzer,address -Xswiftc -DNHIPCAU_FUZZING -Xcc -fsanitize=fuzzer-no-link,address
	bash scripts/fuzz.sh $(SECONDS) .build-fuzz/debug/NhipCauFuzz

clean:
	rm -rf .build .build-fuzz .build-dist .fuzz site .e2e dist
