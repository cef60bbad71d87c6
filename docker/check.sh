#!/usr/bin/env bash
# Static checks of the container setup for machines without a Docker engine: shell
# syntax and shellcheck of the scripts, the compose file through whichever compose
# binary exists, hadolint when installed, every file the Dockerfile copies from the
# build context, and the pinned MariaDB driver against the parent pom (and against
# the jar in the local Maven repository, when there is one).
# Run from anywhere after `./mvnw package`; exits non-zero on the first real failure,
# and says which checks it had to skip.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$ROOT"
failures=0
pass() { printf 'ok    %s\n' "$*"; }
skip() { printf 'skip  %s\n' "$*"; }
fail() {
  printf 'FAIL  %s\n' "$*"
  failures=$((failures + 1))
}

scripts=(server-config/*.sh docker/*.sh)

for script in "${scripts[@]}"; do
  if bash -n "$script"; then pass "bash -n $script"; else fail "bash -n $script"; fi
  # common.sh is sourced, not run.
  [[ -x $script || $script == */common.sh ]] || fail "$script is not executable"
done

if command -v shellcheck >/dev/null; then
  if shellcheck -x "${scripts[@]}"; then pass "shellcheck ${scripts[*]}"; else fail "shellcheck"; fi
else
  skip "shellcheck not installed (apt-get install shellcheck)"
fi

# Compose: v2 (`docker compose`) understands the whole file; v1 (Debian's
# docker-compose 1.29) predates the top-level `name:`, so it validates a copy without
# that line, next to the original so that relative paths resolve the same.
compose_out=$(mktemp)
trap 'rm -f "$compose_out" docker/.compose-v1-check.yaml' EXIT
if docker compose version >/dev/null 2>&1; then
  if docker compose -f docker/compose.yaml config >"$compose_out" 2>&1; then
    pass "docker compose config"
  else
    fail "docker compose config: $(cat "$compose_out")"
  fi
elif command -v docker-compose >/dev/null; then
  grep -v '^name:' docker/compose.yaml >docker/.compose-v1-check.yaml
  if docker-compose -f docker/.compose-v1-check.yaml config >"$compose_out" 2>&1; then
    pass "docker-compose (v1) config, top-level name: left out"
  else
    fail "docker-compose config: $(cat "$compose_out")"
  fi
else
  skip "no docker compose v2 nor docker-compose v1 (apt-get install docker-compose)"
fi

while read -r secret; do
  if [[ -f docker/secrets/$secret ]]; then
    pass "secret file docker/secrets/$secret exists"
  else
    skip "secret file docker/secrets/$secret missing (create it before compose up: docker/secrets/README.md)"
  fi
done < <(sed -n 's|^ *file: \./secrets/\(.*\)$|\1|p' docker/compose.yaml)

if command -v hadolint >/dev/null; then
  if hadolint docker/Dockerfile; then pass "hadolint docker/Dockerfile"; else fail "hadolint"; fi
else
  skip "hadolint not installed"
fi
# dockerfile-utils (npm) parses the Dockerfile as BuildKit would: unknown instructions,
# bad flags, ports and durations.
if command -v dockerfile-utils >/dev/null; then
  if dockerfile-utils lint docker/Dockerfile; then pass "dockerfile-utils lint docker/Dockerfile"; else fail "dockerfile-utils lint"; fi
else
  skip "dockerfile-utils not installed (npm install -g dockerfile-utils)"
fi

# Every COPY from the build context (the repository root) must find its source.
while read -r source; do
  # shellcheck disable=SC2206 # the glob in the Dockerfile is meant to expand here
  matches=($source)
  if [[ -e ${matches[0]} ]]; then
    pass "COPY source $source"
  else
    fail "COPY source $source does not exist (run ./mvnw package first for target/ files)"
  fi
done < <(awk '$1 == "COPY" { src = ""; for (i = 2; i < NF; i++) { if ($i ~ /^--from/) { src = ""; break } if ($i !~ /^--/) { src = $i } } if (src != "") print src }' docker/Dockerfile)

# The driver version pinned for the image must be the one the build and tests use.
docker_version=$(sed -n 's/^ARG MARIADB_CLIENT_VERSION=//p' docker/Dockerfile)
docker_sha=$(sed -n 's/^ARG MARIADB_CLIENT_SHA256=//p' docker/Dockerfile)
pom_version=$(sed -n 's|.*<mariadb.version>\(.*\)</mariadb.version>.*|\1|p' pom.xml)
if [[ $docker_version == "$pom_version" ]]; then
  pass "MariaDB driver $docker_version in Dockerfile matches the parent pom"
else
  fail "Dockerfile pins mariadb-java-client $docker_version, the parent pom says $pom_version"
fi
jar=${HOME}/.m2/repository/org/mariadb/jdbc/mariadb-java-client/$docker_version/mariadb-java-client-$docker_version.jar
if [[ -r $jar ]]; then
  actual=$(sha256sum "$jar")
  if [[ ${actual%% *} == "$docker_sha" ]]; then
    pass "MariaDB driver sha256 matches $jar"
  else
    fail "MariaDB driver sha256 in Dockerfile differs from $jar"
  fi
else
  skip "no $jar to compare the pinned sha256 with"
fi

# Operations exposure (security issue 15, finding 11).
# Every published port but HTTPS is on the host's loopback only.
while read -r port; do
  case $port in
  *8181:8181*) pass "compose publishes HTTPS ($port)" ;;
  127.0.0.1:*) pass "compose publishes $port on loopback only" ;;
  *) fail "compose publishes $port on every interface (admin console and plain HTTP belong on 127.0.0.1)" ;;
  esac
done < <(sed -n '/^    ports:/,/^    [a-z_]*:/s/^ *- "\(.*\)"$/\1/p' docker/compose.yaml)
# Every secret the entrypoint reads is removed from the server's environment, the operator's
# initial password included.
if grep -A3 '^readonly SECRET_VARS=' docker/entrypoint.sh | grep -q 'KRETANOTE_OPERATOR_INITIAL_PASSWORD' &&
  grep -q '"KRETANOTE_OPERATOR_INITIAL_PASSWORD kretanote-operator-initial-password' server-config/provision.sh; then
  pass "the operator's initial password becomes an alias and is scrubbed from the environment"
else
  fail "KRETANOTE_OPERATOR_INITIAL_PASSWORD is not scrubbed by the entrypoint (SECRET_VARS, SECRET_TABLE)"
fi
# nginx logs no query string (the verify, reset and join links carry tokens there) nor Referer.
# shellcheck disable=SC2016 # the $ names are nginx variables matched literally
if grep -Eq '^[^#]*log_format[^;]*(\$request[^_]|\$request_uri|\$args|\$query_string|\$http_referer|combined)' server-config/nginx/kretanote.conf ||
  grep -Eq '^[^#]*access_log[^;]* combined' server-config/nginx/kretanote.conf; then
  fail "server-config/nginx/kretanote.conf logs query strings or Referer (tokens)"
else
  pass "nginx logs paths without query strings"
fi
# Hazelcast: a random cluster name, loopback only; metrics never through nginx.
if grep -q -- '--interfaces 127.0.0.1' server-config/provision.sh &&
  grep -q 'head -c 18 /dev/urandom' server-config/provision.sh; then
  pass "Hazelcast bound to loopback with a random cluster name"
else
  fail "Hazelcast is not bound to loopback with a random cluster name (provision.sh)"
fi
if grep -q 'location ^~ /metrics' server-config/nginx/kretanote.conf; then
  pass "nginx refuses /metrics"
else
  fail "/metrics is served through nginx (server-config/nginx/kretanote.conf)"
fi

# Not checkable without an engine: that the base images and tags exist, that the build
# runs, and the container itself. Say so every time rather than pass silently.
skip "docker build / run (no Docker engine here)"

if ((failures > 0)); then
  printf '%s check(s) failed\n' "$failures"
  exit 1
fi
printf 'all static checks passed\n'
