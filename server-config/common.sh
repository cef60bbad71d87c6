# shellcheck shell=bash
# The KN_* variables set here are read by the scripts that source this file.
# shellcheck disable=SC2034
# Shared by provision.sh, deploy.sh and stop.sh (sourced, never run). Holds the rules
# the three must agree on: where the domain lives, how the admin password is found,
# and how asadmin is called without a secret reaching an argument list or the output.

# Every file written from here on (password files, the generated admin password) is
# readable by its owner only.
umask 077

kn_log() { printf '[%s] %s\n' "$KN_TAG" "$*"; }

kn_fail() {
  printf '[%s] ERROR: %s\n' "$KN_TAG" "$*" >&2
  exit 1
}

# Seconds since the script started, for the progress lines.
kn_elapsed() { printf '%ss' "$SECONDS"; }

# Reads the settings every script shares. KN_TAG must be set by the caller.
kn_init() {
  [[ -n ${PAYARA_HOME:-} ]] || kn_fail "PAYARA_HOME is not set (an unpacked payara-6.x zip, the folder holding bin/asadmin)"
  KN_ASADMIN=$PAYARA_HOME/bin/asadmin
  [[ -x $KN_ASADMIN ]] || kn_fail "no executable asadmin at $KN_ASADMIN"

  KN_DOMAIN=${KRETANOTE_DOMAIN:-kretanote}
  KN_DOMAIN_DIR=${KRETANOTE_DOMAIN_DIR:-$PAYARA_HOME/glassfish/domains}
  KN_DOMAIN_HOME=$KN_DOMAIN_DIR/$KN_DOMAIN
  KN_HTTP_PORT=${KRETANOTE_HTTP_PORT:-8080}
  # Plain HTTP is for a proxy on the same machine (or the local run command): loopback only.
  KN_HTTP_ADDRESS=${KRETANOTE_HTTP_ADDRESS:-127.0.0.1}
  KN_HTTPS_PORT=${KRETANOTE_HTTPS_PORT:-8181}
  KN_ADMIN_PORT=${KRETANOTE_ADMIN_PORT:-4848}
  KN_ADMIN_PASS_FILE=$KN_DOMAIN_HOME/config/kretanote-admin.pass
  local port
  for port in "$KN_HTTP_PORT" "$KN_HTTPS_PORT" "$KN_ADMIN_PORT"; do
    if ! [[ $port =~ ^[0-9]+$ ]] || ((port < 1 || port > 65535)); then
      kn_fail "not a TCP port: '$port'"
    fi
  done

  # Secrets that must never appear in output; kn_mask replaces them.
  KN_SECRETS=()

  KN_WORK=$(mktemp -d "${TMPDIR:-/tmp}/kretanote-$KN_TAG.XXXXXX")
  trap 'rm -rf "$KN_WORK"' EXIT
}

kn_add_secret() {
  if [[ -n $1 ]]; then
    KN_SECRETS+=("$1")
  fi
}

# Replaces every known secret in $1 by ****. Pure bash on purpose: handing a secret
# to sed would put it into sed's argument list.
kn_mask() {
  local text=$1 secret
  for secret in "${KN_SECRETS[@]}"; do
    text=${text//"$secret"/****}
  done
  printf '%s' "$text"
}

# asadmin reads --passwordfile with java.util.Properties, which eats backslashes,
# strips leading blanks and decodes the file as ISO-8859-1. Escaping backslashes, a
# leading blank, line breaks and every non-ASCII character (as \uXXXX) keeps any
# password byte-for-byte.
kn_prop_escape() {
  local value=$1 out='' ch code i
  value=${value//\\/\\\\}
  value=${value//$'\n'/\\n}
  value=${value//$'\r'/\\r}
  if [[ $value == [[:blank:]]* ]]; then
    value="\\$value"
  fi
  if kn_has_non_ascii "$value"; then
    # Walk the characters (not bytes) of the UTF-8 value.
    local LC_ALL=C.UTF-8
    for ((i = 0; i < ${#value}; i++)); do
      ch=${value:i:1}
      printf -v code '%d' "'$ch"
      if ((code < 128)); then
        out+=$ch
      elif ((code < 0x10000)); then
        printf -v ch '\\u%04X' "$code"
        out+=$ch
      else
        # Properties only knows UTF-16 code units: a surrogate pair.
        code=$((code - 0x10000))
        printf -v ch '\\u%04X\\u%04X' $((0xD800 + (code >> 10))) $((0xDC00 + (code & 0x3FF)))
        out+=$ch
      fi
    done
    value=$out
  fi
  printf '%s' "$value"
}

kn_has_non_ascii() {
  local LC_ALL=C
  [[ $1 == *[![:ascii:]]* ]]
}

# Writes an asadmin password file: kn_password_file FILE KEY VALUE [KEY VALUE]...
kn_password_file() {
  local file=$1
  shift
  : >"$file"
  while (($# >= 2)); do
    printf '%s=%s\n' "$1" "$(kn_prop_escape "$2")" >>"$file"
    shift 2
  done
}

# Finds the admin password: KRETANOTE_ADMIN_PASSWORD if set (even empty), else the
# file provision.sh wrote when it generated one. Sets KN_ADMIN_PASSWORD.
kn_resolve_admin_password() {
  if [[ -n ${KRETANOTE_ADMIN_PASSWORD+set} ]]; then
    KN_ADMIN_PASSWORD=$KRETANOTE_ADMIN_PASSWORD
  elif [[ -r $KN_ADMIN_PASS_FILE ]]; then
    IFS= read -r KN_ADMIN_PASSWORD <"$KN_ADMIN_PASS_FILE" || true
  else
    return 1
  fi
  kn_add_secret "$KN_ADMIN_PASSWORD"
  kn_password_file "$KN_WORK/admin.pw" AS_ADMIN_PASSWORD "$KN_ADMIN_PASSWORD"
}

# Runs asadmin; on failure prints the (masked) command and asadmin's own message and
# exits. Output of a successful run is left in $KN_WORK/last.out.
kn_asadmin() {
  local out=$KN_WORK/last.out rc=0
  "$KN_ASADMIN" --interactive=false "$@" >"$out" 2>&1 </dev/null || rc=$?
  if ((rc != 0)); then
    printf '[%s] ERROR: asadmin failed (exit %s): asadmin %s\n' "$KN_TAG" "$rc" "$(kn_mask "$*")" >&2
    kn_filtered_output "$out" >&2
    exit 1
  fi
}

# Remote asadmin call against this domain's DAS, authenticated by the password file.
kn_remote() {
  kn_asadmin --port "$KN_ADMIN_PORT" --user admin --passwordfile "${KN_REMOTE_PWFILE:-$KN_WORK/admin.pw}" "$@"
}

# asadmin's console library complains on every run without a terminal; those lines
# carry no information, so they are dropped from whatever is parsed or shown.
kn_is_noise() {
  [[ $1 == 'Unable to retrieve infocmp'* || $1 == 'Unable to create a system terminal'* ]]
}

kn_filtered_output() {
  local line
  while IFS= read -r line || [[ -n $line ]]; do
    kn_is_noise "$line" && continue
    printf '%s\n' "$(kn_mask "$line")"
  done <"$1"
}

# Runs a file of subcommands in one asadmin JVM (each JVM start costs 1-2 s).
# multimode keeps going after a failed subcommand and may still exit 0, so its
# output is split at the "Command X executed successfully." / "Command X failed."
# lines that close each subcommand: section N (file $KN_WORK/mm.N) is what the Nth
# subcommand printed. The first failure is reported with the subcommand from the
# file (no secrets are ever in it) and the script exits.
kn_multimode() {
  local file=$1 pwfile=${2:-$KN_WORK/admin.pw} out=$KN_WORK/multimode.out rc=0
  "$KN_ASADMIN" --interactive=false --port "$KN_ADMIN_PORT" --user admin --passwordfile "$pwfile" \
    multimode --file "$file" >"$out" 2>&1 </dev/null || rc=$?

  local -a commands=()
  local line n=0 failed=0
  while IFS= read -r line || [[ -n $line ]]; do
    [[ -n $line ]] && commands+=("$line")
  done <"$file"
  rm -f "$KN_WORK"/mm.*
  : >"$KN_WORK/mm.0"
  while IFS= read -r line || [[ -n $line ]]; do
    kn_is_noise "$line" && continue
    if [[ $line =~ ^Command\ ([^ ]+)\ (executed\ successfully|completed\ with\ warnings|failed)\.$ ]]; then
      [[ ${BASH_REMATCH[1]} == multimode ]] && continue
      if [[ ${BASH_REMATCH[2]} == failed ]] && ((failed == 0)); then
        failed=$((n + 1))
      fi
      n=$((n + 1))
      : >"$KN_WORK/mm.$n"
      continue
    fi
    printf '%s\n' "$line" >>"$KN_WORK/mm.$n"
  done <"$out"

  if ((failed > 0)); then
    printf '[%s] ERROR: asadmin subcommand %s of %s failed: %s\n' "$KN_TAG" "$failed" "${#commands[@]}" \
      "$(kn_mask "${commands[failed - 1]}")" >&2
    kn_filtered_output "$KN_WORK/mm.$((failed - 1))" >&2
    exit 1
  fi
  if ((n != ${#commands[@]})); then
    printf '[%s] ERROR: asadmin multimode ran %s of %s subcommands (exit %s):\n' "$KN_TAG" "$n" "${#commands[@]}" "$rc" >&2
    kn_filtered_output "$out" >&2
    exit 1
  fi
}

# Quotes one argument for a multimode file: double quotes, with \ and " escaped,
# is how its tokenizer takes a value with blanks, quotes or backslashes literally.
kn_q() {
  local v=$1
  [[ $v != *$'\n'* ]] || kn_fail "a value for asadmin contains a line break"
  v=${v//\\/\\\\}
  v=${v//\"/\\\"}
  printf '"%s"' "$v"
}

# True when this domain's server process is alive. Checks the pid file Payara keeps
# in config/ and, where /proc exists, that the pid is still a Payara server of this
# domain name (pids get reused after a crash).
kn_domain_running() {
  local pidfile=$KN_DOMAIN_HOME/config/pid pid
  [[ -r $pidfile ]] || return 1
  # Payara writes the pid without a trailing newline.
  pid=$(<"$pidfile")
  [[ $pid =~ ^[0-9]+$ ]] && kill -0 "$pid" 2>/dev/null || return 1
  if [[ -r /proc/$pid/cmdline ]]; then
    # No `| grep -q` here: under pipefail its early exit fails the pipeline at random.
    local cmdline
    cmdline=$(tr '\0' '\n' <"/proc/$pid/cmdline")
    [[ $'\n'$cmdline$'\n' == *$'\n-domainname\n'"$KN_DOMAIN"$'\n'* ]] || return 1
  fi
}

# True when something accepts connections on 127.0.0.1:$1.
kn_port_in_use() {
  (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null
}

# HTTP GET of http://127.0.0.1:$1$2 with curl where present, else plain bash (the
# Payara image has no curl). Writes the body to file $3 and sets KN_HTTP_STATUS
# (000 when nothing answered). Runs in this shell, not in $(...), so that the status
# variable survives.
kn_http_get() {
  local port=$1 path=$2 body=$3 response
  KN_HTTP_STATUS=000
  : >"$body"
  if command -v curl >/dev/null 2>&1; then
    KN_HTTP_STATUS=$(curl -sS -m 5 -o "$body" -w '%{http_code}' "http://127.0.0.1:$port$path" 2>/dev/null) || true
    [[ $KN_HTTP_STATUS =~ ^[0-9]{3}$ ]] || KN_HTTP_STATUS=000
    return 0
  fi
  if ! { exec 3<>"/dev/tcp/127.0.0.1/$port"; } 2>/dev/null; then
    return 0
  fi
  printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n' "$path" >&3
  response=$(timeout 5 cat <&3 || true)
  exec 3<&-
  if [[ $response =~ ^HTTP/[0-9.]+\ ([0-9]{3}) ]]; then
    KN_HTTP_STATUS=${BASH_REMATCH[1]}
  fi
  printf '%s' "${response#*$'\r\n\r\n'}" >"$body"
}

# One look at MicroProfile Health readiness: true when /health/ready answers 200 and,
# unless $1 is empty, names the check $1. Payara answers 200 with "checks":[] when it
# registered none of the application's checks (seen with checks that lived only in the
# EJB jar of the EAR), which must not pass for ready. The answer is left in
# $KN_WORK/ready.json.
kn_ready() {
  local check=$1
  kn_http_get "$KN_HTTP_PORT" /health/ready "$KN_WORK/ready.json"
  [[ $KN_HTTP_STATUS == 200 ]] || return 1
  [[ -z $check ]] || grep -Eq "\"name\"[[:space:]]*:[[:space:]]*\"$check\"" "$KN_WORK/ready.json"
}
