#!/usr/bin/env bash
# Container start: turn Docker secret files into variables, provision the domain with
# server-config/provision.sh, then replace this script with the Payara server JVM,
# which deploys the image's EAR as a post-boot command. The JVM is then the process
# that tini (PID 1) signals: `docker stop` shuts Payara down cleanly.
#
# Environment: everything provision.sh reads, plus for each secret a *_FILE variant
# (KRETANOTE_DB_PASSWORD_FILE, KRETANOTE_ADMIN_PASSWORD_FILE, KRETANOTE_KEK_FILE,
# KRETANOTE_META_APP_SECRET_FILE, KRETANOTE_META_VERIFY_TOKEN_FILE,
# KRETANOTE_PAYMENT_API_KEY_FILE, KRETANOTE_PAYMENT_WEBHOOK_SECRET_FILE,
# KRETANOTE_OPERATOR_INITIAL_PASSWORD_FILE) naming a file whose content becomes the
# variable, trailing line breaks removed. KRETANOTE_EAR (default
# /opt/kretanote/kretanote.ear) is the application deployed at each start;
# KRETANOTE_SCRIPTS (default /opt/kretanote/server-config) holds provision.sh.
set -euo pipefail

log() { printf '[entrypoint] %s\n' "$*"; }
fail() {
  printf '[entrypoint] ERROR: %s\n' "$*" >&2
  exit 1
}

readonly SECRET_VARS=(KRETANOTE_DB_PASSWORD KRETANOTE_ADMIN_PASSWORD KRETANOTE_KEK
  KRETANOTE_META_APP_SECRET KRETANOTE_META_VERIFY_TOKEN KRETANOTE_PAYMENT_API_KEY
  KRETANOTE_PAYMENT_WEBHOOK_SECRET KRETANOTE_OPERATOR_INITIAL_PASSWORD)
SCRIPTS=${KRETANOTE_SCRIPTS:-/opt/kretanote/server-config}
EAR=${KRETANOTE_EAR:-/opt/kretanote/kretanote.ear}
: "${PAYARA_HOME:?PAYARA_HOME is not set}"
KRETANOTE_DOMAIN=${KRETANOTE_DOMAIN:-kretanote}
KRETANOTE_DOMAIN_DIR=${KRETANOTE_DOMAIN_DIR:-$PAYARA_HOME/glassfish/domains}
[[ -r $EAR ]] || fail "no EAR at $EAR"

for var in "${SECRET_VARS[@]}"; do
  file_var=${var}_FILE
  file=${!file_var:-}
  [[ -n $file ]] || continue
  [[ -z ${!var+set} ]] || fail "both $var and $file_var are set"
  # Compose bind-mounts secret files with their host owner and mode.
  [[ -r $file ]] || fail "$file_var: cannot read $file as uid $(id -u) (make the file readable by the container user)"
  value=$(<"$file")
  value=${value%$'\r'}
  # export is a shell builtin: the value is never a process argument.
  export "$var=$value"
  unset "$file_var"
done

# The server is started below in the foreground, in its own way.
export KRETANOTE_STOP_WHEN_DONE=true
"$SCRIPTS/provision.sh"

# Provisioning put every secret into the domain's alias store; the server JVM must not
# also carry them in its environment (readable in /proc, and MicroProfile Config would
# read KRETANOTE_KEK and friends from there in preference to the aliases).
for var in "${SECRET_VARS[@]}"; do
  unset "$var"
done

workdir=$(mktemp -d)
postboot=$workdir/post-boot.asadmin
# --force: a container that restarts redeploys the EAR of its image, not a stale copy.
printf 'deploy --force=true --name kretanote %s\n' "$EAR" >"$postboot"

# asadmin prints the java command line start-domain would run, one argument per line,
# after "Dump of JVM Invocation line"; running it ourselves saves the asadmin JVM that
# `start-domain --verbose` would keep as the parent of the server.
"$PAYARA_HOME/bin/asadmin" start-domain --verbose --dry-run --postbootcommandfile "$postboot" \
  --domaindir "$KRETANOTE_DOMAIN_DIR" "$KRETANOTE_DOMAIN" >"$workdir/dry-run.txt" 2>&1 ||
  fail "start-domain --dry-run failed: $(cat "$workdir/dry-run.txt")"
server_cmd=()
in_dump=false
while IFS= read -r line; do
  if [[ $in_dump == false ]]; then
    [[ $line == 'Dump of JVM Invocation line'* ]] && in_dump=true
    continue
  fi
  [[ -z $line ]] && break
  server_cmd+=("$line")
done <"$workdir/dry-run.txt"
((${#server_cmd[@]} > 0)) || fail "no java command line in start-domain --dry-run output"

log "starting Payara Server (domain $KRETANOTE_DOMAIN) in the foreground; it deploys $EAR when booted"
# -read-stdin true: the server reads the master password (create-domain's default,
# changeit: it guards only the keystore of the self-signed certificate) from stdin.
exec "${server_cmd[@]}" < <(printf 'AS_ADMIN_MASTERPASSWORD=%s\n' "${AS_ADMIN_MASTERPASSWORD:-changeit}")
