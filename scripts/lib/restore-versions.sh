# shellcheck shell=bash disable=SC2034,SC2154
# check_versions FILE: compare the versions in FILE.json (written by backup.sh) with this
# stack before scripts/restore.sh replaces the database. Prints both sides, warns, and dies
# when the backup's schema is newer than the code that will run on it (unless $force).
# Sets version_warnings (how many warnings) and backup_schema. Sourced after lib/common.sh.

version_warnings=0
backup_schema=

vwarn() { warn "$*"; version_warnings=$((version_warnings + 1)); }

check_versions() {
  local manifest=$1.json api_img info run_version run_commit run_image known
  local b_version b_commit b_schema b_count b_pg b_created
  local db_schema db_count pg_major

  if [ ! -f "$manifest" ]; then
    vwarn "no manifest ($manifest); versions unknown: the backup's app and schema version cannot be checked against this stack"
    return 0
  fi

  # "This stack" is what runs after the restore: the api image compose is configured with
  # (restore.sh starts api from it), else whatever api container there is.
  api_img=$(configured_image api) || api_img=
  if [ -z "$api_img" ] || ! info=$(app_info "$api_img") || [ -z "$info" ]; then
    info=$(stack_app_info)
  fi
  IFS='|' read -r run_version run_commit run_image _ <<<"$info"
  known=$(known_migrations "$run_image")
  IFS='|' read -r _ pg_major _ db_schema db_count <<<"$(psql_db -c "$SQL_META")"
  if ! IFS='|' read -r b_version b_commit b_schema b_count b_pg b_created < <(manifest_sql "$manifest" \
      "select concat_ws('|', coalesce(m->>'app_version', ''), coalesce(m->>'app_commit', ''),
         coalesce(m->>'schema_version', ''), coalesce(m->>'schema_migrations', ''),
         coalesce(m->>'postgres_major', ''), coalesce(m->>'created_at', ''))
       from (select (:'m')::jsonb as m) s;" 2>/dev/null); then
    vwarn "the manifest $manifest cannot be read; versions unknown"
    return 0
  fi
  backup_schema=$b_schema

  local code_latest code_count
  code_latest=$(printf '%s\n' "$known" | tail -n1)
  code_count=$(printf '%s\n' "$known" | grep -c . || true)
  ver() { printf '%s' "${1:-unknown}${2:+ ($2)}"; }
  printf '%s: %-16s %-44s %s\n' "$prog" "" "backup (${b_created:-time unknown})" "this stack"
  printf '%s: %-16s %-44s %s\n' "$prog" "app version" "$(ver "$b_version" "$b_commit")" "$(ver "$run_version" "$run_commit")"
  printf '%s: %-16s %-44s %s\n' "$prog" "schema version" "${b_schema:-none} (${b_count:-?})" \
    "code: ${code_latest:-none} ($code_count); database now: ${db_schema:-none} ($db_count)"
  printf '%s: %-16s %-44s %s\n' "$prog" "PostgreSQL" "${b_pg:-unknown}" "$pg_major"

  if [ "$b_version" != "$run_version" ] || [ "$b_commit" != "$run_commit" ]; then
    vwarn "the backup was taken with app $(ver "$b_version" "$b_commit"); this stack runs $(ver "$run_version" "$run_commit")"
  fi
  if [ -n "$b_schema" ] && ! printf '%s\n' "$known" | grep -qxF -- "$b_schema"; then
    if ! $force; then
      die "the backup's schema ($b_schema) is newer than this stack's code (which knows up to ${code_latest:-nothing}): the api would refuse to start on it. Restore it with the Stockroom version that took it (app $(ver "$b_version" "$b_commit")), or pass --force to restore anyway; nothing was changed"
    fi
    vwarn "the backup's schema ($b_schema) is newer than this stack's code: restoring anyway (--force), but the api will refuse to start until it runs a version that knows that schema"
  elif [ "$b_schema" != "$code_latest" ]; then
    local behind
    behind=$(printf '%s\n' "$known" | awk -v s="$b_schema" 'found { n++ } $0 == s { found = 1 } END { print (s == "" ? NR : n + 0) }')
    vwarn "the backup's schema (${b_schema:-none}) is older than this stack's code (${code_latest}): the api migrates it forward ($behind migrations) when it starts after the restore"
  fi
  if [ -n "$b_pg" ] && [ "$b_pg" != "$pg_major" ]; then
    if [ "$b_pg" -gt "$pg_major" ] 2>/dev/null; then
      vwarn "the backup comes from PostgreSQL $b_pg, the db service runs $pg_major: an older pg_restore may not read it (a failed restore changes nothing)"
    else
      vwarn "the backup comes from PostgreSQL $b_pg, the db service runs $pg_major (restoring into a newer major is supported)"
    fi
  fi
}
