#!/usr/bin/env bash
# Failure and abuse drills against the real Compose stack (issue 5); run by .ci/run.
#
# Usage: scripts/drills/run.sh [DRILL...]     e.g. scripts/drills/run.sh 01 04
#
# Builds the images, starts one throw-away stack (own project name, free port, first
# admin from ADMIN_EMAIL/ADMIN_PASSWORD), then runs each scripts/drills/NN-*.sh in order
# (all of them unless DRILLs are named) and removes everything at the end. A drill gets
# the stack healthy and must leave it healthy (or rebuilt) for the next one. Each drill
# prints TAP-like `ok`/`not ok` lines and `# figure: ...` lines and exits non-zero when
# an expectation broke; this script exits non-zero when any drill did.
#
# A drill can also run alone against a stack you started, e.g.:
#   COMPOSE_PROJECT_NAME=stockroom BASE_URL=http://127.0.0.1 ADMIN_EMAIL=... \
#     ADMIN_PASSWORD=... scripts/drills/01-api-killed.sh
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/../.."
repo_root=$PWD
# shellcheck source=scripts/lib/stack.sh
. scripts/lib/stack.sh

case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac

mapfile -t drills < <(find scripts/drills -maxdepth 1 -name '[0-9][0-9]-*.sh' | sort)
if [ $# -gt 0 ]; then
  selected=()
  for want in "$@"; do
    match=$(printf '%s\n' "${drills[@]}" | grep -F "/$want" | head -n1) \
      || { echo "drills: error: no drill matches '$want'" >&2; exit 2; }
    selected+=("$match")
  done
  drills=("${selected[@]}")
fi

dockerlab_prepare "$repo_root"
require_compose
stack_env drills
export ADMIN_EMAIL="drills-admin@example.com"
ADMIN_PASSWORD="drills-$(date +%s)-$RANDOM-password"
export ADMIN_PASSWORD
# Not the default: drill 05 looks for the running database password in the images.
export POSTGRES_PASSWORD="${POSTGRES_PASSWORD:-drills-db-$RANDOM$RANDOM$RANDOM}"
export DRILL_WORK
DRILL_WORK=$(mktemp -d "${TMPDIR:-/tmp}/stockroom-drills.XXXXXX")

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ "$rc" -eq 0 ] || stack_report 40
  stack_remove
  rm -rf "$DRILL_WORK"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

info "project $COMPOSE_PROJECT_NAME, $BASE_URL, drills: ${drills[*]##*/}"
stack_up

failed_drills=()
for drill in "${drills[@]}"; do
  name=$(basename "$drill" .sh)
  echo "=== drill $name"
  t=$(now)
  if bash "$drill"; then
    info "drill $name passed in $(elapsed "$t") s"
  else
    failed_drills+=("$name")
    info "drill $name FAILED after $(elapsed "$t") s"
  fi
done

if [ ${#failed_drills[@]} -gt 0 ]; then
  echo "drills failed: ${failed_drills[*]}"
  exit 1
fi
echo "all ${#drills[@]} drills passed"
