# shellcheck shell=bash
# shellcheck disable=SC2034
# Sourced by restore.sh (never run): a restore must not bring deleted data back. Reads the
# account deletions and contact erasures the live database recorded since the backup's
# snapshot (before restore.sh changes anything), and applies them again to the restored
# database and media folder (after the restore was verified against the manifest).
#
# Expects from restore.sh: KN_DB_NAME, DELETIONS_FROM, SNAPSHOT_AT, MEDIA_DIR, and
# db-common.sh's KN_WORK, KN_DUMP, KN_CLIENT, kn_sql, kn_log, kn_fail.

REAPPLY_SRC='' PURGED_TENANTS=() PENDING_TENANTS=() ERASURES=()

kn_has_deletion_log() {
  kn_sql "" "SELECT COUNT(*) FROM information_schema.tables WHERE table_schema = '$1'
    AND table_name = 'account_deletion'"
}

# kn_read_later_deletions TARGET_EXISTS(0|1) TARGET_OBJECTS
kn_read_later_deletions() {
  local target_exists=$1 target_objects=$2
  if [[ -n $DELETIONS_FROM ]]; then
    [[ $(kn_has_deletion_log "$DELETIONS_FROM") == 1 ]] ||
      kn_fail "--deletions-from $DELETIONS_FROM: no KretaNote database of that name (with an account_deletion table) on $KN_DB_HOST:$KN_DB_PORT"
    REAPPLY_SRC=$DELETIONS_FROM
  elif [[ $target_exists == 1 ]] && ((target_objects > 0)) && [[ $(kn_has_deletion_log "$KN_DB_NAME") == 1 ]]; then
    REAPPLY_SRC=$KN_DB_NAME
  fi
  if [[ -z $REAPPLY_SRC ]]; then
    kn_log "WARNING: no live database to read account deletions and erasures from: those made" \
      "after the backup are NOT applied again. If the live database still exists, restore" \
      "with --deletions-from <its name> (or --force over it)."
    return 0
  fi
  local since=${SNAPSHOT_AT:-}
  if [[ -z $since ]]; then
    since='1970-01-01 00:00:01'
    kn_log "note: the backup records no snapshot time (older backup.sh): every deletion and erasure in $REAPPLY_SRC is applied again"
  fi
  [[ $since =~ ^[0-9]{4}-[0-9]{2}-[0-9]{2}\ [0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]+)?$ ]] ||
    kn_fail "MANIFEST: snapshot_at '$since' is not a timestamp"
  # An hour earlier than the snapshot: applying a deletion twice changes nothing, missing one
  # because of clock skew would bring data back.
  local from="TIMESTAMP('$since') - INTERVAL 1 HOUR" utc="SET time_zone = '+00:00';"
  mapfile -t PURGED_TENANTS < <(kn_sql "$REAPPLY_SRC" "$utc SELECT DISTINCT tenant_ref
    FROM account_deletion WHERE status = 'PURGED' AND purged_at >= $from ORDER BY tenant_ref")
  mapfile -t PENDING_TENANTS < <(kn_sql "$REAPPLY_SRC" "SELECT DISTINCT tenant_ref
    FROM account_deletion WHERE status = 'PENDING' ORDER BY tenant_ref")
  mapfile -t ERASURES < <(kn_sql "$REAPPLY_SRC" "$utc SELECT DISTINCT tenant_id, contact_id
    FROM data_subject_request WHERE kind = 'ERASURE' AND outcome = 'DONE'
    AND requested_at >= $from ORDER BY tenant_id, contact_id")
  # The records themselves, so the restored database keeps the receipts and the request log.
  local spec table where rc
  : >"$KN_WORK/later.sql"
  for spec in \
    "account_deletion|requested_at >= $from OR purged_at >= $from OR cancelled_at >= $from" \
    "data_subject_request|requested_at >= $from" \
    "suppression|created_at >= $from"; do
    table=${spec%%|*} where=${spec#*|} rc=0
    "$KN_DUMP" --defaults-extra-file="$KN_WORK/client.cnf" --no-create-info --complete-insert \
      --replace --skip-extended-insert --skip-triggers --skip-dump-date \
      --default-character-set=utf8mb4 "--where=$where" "$REAPPLY_SRC" "$table" \
      >>"$KN_WORK/later.sql" 2>"$KN_WORK/later-dump.err" || rc=$?
    ((rc == 0)) ||
      kn_fail "could not read the $table records of $REAPPLY_SRC (exit $rc): $(kn_mask "$(<"$KN_WORK/later-dump.err")")"
  done
  kn_log "live database $REAPPLY_SRC since the backup ($since UTC): ${#PURGED_TENANTS[@]} purged" \
    "accounts, ${#PENDING_TENANTS[@]} pending deletions, ${#ERASURES[@]} erasures to apply again"
}

# Runs SQL on the restored database in one session, foreign key checks off, one transaction.
kn_restored_sql() {
  kn_sql "$KN_DB_NAME" "SET FOREIGN_KEY_CHECKS = 0; START TRANSACTION; $1 COMMIT; SET FOREIGN_KEY_CHECKS = 1;"
}

# SQL that deletes the raw webhook events listed in the temporary table kn_events.
kn_delete_events_sql() {
  printf '%s' "DELETE FROM webhook_event_issue WHERE event_id IN (SELECT event_id FROM kn_events);
    DELETE FROM webhook_event_route WHERE event_id IN (SELECT event_id FROM kn_events);
    DELETE FROM webhook_event WHERE id IN (SELECT event_id FROM kn_events);
    DROP TEMPORARY TABLE kn_events;"
}

kn_reapply_deletions() {
  [[ -n $REAPPLY_SRC ]] || return 0
  if [[ -s $KN_WORK/later.sql ]]; then
    local rc=0
    { printf 'SET FOREIGN_KEY_CHECKS = 0;\n'; sed '/^\/\*M!999999\\- enable the sandbox mode \*\/ *$/d' "$KN_WORK/later.sql"; } |
      "$KN_CLIENT" --defaults-extra-file="$KN_WORK/client.cnf" --batch "--database=$KN_DB_NAME" \
        2>"$KN_WORK/later-load.err" || rc=$?
    ((rc == 0)) || kn_log "WARNING: the deletion receipts and request log since the backup could not be" \
      "copied (exit $rc: $(kn_mask "$(<"$KN_WORK/later-load.err")")); the deletions are applied all the same"
  fi
  local -A tenant_tables=() contact_tables=()
  local t c tenant contact wa sql path purged=0 pending=0 erased=0 files=0
  while read -r t; do tenant_tables[$t]=1; done < <(kn_sql "" "SELECT c.table_name
    FROM information_schema.columns c JOIN information_schema.tables t
    ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
    WHERE c.table_schema = '$KN_DB_NAME' AND c.column_name = 'tenant_id'")
  while read -r t; do
    [[ -n ${tenant_tables[$t]:-} && $t != data_subject_request ]] && contact_tables[$t]=1
  done < <(kn_sql "" "SELECT table_name FROM information_schema.columns
    WHERE table_schema = '$KN_DB_NAME' AND column_name = 'contact_id'")
  local routes=${tenant_tables[webhook_event_route]:-}
  local -A gone=()

  for tenant in "${PURGED_TENANTS[@]}"; do
    [[ $tenant =~ ^[0-9]+$ ]] || continue
    gone[$tenant]=1
    sql=''
    if [[ -n $routes ]]; then
      sql+="CREATE TEMPORARY TABLE kn_events AS SELECT event_id FROM webhook_event_route
        WHERE tenant_id = $tenant; $(kn_delete_events_sql)"
    fi
    for t in "${!tenant_tables[@]}"; do
      sql+=" DELETE FROM \`$t\` WHERE tenant_id = $tenant;"
    done
    sql+=" DELETE FROM tenant WHERE id = $tenant;"
    kn_restored_sql "$sql"
    if [[ -d $MEDIA_DIR/$tenant ]]; then
      rm -rf -- "${MEDIA_DIR:?}/$tenant"
    fi
    purged=$((purged + 1))
  done

  for tenant in "${PENDING_TENANTS[@]}"; do
    [[ $tenant =~ ^[0-9]+$ && -z ${gone[$tenant]:-} ]] || continue
    kn_restored_sql "UPDATE tenant SET status = 'DELETION_PENDING' WHERE id = $tenant;
      UPDATE user_account SET session_generation = session_generation + 1 WHERE tenant_id = $tenant;
      DELETE FROM one_time_token WHERE tenant_id = $tenant;
      UPDATE whatsapp_connection SET access_token = NULL, status = 'DISCONNECTED'
        WHERE tenant_id = $tenant;"
    pending=$((pending + 1))
  done

  local line
  for line in "${ERASURES[@]}"; do
    IFS=$'\t' read -r tenant contact <<<"$line"
    [[ $tenant =~ ^[0-9]+$ && $contact =~ ^[0-9]+$ && -z ${gone[$tenant]:-} ]] || continue
    [[ $(kn_sql "$KN_DB_NAME" "SELECT COUNT(*) FROM contact WHERE tenant_id = $tenant AND id = $contact") == 1 ]] ||
      continue
    local paths=()
    mapfile -t paths < <(kn_sql "$KN_DB_NAME" "SELECT file_path FROM media WHERE tenant_id = $tenant
      AND file_path IS NOT NULL AND message_id IN
      (SELECT id FROM message WHERE tenant_id = $tenant AND contact_id = $contact)")
    sql="SET @wa = (SELECT wa_id FROM contact WHERE tenant_id = $tenant AND id = $contact);
      CREATE TEMPORARY TABLE kn_msgs AS SELECT id, wamid FROM message
        WHERE tenant_id = $tenant AND contact_id = $contact;
      CREATE TEMPORARY TABLE kn_convs AS SELECT id FROM conversation
        WHERE tenant_id = $tenant AND contact_id = $contact;
      DELETE FROM media WHERE tenant_id = $tenant AND message_id IN (SELECT id FROM kn_msgs);
      DELETE FROM reaction WHERE tenant_id = $tenant AND message_id IN (SELECT id FROM kn_msgs);
      DELETE FROM message_status WHERE tenant_id = $tenant
        AND (wamid IN (SELECT wamid FROM kn_msgs) OR recipient = @wa);"
    for t in conversation_note conversation_label; do
      [[ -n ${tenant_tables[$t]:-} ]] &&
        sql+=" DELETE FROM $t WHERE tenant_id = $tenant AND conversation_id IN (SELECT id FROM kn_convs);"
    done
    if [[ -n $routes ]]; then
      sql+=" CREATE TEMPORARY TABLE kn_events AS SELECT r.event_id FROM webhook_event_route r
        JOIN webhook_event e ON e.id = r.event_id WHERE r.tenant_id = $tenant AND @wa IS NOT NULL
        AND @wa <> '' AND e.body LIKE CONCAT('%\"', @wa, '\"%'); $(kn_delete_events_sql)"
    fi
    for t in "${!contact_tables[@]}"; do
      sql+=" DELETE FROM \`$t\` WHERE tenant_id = $tenant AND contact_id = $contact;"
    done
    sql+=" DELETE FROM contact WHERE tenant_id = $tenant AND id = $contact;
      DROP TEMPORARY TABLE kn_msgs; DROP TEMPORARY TABLE kn_convs;"
    kn_restored_sql "$sql"
    for path in "${paths[@]}"; do
      # The media folder's own layout only: relative, no way out of the folder.
      [[ -n $path && $path != /* && /$path/ != */../* ]] || continue
      if [[ -f $MEDIA_DIR/$path ]]; then
        rm -f -- "${MEDIA_DIR:?}/$path"
        files=$((files + 1))
      fi
    done
    erased=$((erased + 1))
  done
  kn_log "applied again after the backup: $purged purged accounts deleted, $pending deletions" \
    "pending again, $erased contacts erased again ($files media files)"
}
