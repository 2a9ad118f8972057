#!/usr/bin/env bash
# Drill 02: `docker compose restart db` while 24 clients read and write.
#
# Expect: /api/ready answers 503 while the database is away and 200 again afterwards, without
# the API being restarted (StartedAt and RestartCount unchanged); requests meanwhile fail
# fast with the API's own 503 problem+json (no 500, no proxy error, no timeout; the slowest
# under FAIL_BOUND_S); no partial movement: the ledger and balances agree afterwards.
# Figures: restart time, outage seen by clients, time until ready, errors, slowest failure.
# Run through scripts/drills/run.sh (or see there how to run it against your own stack).
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
# shellcheck source=scripts/drills/lib.sh
. "$(dirname "$0")/lib.sh"

# The bound for a failed request: the API waits at most 10 s for a pooled connection
# (knex acquireConnectionTimeout; opening one is capped at 5 s within that), and with the
# server down, connecting and queries on dropped connections fail at once. A failure slower
# than that means a request hung on something unbounded. The clients' own timeout is 20 s,
# so such a hang shows as a slow failure, not hidden by the client giving up first.
fail_bound_ms=$(( ${FAIL_BOUND_S:-10} * 1000 ))

# --poll: /api/ready every 100 ms through nginx, alongside the clients.
load_start 02 --clients 24 --items 8 --think-ms 200 --read-share 0.4 --timeout-ms 20000 \
  --poll /api/ready --poll-ms 100
sleep 3

api=$(cid api)
api_before=$(docker inspect -f '{{.State.StartedAt}} {{.RestartCount}}' "$api")
t0=$(now_ms)
dc restart db >/dev/null 2>&1
restart_s=$(ms_since "$t0")
# Until the API is ready again (the drill's own view; the figures come from the poller).
deadline=$((SECONDS + 60))
until [ "$(curl -s -o /dev/null -w '%{http_code}' --max-time 3 "$base_url/api/ready" || true)" = 200 ]; do
  [ $SECONDS -lt $deadline ] || break
  sleep 0.2
done
sleep 3 # clients keep going against the recovered database
load_stop
load_stats --since "$t0"

first_503=$(load_stat pollFirstNotReadyAt)
ready_again=$(load_stat pollReadyAgainAt)
if [ "$first_503" != null ]; then
  ok "/api/ready answered 503 while the database was away ($(load_stat pollStatus))"
else
  not_ok "/api/ready answered 503 while the database was away" "poll answers: $(load_stat pollStatus)"
fi
if [ "$ready_again" != null ]; then
  ok "/api/ready is 200 again"
else
  not_ok "/api/ready is 200 again within 60 s" "poll answers: $(load_stat pollStatus)"
fi
api_after=$(docker inspect -f '{{.State.StartedAt}} {{.RestartCount}}' "$api")
if [ "$api_before" = "$api_after" ]; then
  ok "the api container was not restarted (StartedAt RestartCount: $api_after)"
else
  not_ok "the api container was not restarted" "before: $api_before, after: $api_after"
fi

failed_reqs=$(load_stat failedRequests)
by_error=$(load_stat failedByError)
slowest=$(load_stat slowestFailureMs)
first_fail=$(load_stat firstFailureEndAt)
last_fail=$(load_stat lastFailureEndAt)
figure "docker compose restart db took" "$restart_s s"
if [ "$first_fail" != null ]; then
  figure "outage seen by clients (first failed answer -> last failed answer)" "$(secs $((last_fail - first_fail))) s, from $(secs $((first_fail - t0))) s after the restart began"
fi
[ "$first_503" = null ] || figure "restart began -> /api/ready first answered 503" "$(secs $((first_503 - t0))) s"
[ "$ready_again" = null ] || figure "restart began -> /api/ready 200 again" "$(secs $((ready_again - t0))) s"
figure "/api/ready polls after the restart began (status: count), slowest" "$(load_stat pollStatus), $(load_stat pollMaxMs) ms"
figure "requests failed during the outage" "$failed_reqs $by_error ($(load_stat failedWrites) writes, $(load_stat failedReads) reads)"
figure "slowest failed request (bound $((fail_bound_ms / 1000)) s)" "$slowest ms"
figure "keys retried after an error / of them ended 2xx / replayed an earlier commit" \
  "$(load_stat keysRetried) / $(load_stat keysRetriedOk) / $(load_stat keysReplayed)"

if [ "$failed_reqs" -gt 0 ]; then
  ok "the restart was felt: $failed_reqs requests failed"
else
  not_ok "the restart was felt by the clients" "no request failed after the restart began"
fi
# Only the API's own answer is acceptable: a proxy 502/503 means the API died or hung, a 500
# means a connection error escaped the mapping, a timeout or network error means it hung.
# shellcheck disable=SC2016 # JavaScript, not shell
bad=$(node -e 'const e = JSON.parse(process.argv[1]); console.log(Object.entries(e).filter(([k]) => k !== "503 SERVICE_UNAVAILABLE").map(([k, n]) => `${n} x ${k}`).join(", "))' "$by_error")
if [ -z "$bad" ]; then
  ok "every failed request got the API's 503 SERVICE_UNAVAILABLE problem+json"
else
  not_ok "every failed request got the API's 503 SERVICE_UNAVAILABLE problem+json" "also: $bad"
fi
if [ "$slowest" -le "$fail_bound_ms" ]; then
  ok "requests failed fast: slowest failure ${slowest} ms <= ${fail_bound_ms} ms"
else
  not_ok "requests failed fast" "slowest failure ${slowest} ms > ${fail_bound_ms} ms"
fi

load_report 20

drill_done
