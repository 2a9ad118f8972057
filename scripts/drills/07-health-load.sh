#!/usr/bin/env bash
# Drill 07: health checks under load. For HEALTH_DRILL_S seconds (default 120) 32 clients
# post movements with no pause (the API saturated on a 2-core box) while the db's own
# health check (the test in its compose healthcheck) runs in HEALTH_DRILL_LOOPS (4)
# parallel `docker exec` loops as fast as they go, one more loop leaves orphaned pg_isready
# processes that die of SIGPIPE (what a health check killed at its timeout leaves behind),
# and /api/ready is polled through nginx every 250 ms. Docker's own checks run as usual.
# HEALTH_DRILL_ORPHANS=0 leaves the orphans out (readiness under load alone).
#
# Expect: zero restarts: no container restarted (RestartCount and StartedAt unchanged) and
# no PostgreSQL crash restart ("terminated by signal", "reinitializing" in the db log);
# /api/ready answers 200 to every poll, each within the container health check's 6 s
# deadline (readiness has its own database connection and does not queue behind the
# application's pool); Docker never marks a service unhealthy; the ledger and balances agree.
# Figures: readiness latency p50 / p99 / max under load, db health checks run, restarts,
# Docker's longest failing streak per service, the load's totals.
# Run through scripts/drills/run.sh (or see there how to run it against your own stack).
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
# shellcheck source=scripts/drills/lib.sh
. "$(dirname "$0")/lib.sh"

duration_s=${HEALTH_DRILL_S:-120}
loops=${HEALTH_DRILL_LOOPS:-4}
[[ $duration_s =~ ^[1-9][0-9]*$ && $loops =~ ^[1-9][0-9]*$ ]] ||
  { echo "drill: error: HEALTH_DRILL_S and HEALTH_DRILL_LOOPS must be whole numbers > 0" >&2; exit 2; }
# healthcheck.js's own deadline (backend/src/healthcheck.ts): slower counts as a failed check.
ready_bound_ms=6000

db=$(cid db)
mapfile -t containers < <(dc ps -a -q)
restarts() { local c; for c in "${containers[@]}"; do docker inspect -f '{{.Name}} {{.RestartCount}} {{.State.StartedAt}}' "$c"; done; }
restarts >"$work/restarts-before"
# The db's health check exactly as compose defines it (exec form, or CMD-SHELL through sh -c).
# shellcheck disable=SC2016 # JavaScript, not shell
mapfile -t db_check < <(docker inspect -f '{{json .Config.Healthcheck.Test}}' "$db" | node -e '
  const t = JSON.parse(require("fs").readFileSync(0, "utf8"));
  console.log((t[0] === "CMD-SHELL" ? ["sh", "-c", t[1]] : t.slice(1)).join("\n"));')
info "db health check: ${db_check[*]}"
logs_since=$(date -u +%Y-%m-%dT%H:%M:%S.%NZ)

load_start 07 --clients 32 --items 8 --think-ms 0 --read-share 0.1 --timeout-ms 20000 \
  --poll /api/ready --poll-ms 250
t0=$(now_ms)
end=$((SECONDS + duration_s))

# The health check, back to back in parallel loops; one line per run: its exit status.
for i in $(seq "$loops"); do
  ( while [ $SECONDS -lt $end ]; do
      rc=0; docker exec "$db" "${db_check[@]}" >/dev/null 2>&1 || rc=$?
      echo "$rc"
    done >"$work/check-$i" ) &
  drill_bg $!
done
# Orphans: the shell exits at once, pg_isready is re-parented to the container's PID 1 and
# dies of SIGPIPE writing its status line into a closed pipe. PostgreSQL as PID 1 reaps it
# as one of its own backends, crashed; an init reaps it and nothing happens.
( while [ "${HEALTH_DRILL_ORPHANS:-1}" != 0 ] && [ $SECONDS -lt $end ]; do
    docker exec "$db" sh -c 'pg_isready -h 127.0.0.1 | head -c 0 & exit 0' >/dev/null 2>&1 || true
    echo 0
    sleep 0.2
  done >"$work/orphans" ) &
drill_bg $!
# Docker's view of every container's health, once a second. Containers without a health
# check (the db-provision job, exited 0 before the drill) have no health to keep.
( while [ $SECONDS -lt $end ]; do
    for c in "${containers[@]}"; do
      docker inspect -f '{{if .State.Health}}{{.Name}} {{.State.Health.Status}} {{.State.Health.FailingStreak}}{{end}}' "$c" 2>/dev/null | grep . || true
    done
    sleep 1
  done >"$work/health" ) &
drill_bg $!

while [ $SECONDS -lt $end ]; do sleep 1; done
sleep 2 # the last loops finish their run
load_stop
load_stats --since "$t0"

# --- readiness ---------------------------------------------------------------------------------
figure "/api/ready through nginx under load, p50 / p99 / max ($(load_stat polls) polls)" \
  "$(load_stat pollP50Ms) / $(load_stat pollP99Ms) / $(load_stat pollMaxMs) ms"
figure "/api/ready answers (status: count)" "$(load_stat pollStatus)"
poll_status=$(load_stat pollStatus)
if [[ $poll_status =~ ^\{\"200\":[0-9]+\}$ ]]; then
  ok "/api/ready answered 200 to every poll while the API was saturated"
else
  not_ok "/api/ready answered 200 to every poll while the API was saturated" "answers: $poll_status; errors: $(load_stat byError)"
fi
if [ "$(load_stat pollMaxMs)" -lt "$ready_bound_ms" ]; then
  ok "every /api/ready answer came within the health check's deadline ($(load_stat pollMaxMs) ms < $ready_bound_ms ms)"
else
  not_ok "every /api/ready answer came within the health check's deadline" "slowest $(load_stat pollMaxMs) ms, bound $ready_bound_ms ms"
fi

# --- health checks and restarts ------------------------------------------------------------------
runs=$(cat "$work"/check-* | wc -l)
failed_runs=$(cat "$work"/check-* | grep -cv '^0$' || true)
figure "db health checks run by the drill (failed) / orphan runs" \
  "$runs ($failed_runs) in $duration_s s / $(wc -l <"$work/orphans")"
if [ "$failed_runs" -eq 0 ]; then
  ok "every db health check the drill ran passed ($runs)"
else
  not_ok "every db health check the drill ran passed" "$failed_runs of $runs failed"
fi
while read -r name seen streak; do
  figure "${name#/}: health states seen / Docker's longest failing streak" "$seen / $streak"
done < <(awk '{ if (!($1 in max) || $3 > max[$1]) max[$1] = $3
                if (index("," seen[$1] ",", "," $2 ",") == 0) seen[$1] = seen[$1] (seen[$1] == "" ? "" : ",") $2 }
              END { for (n in max) print n, seen[n], max[n] }' "$work/health" | sort)
if grep -qv ' healthy ' "$work/health"; then
  not_ok "Docker kept every service healthy" "$(grep -v ' healthy ' "$work/health" | sort | uniq -c | head)"
else
  ok "Docker kept every service healthy ($(wc -l <"$work/health") samples)"
fi

restarts >"$work/restarts-after"
if diff "$work/restarts-before" "$work/restarts-after" >"$work/restarts-diff"; then
  ok "no container restarted (RestartCount and StartedAt unchanged)"
else
  not_ok "no container restarted" "$(cat "$work/restarts-diff")"
fi
docker logs --since "$logs_since" "$db" >"$work/db.log" 2>&1
crashes=$(grep -c 'terminated by signal\|was terminated by\|reinitializing' "$work/db.log" || true)
server_restarts=$(grep -c 'all server processes terminated; reinitializing' "$work/db.log" || true)
figure "database restarts: container / server crash-restarts" \
  "$(($(awk '{ s += $2 } END { print s }' "$work/restarts-after") - $(awk '{ s += $2 } END { print s }' "$work/restarts-before"))) / $server_restarts"
if [ "$crashes" -eq 0 ]; then
  ok "PostgreSQL never crash-restarted (no 'terminated by signal' or 'reinitializing' in its log)"
else
  not_ok "PostgreSQL never crash-restarted" "$(grep 'terminated by signal\|was terminated by\|reinitializing' "$work/db.log" | head -5)"
fi

load_report 20

drill_done
