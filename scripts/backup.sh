#!/usr/bin/env bash
# Back up the Stockroom database of a running Compose stack, or verify a backup.
#
# Writes backups/stockroom-<UTC time>-v<app>-s<schema>-pg<major>.dump (pg_dump custom
# format) plus FILE.json, a manifest with the versions and the exact row count of every
# table; checks that pg_restore can read the dump before giving it its final name, and keeps
# the newest N. --verify restores a backup into a scratch database and compares row counts.
# See --help.
# shellcheck source-path=SCRIPTDIR disable=SC2016
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/backup.sh [--keep N] [--dir DIR] [-p PROJECT] [--and-verify]
       scripts/backup.sh --verify [FILE] [--dir DIR] [-p PROJECT]

Back up: dump the `db` service's database (pg_dump -Fc) of the Compose stack in this
repository to DIR/stockroom-<UTC time>-v<app version>-s<schema version>-pg<major>.dump,
check it with `pg_restore --list`, write the manifest FILE.json next to it, then delete all
but the newest N backups (each dump together with its manifest).

The manifest records the app version and commit of the api image, the schema version
(newest knex migration and how many), the PostgreSQL version, the database name, when the
backup was taken, the dump's size and sha256, and the exact row count of every table. The
counts are taken in the same database snapshot that pg_dump dumps.

Verify (--verify): restore FILE into a scratch database in the db container, compare the
row count of every table with FILE.json (without a manifest: with the live database, which
may legitimately differ), print a per-table report, drop the scratch database (also on
failure or Ctrl-C), and exit non-zero on any difference or restore error. Without FILE the
newest backup in DIR is verified. The stack keeps running; the scratch restore needs about
as much free disk in the db volume as the database itself.

Options:
  --keep N       backups to keep (default: $BACKUP_KEEP or 14; 0 = keep all)
  --dir DIR      where backups are (default: $BACKUP_DIR or ./backups in the repository)
  -p PROJECT     Compose project name (default: $COMPOSE_PROJECT_NAME, else the
                 project's own name)
  --and-verify   after taking the backup, verify it as --verify does
  --verify [FILE]  verify FILE (default: the newest backup in DIR) instead of backing up
  -h, --help     show this help

Runs from any directory. The database user and name are read inside the db container
(POSTGRES_USER / POSTGRES_DB), so they always match the running stack.
Exit status: 0 backup written (and verified); 1 otherwise.
Restore with: scripts/restore.sh FILE
EOF
}

prog=backup
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$repo_root/scripts/lib/common.sh"
. "$repo_root/scripts/lib/verify.sh"

keep=${BACKUP_KEEP:-14}
backup_dir=${BACKUP_DIR:-}
mode=backup
verify_file=
and_verify=false

while [ $# -gt 0 ]; do
  case $1 in
    --keep) [ $# -ge 2 ] || die "--keep needs a number"; keep=$2; shift 2 ;;
    --keep=*) keep=${1#--keep=}; shift ;;
    -p|--project-name) [ $# -ge 2 ] || die "$1 needs a name"; export COMPOSE_PROJECT_NAME=$2; shift 2 ;;
    --dir) [ $# -ge 2 ] || die "--dir needs a directory"; backup_dir=$2; shift 2 ;;
    --verify)
      mode=verify; shift
      if [ $# -gt 0 ] && [ "${1#-}" = "$1" ]; then verify_file=$1; shift; fi ;;
    --and-verify) and_verify=true; shift ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
case $keep in ''|*[!0-9]*) die "--keep must be a whole number, got '$keep'" ;; esac

# Resolve relative paths against the caller's directory, then work from the repo root
# (where docker-compose.yml is).
[ -n "$backup_dir" ] || backup_dir=$repo_root/backups
if [ "$mode" = verify ] && [ -n "$verify_file" ]; then
  [ -f "$verify_file" ] || die "$verify_file: no such file"
  verify_file=$(cd -- "$(dirname -- "$verify_file")" && pwd)/$(basename -- "$verify_file")
else
  mkdir -p -- "$backup_dir"
  backup_dir=$(cd -- "$backup_dir" && pwd)
fi
cd "$repo_root"
require_db

newest_backup() {
  find "$backup_dir" -maxdepth 1 -type f -name 'stockroom-*.dump' -printf '%f\n' | sort | tail -n1
}

if [ "$mode" = verify ]; then
  if [ -z "$verify_file" ]; then
    name=$(newest_backup)
    [ -n "$name" ] || die "no backups (stockroom-*.dump) in $backup_dir"
    verify_file=$backup_dir/$name
  fi
  verify_backup "$verify_file"
  exit
fi

# --- take the backup ----------------------------------------------------------------------
t0=$(now)
epoch=$(date -u +%s)
stamp=$(date -u -d "@$epoch" +%Y%m%dT%H%M%SZ)
created_at=$(date -u -d "@$epoch" +%Y-%m-%dT%H:%M:%SZ)
IFS='|' read -r app_version app_commit app_image app_source <<<"$(stack_app_info)"
[ -n "$app_version" ] || warn "app version unknown (no api container or image found); recorded as unknown"

# Dumps hold all application data: readable by the owner only.
umask 077
tmp=$(mktemp "$backup_dir/.stockroom-$stamp.XXXXXX.partial")
tmp_manifest=$tmp.json
snap_pid=
cleanup() {
  rm -f -- "$tmp" "$tmp_manifest"
  # Ending psql's input ends the snapshot transaction (a rollback: it only read).
  if [ -n "$snap_pid" ]; then exec {snap_in}>&- 2>/dev/null || true; wait "$snap_pid" 2>/dev/null || true; fi
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# Row counts honest to the dump: one REPEATABLE READ transaction exports its snapshot,
# counts every table in it, and stays open while pg_dump --snapshot dumps exactly that
# snapshot. The manifest is thus an independent record of what the database held at that
# instant, which --verify checks the restored dump against. (Counting a restore of the dump
# instead would only compare the dump with itself.)
coproc SNAP { psql_db 2>&1; }
# shellcheck disable=SC2153 # SNAP_PID is set by coproc
snap_pid=$SNAP_PID snap_in=${SNAP[1]} snap_out=${SNAP[0]}
printf '%s\n' "begin isolation level repeatable read, read only;" "select pg_export_snapshot();" \
  "$SQL_META" "$SQL_COUNTS" "select '--end--';" >&"$snap_in"
read_snap() { IFS= read -r -t 120 "$1" <&"$snap_out" || die "reading the database snapshot failed${2:+: $2}"; }
snapshot='' meta=''
read_snap snapshot
case $snapshot in [0-9A-F]*-*) ;; *) die "could not export a database snapshot: $snapshot" ;; esac
read_snap meta
IFS='|' read -r database pg_major pg_version schema_version schema_count <<<"$meta"
[ -n "$pg_major" ] || die "unexpected answer from the database: $meta"
counts=()
while read_snap line; do
  [ "$line" = --end-- ] && break
  counts+=("$line")
done

if ! compose exec -T db sh -c 'exec pg_dump --format=custom --no-password --snapshot="$1" -U "$POSTGRES_USER" -d "$POSTGRES_DB"' \
       sh "$snapshot" >"$tmp"; then
  die "pg_dump failed; no backup written"
fi
printf 'commit;\n' >&"$snap_in"
exec {snap_in}>&-
wait "$snap_pid" || die "the snapshot transaction failed; no backup written"
snap_pid=
[ -s "$tmp" ] || die "pg_dump produced an empty file; no backup written"

# Prove the archive is complete and readable before it gets its final name.
if ! compose exec -T db pg_restore --list <"$tmp" >/dev/null; then
  die "the dump cannot be read back by pg_restore; no backup written"
fi

# Versions in the name; the UTC time first keeps names sorting by time. Only characters
# that are safe in file names survive.
safe() { printf '%s' "$1" | tr -c 'A-Za-z0-9._+-' '_'; }
schema_id=${schema_version%%_*}
final=$backup_dir/stockroom-$stamp-v$(safe "${app_version:-unknown}")-s$(safe "${schema_id:-none}")-pg$pg_major.dump
[ ! -e "$final" ] || die "$final already exists (two backups within one second?)"

bytes=$(wc -c <"$tmp" | tr -d ' ')
sha256=$(sha256sum "$tmp" | cut -d' ' -f1)
{
  printf '{\n'
  printf '  "format": 1,\n'
  printf '  "file": %s,\n' "$(json_str "$(basename -- "$final")")"
  printf '  "created_at": "%s",\n' "$created_at"
  printf '  "app_version": %s,\n' "$(json_str "$app_version")"
  printf '  "app_commit": %s,\n' "$(json_str "$app_commit")"
  printf '  "app_image_id": %s,\n' "$(json_str "$app_image")"
  printf '  "app_version_from": %s,\n' "$(json_str "$app_source")"
  printf '  "schema_version": %s,\n' "$(json_str "$schema_version")"
  printf '  "schema_migrations": %d,\n' "$schema_count"
  printf '  "postgres_major": %d,\n' "$pg_major"
  printf '  "postgres_version": %s,\n' "$(json_str "$pg_version")"
  printf '  "database": %s,\n' "$(json_str "$database")"
  printf '  "size_bytes": %d,\n' "$bytes"
  printf '  "sha256": "%s",\n' "$sha256"
  printf '  "row_counts": "exact, counted in the snapshot pg_dump dumped",\n'
  printf '  "tables": {'
  sep=
  for line in "${counts[@]}"; do
    printf '%s\n    %s: %s' "$sep" "${line%|*}" "${line##*|}"
    sep=,
  done
  printf '\n  }\n}\n'
} >"$tmp_manifest"

# The dump first, then its manifest: each appears complete or not at all.
mv -- "$tmp" "$final"
mv -- "$tmp_manifest" "$final.json"
trap - EXIT

say "wrote $final ($(human_size "$bytes"), $bytes bytes)"
say "app ${app_version:-unknown}${app_commit:+ ($app_commit)}, schema ${schema_version:-none} ($schema_count migrations), PostgreSQL $pg_major, ${#counts[@]} tables; manifest $final.json; $(since "$t0") s"

# Retention: names sort by time, newest first; only our own naming pattern is touched, and
# a dump's manifest goes with it.
if [ "$keep" -gt 0 ]; then
  mapfile -t old < <(find "$backup_dir" -maxdepth 1 -type f -name 'stockroom-*.dump' -printf '%f\n' \
                       | sort -r | tail -n +"$((keep + 1))")
  for name in "${old[@]}"; do
    rm -f -- "$backup_dir/$name" "$backup_dir/$name.json"
    say "removed old backup $backup_dir/$name"
  done
fi

if $and_verify; then
  verify_backup "$final"
fi
