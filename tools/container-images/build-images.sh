#!/usr/bin/env bash
# Builds the five application images from their packaged fast-jars (run ./mvnw -B package -DskipTests first;
# ./platform images does both). Each module's src/main/docker/Dockerfile.jvm, the module folder as the context.
#   build-images.sh [--engine docker|podman] [--java-image IMAGE] [--prefix PREFIX] [--tag TAG]
# Defaults: the engine that answers (docker, else podman), eclipse-temurin:17-jre, secondment/<application>:0.1.0,
# the names docker-compose.yml uses.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
APPLICATIONS=(personnel-service assignment-service report-service notification-service gateway)
engine="${CONTAINER_ENGINE:-}"
java_image=""
prefix="secondment"
tag="0.1.0"

while [[ $# -gt 0 ]]; do
  case "$1" in
    --engine) engine="$2"; shift 2 ;;
    --java-image) java_image="$2"; shift 2 ;;
    --prefix) prefix="$2"; shift 2 ;;
    --tag) tag="$2"; shift 2 ;;
    *) echo "Unknown option: $1" >&2; sed -n '4p' "${BASH_SOURCE[0]}" | sed 's/^# *//' >&2; exit 2 ;;
  esac
done

if [[ -z "$engine" ]]; then
  if command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; then
    engine=docker
  elif command -v podman >/dev/null 2>&1; then
    engine=podman
  else
    echo "Neither a running Docker engine nor podman was found: install one, or name it with --engine." >&2
    exit 1
  fi
fi

for application in "${APPLICATIONS[@]}"; do
  if [[ ! -f "$ROOT/$application/target/quarkus-app/quarkus-run.jar" ]]; then
    echo "$application is not packaged: run ./mvnw -B package -DskipTests first (./platform images does)." >&2
    exit 1
  fi
done

build_arguments=()
[[ -n "$java_image" ]] && build_arguments+=(--build-arg "JAVA_IMAGE=$java_image")
for application in "${APPLICATIONS[@]}"; do
  image="$prefix/$application:$tag"
  begin=$SECONDS
  "$engine" build --quiet ${build_arguments[@]+"${build_arguments[@]}"} \
    -f "$ROOT/$application/src/main/docker/Dockerfile.jvm" -t "$image" "$ROOT/$application" > /dev/null
  echo "[images] $image built with $engine in $((SECONDS - begin)) s"
done
