# SAM build route (template.yaml: Metadata BuildMethod: makefile, ContextPath: ., WorkingDirectory: .).
# `sam build` runs `make build-<LogicalId>` here with ARTIFACTS_DIR set; each target builds its Maven
# module together with the sibling modules it uses, `shared` and `lambda-events` (-am), and puts the
# shaded jar into lib/, which the java21 runtime puts on the classpath. `sh ./mvnw`: pipeline source zips may drop the execute bit.
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c

# The repository root, wherever make was started from (sam passes --makefile with an absolute path).
ROOT := $(patsubst %/,%,$(dir $(abspath $(lastword $(MAKEFILE_LIST)))))

define package_function
	@test -n "$(ARTIFACTS_DIR)" || { echo "ARTIFACTS_DIR is not set: run this through sam build" >&2; exit 1; }
	cd "$(ROOT)" && source scripts/java-env.sh && sh ./mvnw -B -q -pl $(1) -am package -DskipTests
	mkdir -p "$(ARTIFACTS_DIR)/lib"
	cp "$(ROOT)/$(1)/target/$(1).jar" "$(ARTIFACTS_DIR)/lib/"
endef

.PHONY: build-SubmitJobFunction build-WorkerFunction build-JobStatusFunction build-WebFunction

build-SubmitJobFunction:
	$(call package_function,submit-function)

build-WorkerFunction:
	$(call package_function,worker-function)

build-JobStatusFunction:
	$(call package_function,status-function)

build-WebFunction:
	$(call package_function,web-function)
