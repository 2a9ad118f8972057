#!/usr/bin/env bash
# Drill 03: `docker compose stop` while 24 clients have reads (long lists, searches) and
# writes in flight, then `docker compose up -d --wait` while they keep retrying.
#
# Expect: every container exits 0 (not OOM-killed, not SIGKILLed) within its
# stop_grace_period; no request is cut inside a transaction: a write either got its answer
# before the stop, or failed without reaching the API (connection refused/reset) and, retried
# with its Idempotency-Key on the restarted stack, is in the ledger exactly once; no request
# got a 5xx while the stack stopped and started; the ledger and balances agree; the stack is
# healthy again. Figures: each service's stop time against its grace period, restart time,
# what the in-flight requests got.
# Run through scripts/drills/run.sh (or see there how to run it against your own stack).
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
# shellcheck source=scripts/drills/lib.sh
. "$(dirname "$0")/lib.sh"

# Keys are retried through the whole stop and start, so their deadline outlasts both.
load_start 03 --clients 24 --items 8 --think-ms 200 --read-share 0.35 --timeout-ms 20000 --deadline-s 180
sleep 3

# The services running now (not a one-shot job such as db-provision, which has exited).
services=$(dc ps --services --status running)
events_since=$(date +%s.%N)
stop_ms=$(now_ms)
dc stop >/dev/null 2>&1
stop_s=$(ms_since "$stop_ms")
events_until=$(date +%s.%N)

# Docker's own record of the stop: when each container was signalled and when it died.
docker events --since "$events_since" --until "$events_until" \
  --filter "label=com.docker.compose.project=$COMPOSE_PROJECT_NAME" --filter type=container \
  --format '{{.TimeNano}} {{.Action}} {{index .Actor.Attributes "com.docker.compose.service"}} {{index .Actor.Attributes "signal"}}{{index .Actor.Attributes "exitCode"}}' \
  >"$work/events"
figure "docker compose stop took" "$stop_s s"
for s in $services; do
  c=$(cid "$s")
  read -r code oom status grace < <(docker inspect -f '{{.State.ExitCode}} {{.State.OOMKilled}} {{.State.Status}} {{.Config.StopTimeout}}' "$c")
  signalled=$(awk -v s="$s" '$2 == "kill" && $3 == s { print $1; exit }' "$work/events")
  died=$(awk -v s="$s" '$2 == "die" && $3 == s { print $1; exit }' "$work/events")
  signal=$(awk -v s="$s" '$2 == "kill" && $3 == s { print $4; exit }' "$work/events")
  took=unknown
  if [ -n "$signalled" ] && [ -n "$died" ]; then
    took=$(awk -v a="$signalled" -v b="$died" 'BEGIN { printf "%.2f", (b - a) / 1e9 }')
  fi
  figure "$s stop: signal $signal -> exit" "$took s (stop_grace_period ${grace:-?} s), exit code $code, OOMKilled $oom"
  if [ "$status" = exited ] && [ "$code" = 0 ] && [ "$oom" = false ] && [ "$took" != unknown ] &&
     awk -v t="$took" -v g="${grace:-10}" 'BEGIN { exit !(t < g) }'; then
    ok "$s exits 0 within its grace period ($took s < ${grace:-10} s)"
  else
    not_ok "$s exits 0 within its grace period" "status $status, exit code $code, OOMKilled $oom, signal -> exit $took s, grace ${grace:-10} s; events:
$(grep " $s " "$work/events" || echo none)"
  fi
done

sleep 2 # the clients meet a stopped stack and keep retrying
up_ms=$(now_ms)
if dc up -d --wait >/dev/null 2>&1; then
  ok "the stack comes back: docker compose up -d --wait"
else
  not_ok "the stack comes back: docker compose up -d --wait" "$(dc ps -a 2>&1)"
fi
figure "docker compose up -d --wait (stopped -> all healthy)" "$(ms_since "$up_ms") s"
sleep 4 # the clients' pending keys get their answers from the restarted stack
load_stop

# What the requests in flight when the stop began got.
# shellcheck disable=SC2016 # JavaScript, not shell
node -e '
  const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  const t = Number(process.argv[2]);
  const inflight = r.requests.filter((q) => q[2] !== "p" && q[0] < t && q[0] + q[1] >= t);
  const by = {};
  for (const q of inflight) { const k = q[4] ?? String(q[3]); by[k] = (by[k] ?? 0) + 1; }
  console.log(`${inflight.length} ${JSON.stringify(by)}`);
' "$load_out" "$stop_ms" >"$work/inflight"
read -r inflight inflight_by <"$work/inflight"
figure "requests in flight when the stop began (answer: count)" "$inflight $inflight_by"
load_stats --since "$stop_ms"
figure "requests failed while the stack stopped and started" "$(load_stat failedRequests) $(load_stat failedByError)"
figure "slowest failed request" "$(load_stat slowestFailureMs) ms"
figure "keys retried after an error / of them ended 2xx / replayed an earlier commit" \
  "$(load_stat keysRetried) / $(load_stat keysRetriedOk) / $(load_stat keysReplayed)"
# A 5xx means something answered half-way: nginx without its API (502/503/504), or the API
# with its database gone (503) - i.e. the stop order or a drain did not hold.
# shellcheck disable=SC2016 # JavaScript, not shell
fivexx=$(node -e 'const s = JSON.parse(process.argv[1]); console.log(Object.entries(s).filter(([k]) => k >= 500).map(([k, n]) => `${n} x ${k}`).join(", "))' "$(load_stat byStatus)")
if [ -z "$fivexx" ]; then
  ok "no request got a 5xx while the stack stopped and started ($(load_stat byStatus))"
else
  not_ok "no request got a 5xx while the stack stopped and started" "$fivexx; errors: $(load_stat failedByError)"
fi
if [ "$(load_stat failedRequests)" -gt 0 ]; then
  ok "the stop was felt: $(load_stat failedRequests) requests failed and were retried or dropped"
else
  not_ok "the stop was felt by the clients" "no request failed"
fi

load_stats --since "$up_ms"
if [ "$(load_stat firstOkEndAt)" != null ]; then
  figure "up -d began -> first successful request on the restarted stack" "$(secs $(( $(load_stat firstOkEndAt) - up_ms ))) s"
fi
load_report 20

drill_done
