#!/usr/bin/env bash
# Stops the domain provision.sh set up; succeeds when it is already stopped.
# Environment: PAYARA_HOME, KRETANOTE_DOMAIN, KRETANOTE_DOMAIN_DIR as for provision.sh.
set -euo pipefail

KN_TAG=stop
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
kn_init

if ! kn_domain_running; then
  kn_log "domain $KN_DOMAIN is not running"
  exit 0
fi
kn_log "stopping domain $KN_DOMAIN"
# stop-domain is local: it authenticates with the domain's own local-password file.
kn_asadmin stop-domain --domaindir "$KN_DOMAIN_DIR" "$KN_DOMAIN"
kn_log "stopped in $(kn_elapsed)"
