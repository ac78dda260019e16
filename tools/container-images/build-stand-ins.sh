#!/usr/bin/env bash
# Builds local stand-ins of the public images docker-compose.yml names, from the same distributions the local stack
# uses (no image registry is reachable on the build machines): a Debian base by debootstrap, a Java 17 JRE on it,
# then PostgreSQL 17, Kafka, Keycloak and GreenMail. Needs podman (CONTAINERS_CONF set by the caller).
#   build-stand-ins.sh                 -> localhost/secondment-stand-in/{debian,jre,postgres,kafka,keycloak,greenmail}
# The Debian base is reused once built (delete it to refresh: podman rmi localhost/secondment-stand-in/debian:bookworm);
# the other images are rebuilt each time, from podman's layer cache when nothing changed.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
STAND_INS="$HERE/stand-ins"
WORK="$STAND_INS/target"
PREFIX=localhost/secondment-stand-in

log() { printf '[stand-ins] %s\n' "$*"; }

if podman image exists "$PREFIX/debian:bookworm"; then
  log "reusing $PREFIX/debian:bookworm, built $(podman image inspect --format '{{.Created}}' "$PREFIX/debian:bookworm")"
else
  log "making the Debian base with debootstrap (about a minute)"
  rootfs="$WORK/rootfs"
  rm -rf "$rootfs" && mkdir -p "$rootfs"
  debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian > "$WORK/debootstrap.log" 2>&1 \
    || { tail -n 20 "$WORK/debootstrap.log"; exit 1; }
  tar -C "$rootfs" -c . | podman import - "$PREFIX/debian:bookworm" > /dev/null 2>&1
  rm -rf "$rootfs"
fi

log "fetching the distributions from Maven Central (Kafka, Keycloak, PostgreSQL, GreenMail)"
"$ROOT/mvnw" -B -q -f "$STAND_INS/pom.xml" package
distributions="$WORK/distributions"

# a build context per image: its folder from stand-ins/ plus what it needs of the distributions
context() {
  local name="$1" dir="$WORK/contexts/$1"
  rm -rf "$dir" && mkdir -p "$dir" && cp -r "$STAND_INS/$name/." "$dir/"
  echo "$dir"
}

build() {
  local name="$1" tag="$2" dir="$3"
  log "building $PREFIX/$name:$tag"
  podman build --quiet -t "$PREFIX/$name:$tag" "$dir" > "$WORK/build-$name.log" 2>&1 \
    || { tail -n 30 "$WORK/build-$name.log"; exit 1; }
}

build jre 17 "$(context jre)"

dir="$(context postgres)"
unzip -q -o -d "$dir" "$distributions/postgres/postgres-binaries.jar" postgres-linux-x86_64.txz
build postgres 17 "$dir"

dir="$(context kafka)"
cp -r "$distributions/kafka/libs" "$dir/libs"
build kafka 4.1.1 "$dir"

dir="$(context keycloak)"
cp "$distributions/keycloak/keycloak.tar.gz" "$dir/"
build keycloak 26.7.3 "$dir"

dir="$(context greenmail)"
cp "$distributions/greenmail/greenmail-standalone.jar" "$dir/"
build greenmail 2.1.8 "$dir"
