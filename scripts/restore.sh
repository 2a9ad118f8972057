#!/usr/bin/env bash
# Restore a Stockroom database backup (from scripts/backup.sh) into the running stack.
# See --help.
# shellcheck source-path=SCRIPTDIR disable=SC2016
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/restore.sh FILE [--yes] [--force] [-p PROJECT]

Replace the database of the Compose stack in this repository with the contents of FILE,
a pg_dump custom-format archive as written by scripts/backup.sh.

  1. checks FILE is readable and a valid archive (pg_restore --list), before touching
     anything;
  2. compares the versions in FILE.json (the manifest backup.sh writes) with this stack:
     app version, schema version and PostgreSQL major, showing both sides. A backup whose
     schema is newer than this stack's code is refused (the api would refuse to start on
     it) unless --force; an older schema is fine: the api migrates it forward when it
     starts. A file without manifest is restored with the warning "versions unknown";
  3. asks for confirmation (unless --yes; without a terminal on stdin it refuses);
  4. stops the api service, so nothing writes during the restore;
  5. restores with pg_restore --clean --if-exists --single-transaction --no-owner
     --no-acl as the administrative role: on any error everything is rolled back and the
     current data stays as it was; then runs the db-provision service, which hands the
     restored objects to the api's own role and grants what it needs (as at every start);
  6. starts api again (the image compose is configured with) and waits until it is
     healthy, also when the restore failed, then prints the schema version it runs on.

Options:
  -y, --yes      do not ask for confirmation (warnings are still printed)
  --force        restore even a backup whose schema is newer than this stack's code
  -p PROJECT     Compose project name (default: $COMPOSE_PROJECT_NAME, else the
                 project's own name)
  -h, --help     show this help

Exit status: 0 restored and api healthy; 1 nothing restored (or api not healthy); 3 restored
and healthy, but the restored books do not reconcile (node dist/cli/reconcile.js, listed).
EOF
}

prog=restore
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$repo_root/scripts/lib/common.sh"
. "$repo_root/scripts/lib/restore-versions.sh"

file=
assume_yes=false
force=false

while [ $# -gt 0 ]; do
  case $1 in
    -y|--yes) assume_yes=true; shift ;;
    --force) force=true; shift ;;
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

require_db

# 1. Validate before touching anything: the file is streamed into the db container.
if ! err=$(compose exec -T db pg_restore --list <"$file" 2>&1 >/dev/null); then
  die "$file is not a valid pg_dump custom-format archive (${err:-pg_restore --list failed}); nothing was changed"
fi

db_name=$(db_name)

# 2. Versions: dies when the backup's schema is newer than the code (unless --force).
check_versions "$file"

# 3. Confirm.
if $assume_yes; then
  [ "$version_warnings" -eq 0 ] || say "continuing despite the warnings above (--yes)"
else
  [ -t 0 ] || die "refusing to restore without confirmation: stdin is not a terminal (pass --yes)"
  printf 'This replaces ALL data in database "%s" (project %s) with %s.\nType "yes" to continue: ' \
    "$db_name" "${COMPOSE_PROJECT_NAME:-default}" "$file"
  read -r answer || answer=
  [ "$answer" = yes ] || die "not confirmed; nothing was changed"
fi

# 4.-6. From here on the API is down; bring it back whatever happens.
start_api() {
  echo "restore: starting api and waiting until it is healthy"
  # The api as compose is configured now (recreated if its image changed, as in a rollback
  # to an older image); --no-deps leaves db alone.
  if ! compose up -d --wait --wait-timeout 180 --no-build --no-deps api; then
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
# As the administrative role, owners and grants left out: the objects are the restoring
# role's, whatever role names the backup's install used, until db-provision below.
if ! compose exec -T db sh -c 'exec pg_restore --clean --if-exists --single-transaction --no-owner --no-acl --exit-on-error --no-password -U "$POSTGRES_USER" -d "$POSTGRES_DB"' <"$file"; then
  echo "restore: error: pg_restore failed; the transaction was rolled back and the database is unchanged" >&2
  exit 1
fi
# The api connects as its own role, which must own what was just restored (and a backup
# from before that role existed has no grants for it at all).
echo "restore: handing the restored objects to the api's role (db-provision)"
if ! compose run --rm --no-deps -T db-provision; then
  echo "restore: error: the data was restored, but db-provision failed, so the api may lack access to it; see the output above and run: docker compose up -d" >&2
  exit 1
fi

api_stopped=false
start_api
books_bad=false
IFS='|' read -r _ _ _ now_schema now_count <<<"$(psql_db -c "$SQL_META")"
say "done: database \"$db_name\" restored from $file"
# The restored books, through the api's own reconciliation (docs/decisions/0029).
if ! compose exec -T api node dist/cli/reconcile.js; then
  echo "restore: error: the data was restored and the api runs, but its books do not reconcile (above)" >&2
  books_bad=true
fi
say "schema version now ${now_schema:-none} ($now_count migrations)${backup_schema:+; the backup had $backup_schema}"
if $books_bad; then exit 3; fi
