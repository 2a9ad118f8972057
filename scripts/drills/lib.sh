# Sourced by each drill: the stack helpers plus the drill's environment, a scratch dir
# and an admin session. Run drills through scripts/drills/run.sh (it starts the stack),
# or export COMPOSE_PROJECT_NAME, BASE_URL, ADMIN_EMAIL and ADMIN_PASSWORD yourself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=../lib/stack.sh
. scripts/lib/stack.sh

for v in COMPOSE_PROJECT_NAME BASE_URL ADMIN_EMAIL ADMIN_PASSWORD; do
  [ -n "${!v:-}" ] || { echo "drill: error: $v is not set (run it through scripts/drills/run.sh)" >&2; exit 2; }
done
base_url=$BASE_URL
work=$(mktemp -d "${DRILL_WORK:-${TMPDIR:-/tmp}}/drill.XXXXXX")
trap 'rm -rf "$work"' EXIT

# drill_done: the summary line and exit status of a drill.
drill_done() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}
