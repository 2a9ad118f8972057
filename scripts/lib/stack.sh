# shellcheck shell=bash
# Helpers for scripts that drive a running Stockroom Compose stack from the outside
# (scripts/e2e-stack.sh, scripts/drills/*). Source it; it defines functions only.
#
# Expects: COMPOSE_PROJECT_NAME, base_url (http://127.0.0.1:PORT) and work (a scratch
# directory) to be set by the caller before the HTTP helpers are used.

dc() { docker compose "$@"; }

now() { date +%s.%N; }
elapsed() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

# free_port: an unused TCP port on this host.
free_port() {
  node -e 'const s=require("net").createServer();s.listen(0,"0.0.0.0",()=>{console.log(s.address().port);s.close()})'
}

# dockerlab_prepare REPO_ROOT: on the development machines (no registry) start dockerd and
# build local stand-ins of the base images; on a normal Docker host it does not exist.
dockerlab_prepare() {
  local dockerlab=${DOCKERLAB:-$1/../shared/dockerlab}
  if [ -d "$dockerlab" ]; then
    "$dockerlab/setup"
    "$dockerlab/images" "$1"
  fi
}

# --- a throw-away stack -------------------------------------------------------------------
# The life of the stack a test or drill script starts for itself: stack_env, a trap that
# calls stack_report (on failure) and stack_remove, then stack_up.

# require_compose: exit 2 with a message unless docker and compose v2 are here.
require_compose() {
  command -v docker >/dev/null || { echo "error: docker is required" >&2; exit 2; }
  docker compose version >/dev/null || { echo "error: docker compose (v2) is required" >&2; exit 2; }
}

# stack_env NAME: export COMPOSE_PROJECT_NAME (stockroom-NAME-PID), HTTP_PORT (a free port
# unless set), BASE_URL on it, and GIT_COMMIT (for the images' version label). The project
# name is never taken from the environment: the stack is removed with its volume at the end,
# and a COMPOSE_PROJECT_NAME left set in a shell could name the real one.
stack_env() {
  export COMPOSE_PROJECT_NAME="stockroom-$1-$$"
  export HTTP_PORT="${HTTP_PORT:-$(free_port)}"
  export BASE_URL="http://127.0.0.1:$HTTP_PORT"
  export GIT_COMMIT="${GIT_COMMIT:-$(git rev-parse --short HEAD 2>/dev/null || echo unknown)}"
}

# stack_up: build the images and start the stack, returning once every service is healthy.
stack_up() {
  local t
  t=$(now)
  dc build --quiet || return
  info "images built in $(elapsed "$t") s"
  t=$(now)
  dc up -d --wait || return
  info "stack healthy in $(elapsed "$t") s"
}

# stack_report LINES [SERVICE...]: what a failed run leaves to read: ps and the last LINES
# of the logs, as comments.
stack_report() {
  info "--- docker compose ps / logs (last $1 lines per service) ---"
  dc ps -a 2>&1 | sed 's/^/# /' || true
  dc logs --no-color --tail "$1" "${@:2}" 2>&1 | sed 's/^/# /' || true
}

# stack_remove: containers, networks and the volume of this project (images stay cached).
stack_remove() {
  info "removing project $COMPOSE_PROJECT_NAME"
  dc down -v --remove-orphans --timeout 30 >/dev/null 2>&1 || dc down -v --remove-orphans || true
}

# --- docker -------------------------------------------------------------------------------
# cid SERVICE: the first container of SERVICE. sed reads to the end: `head -n1` would exit
# early and, with several replicas, compose's next line would kill it with SIGPIPE, which
# pipefail turns into a failed assignment (see logs_have).
cid() { dc ps -a -q "$1" | sed -n 1p; }
health() { docker inspect -f '{{if .State.Health}}{{.State.Health.Status}}{{else}}none{{end}}' "${2:-$(cid "$1")}"; }
wait_healthy() { # wait_healthy SERVICE TIMEOUT_S
  local deadline=$((SECONDS + $2)) h=missing
  while [ $SECONDS -lt $deadline ]; do
    h=$(health "$1" 2>/dev/null || echo missing)
    [ "$h" = healthy ] && return 0
    sleep 0.5
  done
  echo "$1 is '$h' after $2 s"; return 1
}
# all_healthy: every service of the project is running and healthy, or a one-shot job that
# completed (names the others).
all_healthy() {
  local s h bad=0
  for s in $(dc config --services); do
    h=$(health "$s" 2>/dev/null || echo missing)
    # A one-shot job without a health check (db-provision) is done when it exited 0.
    if [ "$h" = none ]; then
      h=$(docker inspect -f '{{if and (eq .State.Status "exited") (eq .State.ExitCode 0)}}healthy{{else}}{{.State.Status}} (exit {{.State.ExitCode}}){{end}}' "$(cid "$s")")
    fi
    [ "$h" = healthy ] || { echo "$s is $h"; bad=1; }
  done
  return $bad
}
# wait_all_healthy TIMEOUT_S: until all_healthy, or names the laggards after TIMEOUT_S.
wait_all_healthy() {
  local deadline=$((SECONDS + $1))
  until all_healthy >/dev/null; do
    [ $SECONDS -lt "$deadline" ] || { all_healthy; return 1; }
    sleep 0.5
  done
}
# logs_have SERVICE TEXT: the service's log (every run of its container) contains TEXT.
# The log is read to its end before it is searched: under `set -o pipefail`,
# `dc logs | grep -q` fails whenever grep finds TEXT and exits while compose is still
# writing (compose then dies of SIGPIPE, status 141), so a present line could read as absent.
logs_have() {
  local log
  log=$(dc logs --no-color "$1" 2>&1) || return
  grep -qF -- "$2" <<<"$log"
}
psql_db() { dc exec -T db sh -c 'exec psql -v ON_ERROR_STOP=1 -At -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "$1"' psql "$1"; }

# --- HTTP (curl, one cookie jar per scratch dir) -----------------------------------------------
# req METHOD PATH [curl args...]: sets $status; headers in $work/h, body in $work/b.
req() {
  local method=$1 path=$2; shift 2
  status=$(curl -sS -o "$work/b" -D "$work/h" -w '%{http_code}' --max-time 10 \
                -b "$work/cookies" -c "$work/cookies" \
                -X "$method" "$@" "$base_url$path" 2>"$work/curl.err") || status=000
}
header() { grep -i "^$1:" "$work/h" | head -n1 | cut -d: -f2- | tr -d '\r' | sed 's/^ *//'; }
header_count() { grep -ci "^$1:" "$work/h" || true; }
show() { echo "status $status"; tr -d '\r' <"$work/h" | head -20; head -c 400 "$work/b"; echo; cat "$work/curl.err" 2>/dev/null; }
expect() { # expect STATUS CONTENT-TYPE-PREFIX [BODY-REGEX]
  [ "$status" = "$1" ] || { echo "expected status $1"; show; return 1; }
  case $(header Content-Type) in "$2"*) ;; *) echo "expected Content-Type $2*"; show; return 1 ;; esac
  if [ -n "${3:-}" ] && ! grep -Eq -- "$3" "$work/b"; then echo "body does not match /$3/"; show; return 1; fi
}
get_ok() { req GET "$1"; expect "$2" "$3" "${4:-}"; }
post_json() { req POST "$1" -H 'Content-Type: application/json' -H 'X-Requested-With: stockroom' "${@:3}" --data "$2"; }
json_id() { grep -o '"id":[0-9]*' "$work/b" | head -n1 | cut -d: -f2; }
# sign_in EMAIL PASSWORD: a session in $work/cookies.
sign_in() {
  post_json /api/v1/auth/login "{\"email\":\"$1\",\"password\":\"$2\"}"
  expect 200 application/json
}

# --- TAP-like reporting ----------------------------------------------------------------------
passed=0
failed=0
ok() { passed=$((passed + 1)); echo "ok - $1"; }
not_ok() {
  failed=$((failed + 1)); echo "not ok - $1"
  if [ -n "${2:-}" ]; then printf '%s\n' "$2" | sed 's/^/#   /' | head -30; fi
}
# check NAME COMMAND...: COMMAND's output is shown only when it fails.
check() {
  local name=$1 out; shift
  if out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$out"; fi
}
info() { echo "# $*"; }
# figure NAME VALUE: a measured figure, greppable in CI logs as "# figure: ...".
figure() { echo "# figure: $1: $2"; }
