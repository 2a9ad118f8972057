# shellcheck shell=bash disable=SC2016,SC2154
# verify_backup FILE: restore a backup into a scratch database, compare exact row counts
# with its manifest and reconcile its books (balances, totals, history, roll-ups). Used by scripts/backup.sh (--verify, --and-verify). Sourced after
# lib/common.sh; needs a running db service.

scratch_db=
verify_work=

drop_scratch() {
  if [ -n "$scratch_db" ]; then
    if psql_db -c "drop database if exists \"$scratch_db\" with (force)" >/dev/null 2>&1; then
      say "dropped scratch database $scratch_db"
    else
      warn "could not drop the scratch database $scratch_db; drop it with: docker compose exec db sh -c 'dropdb -U \"\$POSTGRES_USER\" $scratch_db'"
    fi
    scratch_db=
  fi
  if [ -n "$verify_work" ]; then rm -rf -- "$verify_work"; verify_work=; fi
}

# reconcile_sql: the reconciliation's checks as one statement, from the api image
# (node dist/cli/reconcile.js --sql; no database needed), whether or not the api is running.
reconcile_sql() {
  if service_running api; then
    compose exec -T api node dist/cli/reconcile.js --sql
  else
    compose run --rm --no-deps -T api node dist/cli/reconcile.js --sql
  fi
}

verify_backup() {
  local file=$1 manifest=$1.json expected_from t0 t1 restore_s m_schema r_schema
  t0=$(now)
  [ -s "$file" ] || die "$file: missing or empty"
  verify_work=$(mktemp -d "${TMPDIR:-/tmp}/stockroom-verify.XXXXXX")
  # The scratch database goes whatever happens: success, difference, error or Ctrl-C.
  trap drop_scratch EXIT
  trap 'exit 130' INT TERM

  say "verifying $file"
  if [ -f "$manifest" ]; then
    manifest_sql "$manifest" \
      "select to_json(key)::text || '|' || value from jsonb_each_text((:'m')::jsonb -> 'tables');" \
      >"$verify_work/expected" 2>"$verify_work/manifest.err" \
      || die "$manifest is not a readable manifest: $(head -n3 "$verify_work/manifest.err")"
    [ -s "$verify_work/expected" ] || die "$manifest lists no tables"
    m_schema=$(manifest_get "$manifest" schema_version)
    expected_from="manifest"
  else
    warn "no manifest ($manifest): comparing with the LIVE database instead; counts may legitimately differ when anything was written since the backup was taken"
    psql_db -c "$SQL_COUNTS" >"$verify_work/expected"
    m_schema=$(psql_db -c "$SQL_META" | cut -d'|' -f4)
    expected_from="live db"
  fi

  scratch_db=stockroom_verify_$$
  psql_db -c "create database \"$scratch_db\"" >/dev/null
  say "restoring into scratch database $scratch_db"
  t1=$(now)
  if ! compose exec -T db sh -c 'exec pg_restore --no-owner --exit-on-error --no-password -U "$POSTGRES_USER" -d "$1"' \
         sh "$scratch_db" <"$file" 2>"$verify_work/restore.err"; then
    sed 's/^/  /' "$verify_work/restore.err" | head -n 10 >&2
    echo "$prog: verify FAILED: $file could not be restored (pg_restore error above); $(since "$t0") s" >&2
    return 1
  fi
  restore_s=$(since "$t1")
  psql_in "$scratch_db" -c "$SQL_COUNTS" >"$verify_work/restored"
  r_schema=$(psql_in "$scratch_db" -c "$SQL_META" | cut -d'|' -f4)

  # One line per table in either list: name|expected|restored (MISSING when absent).
  local report rc=0
  report=$(LC_ALL=C join -t'|' -a1 -a2 -e MISSING -o 0,1.2,2.2 \
             <(LC_ALL=C sort -t'|' -k1,1 "$verify_work/expected") \
             <(LC_ALL=C sort -t'|' -k1,1 "$verify_work/restored"))
  printf '  %-32s %14s %14s\n' table "$expected_from" restored
  printf '%s\n' "$report" | awk -F'|' '{
    name = $1; gsub(/^"|"$/, "", name)
    printf "  %-32s %14s %14s  %s\n", name, $2, $3, ($2 == $3 ? "ok" : "DIFF")
  }'
  local tables diffs rows schema_ok=true
  tables=$(printf '%s\n' "$report" | grep -c .)
  diffs=$(printf '%s\n' "$report" | awk -F'|' '$2 != $3' | grep -c . || true)
  rows=$(printf '%s\n' "$report" | awk -F'|' '$3 != "MISSING" { n += $3 } END { print n + 0 }')
  if [ "$m_schema" = "$r_schema" ]; then
    printf '  %-32s %s  ok\n' "schema version" "${r_schema:-none}"
  else
    printf '  %-32s %s (%s) vs %s (restored)  DIFF\n' "schema version" "${m_schema:-none}" "$expected_from" "${r_schema:-none}"
    schema_ok=false
  fi

  # The books of the restored copy: the reconciliation's checks (docs/decisions/0029), the
  # statement printed by the api image's own CLI, so they are the checks of the code that runs.
  local books_ok=true check_sql books
  if check_sql=$(reconcile_sql 2>"$verify_work/reconcile.err"); then
    if books=$(printf '%s\n' "$check_sql" | psql_in "$scratch_db" 2>&1); then
      printf '%s\n' "$books" | awk -F'|' '{
        printf "  %-32s %14s differences  %s\n", "books: " $1, $2, ($2 == 0 ? "ok" : "DIFF " $3)
      }'
      if printf '%s\n' "$books" | awk -F'|' '$2 != 0 { bad = 1 } END { exit !bad }'; then books_ok=false; fi
    else
      printf '  books: the reconciliation could not run: %s\n' "$(printf '%s' "$books" | head -n 3)"
      books_ok=false
    fi
  else
    warn "no reconciliation in the api image ($(head -n 1 "$verify_work/reconcile.err")); the books were not checked"
  fi

  drop_scratch
  trap - EXIT
  $books_ok || schema_ok=false
  if [ "$diffs" -eq 0 ] && $schema_ok; then
    say "verify OK: $tables tables, $rows rows, every count equal to the $expected_from; restore $restore_s s, total $(since "$t0") s"
  else
    echo "$prog: verify FAILED: $diffs of $tables tables differ from the $expected_from$($schema_ok || echo ', or the schema version or the books (above) do not match'); restore $restore_s s, total $(since "$t0") s" >&2
    rc=1
  fi
  return "$rc"
}
