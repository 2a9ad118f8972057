#!/usr/bin/env bash
# Restore a Stockroom database backup (from scripts/backup.sh) into the running stack.
# See --help.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/restore.sh FILE [--yes] [-p PROJECT]

Replace the database of the Compose stack in this repository with the contents of FILE,
a pg_dump custom-format archive as written by scripts/backup.sh.

  1. checks FILE is readable and a valid archive (pg_restore --list), before touching
     anything;
  2. asks for confirmation (unless --yes; without a terminal on stdin it refuses);
  3. stops the api service, so nothing writes during the restore;
  4. restores with pg_restore --clean --if-exists --single-transaction --no-owner:
     on any error everything is rolled back and the current data stays as it was;
  5. starts api again and waits until it is healthy, also when the restore failed.

Options:
  -y, --yes      do not ask for confirmation
  -p PROJECT     Compose project name (default: $COMPOSE_PROJECT_NAME, else the
                 project's own name)
  -h, --help     show this help

Exit status: 0 restored and api healthy; 1 nothing restored (or api not healthy).
EOF
}

die() { echo "restore: error: $*" >&2; exit 1; }

repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
file=
assume_yes=false

while [ $# -gt 0 ]; do
  case $1 in
    -y|--yes) assume_yes=true; shift ;;
    -p|--project-name) [ $# -ge 2 ] || die "$1 needs a name"; export COMPOSE_PROJECT_NAME=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    --) shift; [ $# -eq 1 ] || die "expected exactly one FILE"; file=$1; shift ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *) [ -z "$file" ] || die "only one FILE, got '$file' and '$1'"; file=$1; shift ;;
  esac
done
[ -n "$file" ] || { usage >&2; die "missing FILE"; }

# Resolve FILE against the caller's directory before moving to the repository root.
[ -e "$file" ] || die "$file: no such file"
[ -f "$file" ] || die "$file: not a regular file"
[ -r "$file" ] || die "$file: not readable"
[ -s "$file" ] || die "$file: is empty"
file=$(cd -- "$(dirname -- "$file")" && pwd)/$(basename -- "$file")
cd "$repo_root"

compose() { docker compose "$@"; }

[ -n "$(compose ps --status running -q db 2>/dev/null)" ] \
  || die "the db service is not running (project '${COMPOSE_PROJECT_NAME:-default}'); start it with: docker compose up -d db"

# 1. Validate before touching anything: the file is streamed into the db container.
if ! err=$(compose exec -T db pg_restore --list <"$file" 2>&1 >/dev/null); then
  die "$file is not a valid pg_dump custom-format archive (${err:-pg_restore --list failed}); nothing was changed"
fi

db_name=$(compose exec -T db sh -c 'printf %s "$POSTGRES_DB"')

# 2. Confirm.
if ! $assume_yes; then
  [ -t 0 ] || die "refusing to restore without confirmation: stdin is not a terminal (pass --yes)"
  printf 'This replaces ALL data in database "%s" (project %s) with %s.\nType "yes" to continue: ' \
    "$db_name" "${COMPOSE_PROJECT_NAME:-default}" "$file"
  read -r answer || answer=
  [ "$answer" = yes ] || die "not confirmed; nothing was changed"
fi

# 3.-5. From here on the API is down; bring it back whatever happens.
start_api() {
  echo "restore: starting api and waiting until it is healthy"
  if ! compose up -d --wait --no-build --no-recreate api; then
    echo "restore: error: api did not become healthy; see: docker compose logs api" >&2
    return 1
  fi
}
api_stopped=false
on_exit() {
  rc=$?
  if $api_stopped; then
    api_stopped=false
    start_api || rc=1
  fi
  exit "$rc"
}
trap on_exit EXIT
trap 'exit 130' INT TERM

echo "restore: stopping api"
api_stopped=true
compose stop api

echo "restore: restoring $file into database \"$db_name\""
if ! compose exec -T db sh -c 'exec pg_restore --clean --if-exists --single-transaction --no-owner --exit-on-error --no-password -U "$POSTGRES_USER" -d "$POSTGRES_DB"' <"$file"; then
  echo "restore: error: pg_restore failed; the transaction was rolled back and the database is unchanged" >&2
  exit 1
fi

api_stopped=false
start_api
echo "restore: done: database \"$db_name\" restored from $file"
