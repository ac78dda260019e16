#!/usr/bin/env bash
# Proves docker-compose.yml on this kind of machine (no Docker engine, no image registry): installs podman, runc and
# docker-compose if missing, builds local stand-ins of the public images and the five application images, brings the
# file up unchanged (only the image variables and the required passwords are given), and runs the smoke test
# (e2e-tests' ComposeSmokeIT) through the published ports only: up, checks, down (volumes kept), up, checks.
# Then it prints the containers' memory and the times, and tears everything down (volumes too).
# Exits non-zero on any failure, after the last log lines of each container that is not healthy.
# Called by ./platform compose-smoke, which packages the applications first when they are out of date.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STATE="$ROOT/.platform/compose-smoke"
PROJECT=secondment-smoke
PUBLISHED_PORTS=(8080 8180 3143)
STAND_IN=localhost/secondment-stand-in
APPLICATION_TAG=localhost/secondment

log() { printf '[compose-smoke] %s\n' "$*"; }
fail() { printf '[compose-smoke] FAILED: %s\n' "$*" >&2; exit 1; }

install_missing_tools() {
  local missing=() tool
  for tool in podman runc docker-compose debootstrap; do
    command -v "$tool" >/dev/null 2>&1 || missing+=("$tool")
  done
  ((${#missing[@]} == 0)) && return 0
  log "installing with apt: ${missing[*]}"
  local sudo=()
  [[ "$(id -u)" == 0 ]] || sudo=(sudo)
  "${sudo[@]}" apt-get update -q > "$STATE/apt.log" 2>&1 || { tail -n 20 "$STATE/apt.log"; fail "apt-get update"; }
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -q "${missing[@]}" >> "$STATE/apt.log" 2>&1 \
    || { tail -n 20 "$STATE/apt.log"; fail "apt-get install ${missing[*]}"; }
}

require_free_ports() {
  local port
  for port in "${PUBLISHED_PORTS[@]}"; do
    if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
      fail "port $port is in use (a local stack from ./platform up? stop it with ./platform down)"
    fi
  done
}

# podman's Docker API, which docker-compose talks to; its own socket, stopped on exit
start_podman_service() {
  export DOCKER_HOST="unix://$STATE/podman.sock"
  rm -f "$STATE/podman.sock"
  podman system service --time=0 "$DOCKER_HOST" > "$STATE/podman-service.log" 2>&1 &
  PODMAN_SERVICE=$!
  local waited=0
  until [[ -S "$STATE/podman.sock" ]]; do
    ((waited++ < 100)) || fail "podman system service did not open $STATE/podman.sock"
    sleep 0.1
  done
}

# podman runs healthchecks from systemd timers, and this machine has no systemd: run them here instead, as Docker's
# engine would (every 5 s; podman still applies each check's timeout, retries and start period)
drive_healthchecks() {
  while true; do
    for id in $(podman ps --quiet --filter "label=com.docker.compose.project=$PROJECT"); do
      podman healthcheck run "$id" > /dev/null 2>&1 || true
    done
    sleep 5
  done
}

compose() {
  docker-compose --project-name "$PROJECT" --file "$ROOT/docker-compose.yml" "$@"
}

# the last log lines of every container that is not running healthy (or, for the one-shot job, did not succeed)
show_failing_containers() {
  local id name health status exit_code
  for id in $(compose ps -q 2>/dev/null); do
    name="$(podman inspect --format '{{.Name}}' "$id")"
    status="$(podman inspect --format '{{.State.Status}}' "$id")"
    health="$(podman inspect --format '{{.State.Health.Status}}' "$id" 2>/dev/null || true)"
    exit_code="$(podman inspect --format '{{.State.ExitCode}}' "$id")"
    if [[ "$health" == healthy || ("$status" =~ ^(exited|stopped)$ && "$exit_code" == 0 && -z "$health") ]]; then
      continue
    fi
    printf '\n----- %s: %s %s (exit %s), last log lines -----\n' "$name" "$status" "$health" "$exit_code" >&2
    podman logs "$id" 2>&1 | tail -n 40 >&2 || true
  done
}

# memory of each container: the RSS of its main process, and the PSS summed over it and its children (postgres forks
# a process per connection that share its buffers: summing their RSS would count the buffers many times)
print_memory() {
  local id name pid rss pss
  log "memory of each container after the smoke test (RSS of the main process; PSS of all its processes):"
  for id in $(compose ps -q); do
    name="$(podman inspect --format '{{.Name}}' "$id")"
    pid="$(podman inspect --format '{{.State.Pid}}' "$id")"
    [[ "$pid" -gt 0 ]] || continue
    rss="$(awk '/^VmRSS:/ {printf "%d", $2 / 1024}' "/proc/$pid/status")"
    pss="$(for process in "$pid" $(pgrep -P "$pid"); do cat "/proc/$process/smaps_rollup" 2>/dev/null; done \
      | awk '/^Pss:/ {sum += $2} END {printf "%d", sum / 1024}')"
    printf '[compose-smoke]   %-40s RSS %5s MB   PSS %5s MB   limit %s\n' "$name" "$rss" "$pss" \
      "$(podman inspect --format '{{.HostConfig.Memory}}' "$id" | awk '{printf "%d MB", $1 / 1048576}')"
  done
}

cleanup() {
  local status=$?
  if ((status != 0)) && [[ -n "${DOCKER_HOST:-}" ]]; then
    show_failing_containers || true
  fi
  if [[ -n "${DOCKER_HOST:-}" ]]; then
    log "tearing down (docker-compose down --volumes)"
    compose down --volumes --remove-orphans > "$STATE/down.log" 2>&1 || tail -n 20 "$STATE/down.log"
  fi
  [[ -n "${HEALTHCHECKS:-}" ]] && kill "$HEALTHCHECKS" 2>/dev/null || true
  [[ -n "${PODMAN_SERVICE:-}" ]] && kill "$PODMAN_SERVICE" 2>/dev/null || true
  exit "$status"
}

mkdir -p "$STATE"
install_missing_tools
# podman settings for this machine, without touching /etc/containers (see stand-ins/containers.conf)
export CONTAINERS_CONF="$HERE/stand-ins/containers.conf"
require_free_ports

begin=$SECONDS
"$HERE/build-stand-ins.sh"
stand_ins_seconds=$((SECONDS - begin))

begin=$SECONDS
"$HERE/build-images.sh" --engine podman --java-image "$STAND_IN/jre:17" --prefix "$APPLICATION_TAG" --tag smoke
applications_seconds=$((SECONDS - begin))

start_podman_service
trap cleanup EXIT
drive_healthchecks &
HEALTHCHECKS=$!
compose down --volumes --remove-orphans > /dev/null 2>&1 || true # leftovers of an interrupted run

# the file unchanged: only the images and the required passwords are given, as a ministry's .env would
export POSTGRES_IMAGE="$STAND_IN/postgres:17" KAFKA_IMAGE="$STAND_IN/kafka:4.1.1" \
  KEYCLOAK_IMAGE="$STAND_IN/keycloak:26.7.3" MAIL_IMAGE="$STAND_IN/greenmail:2.1.8"
for application in personnel-service assignment-service report-service notification-service gateway; do
  variable="$(tr 'a-z-' 'A-Z_' <<<"$application")_IMAGE"
  export "$variable=$APPLICATION_TAG/$application:smoke"
done
for variable in POSTGRES_PASSWORD PERSONNEL_DB_PASSWORD ASSIGNMENT_DB_PASSWORD REPORT_DB_PASSWORD \
    NOTIFICATION_DB_PASSWORD KEYCLOAK_DB_PASSWORD KEYCLOAK_ADMIN_PASSWORD PERSONNEL_ADMIN_CLIENT_SECRET; do
  export "$variable=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')"
done

log "running the smoke test (ComposeSmokeIT): up, checks, down, up, checks"
begin=$SECONDS
# the applications are packaged already (their images were built from it): no second Quarkus build
set +e
"$ROOT/mvnw" -B -pl e2e-tests -am verify -Dquarkus.build.skip=true -Dtest=NoUnitTests \
  -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=ComposeSmokeIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcompose.smoke=true -Dcompose.engine=podman -Dcompose.project="$PROJECT" -Dcompose.file="$ROOT/docker-compose.yml" 2>&1 \
  | tee "$STATE/smoke.log" | grep --line-buffered -E '^\[compose-smoke\]|Tests run:|BUILD|^\[ERROR\]   ComposeSmokeIT'
status="${PIPESTATUS[0]}"
set -e
((status == 0)) || fail "the smoke test failed (its whole output: $STATE/smoke.log)"
smoke_seconds=$((SECONDS - begin))

print_memory
log "times: stand-in images ${stand_ins_seconds} s, application images ${applications_seconds} s, smoke test (two ups, checks, one down) ${smoke_seconds} s; the test's own figures are above"
log "PASSED"
