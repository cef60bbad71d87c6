#!/usr/bin/env bash
# Provisions a Payara Server 6 domain for KretaNote from nothing, or re-applies the
# settings to a domain it provisioned before. The one script behind the developer run
# command, the EAR system test and the Docker image. It never deploys (deploy.sh does)
# and never checks that the database answers (the pool is created without a ping).
#
# Environment (all optional unless marked required):
#   PAYARA_HOME                  required: unpacked payara-6.2025.9 zip (the payara6 folder)
#   KRETANOTE_DB_URL             required: e.g. jdbc:mariadb://127.0.0.1:3306/kretanote
#                                (never put the password into the URL: it is not masked there)
#   KRETANOTE_MARIADB_JAR        required: mariadb-java-client 3.5.x jar, added with add-library
#   KRETANOTE_DB_USER            kretanote
#   KRETANOTE_DB_PASSWORD        empty; stored as password alias kretanote-db-password,
#                                the pool says ${ALIAS=kretanote-db-password}
#   KRETANOTE_DOMAIN             kretanote
#   KRETANOTE_DOMAIN_DIR         $PAYARA_HOME/glassfish/domains
#   KRETANOTE_HTTP_PORT          8080
#   KRETANOTE_HTTP_ADDRESS       127.0.0.1: plain HTTP only for a proxy on this machine (TLS
#                                ends there); 0.0.0.0 inside a container whose port is published
#                                on the host's loopback only
#   KRETANOTE_HTTPS_PORT         8181 (TLS 1.3 and 1.2 only)
#   KRETANOTE_ADMIN_PORT         4848
#   KRETANOTE_PORT_BASE          unset: the other ports keep Payara's defaults (IIOP 3700,
#                                3820, 3920, JMS 7676, JMX 8686, debug 9009, OSGi 6666,
#                                Hazelcast 4900/5900). Set: they become base+37/38/39/76/86/
#                                9/66/49/59, as create-domain --portbase would place them, so
#                                two domains with different bases coexist on one machine.
#                                Read only when the domain is created.
#   KRETANOTE_ADMIN_PASSWORD     unset: reuse <domain>/config/kretanote-admin.pass, or on a new
#                                domain generate a random one and write it there (mode 600).
#                                Set to empty: an admin user without password (developer only).
#   KRETANOTE_SECURE_ADMIN       false; true enables secure admin (needs a non-empty password)
#   KRETANOTE_HEAP_MIN           512m (-Xms)
#   KRETANOTE_HEAP_MAX           1536m (-Xmx; sized for a 2-core / 4 GB host)
#   KRETANOTE_SMTP_HOST          127.0.0.1 (mail session mail/kretanote)
#   KRETANOTE_SMTP_PORT          2525
#   KRETANOTE_MAIL_FROM          KretaNote <no-reply@kretanote.local>
#   KRETANOTE_LOG_FORMAT         json (one JSON object per line in server.log); ulf or odl for
#                                Payara's text formats
#   KRETANOTE_META_APP_SECRET, KRETANOTE_META_VERIFY_TOKEN, KRETANOTE_KEK,
#   KRETANOTE_PAYMENT_API_KEY, KRETANOTE_PAYMENT_WEBHOOK_SECRET,
#   KRETANOTE_OPERATOR_INITIAL_PASSWORD
#                                each, when set, becomes a password alias (see SECRET_TABLE
#                                below) and the domain MicroProfile Config property
#                                kretanote.meta.app-secret, kretanote.meta.verify-token,
#                                kretanote.crypto.kek, kretanote.billing.provider.api-key,
#                                kretanote.billing.provider.webhook-secret = ${ALIAS=<alias>}.
#                                Unset later: alias and property stay as they were.
#   KRETANOTE_CONFIG_FILE        file of key=value lines (# comments, blank lines allowed);
#                                each becomes a domain MicroProfile Config property (blanks
#                                around key and value are dropped), e.g.
#                                kretanote.sandbox=true. Removing a line does not remove the
#                                property. (Environment variable names cannot hold the dots of
#                                config keys, hence a file.)
#   KRETANOTE_RECREATE_DOMAIN    false; true deletes the domain and creates it again
#   KRETANOTE_START_TIMEOUT      300 (seconds start-domain may take)
#   KRETANOTE_STOP_WHEN_DONE     false; true leaves the domain stopped instead of running
#                                (the Docker entrypoint starts it in the foreground itself)
#
# The domain is left running. Secrets reach asadmin only through --passwordfile files
# (mode 600, in a private temporary folder removed on exit).
set -euo pipefail

KN_TAG=provision
# shellcheck source-path=SCRIPTDIR source=common.sh
source "$(dirname "${BASH_SOURCE[0]}")/common.sh"
kn_init

DB_URL=${KRETANOTE_DB_URL:-}
DB_USER=${KRETANOTE_DB_USER:-kretanote}
DB_PASSWORD=${KRETANOTE_DB_PASSWORD:-}
MARIADB_JAR=${KRETANOTE_MARIADB_JAR:-}
PORT_BASE=${KRETANOTE_PORT_BASE:-}
HEAP_MIN=${KRETANOTE_HEAP_MIN:-512m}
HEAP_MAX=${KRETANOTE_HEAP_MAX:-1536m}
LOG_FORMAT=${KRETANOTE_LOG_FORMAT:-json}
SMTP_HOST=${KRETANOTE_SMTP_HOST:-127.0.0.1}
SMTP_PORT=${KRETANOTE_SMTP_PORT:-2525}
MAIL_FROM=${KRETANOTE_MAIL_FROM:-KretaNote <no-reply@kretanote.local>}
CONFIG_FILE=${KRETANOTE_CONFIG_FILE:-}
RECREATE=${KRETANOTE_RECREATE_DOMAIN:-false}
SECURE_ADMIN=${KRETANOTE_SECURE_ADMIN:-false}
STOP_WHEN_DONE=${KRETANOTE_STOP_WHEN_DONE:-false}
START_TIMEOUT=${KRETANOTE_START_TIMEOUT:-300}

readonly POOL=kretanote-pool JDBC_RESOURCE=jdbc/kretanote MAIL_RESOURCE=mail/kretanote
readonly DB_ALIAS=kretanote-db-password
readonly POOL_DOTTED=resources.jdbc-connection-pool.$POOL
readonly SSL_DOTTED=configs.config.server-config.network-config.protocols.protocol.http-listener-2.ssl
readonly LISTENERS_DOTTED=configs.config.server-config.network-config.network-listeners.network-listener

# Optional secrets: environment variable, password alias, MicroProfile Config key.
# The reference Payara resolves to an alias value; literal by design.
# shellcheck disable=SC2016
alias_ref() { printf '${ALIAS=%s}' "$1"; }

readonly SECRET_TABLE=(
  "KRETANOTE_META_APP_SECRET kretanote-meta-app-secret kretanote.meta.app-secret"
  "KRETANOTE_META_VERIFY_TOKEN kretanote-meta-verify-token kretanote.meta.verify-token"
  "KRETANOTE_KEK kretanote-kek kretanote.crypto.kek"
  "KRETANOTE_PAYMENT_API_KEY kretanote-payment-api-key kretanote.billing.provider.api-key"
  "KRETANOTE_PAYMENT_WEBHOOK_SECRET kretanote-payment-webhook-secret kretanote.billing.provider.webhook-secret"
  "KRETANOTE_OPERATOR_INITIAL_PASSWORD kretanote-operator-initial-password kretanote.operator.initial-password"
)

# ---------------------------------------------------------------------------
# Check the inputs before touching anything.

[[ -n $DB_URL ]] || kn_fail "KRETANOTE_DB_URL is not set (e.g. jdbc:mariadb://127.0.0.1:3306/kretanote)"
[[ $DB_URL == jdbc:mariadb:* || $DB_URL == jdbc:mysql:* ]] || kn_fail "KRETANOTE_DB_URL is not a jdbc:mariadb: URL"
[[ -n $MARIADB_JAR ]] || kn_fail "KRETANOTE_MARIADB_JAR is not set (path to mariadb-java-client-3.5.x.jar)"
[[ -r $MARIADB_JAR ]] || kn_fail "KRETANOTE_MARIADB_JAR: no readable file at $MARIADB_JAR"
MARIADB_JAR=$(cd "$(dirname "$MARIADB_JAR")" && pwd)/$(basename "$MARIADB_JAR")
[[ $SMTP_PORT =~ ^[0-9]+$ ]] || kn_fail "KRETANOTE_SMTP_PORT is not a port: $SMTP_PORT"
[[ $HEAP_MIN =~ ^[0-9]+[kKmMgG]?$ && $HEAP_MAX =~ ^[0-9]+[kKmMgG]?$ ]] || kn_fail "KRETANOTE_HEAP_MIN/MAX must look like 512m or 2g"
[[ $START_TIMEOUT =~ ^[0-9]+$ ]] || kn_fail "KRETANOTE_START_TIMEOUT is not a number of seconds: $START_TIMEOUT"
case $LOG_FORMAT in
  json) LOG_FORMATTER=fish.payara.enterprise.server.logging.JSONLogFormatter ;;
  ulf) LOG_FORMATTER=ULF ;;
  odl) LOG_FORMATTER=ODL ;;
  *) kn_fail "KRETANOTE_LOG_FORMAT must be json, ulf or odl, not: $LOG_FORMAT" ;;
esac
[[ -z $PORT_BASE || $PORT_BASE =~ ^[0-9]+$ ]] || kn_fail "KRETANOTE_PORT_BASE is not a number: $PORT_BASE"
[[ -z $CONFIG_FILE || -r $CONFIG_FILE ]] || kn_fail "KRETANOTE_CONFIG_FILE: no readable file at $CONFIG_FILE"
for flag in RECREATE SECURE_ADMIN STOP_WHEN_DONE; do
  [[ ${!flag} == true || ${!flag} == false ]] || kn_fail "KRETANOTE_$flag must be true or false, not '${!flag}'"
done
kn_add_secret "$DB_PASSWORD"
for row in "${SECRET_TABLE[@]}"; do
  read -r var _ _ <<<"$row"
  kn_add_secret "${!var:-}"
done

# ---------------------------------------------------------------------------
# Domain: delete on request, create when missing.

if [[ $RECREATE == true && -d $KN_DOMAIN_HOME ]]; then
  if kn_domain_running; then
    kn_log "stopping domain $KN_DOMAIN to recreate it"
    kn_asadmin stop-domain --domaindir "$KN_DOMAIN_DIR" "$KN_DOMAIN"
  fi
  kn_log "deleting domain $KN_DOMAIN"
  kn_asadmin delete-domain --domaindir "$KN_DOMAIN_DIR" "$KN_DOMAIN"
fi

# env: KRETANOTE_ADMIN_PASSWORD; file: kretanote-admin.pass; generated: written there now.
admin_password_source="env"
[[ -n ${KRETANOTE_ADMIN_PASSWORD+set} ]] || admin_password_source="file"
if [[ ! -d $KN_DOMAIN_HOME ]]; then
  if [[ -z ${KRETANOTE_ADMIN_PASSWORD+set} ]]; then
    # 18 random bytes, base64 without / and +: 24 characters that survive copy and paste.
    KRETANOTE_ADMIN_PASSWORD=$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
    admin_password_source=generated
  fi
  kn_resolve_admin_password

  ports="domain.adminPort=$KN_ADMIN_PORT:domain.instancePort=$KN_HTTP_PORT:http.ssl.port=$KN_HTTPS_PORT"
  if [[ -n $PORT_BASE ]]; then
    ports+=":orb.listener.port=$((PORT_BASE + 37)):orb.ssl.port=$((PORT_BASE + 38))"
    ports+=":orb.mutualauth.port=$((PORT_BASE + 39)):jms.port=$((PORT_BASE + 76))"
    ports+=":domain.jmxPort=$((PORT_BASE + 86)):java.debugger.port=$((PORT_BASE + 9))"
    ports+=":osgi.shell.telnet.port=$((PORT_BASE + 66))"
    ports+=":hazelcast.das.port=$((PORT_BASE + 49)):hazelcast.start.port=$((PORT_BASE + 59))"
  fi
  no_password=()
  if [[ -z $KN_ADMIN_PASSWORD ]]; then
    no_password=(--nopassword=true)
  fi
  kn_log "creating domain $KN_DOMAIN in $KN_DOMAIN_DIR (admin $KN_ADMIN_PORT, http $KN_HTTP_PORT, https $KN_HTTPS_PORT${PORT_BASE:+, other ports from base $PORT_BASE})"
  mkdir -p "$KN_DOMAIN_DIR"
  # create-domain is local; its keytool runs are most of its time (~15 s).
  kn_asadmin --user admin --passwordfile "$KN_WORK/admin.pw" create-domain "${no_password[@]}" \
    --checkports=false --domaindir "$KN_DOMAIN_DIR" --domainproperties "$ports" "$KN_DOMAIN"
  if [[ $admin_password_source == generated ]]; then
    printf '%s\n' "$KN_ADMIN_PASSWORD" >"$KN_ADMIN_PASS_FILE"
    chmod 600 "$KN_ADMIN_PASS_FILE"
    kn_log "generated admin password written to $KN_ADMIN_PASS_FILE (user admin)"
  fi
  kn_log "domain created ($(kn_elapsed))"
else
  kn_resolve_admin_password ||
    kn_fail "domain $KN_DOMAIN exists but its admin password is unknown: set KRETANOTE_ADMIN_PASSWORD or KRETANOTE_RECREATE_DOMAIN=true"
  # Ports were fixed when the domain was created; an admin port that moved would leave
  # this script talking to nothing (or to another domain).
  domain_admin_port=$(grep -m1 -o '<network-listener [^>]*name="admin-listener"[^>]*>' "$KN_DOMAIN_HOME/config/domain.xml" |
    grep -o 'port="[0-9]*"' | tr -dc '0-9' || true)
  [[ $domain_admin_port == "$KN_ADMIN_PORT" ]] ||
    kn_fail "domain $KN_DOMAIN has admin port ${domain_admin_port:-?}, not $KN_ADMIN_PORT: set KRETANOTE_RECREATE_DOMAIN=true to change ports"
  kn_log "reusing domain $KN_DOMAIN_HOME"
fi

if [[ $SECURE_ADMIN == true && -z $KN_ADMIN_PASSWORD ]]; then
  kn_fail "KRETANOTE_SECURE_ADMIN=true needs a non-empty admin password"
fi

if kn_domain_running; then
  kn_log "domain $KN_DOMAIN is running"
else
  # A second start over a running server would fail only after the start timeout and
  # leave that server without its pid file; refuse early instead.
  for port in "$KN_ADMIN_PORT" "$KN_HTTP_PORT" "$KN_HTTPS_PORT"; do
    if kn_port_in_use "$port"; then
      kn_fail "port $port is already in use, but domain $KN_DOMAIN is not running from $KN_DOMAIN_HOME"
    fi
  done
  kn_log "starting domain $KN_DOMAIN"
  kn_asadmin start-domain --timeout "$START_TIMEOUT" --domaindir "$KN_DOMAIN_DIR" "$KN_DOMAIN"
  kn_log "domain started ($(kn_elapsed))"
fi

# ---------------------------------------------------------------------------
# Read what exists, in one asadmin JVM, so that every create below is guarded.

cat >"$KN_WORK/read.txt" <<EOF
list-password-aliases
list-jdbc-connection-pools
list-jdbc-resources
list-javamail-resources
list-jvm-options
list-libraries
get secure-admin.enabled
get-hazelcast-configuration
EOF
kn_multimode "$KN_WORK/read.txt"
for i in 0 1 2 3 4 5 6 7; do cp "$KN_WORK/mm.$i" "$KN_WORK/read.$i"; done

has_line() { grep -qxF -- "$2" "$KN_WORK/read.$1"; }
has_alias() { has_line 0 "$1"; }
has_pool() { has_line 1 "$POOL"; }
has_jdbc_resource() { has_line 2 "$JDBC_RESOURCE"; }
has_mail_resource() { has_line 3 "$MAIL_RESOURCE"; }
secure_admin_enabled() { has_line 6 'secure-admin.enabled=true'; }
# Alias values cannot be read back, and a running server keeps serving the value it
# first resolved for a property (seen on 6.2025.9: an updated alias reached a new
# property at once, the existing one only after a restart). So provision.sh keeps a
# salted SHA-256 per alias next to the alias store (same protection: mode 600 in
# config/), writes an alias only when its value changed, and restarts when an alias
# in use got a new value.
restart=false
FINGERPRINTS=$KN_DOMAIN_HOME/config/kretanote-secrets.sha256
declare -A old_fp=() new_fp=()
salt=''
if [[ -r $FINGERPRINTS ]]; then
  while read -r name hash; do
    if [[ $name == salt ]]; then salt=$hash; else old_fp[$name]=$hash; fi
  done <"$FINGERPRINTS"
fi
if [[ -z $salt ]]; then
  salt=$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')
fi
fingerprint() {
  # printf is a builtin: the value never becomes a process argument.
  local sum
  sum=$(printf '%s\0%s' "$salt" "$1" | sha256sum)
  printf '%s' "${sum%% *}"
}
# Sets alias_verb to create-password-alias, update-password-alias or nothing.
plan_alias() {
  local alias=$1 value=$2
  new_fp[$alias]=$(fingerprint "$value")
  alias_verb=''
  if ! has_alias "$alias"; then
    alias_verb=create-password-alias
  elif [[ ${old_fp[$alias]:-} != "${new_fp[$alias]}" ]]; then
    alias_verb=update-password-alias
    restart=true
  fi
}

current_cluster_name=$(sed -n 's/^Cluster Name  *\([^ ]*\) .*$/\1/p' "$KN_WORK/read.7")

# ---------------------------------------------------------------------------
# Everything else goes into one multimode file.

apply=$KN_WORK/apply.txt
: >"$apply"
cmd() { printf '%s\n' "$*" >>"$apply"; }

# The driver goes into the domain's lib folder, on the common class path, so the pool
# can load it. Comparing the bytes keeps a warm run from restarting for nothing.
jar_name=$(basename "$MARIADB_JAR")
while IFS= read -r lib; do
  if [[ $lib == mariadb-java-client-*.jar && $lib != "$jar_name" ]]; then
    cmd remove-library "$(kn_q "$lib")"
    restart=true
  fi
done <"$KN_WORK/read.5"
if ! cmp -s "$MARIADB_JAR" "$KN_DOMAIN_HOME/lib/$jar_name"; then
  cmd add-library "$(kn_q "$MARIADB_JAR")"
  restart=true
fi

# DB password: an alias, so domain.xml only holds its name. Payara rejects an empty
# alias value ("Empty key"), and an empty pool property is removed by `set`, which is
# exactly "no password" for the driver.
if [[ -n $DB_PASSWORD ]]; then
  plan_alias "$DB_ALIAS" "$DB_PASSWORD"
  if [[ -n $alias_verb ]]; then cmd "$alias_verb" "$DB_ALIAS"; fi
  pool_password=$(alias_ref "$DB_ALIAS")
else
  pool_password=''
fi

# Validation on checkout (at most once a second per connection: at 700 messages/s a
# validation on every checkout was the most frequent statement, 0.7 per message) plus
# fail-all-connections: after a MariaDB restart the first failed validation flushes the whole
# pool instead of failing one request per stale connection. 8 steady / 32 max fits a 2-core host (MariaDB throughput flattens past
# ~32 writers, see FACTS.md).
if has_pool; then
  # Same settings on an existing pool; the validation method before the switch that
  # needs it (Payara checks the combination on every set).
  cmd set "$POOL_DOTTED.datasource-classname=org.mariadb.jdbc.MariaDbDataSource"
  cmd set "$POOL_DOTTED.res-type=javax.sql.DataSource"
  cmd set "$POOL_DOTTED.steady-pool-size=8"
  cmd set "$POOL_DOTTED.max-pool-size=32"
  cmd set "$POOL_DOTTED.connection-validation-method=custom-validation"
  cmd set "$POOL_DOTTED.validation-classname=org.glassfish.api.jdbc.validation.MySQLConnectionValidation"
  cmd set "$POOL_DOTTED.is-connection-validation-required=true"
  cmd set "$POOL_DOTTED.validate-atmost-once-period-in-seconds=1"
  cmd set "$POOL_DOTTED.fail-all-connections=true"
else
  cmd create-jdbc-connection-pool --ping=false --datasourceclassname org.mariadb.jdbc.MariaDbDataSource \
    --restype javax.sql.DataSource --steadypoolsize 8 --maxpoolsize 32 \
    --validationmethod custom-validation \
    --validationclassname org.glassfish.api.jdbc.validation.MySQLConnectionValidation \
    --isconnectvalidatereq=true --validateatmostonceperiod=1 --failconnection=true "$POOL"
fi
# Properties go through `set`, whose value is everything after the first '=': no
# escaping of the colons in the URL, unlike create-jdbc-connection-pool --property.
cmd set "$(kn_q "$POOL_DOTTED.property.url=$DB_URL")"
cmd set "$(kn_q "$POOL_DOTTED.property.user=$DB_USER")"
cmd set "$(kn_q "$POOL_DOTTED.property.password=$pool_password")"
if ! has_jdbc_resource; then
  cmd create-jdbc-resource --connectionpoolid "$POOL" "$JDBC_RESOURCE"
fi

# JVM options: replace any heap, encoding or time zone option that differs.
desired_jvm=("-Xms$HEAP_MIN" "-Xmx$HEAP_MAX" "-Dfile.encoding=UTF-8" "-Duser.timezone=UTC")
current_jvm=()
while IFS= read -r opt; do
  current_jvm+=("${opt%%   -->*}")
done <"$KN_WORK/read.4"
for opt in "${current_jvm[@]}"; do
  case $opt in
    -Xms* | -Xmx* | -Dfile.encoding=* | -Duser.timezone=*)
      keep=false
      for want in "${desired_jvm[@]}"; do [[ $opt == "$want" ]] && keep=true; done
      if [[ $keep == false ]]; then
        cmd delete-jvm-options "$(kn_q "${opt//:/\\:}")"
        restart=true
      fi
      ;;
  esac
done
for want in "${desired_jvm[@]}"; do
  present=false
  for opt in "${current_jvm[@]}"; do [[ $opt == "$want" ]] && present=true; done
  if [[ $present == false ]]; then
    cmd create-jvm-options "$(kn_q "$want")"
    restart=true
  fi
done

# Listener ports (dynamic: the listener restarts by itself).
cmd set "$LISTENERS_DOTTED.http-listener-1.port=$KN_HTTP_PORT"
cmd set "$LISTENERS_DOTTED.http-listener-1.address=$KN_HTTP_ADDRESS"
cmd set "$LISTENERS_DOTTED.http-listener-2.port=$KN_HTTPS_PORT"
# No answer names the server or its version (X-Powered-By, Server); the app's own error pages
# cover the rest.
for listener in http-listener-1 http-listener-2; do
  cmd set "configs.config.server-config.network-config.protocols.protocol.$listener.http.xpowered-by=false"
  cmd set "configs.config.server-config.network-config.protocols.protocol.$listener.http.server-header=false"
done
# TLS: Payara 6.2025.9 has only tls12-enabled and tls13-enabled; the TLS 1.0/1.1/SSLv3
# switches are gone, those protocols are never offered (and JDK 17 disables them too).
cmd set "$SSL_DOTTED.tls13-enabled=true"
cmd set "$SSL_DOTTED.tls12-enabled=true"

# Mail session. Property names with dots need \. in a dotted `set` name.
if ! has_mail_resource; then
  cmd create-javamail-resource --mailhost "$(kn_q "$SMTP_HOST")" --mailuser kretanote \
    --fromaddress "$(kn_q "$MAIL_FROM")" "$MAIL_RESOURCE"
fi
cmd set "$(kn_q "resources.mail-resource.$MAIL_RESOURCE.host=$SMTP_HOST")"
cmd set "$(kn_q "resources.mail-resource.$MAIL_RESOURCE.from=$MAIL_FROM")"
cmd set "$(kn_q "resources.mail-resource.$MAIL_RESOURCE.property.mail\\.smtp\\.port=$SMTP_PORT")"

# Log rotation: 50 MB per file, 10 files kept.
cmd set-log-attributes "com.sun.enterprise.server.logging.GFFileHandler.rotationLimitInBytes=52428800:com.sun.enterprise.server.logging.GFFileHandler.maxHistoryFiles=10"
# Structured log lines (JSON by default) for log shippers; takes effect without a restart.
cmd set-log-file-format "$LOG_FORMATTER"

# MicroProfile Metrics stay on the server's plain HTTP listener, which listens on loopback only
# (KRETANOTE_HTTP_ADDRESS): a scraper on the same host reads them, the documented nginx refuses
# /metrics. (Moving them to the admin listener with --virtualservers __asadmin was tried: the
# admin console answers that path instead.) Health stays reachable for load balancers and
# carries status words only.

# Hazelcast (Payara's data grid) joins members by cluster name. KretaNote's servers share
# only the database, never the grid: the name is random per domain (kept in the domain's
# config folder, mode 600), so nobody can guess it to join, and the grid listens on loopback
# only, so it is not reachable from the network at all.
cluster_name_file=$KN_DOMAIN_HOME/config/kretanote-cluster.name
if [[ -r $cluster_name_file ]]; then
  cluster_name=$(<"$cluster_name_file")
else
  cluster_name=$KN_DOMAIN-$(head -c 18 /dev/urandom | base64 | tr '+/' '-_')
  (umask 077 && printf '%s\n' "$cluster_name" >"$cluster_name_file")
fi
if [[ $current_cluster_name != "$cluster_name" ]]; then
  cmd set-hazelcast-configuration --clustername "$(kn_q "$cluster_name")" \
    --interfaces 127.0.0.1 --dasbindaddress 127.0.0.1
  restart=true
fi

# Optional secrets: the MP Config property only names the alias; Payara resolves
# ${ALIAS=...} when the application reads the property.
secret_aliases=()
for row in "${SECRET_TABLE[@]}"; do
  read -r var alias key <<<"$row"
  if [[ -n ${!var:-} ]]; then
    plan_alias "$alias" "${!var}"
    if [[ -n $alias_verb ]]; then secret_aliases+=("$var $alias $alias_verb"); fi
    cmd set-config-property --source=domain --propertyName="$key" --propertyValue="$(kn_q "$(alias_ref "$alias")")"
  fi
done

if [[ -n $CONFIG_FILE ]]; then
  line_no=0
  while IFS= read -r line || [[ -n $line ]]; do
    line_no=$((line_no + 1))
    line=${line%$'\r'}
    [[ $line =~ ^[[:space:]]*(#|$) ]] && continue
    [[ $line == *=* ]] || kn_fail "$CONFIG_FILE line $line_no: expected key=value"
    key=${line%%=*}
    key=${key//[[:space:]]/}
    [[ $key =~ ^[A-Za-z0-9._-]+$ ]] || kn_fail "$CONFIG_FILE line $line_no: bad key '$key'"
    value=${line#*=}
    value=${value#"${value%%[![:space:]]*}"}
    value=${value%"${value##*[![:space:]]}"}
    cmd set-config-property --source=domain --propertyName="$key" --propertyValue="$(kn_q "$value")"
  done <"$CONFIG_FILE"
fi

if [[ $SECURE_ADMIN == true ]] && ! secure_admin_enabled; then
  cmd enable-secure-admin
  restart=true
elif [[ $SECURE_ADMIN == false ]] && secure_admin_enabled; then
  cmd disable-secure-admin
  restart=true
fi

kn_log "applying $(wc -l <"$apply") settings in one asadmin session"
kn_password_file "$KN_WORK/apply.pw" AS_ADMIN_PASSWORD "$KN_ADMIN_PASSWORD" AS_ADMIN_ALIASPASSWORD "$DB_PASSWORD"
kn_multimode "$apply" "$KN_WORK/apply.pw"

# One asadmin run per secret: a multimode session reads a single password file, so it
# can carry only one alias value (the DB password above).
for entry in "${secret_aliases[@]}"; do
  read -r var alias verb <<<"$entry"
  kn_log "$verb $alias"
  kn_password_file "$KN_WORK/alias.pw" AS_ADMIN_PASSWORD "$KN_ADMIN_PASSWORD" AS_ADMIN_ALIASPASSWORD "${!var}"
  KN_REMOTE_PWFILE=$KN_WORK/alias.pw kn_remote "$verb" "$alias"
done
rm -f "$KN_WORK/apply.pw" "$KN_WORK/alias.pw"
{
  printf 'salt %s\n' "$salt"
  for name in "${!old_fp[@]}" "${!new_fp[@]}"; do
    printf '%s %s\n' "$name" "${new_fp[$name]:-${old_fp[$name]}}"
  done | sort -u
} >"$FINGERPRINTS"
kn_log "settings applied ($(kn_elapsed))"

if [[ $STOP_WHEN_DONE == true ]]; then
  kn_log "stopping domain $KN_DOMAIN as asked"
  kn_asadmin stop-domain --domaindir "$KN_DOMAIN_DIR" "$KN_DOMAIN"
elif [[ $restart == true ]]; then
  # JVM options, the driver library, secure admin and the Hazelcast name are read at
  # startup only; a changed alias value is seen only after a restart (see above).
  kn_log "restarting domain $KN_DOMAIN (JVM options, library, a secret or admin settings changed)"
  kn_asadmin stop-domain --domaindir "$KN_DOMAIN_DIR" "$KN_DOMAIN"
  kn_asadmin start-domain --timeout "$START_TIMEOUT" --domaindir "$KN_DOMAIN_DIR" "$KN_DOMAIN"
fi

kn_log "done in $(kn_elapsed): domain $KN_DOMAIN, http://127.0.0.1:$KN_HTTP_PORT/ https://127.0.0.1:$KN_HTTPS_PORT/ admin console on port $KN_ADMIN_PORT"
if [[ $admin_password_source != env ]]; then
  kn_log "admin user 'admin', password in $KN_ADMIN_PASS_FILE"
fi
