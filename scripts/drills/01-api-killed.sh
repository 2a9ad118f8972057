#!/usr/bin/env bash
# Drill 01: the API process is killed (kill -9) while 24 clients post movements.
#
# Expect: Docker restarts the api container by its restart policy and it turns healthy; every
# movement answered 2xx is in the ledger exactly once; every client that retried its
# Idempotency-Key after an error ends with exactly one movement (or a definitive 4xx and
# none); balances equal the ledger for every item x location.
# Figures: kill -> healthy, kill -> first successful request, requests failed meanwhile, totals.
# Run through scripts/drills/run.sh (or see there how to run it against your own stack).
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
# shellcheck source=scripts/drills/lib.sh
. "$(dirname "$0")/lib.sh"

load_start 01 --clients 24 --items 8 --think-ms 200
sleep 4 # the clients are posting at full speed before the kill

api=$(docker inspect -f '{{.Id}}' "$(cid api)")
restarts_before=$(docker inspect -f '{{.RestartCount}}' "$api")
ip_before=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' "$api")
# The container's PID 1 is Docker's init (tini, `init: true`); node is its one child.
init_pid=$(docker inspect -f '{{.State.Pid}}' "$api")
pid=$(awk '{ print $1 }' "/proc/$init_pid/task/$init_pid/children" 2>/dev/null || true)
kill_ms=$(now_ms)
# The node process itself, as the kernel's OOM killer or a crash would end it: from the host
# when that pid really is this container's (its cgroup names the container); else (a daemon
# in another pid namespace: Docker in Docker, a VM) from a throw-away container in the
# daemon's host pid namespace. Not `docker kill`: Docker counts that as a deliberate stop
# and its restart policy does not restart the container. DRILL_KILL=container forces the
# second way.
if [ "${DRILL_KILL:-host}" = host ] && [ -n "$pid" ] && grep -q "$api" "/proc/$pid/cgroup" 2>/dev/null &&
   [ "$(cat "/proc/$pid/comm" 2>/dev/null)" = node ] && kill -9 "$pid" 2>/dev/null; then
  info "killed the api node process (host pid $pid, child of init $init_pid) from the host with SIGKILL"
else
  # shellcheck disable=SC2016 # JavaScript, not shell
  pid=$(docker run --rm --pid host --user 0 --network none --entrypoint node \
    "$(docker inspect -f '{{.Config.Image}}' "$api")" -e '
      const p = process.argv[1];
      const child = require("fs").readFileSync(`/proc/${p}/task/${p}/children`, "utf8").trim().split(" ")[0];
      process.kill(Number(child), "SIGKILL");
      console.log(child);' "$init_pid")
  info "killed the api node process (daemon pid $pid, child of init $init_pid) with SIGKILL from a container in the host pid namespace"
fi

restarted=no
deadline=$((SECONDS + 60))
while [ $SECONDS -lt $deadline ]; do
  if [ "$(docker inspect -f '{{.RestartCount}}' "$api")" -gt "$restarts_before" ]; then
    restarted=yes; break
  fi
  sleep 0.1
done
restart_s=$(ms_since "$kill_ms")
if [ $restarted = yes ]; then
  ok "the api container is restarted by its restart policy (RestartCount $restarts_before -> $(docker inspect -f '{{.RestartCount}}' "$api"))"
else
  not_ok "the api container is restarted by its restart policy" "RestartCount still $restarts_before after 60 s; $(docker inspect -f '{{.State.Status}} exit {{.State.ExitCode}}' "$api")"
fi
check "the api is healthy again" wait_healthy api 90
healthy_s=$(ms_since "$kill_ms")
ip_after=$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}} {{end}}' "$api")
sleep 4 # load keeps running against the recovered API
# When the new process logged that it listens (its own clock: the same host's). Read after
# the wait: the API writes its log in batches, each line at most a second late.
docker logs --since "$(date -u -d "@$((kill_ms / 1000 - 1))" +%Y-%m-%dT%H:%M:%SZ)" "$api" >"$work/api.log" 2>&1
listening=$(sed 's/^[^{]*//' "$work/api.log" | grep -m1 '"listening; ready to serve requests"' |
  grep -o '"time":"[^"]*"' | head -n1 | cut -d'"' -f4 || true)
[ -z "$listening" ] || listening=$(date -d "$listening" +%s%3N)

load_stop
load_stats --since "$kill_ms"
first_ok=$(load_stat firstOkEndAt)
failed_reqs=$(load_stat failedRequests)
retried=$(load_stat keysRetried)

figure "kill -> container restarted" "$restart_s s"
[ -z "$listening" ] || figure "kill -> new api process listening (its log)" "$(secs $((listening - kill_ms))) s"
figure "kill -> api healthy (Docker health check)" "$healthy_s s"
figure "api container addresses before / after" "${ip_before% } / ${ip_after% }"
if [ "$first_ok" != null ]; then
  figure "kill -> first successful request" "$(secs $((first_ok - kill_ms))) s"
fi
figure "requests failed after the kill (not definitive, retried if writes)" "$failed_reqs $(load_stat failedByError)"
figure "slowest failed request" "$(load_stat slowestFailureMs) ms"
figure "keys retried after an error / of them ended 2xx / replayed an earlier commit" \
  "$retried / $(load_stat keysRetriedOk) / $(load_stat keysReplayed)"

# Without failed requests the kill hit nothing in flight and the drill proved nothing.
if [ "$failed_reqs" -gt 0 ] && [ "$retried" -gt 0 ]; then
  ok "the kill was felt: $failed_reqs requests failed, $retried keys were retried"
else
  not_ok "the kill was felt by the clients" "failed requests $failed_reqs, retried keys $retried"
fi
load_report 10

drill_done
