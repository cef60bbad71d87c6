#!/usr/bin/env bash
# Runs one asadmin command against the domain provision.sh set up, signed in as admin
# with the domain's admin password (KRETANOTE_ADMIN_PASSWORD or the generated password
# file), so an admin or a test never types or exposes it. Prints asadmin's output.
#   server-config/asadmin.sh get 'resources.jdbc-connection-pool.kretanote-pool.*'
# Environment: PAYARA_HOME, KRETANOTE_DOMAIN, KRETANOTE_DOMAIN_DIR, KRETANOTE_ADMIN_PORT
# as for provision.sh.
set -euo pipefail

KN_TAG=asadmin
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
kn_init

if (($# == 0)); then
  kn_fail "usage: asadmin.sh <subcommand> [options]"
fi
kn_resolve_admin_password || kn_fail "no admin password: set KRETANOTE_ADMIN_PASSWORD or provision the domain first"
kn_remote "$@"
kn_filtered_output "$KN_WORK/last.out"
