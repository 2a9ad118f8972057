# shellcheck shell=bash
# Sourced by each drill: the stack helpers plus the drill's environment, a scratch dir
# and an admin session. Run drills through scripts/drills/run.sh (it starts the stack),
# or export COMPOSE_PROJECT_NAME, BASE_URL, ADMIN_EMAIL and ADMIN_PASSWORD yourself.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/../.."
# shellcheck source=scripts/lib/stack.sh
. scripts/lib/stack.sh

for v in COMPOSE_PROJECT_NAME BASE_URL ADMIN_EMAIL ADMIN_PASSWORD; do
  [ -n "${!v:-}" ] || { echo "drill: error: $v is not set (run it through scripts/drills/run.sh)" >&2; exit 2; }
done
# shellcheck disable=SC2153 # BASE_URL is checked just above, through ${!v}
base_url=$BASE_URL
work=$(mktemp -d "${DRILL_WORK:-${TMPDIR:-/tmp}}/drill.XXXXXX")
# Background processes a drill starts (drill_bg PID) are killed when it exits, even on failure.
drill_pids=()
drill_bg() { drill_pids+=("$1"); }
drill_cleanup() {
  local p
  for p in "${drill_pids[@]}"; do kill -KILL "$p" 2>/dev/null || true; done
  rm -rf "$work"
}
trap drill_cleanup EXIT

# drill_done: the summary line and exit status of a drill.
drill_done() {
  echo "$passed passed, $failed failed"
  [ "$failed" -eq 0 ]
}

# --- load generator and ledger checker (drills 01-03) ---------------------------------------
now_ms() { date +%s%3N; }
# ms_since EPOCH_MS: seconds since then, one decimal.
ms_since() { awk -v a="$1" -v b="$(now_ms)" 'BEGIN { printf "%.1f", (b - a) / 1000 }'; }
# secs MS: milliseconds as seconds, one decimal.
secs() { awk -v a="$1" 'BEGIN { printf "%.1f", a / 1000 }'; }

# drill_token NAME: signs in as the admin and prints a new write-scope API token.
drill_token() {
  sign_in "$ADMIN_EMAIL" "$ADMIN_PASSWORD" >&2 || return 1
  post_json /api/v1/api-tokens "{\"name\":\"$1\",\"scope\":\"write\"}"
  expect 201 application/json >&2 || return 1
  grep -o '"token":"sr_[^"]*"' "$work/b" | cut -d'"' -f4
}

# load_start NAME [load/main.mjs run options...]: starts scripts/drills/load/main.mjs in the background
# with a fresh API token and waits until its items exist. Sets load_pid, load_out, load_log.
load_start() {
  local name=$1 token; shift
  token=$(drill_token "$name") || { echo "drill: error: could not create an API token" >&2; return 1; }
  load_out=$work/load-$name.json load_log=$work/load-$name.log
  rm -f "$work/load-$name.stop" "$work/load-$name.ready"
  LOAD_TOKEN=$token node scripts/drills/load/main.mjs run --out "$load_out" \
    --stop-file "$work/load-$name.stop" --ready-file "$work/load-$name.ready" \
    --run "$name-$(date +%s)" "$@" 2>"$load_log" &
  load_pid=$! load_stop_file=$work/load-$name.stop
  drill_bg "$load_pid"
  local deadline=$((SECONDS + 30))
  until [ -f "$work/load-$name.ready" ]; do
    kill -0 "$load_pid" 2>/dev/null || { echo "drill: error: load generator died:" >&2; cat "$load_log" >&2; return 1; }
    [ $SECONDS -lt $deadline ] || { echo "drill: error: load generator not ready after 30 s" >&2; return 1; }
    sleep 0.2
  done
}

# load_stop: no new movements; waits until the clients' pending keys are settled and the
# result file is written.
load_stop() {
  touch "$load_stop_file"
  wait "$load_pid" || { echo "drill: error: load generator failed:" >&2; cat "$load_log" >&2; return 1; }
  sed 's/^/# /' "$load_log"
}

# load_stats [--since EPOCH_MS]: the load's figures, one "name value" per line, in $work/stats.
# shellcheck disable=SC2120 # the drills pass --since; load_report does not
load_stats() { node scripts/drills/load/main.mjs stats "$load_out" "$@" >"$work/stats"; }
# load_stat NAME: one value from the last load_stats.
load_stat() { awk -v k="$1" '$1 == k { $1 = ""; sub(/^ /, ""); print; found = 1 } END { exit !found }' "$work/stats"; }

# tap_from COMMAND...: runs a command that prints TAP-like lines, shows them and counts its
# ok / not ok lines into this drill's totals (a failure without a `not ok` line counts too).
tap_from() {
  local out rc=0 n
  out=$("$@" 2>&1) || rc=$?
  printf '%s\n' "$out"
  n=$(grep -c '^ok ' <<<"$out" || true); passed=$((passed + n))
  n=$(grep -c '^not ok ' <<<"$out" || true); failed=$((failed + n))
  if [ "$rc" -ne 0 ] && [ "$n" -eq 0 ]; then not_ok "$1 exited $rc"; fi
}

# ledger_check LOAD.json...: scripts/drills/ledger-check.mjs, counted as checks.
ledger_check() { tap_from node scripts/drills/ledger-check.mjs "$@"; }

# load_report TIMEOUT_S: how every drill under load ends: the whole run's totals and latency
# (TIMEOUT_S: the clients' request timeout, for the label), the ledger checked against what
# the clients were told, and every service healthy again for the next drill.
load_report() {
  load_stats # the whole run
  figure "totals" "$(load_stat requests) requests at $(load_stat perSecond)/s ($(load_stat writes) writes, $(load_stat reads) reads), $(load_stat keys) keys: $(load_stat keysOk) 2xx, $(load_stat keysRejected) 4xx $(load_stat keysRejectedByCode), $(load_stat keysUnresolved) unresolved"
  figure "latency p50 / p95 / max, requests that hit the $1 s timeout" \
    "$(load_stat p50Ms) / $(load_stat p95Ms) / $(load_stat maxMs) ms, $(load_stat timeouts)"
  ledger_check "$load_out"
  check "every service is healthy after the drill" wait_all_healthy 60
}
