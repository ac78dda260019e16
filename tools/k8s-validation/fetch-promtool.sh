#!/usr/bin/env bash
# Puts promtool (Prometheus' rule checker and unit-test runner) at <directory>/usr/bin/promtool for
# PrometheusRulesTest, unless it is there already: Debian's package prometheus, downloaded with apt-get (not installed:
# no daemon, nothing outside <directory>) and only promtool taken out of it. Runs before the tests of this module
# (pom.xml); fails with what to do when it cannot, so the alert tests never skip silently.
set -euo pipefail

directory="$1"
promtool="$directory/usr/bin/promtool"
fail() {
  printf '[fetch-promtool] %s\n' "$*" >&2
  printf '[fetch-promtool] Give the tests a promtool another way: put it at %s (e.g. from Debian'"'"'s prometheus package, dpkg -x).\n' "$promtool" >&2
  exit 1
}

if [[ -x "$promtool" ]] && "$promtool" --version > /dev/null 2>&1; then
  exit 0
fi
command -v apt-get > /dev/null 2>&1 || fail "apt-get is not available (a Debian or Ubuntu machine is needed to fetch promtool)"

download="$directory/download"
rm -rf "$download"
mkdir -p "$download"
log="$download/apt.log"
# apt-get download needs the package lists; a fresh machine may have none yet (apt-get update needs root)
if ! (cd "$download" && apt-get download prometheus > "$log" 2>&1); then
  if [[ "$(id -u)" == 0 ]]; then
    apt-get update -q >> "$log" 2>&1 || { tail -n 20 "$log" >&2; fail "apt-get update failed"; }
    (cd "$download" && apt-get download prometheus >> "$log" 2>&1) || { tail -n 20 "$log" >&2; fail "apt-get download prometheus failed"; }
  else
    tail -n 20 "$log" >&2
    fail "apt-get download prometheus failed (as root, 'apt-get update' first may help)"
  fi
fi
package=("$download"/prometheus_*.deb)
dpkg-deb --fsys-tarfile "${package[0]}" | tar -x -C "$directory" ./usr/bin/promtool \
  || fail "could not take promtool out of ${package[0]}"
rm -rf "$download"
"$promtool" --version > /dev/null 2>&1 || fail "$promtool does not run on this machine"
printf '[fetch-promtool] %s\n' "$("$promtool" --version 2>&1 | head -n 1)"
