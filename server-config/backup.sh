#!/usr/bin/env bash
# Backs up KretaNote: a consistent logical dump of the database and the media folder,
# into one folder <out>/kretanote-backup-<UTC timestamp>/ holding
#   database.sql.gz  mariadb-dump --single-transaction (one snapshot, no locks held on
#                    InnoDB tables), with routines and triggers; binary columns (wrapped
#                    data keys, encrypted tokens) as hex, so they survive byte for byte
#   media.tar.gz     the media folder, when there is one
#   MANIFEST         schema version, row count of every table, sha256 of every file
# The folder is written as <name>.partial and renamed when complete: a folder without
# that suffix is a finished backup.
#
# Usage: backup.sh [OUT_DIR]          (OUT_DIR default: $KRETANOTE_BACKUP_DIR or ./backups)
#        backup.sh --prune [OUT_DIR]  only delete the backups older than the retention
# Prints the path of the new backup folder as its last line. After a successful backup,
# backups in OUT_DIR older than the retention are deleted too (as with --prune).
#
# Retention: KRETANOTE_BACKUP_RETENTION_DAYS (default 30) days, counted from the UTC
# timestamp in each folder's name (kretanote-backup-<YYYYmmddTHHMMSSZ>, also an
# unfinished .partial). Older folders are deleted: backups hold customers' messages in
# plain text, and the privacy policy promises they are gone within that time. Set
# kretanote.backup.retention-days of the application to the same value (the privacy page
# and the deletion receipt state it). --prune needs no database. Example timers: README,
# "Backup and restore".
#
# Environment:
#   KRETANOTE_DB_URL        required: jdbc:mariadb://host[:port]/database
#   KRETANOTE_DB_USER       kretanote (needs SELECT, SHOW VIEW, TRIGGER, and for the
#                           routines SELECT on mysql.proc or SHOW CREATE ROUTINE)
#   KRETANOTE_DB_PASSWORD   empty; reaches the client only through a mode-600 option file
#   KRETANOTE_MEDIA_DIR     /opt/kretanote/data/media; skipped with a note when missing
#   KRETANOTE_BACKUP_DIR    ./backups
#   KRETANOTE_BACKUP_RETENTION_DAYS  30
#   KRETANOTE_MARIADB_BIN   folder with mariadb-dump and mariadb; default: PATH, then the
#                           embedded MariaDB of the run command (target/run/mariadb/base/bin)
#
# Backups hold the tokens as ciphertexts and the data keys wrapped by the key-encryption
# key (KEK); the KEK is never in a backup. Keep it apart: without it the tokens cannot be
# read, which is the point.
set -euo pipefail

KN_TAG=backup
# shellcheck source-path=SCRIPTDIR source=db-common.sh
source "$(dirname "${BASH_SOURCE[0]}")/db-common.sh"

usage="usage: backup.sh [--prune] [OUT_DIR]"
PRUNE_ONLY=false
if [[ ${1:-} == --prune ]]; then
  PRUNE_ONLY=true
  shift
fi
(($# <= 1)) || kn_fail "$usage"
[[ ${1:-} != -* ]] || kn_fail "$usage"
OUT_DIR=${1:-${KRETANOTE_BACKUP_DIR:-./backups}}
MEDIA_DIR=${KRETANOTE_MEDIA_DIR:-/opt/kretanote/data/media}
RETENTION_DAYS=${KRETANOTE_BACKUP_RETENTION_DAYS:-30}
[[ $RETENTION_DAYS =~ ^[1-9][0-9]{0,4}$ ]] ||
  kn_fail "KRETANOTE_BACKUP_RETENTION_DAYS must be a whole number of days from 1, is '$RETENTION_DAYS'"

# Deletes the backup folders in $1 whose name's timestamp is older than the retention.
# Folders without such a name are left alone.
prune() {
  local dir=$1 cutoff path name stamp epoch removed=0 kept=0
  cutoff=$(($(date -u +%s) - RETENTION_DAYS * 86400))
  [[ -d $dir ]] || {
    kn_log "prune: no folder $dir, nothing to delete"
    return 0
  }
  for path in "$dir"/kretanote-backup-*; do
    [[ -d $path ]] || continue
    name=${path##*/}
    stamp=${name#kretanote-backup-}
    stamp=${stamp%.partial}
    if [[ ! $stamp =~ ^([0-9]{4})([0-9]{2})([0-9]{2})T([0-9]{2})([0-9]{2})([0-9]{2})Z$ ]]; then
      kn_log "prune: leaving $name (no backup timestamp in its name)"
      continue
    fi
    epoch=$(date -u -d "${BASH_REMATCH[1]}-${BASH_REMATCH[2]}-${BASH_REMATCH[3]} ${BASH_REMATCH[4]}:${BASH_REMATCH[5]}:${BASH_REMATCH[6]}" +%s)
    if ((epoch < cutoff)); then
      rm -rf -- "$path"
      kn_log "prune: deleted $name (older than $RETENTION_DAYS days)"
      removed=$((removed + 1))
    else
      kept=$((kept + 1))
    fi
  done
  kn_log "prune: $removed backups deleted, $kept kept (retention $RETENTION_DAYS days)"
}

if [[ $PRUNE_ONLY == true ]]; then
  prune "$OUT_DIR"
  exit 0
fi

kn_db_init
kn_find_clients
kn_db_settings

STAMP=$(date -u +%Y%m%dT%H%M%SZ)
mkdir -p "$OUT_DIR"
OUT_DIR=$(cd "$OUT_DIR" && pwd)
TARGET=$OUT_DIR/kretanote-backup-$STAMP
[[ ! -e $TARGET && ! -e $TARGET.partial ]] || kn_fail "$TARGET already exists (two backups in one second?)"
PARTIAL=$TARGET.partial
mkdir "$PARTIAL"
# A failed run leaves no half backup behind.
trap 'rm -rf "$KN_WORK" "$PARTIAL"' EXIT

kn_log "database $KN_DB_NAME on $KN_DB_HOST:$KN_DB_PORT, dump with $KN_DUMP"
# The database's clock just before the snapshot: restore.sh re-applies every account
# deletion and erasure recorded from this moment on.
SNAPSHOT_AT=$(kn_sql "" "SELECT DATE_FORMAT(UTC_TIMESTAMP(6), '%Y-%m-%d %H:%i:%s.%f')")
SERVER_VERSION=$(kn_sql "" "SELECT VERSION()")
SCHEMA_VERSION=$(kn_schema_version "$KN_DB_NAME")
mapfile -t TABLES < <(kn_tables "$KN_DB_NAME")
((${#TABLES[@]} > 0)) || kn_fail "database $KN_DB_NAME has no tables: nothing to back up (wrong KRETANOTE_DB_URL?)"

# One INSERT per row (--skip-extended-insert): the row counts in the manifest are
# counted in the dump itself, so they belong to the same snapshot even while the
# application writes. --no-autocommit keeps the restore at one commit per table.
rc=0
"$KN_DUMP" --defaults-extra-file="$KN_WORK/client.cnf" \
  --single-transaction --routines --triggers --hex-blob \
  --skip-extended-insert --no-autocommit --quick --skip-dump-date \
  --default-character-set=utf8mb4 "$KN_DB_NAME" >"$KN_WORK/database.sql" 2>"$KN_WORK/dump.err" || rc=$?
if ((rc != 0)); then
  kn_fail "mariadb-dump failed (exit $rc): $(kn_mask "$(<"$KN_WORK/dump.err")")"
fi
# mariadb-dump writes this line last; without it the dump was cut short.
LAST_LINE=$(tail -n 1 "$KN_WORK/database.sql")
[[ $LAST_LINE == '-- Dump completed'* ]] ||
  kn_fail "the dump does not end with '-- Dump completed': incomplete"

# Rows per table: every row is one line 'INSERT INTO `table` VALUES (...);' (the dump
# escapes line breaks inside values).
declare -A ROWS=()
while read -r table count; do
  ROWS[$table]=$count
done < <(awk 'match($0, /^INSERT INTO `[^`]+` VALUES /) {
    t = substr($0, 14); t = substr(t, 1, index(t, "`") - 1); n[t]++ }
  END { for (t in n) print t, n[t] }' "$KN_WORK/database.sql")

gzip -6 -c "$KN_WORK/database.sql" >"$PARTIAL/database.sql.gz"
DUMP_SIZE=$(stat -c %s "$KN_WORK/database.sql")
rm -f "$KN_WORK/database.sql"
kn_log "database dumped ($DUMP_SIZE bytes of SQL, schema version $SCHEMA_VERSION) after $(kn_elapsed)"

# Media after the database: a file written meanwhile may be in the archive without a row
# pointing at it (harmless); rows in the dump find their files.
if [[ -d $MEDIA_DIR ]]; then
  tar -C "$MEDIA_DIR" -czf "$PARTIAL/media.tar.gz" . ||
    kn_fail "could not archive the media folder $MEDIA_DIR"
  MEDIA_LINE="media included $MEDIA_DIR"
  kn_log "media folder $MEDIA_DIR archived after $(kn_elapsed)"
else
  MEDIA_LINE="media absent $MEDIA_DIR"
  kn_log "note: no media folder at $MEDIA_DIR (KRETANOTE_MEDIA_DIR); the backup holds the database only"
fi

{
  printf '# KretaNote backup. Restore with server-config/restore.sh <this folder>.\n'
  printf 'format 1\n'
  printf 'created_at %s\n' "$(date -u +%Y-%m-%dT%H:%M:%SZ)"
  printf 'snapshot_at %s\n' "$SNAPSHOT_AT"
  printf 'database %s\n' "$KN_DB_NAME"
  printf 'server_version %s\n' "$SERVER_VERSION"
  printf 'schema_version %s\n' "$SCHEMA_VERSION"
  printf '%s\n' "$MEDIA_LINE"
  for table in "${TABLES[@]}"; do
    printf 'rows %s %s\n' "$table" "${ROWS[$table]:-0}"
  done
  for file in database.sql.gz media.tar.gz; do
    [[ -f $PARTIAL/$file ]] || continue
    printf 'file %s %s %s\n' "$(sha256sum "$PARTIAL/$file" | cut -d' ' -f1)" \
      "$(stat -c %s "$PARTIAL/$file")" "$file"
  done
} >"$PARTIAL/MANIFEST"

mv "$PARTIAL" "$TARGET"
trap 'rm -rf "$KN_WORK"' EXIT
kn_log "backup complete: ${#TABLES[@]} tables, $(du -sb "$TARGET" | cut -f1) bytes, $(kn_elapsed)"
prune "$OUT_DIR"
printf '%s\n' "$TARGET"
