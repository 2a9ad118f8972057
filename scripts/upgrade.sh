#!/usr/bin/env bash
# Upgrade a running Stockroom stack in place: check it is healthy, back up and verify the
# database, keep the running images for a rollback, build and start the new version, and
# either report old -> new versions or print the exact commands to roll back. See --help.
# shellcheck source-path=SCRIPTDIR disable=SC2016
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: scripts/upgrade.sh [REF] [--yes] [-p PROJECT] [--dir DIR] [--full-verify]
                          [--wait-timeout SECONDS]

Upgrade the running Compose stack in this repository to the code checked out now (run it
after `git pull`), or to REF (a tag, branch or commit; the working tree must be clean):

  1. checks db, api and web are running and healthy (else says what to do);
  2. backs up the database with scripts/backup.sh (file named with the app and schema
     version, manifest next to it) and checks the dump reads back (pg_restore --list;
     with --full-verify also restores it into a scratch database and compares row counts);
  3. records the git commit and the image ids running now, and tags those images
     <image>:rollback (<image>:<tag>-rollback for tags other than latest), so a rollback
     needs no rebuild;
  4. checks out REF if given, builds the images (GIT_COMMIT and APP_VERSION from the
     checkout unless set) and runs `docker compose up -d --wait` with a time limit; the api
     migrates the database forward as it starts;
  5. on success prints old -> new app and schema version and how long it took; on failure
     the last db-provision and api log lines and the exact rollback commands, and exits 1.

A record of each upgrade (versions, image ids, backup, rollback commands) is written to
DIR/upgrade-<UTC time>.txt.

Options:
  -y, --yes              do not ask for confirmation (for scripts and cron)
  -p PROJECT             Compose project name (default: $COMPOSE_PROJECT_NAME, else the
                         project's own name)
  --dir DIR              where the backup goes (default: $BACKUP_DIR or ./backups)
  --full-verify          verify the backup by restoring it into a scratch database
  --wait-timeout SECONDS how long the new version may take to become healthy (default 300)
  -h, --help             show this help

Exit status: 0 upgraded and healthy; 1 not upgraded (see the message; rollback commands
are printed when the stack was changed).
EOF
}

prog=upgrade
repo_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
. "$repo_root/scripts/lib/common.sh"

ref=
assume_yes=false
full_verify=false
wait_timeout=300
backup_dir=${BACKUP_DIR:-}

while [ $# -gt 0 ]; do
  case $1 in
    -y|--yes) assume_yes=true; shift ;;
    -p|--project-name) [ $# -ge 2 ] || die "$1 needs a name"; export COMPOSE_PROJECT_NAME=$2; shift 2 ;;
    --dir) [ $# -ge 2 ] || die "--dir needs a directory"; backup_dir=$2; shift 2 ;;
    --full-verify) full_verify=true; shift ;;
    --wait-timeout) [ $# -ge 2 ] || die "--wait-timeout needs seconds"; wait_timeout=$2; shift 2 ;;
    -h|--help) usage; exit 0 ;;
    -*) usage >&2; die "unknown option: $1" ;;
    *) [ -z "$ref" ] || die "only one REF, got '$ref' and '$1'"; ref=$1; shift ;;
  esac
done
case $wait_timeout in ''|*[!0-9]*|0) die "--wait-timeout must be a positive number of seconds" ;; esac
[ -n "$backup_dir" ] || backup_dir=$repo_root/backups
mkdir -p -- "$backup_dir"
backup_dir=$(cd -- "$backup_dir" && pwd)
cd "$repo_root"

t0=$(now)
have_git=false
if git rev-parse --git-dir >/dev/null 2>&1; then have_git=true; fi
if [ -n "$ref" ]; then
  $have_git || die "REF needs a git checkout; $repo_root is not one"
  git rev-parse --verify -q "$ref^{commit}" >/dev/null || die "unknown git ref: $ref (run git fetch first?)"
  git diff --quiet HEAD -- || die "the working tree has uncommitted changes; commit or stash them before upgrading to $ref"
fi

# --- 1. the stack must be running and healthy ---------------------------------------------
# A container that is still starting, or failed a probe or two on a busy machine, gets a
# minute to settle before we give up.
state() {
  local cid; cid=$(compose_cid "$1" 2>/dev/null)
  [ -n "$cid" ] || { echo "not running"; return; }
  docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}{{.State.Status}}{{end}}' "$cid" 2>/dev/null || echo "not running"
}
deadline=$((SECONDS + 60))
for s in db api web; do
  while h=$(state "$s"); [ "$h" != healthy ]; do
    if [ "$h" = "not running" ] || [ $SECONDS -ge $deadline ]; then
      die "$s is $h (project '${COMPOSE_PROJECT_NAME:-default}'). upgrade.sh backs up the running database first, so start the current version and wait until it is healthy: docker compose up -d --wait (see docker compose ps and docker compose logs $s)"
    fi
    say "waiting for $s to be healthy (now $h)"
    sleep 3
  done
done

# --- 2./3. what runs now ------------------------------------------------------------------
api_image=$(configured_image api); web_image=$(configured_image web)
api_cid=$(compose_cid api); web_cid=$(compose_cid web)
old_web_id=$(docker inspect -f '{{.Image}}' "$web_cid")
# app_info's third field is the container's image id.
IFS='|' read -r old_version old_commit old_api_id <<<"$(app_info "$api_cid")"
[ -n "$old_api_id" ] || die "cannot inspect the api container $api_cid"
IFS='|' read -r _ _ _ old_schema old_count <<<"$(psql_db -c "$SQL_META")"
old_db_image=$(docker inspect -f '{{.Config.Image}}' "$(compose_cid db)")

prev_head='' prev_checkout=''
if $have_git; then
  prev_head=$(git rev-parse HEAD)
  prev_checkout=$(git symbolic-ref -q --short HEAD || echo "$prev_head")
fi
# The commit to go back to: the one the running image was built from (GIT_COMMIT), when it
# is known and differs from the checkout (e.g. after `git pull`); else the checkout itself.
rollback_ref=
if $have_git; then
  if [ -n "$ref" ]; then rollback_ref=$prev_checkout
  elif [ -n "$old_commit" ] && git rev-parse --verify -q "$old_commit^{commit}" >/dev/null \
       && [ "$(git rev-parse "$old_commit^{commit}")" != "$prev_head" ]; then rollback_ref=$old_commit
  fi
fi

rollback_tag() { # image name -> the tag that keeps it for a rollback
  local img=${1%@*} repo tag
  repo=${img%:*}; tag=${img##*:}
  case $tag in */*) repo=$img; tag=latest ;; esac
  [ "$repo" != "$img" ] || tag=latest
  if [ "$tag" = latest ]; then echo "$repo:rollback"; else echo "$repo:$tag-rollback"; fi
}
api_rollback=$(rollback_tag "$api_image"); web_rollback=$(rollback_tag "$web_image")

say "running now: app ${old_version:-unknown}${old_commit:+ ($old_commit)}, schema ${old_schema:-none} ($old_count migrations)"
say "images: api $api_image = ${old_api_id:7:12}, web $web_image = ${old_web_id:7:12}${prev_head:+; checkout ${prev_head:0:12}}"
if ! $assume_yes; then
  [ -t 0 ] || die "refusing to upgrade without confirmation: stdin is not a terminal (pass --yes)"
  printf 'Back up, then build and start %s (project %s)? Type "yes" to continue: ' \
    "${ref:-the code checked out now}" "${COMPOSE_PROJECT_NAME:-default}"
  read -r answer || answer=
  [ "$answer" = yes ] || die "not confirmed; nothing was changed"
fi

# --- 2. backup ------------------------------------------------------------------------------
backup_args=(--dir "$backup_dir")
$full_verify && backup_args+=(--and-verify)
backup_out=$(mktemp "${TMPDIR:-/tmp}/stockroom-upgrade.XXXXXX")
trap 'rm -f -- "$backup_out"' EXIT
if ! scripts/backup.sh "${backup_args[@]}" 2>&1 | tee "$backup_out"; then
  die "the backup failed; nothing was changed"
fi
backup_file=$(sed -n 's/^backup: wrote \(.*\) ([^()]*)$/\1/p' "$backup_out" | tail -n1)
[ -f "$backup_file" ] || die "cannot tell which file the backup wrote; nothing was changed"

# --- 3. keep the running images -------------------------------------------------------------
docker tag "$old_api_id" "$api_rollback"
docker tag "$old_web_id" "$web_rollback"
say "kept the running images as $api_rollback and $web_rollback"

record=$backup_dir/upgrade-$(date -u +%Y%m%dT%H%M%SZ).txt
rollback_commands() {
  echo "    cd $repo_root"
  local v
  for v in COMPOSE_PROJECT_NAME API_IMAGE WEB_IMAGE; do
    if [ -n "${!v:-}" ]; then echo "    export $v=${!v}"; fi
  done
  if [ -n "$rollback_ref" ]; then echo "    git checkout $rollback_ref"; fi
  echo "    docker tag $api_rollback $api_image"
  echo "    docker tag $web_rollback $web_image"
  echo "    scripts/restore.sh $backup_file --yes"
  echo "    docker compose up -d --no-build --wait"
}
{
  echo "Stockroom upgrade started $(date -u +%Y-%m-%dT%H:%M:%SZ)"
  echo "before: app ${old_version:-unknown} (${old_commit:-no commit}), schema ${old_schema:-none} ($old_count migrations)"
  echo "before: git ${prev_head:-none}, api image $old_api_id, web image $old_web_id"
  echo "backup: $backup_file"
  echo "Rollback commands:"
  rollback_commands
} >"$record"

# --- 4. new code, build, start ----------------------------------------------------------------
if [ -n "$ref" ]; then
  say "checking out $ref"
  git checkout -q "$ref"
fi
new_db_image=$(configured_image db)
if [ "$new_db_image" != "$old_db_image" ]; then
  [ -z "$ref" ] || git checkout -q "$prev_checkout"
  die "the new version runs the database from $new_db_image instead of $old_db_image; upgrade.sh does not change PostgreSQL images (a major upgrade needs a dump and restore, see README). Nothing was changed; the backup is $backup_file"
fi
if $have_git; then
  export GIT_COMMIT=${GIT_COMMIT:-$(git rev-parse --short HEAD)}
fi
if [ -z "${APP_VERSION:-}" ]; then
  APP_VERSION=$(sed -n 's/^  "version": "\([^"]*\)",$/\1/p' package.json | head -n1)
  [ -z "$APP_VERSION" ] || export APP_VERSION
fi

say "building ${APP_VERSION:+app $APP_VERSION }${GIT_COMMIT:+($GIT_COMMIT)}"
if ! compose build api web; then
  [ -z "$ref" ] || git checkout -q "$prev_checkout"
  echo "$prog: error: the build failed; the running stack was not touched${ref:+ (checked out $prev_checkout again)}. The backup is $backup_file" >&2
  exit 1
fi

say "starting the new version (waiting up to $wait_timeout s for it to be healthy)"
t_up=$(now)
if ! compose up -d --no-build --wait --wait-timeout "$wait_timeout"; then
  {
    echo
    echo "$prog: error: UPGRADE FAILED: the new version did not become healthy (gave up after $(since "$t_up") s; limit $wait_timeout s)."
    echo "--- docker compose ps ---"
    compose ps -a 2>&1 || true
    # db-provision runs first (same image and settings): its failure stops the api's start.
    for s in db-provision api; do
      echo "--- last 30 lines of docker compose logs $s ---"
      compose logs --no-color --no-log-prefix --tail 30 "$s" 2>&1 | sed 's/\x1b\[[0-9;]*[A-Za-z]//g' || true
    done
    echo "---"
    echo "Roll back to app ${old_version:-unknown}${old_commit:+ ($old_commit)} with the data as of the backup"
    echo "(the images that ran before are kept, nothing is rebuilt):"
    echo
    echo "Rollback commands:"
    rollback_commands
    echo
    echo "These are also in $record."
  } >&2
  echo "upgrade FAILED after $(since "$t0") s" >>"$record"
  exit 1
fi

# --- 5. report ---------------------------------------------------------------------------------
IFS='|' read -r new_version new_commit new_api_id <<<"$(app_info "$(compose_cid api)")"
IFS='|' read -r _ _ _ new_schema new_count <<<"$(psql_db -c "$SQL_META")"
say "upgraded in $(since "$t0") s (up until healthy: $(since "$t_up") s)"
say "app:    ${old_version:-unknown}${old_commit:+ ($old_commit)} -> ${new_version:-unknown}${new_commit:+ ($new_commit)}"
say "schema: ${old_schema:-none} ($old_count) -> ${new_schema:-none} ($new_count)"
say "backup taken before: $backup_file"
say "previous images kept as $api_rollback, $web_rollback (to roll back: see $record)"
echo "upgraded to app ${new_version:-unknown} (${new_commit:-no commit}), api image $new_api_id, schema ${new_schema:-none}, in $(since "$t0") s" >>"$record"
