#!/usr/bin/env bash
# The app in a real browser: starts the compose stack (as scripts/e2e-stack.sh does), runs
# the browser walk (src/*.test.ts, Vitest + playwright-core + Debian's chromium) or the
# page-weight measurement (src/measure.ts) against it, and always removes the stack.
set -euo pipefail

usage() {
  cat <<'EOF'
Usage: bash e2e/run.sh [--update-screenshots] [VITEST ARGS...]   (npm run test:browser)
       bash e2e/run.sh --measure [--items N] [--movements M]      (npm run measure -w e2e)

Walk mode (default) builds the images, starts db + api + web under a throw-away project
name on a free port WITHOUT ADMIN_EMAIL, so the walk does the real first-run setup with the
setup token from `docker compose logs api`, then walks the app at desktop (1280x800) and
phone (390x844) size. When the walk passed, the stack starts again, fresh, with the HTTPS
listener (docker-compose.https.yml) for the camera walk (src/camera-scan.walk.ts: a label
as Chromium's fake camera, at phone size; needs pdftoppm). The stack is removed (down -v)
at the end, pass or fail.

Options:
  --update-screenshots  also save docs/screenshots/<page>-<desktop|phone>.png
                        (same as UPDATE_SCREENSHOTS=1)
  --measure             run src/measure.ts and src/lighthouse.ts (Lighthouse performance,
                        desktop, of / and /items) instead of the walk, on a stack seeded with
                        --items N (default 100000) and --movements M (default 1000000)
  -h, --help            this text
  Anything else is passed to vitest, e.g. -t phone.

Environment:
  BASE_URL              use this running stack instead of starting one (e.g. http://localhost).
                        Then E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD must be an admin of it, and
                        the first-run setup step is left out. Only failed sign-ins are throttled
                        (README, Sign-in policy); a walk's sign-ins all succeed.
  CHROMIUM_PATH         the browser (default /usr/bin/chromium; apt-get install chromium)
  HTTP_PORT             host port for the stack (default: a free one)
  API_IMAGE, WEB_IMAGE  image tags compose builds (compose's defaults when unset)
  DOCKERLAB             as in scripts/e2e-stack.sh (default ../shared/dockerlab)
EOF
}

e2e_dir=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo_root=$(dirname "$e2e_dir")

mode=walk
items=100000
movements=1000000
vitest_args=()
while [ $# -gt 0 ]; do
  case $1 in
    -h | --help) usage; exit 0 ;;
    --update-screenshots) export UPDATE_SCREENSHOTS=1 ;;
    --measure) mode=measure ;;
    --items) items=${2:?error: --items needs a number}; shift ;;
    --movements) movements=${2:?error: --movements needs a number}; shift ;;
    *) vitest_args+=("$1") ;;
  esac
  shift
done

chromium=${CHROMIUM_PATH:-/usr/bin/chromium}
[ -x "$chromium" ] || {
  echo "error: no browser at $chromium; install Debian's chromium (apt-get install chromium) or set CHROMIUM_PATH" >&2
  exit 2
}

run_tool() {
  cd "$e2e_dir"
  # Not BASE_URL inside: Vitest sets that one to Vite's base path ("/").
  export E2E_BASE_URL=$BASE_URL
  if [ "$mode" = measure ]; then
    npx tsx src/measure.ts
    echo
    npx tsx src/lighthouse.ts
  else
    npx vitest run "${vitest_args[@]}"
  fi
}

# --- a stack someone else runs -------------------------------------------------------------
if [ -n "${BASE_URL:-}" ]; then
  if [ -z "${E2E_ADMIN_EMAIL:-}" ] || [ -z "${E2E_ADMIN_PASSWORD:-}" ]; then
    echo "error: with BASE_URL, set E2E_ADMIN_EMAIL and E2E_ADMIN_PASSWORD to an admin of that stack" >&2
    exit 2
  fi
  echo "# using the running stack at $BASE_URL"
  run_tool
  exit
fi

# --- our own stack ---------------------------------------------------------------------------
cd "$repo_root"
# shellcheck source=scripts/lib/stack.sh
. scripts/lib/stack.sh
dockerlab_prepare "$repo_root" >/dev/null
require_compose
stack_env browser
if [ "$mode" = measure ]; then
  # The measurement is about the items page, not first-run setup: create the admin at start.
  export ADMIN_EMAIL="measure-admin@example.com"
  ADMIN_PASSWORD="measure-$(date +%s)-$RANDOM-password"
  export ADMIN_PASSWORD E2E_ADMIN_EMAIL=$ADMIN_EMAIL E2E_ADMIN_PASSWORD=$ADMIN_PASSWORD
else
  # No first admin from the environment: the walk does the real first-run setup.
  unset ADMIN_EMAIL ADMIN_PASSWORD E2E_ADMIN_EMAIL E2E_ADMIN_PASSWORD
  export E2E_COMPOSE_DIR=$repo_root
fi

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  [ "$rc" -eq 0 ] || stack_report 40 api
  stack_remove
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

info "project $COMPOSE_PROJECT_NAME at $BASE_URL"
stack_up >/dev/null

if [ "$mode" = measure ]; then
  info "seeding $items items and $movements movements"
  t=$(now)
  dc exec -T api node dist/cli/seed.js --items "$items" --movements "$movements"
  info "seeded in $(elapsed "$t") s"
  export MEASURE_CONDITIONS="$items items, $movements movements, stack from this checkout ($GIT_COMMIT)"
fi

t=$(now)
rc=0
(run_tool) || rc=$?
info "browser $mode: $(elapsed "$t") s"
[ "$mode" = walk ] && [ "$rc" -eq 0 ] || exit "$rc"

# --- the camera, over HTTPS ----------------------------------------------------------------------
# Browsers give the camera only to secure pages: the same stack again, fresh, with the HTTPS
# listener (docker-compose.https.yml, self-signed) and a first admin, then the camera walk
# (src/camera-scan.walk.ts) at phone size with a label as Chromium's fake camera.
t=$(now)
stack_remove
export COMPOSE_FILE=docker-compose.yml:docker-compose.https.yml TLS_MODE=self-signed
HTTPS_PORT=$(free_port)
export HTTPS_PORT ADMIN_EMAIL="camera-admin@example.com"
ADMIN_PASSWORD="camera-$(date +%s)-$RANDOM-password"
export ADMIN_PASSWORD E2E_ADMIN_EMAIL=$ADMIN_EMAIL E2E_ADMIN_PASSWORD=$ADMIN_PASSWORD
dc up -d --wait >/dev/null
info "HTTPS stack at https://localhost:$HTTPS_PORT in $(elapsed "$t") s"
command -v pdftoppm >/dev/null || { echo "error: the camera walk needs pdftoppm (apt-get install poppler-utils)" >&2; exit 2; }
t=$(now)
(cd "$e2e_dir" && E2E_BASE_URL=https://localhost:$HTTPS_PORT npx vitest run --config vitest.camera.config.ts) || rc=$?
info "camera walk: $(elapsed "$t") s"
exit "$rc"
