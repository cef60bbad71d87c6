#!/usr/bin/env bash
# (Re)deploys the KretaNote EAR to the domain provision.sh set up, then waits until
# MicroProfile Health readiness (/health/ready: database reachable, migrations applied)
# answers 200. Usage: deploy.sh path/to/kretanote.ear
#
# Environment: the same as provision.sh for PAYARA_HOME, KRETANOTE_DOMAIN,
# KRETANOTE_DOMAIN_DIR, KRETANOTE_HTTP_PORT, KRETANOTE_ADMIN_PORT and
# KRETANOTE_ADMIN_PASSWORD (unset: read from <domain>/config/kretanote-admin.pass), plus
#   KRETANOTE_READY_TIMEOUT   120 (seconds to wait for readiness after the deploy)
#   KRETANOTE_READY_CHECK     database: the named check that must be in a 200 answer
#                             (see kn_ready in common.sh); empty: any 200 will do
set -euo pipefail

KN_TAG=deploy
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
kn_init

(($# == 1)) || kn_fail "usage: deploy.sh path/to/kretanote.ear"
EAR=$1
[[ -r $EAR ]] || kn_fail "no readable EAR at $EAR"
READY_TIMEOUT=${KRETANOTE_READY_TIMEOUT:-120}
READY_CHECK=${KRETANOTE_READY_CHECK-database}
[[ $READY_TIMEOUT =~ ^[0-9]+$ ]] || kn_fail "KRETANOTE_READY_TIMEOUT is not a number of seconds: $READY_TIMEOUT"
kn_resolve_admin_password ||
  kn_fail "admin password unknown: set KRETANOTE_ADMIN_PASSWORD or run provision.sh first"
kn_domain_running || kn_fail "domain $KN_DOMAIN is not running (run provision.sh first)"

kn_log "deploying $EAR as kretanote"
kn_remote deploy --force=true --name kretanote "$EAR"
kn_log "deployed ($(kn_elapsed)); waiting up to ${READY_TIMEOUT}s for http://127.0.0.1:$KN_HTTP_PORT/health/ready"

deadline=$((SECONDS + READY_TIMEOUT))
while :; do
  if kn_ready "$READY_CHECK"; then
    kn_log "ready in $(kn_elapsed)"
    exit 0
  fi
  if ((SECONDS >= deadline)); then
    kn_log "not ready after ${READY_TIMEOUT}s: HTTP $KN_HTTP_STATUS${READY_CHECK:+ (or no check named $READY_CHECK)}"
    printf '%s\n' "$(kn_mask "$(<"$KN_WORK/ready.json")")" >&2
    exit 1
  fi
  sleep 1
done
