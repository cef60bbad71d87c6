#!/usr/bin/env bash
# Exits 0 when the deployed application is ready (MicroProfile Health /health/ready is
# 200 and names the check KRETANOTE_READY_CHECK, default database), 1 otherwise, printing
# the answer. Used by the Docker HEALTHCHECK; any launcher may use it the same way.
# Environment: PAYARA_HOME, KRETANOTE_HTTP_PORT as for provision.sh.
set -euo pipefail

KN_TAG=ready
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
kn_init

if kn_ready "${KRETANOTE_READY_CHECK-database}"; then
  exit 0
fi
printf 'HTTP %s %s\n' "$KN_HTTP_STATUS" "$(<"$KN_WORK/ready.json")"
exit 1
