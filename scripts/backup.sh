#!/usr/bin/env bash
# Back up the Stockroom database of a running Compose stack.
#
# Writes backups/stockroom-YYYYmmddTHHMMSSZ.dump (pg_dump custom format), checks that
# pg_restore can read it before giving it its final name, and keeps the newest N.
# See --help.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/backup.sh [--keep N] [-p PROJECT] [--dir DIR]

Dump the `db` service's database (pg_dump -Fc) of the Compose stack in this repository
to DIR/stockroom-<UTC timestamp>.dump, verify it with `pg_restore --list`, then delete
all but the newest N backups in DIR.

Options:
  --keep N       backups to keep (default: $BACKUP_KEEP or 14; 0 = keep all)
  -p PROJECT     Compose project name (default: $COMPOSE_PROJECT_NAME, else the
                 project's own name)
  --dir DIR      where backups go (default: $BACKUP_DIR or ./backups in the repository)
  -h, --help     show this help

Runs from any directory. The database user and name are read inside the db container
(POSTGRES_USER / POSTGRES_DB), so they always match the running stack.
Restore with: scripts/restore.sh FILE
EOF
}

die() { echo "backup: error: $*" >&2; exit 1; }

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
keep=${BACKUP_KEEP:-14}
backup_dir=${BACKUP_DIR:-}

while [ $# -gt 0 ]; do
  case $1 in
    --keep) [ $# -ge 2 ] || die "--keep needs a number"; keep=$2; shift 2 ;;
    --keep=*) keep=${1#--keep=}; shift ;;
    -p|--project-name) [ $# -ge 2 ] || die "$1 needs a name"; export COMPOSE_PROJECT_NAME=$2; shift 2 ;;
    --dir) [ $# -ge 2 ] || die "--dir needs a directory"; backup_dir=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
done
case $keep in ''|*[!0-9]*) die "--keep must be a whole number, got '$keep'" ;; esac

# Resolve a relative --dir against the caller's directory, then work from the repo root
# (where docker-compose.yml is).
[ -n "$backup_dir" ] || backup_dir=$repo_root/backups
mkdir -p -- "$backup_dir"
backup_dir=$(cd -- "$backup_dir" && pwd)
cd "$repo_root"

compose() { docker compose "$@"; }

[ -n "$(compose ps --status running -q db 2>/dev/null)" ] \
  || die "the db service is not running (project '${COMPOSE_PROJECT_NAME:-default}'); start it with: docker compose up -d db"

stamp=$(date -u +%Y%m%dT%H%M%SZ)
final=$backup_dir/stockroom-$stamp.dump
[ ! -e "$final" ] || die "$final already exists (two backups within one second?)"

# Dumps hold all application data: readable by the owner only.
umask 077
tmp=$(mktemp "$backup_dir/.stockroom-$stamp.XXXXXX.partial")
trap 'rm -f -- "$tmp"' EXIT

if ! compose exec -T db sh -c 'exec pg_dump --format=custom --no-password -U "$POSTGRES_USER" -d "$POSTGRES_DB"' >"$tmp"; then
  die "pg_dump failed; no backup written"
fi
[ -s "$tmp" ] || die "pg_dump produced an empty file; no backup written"

# Prove the archive is complete and readable before it gets its final name.
if ! compose exec -T db pg_restore --list <"$tmp" >/dev/null; then
  die "the dump cannot be read back by pg_restore; no backup written"
fi

mv -- "$tmp" "$final"
trap - EXIT

bytes=$(wc -c <"$final" | tr -d ' ')
size=$(awk -v b="$bytes" 'BEGIN { split("B KiB MiB GiB TiB", u); i = 1
  while (b >= 1024 && i < 5) { b /= 1024; i++ }
  printf(i == 1 ? "%d %s" : "%.1f %s", b, u[i]) }')
echo "backup: wrote $final ($size, $bytes bytes)"

# Retention: names sort by time, newest first; only our own naming pattern is touched.
if [ "$keep" -gt 0 ]; then
  mapfile -t old < <(find "$backup_dir" -maxdepth 1 -type f -name 'stockroom-*.dump' -printf '%f\n' \
                       | sort -r | tail -n +"$((keep + 1))")
  for name in "${old[@]}"; do
    rm -f -- "$backup_dir/$name"
    echo "backup: removed old backup $backup_dir/$name"
  done
fi
