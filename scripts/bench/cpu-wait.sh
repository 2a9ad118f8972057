#!/usr/bin/env bash
# Where the time of a load run goes that neither a CPU profile nor pg_stat_activity shows
# (docs/performance.md, "Where the wait is"): on-CPU time and time spent runnable but waiting
# for a core (the kernel's run queue), from /proc/<pid>/schedstat, for the PostgreSQL backends
# of one application_name and for one API process, while a command (the load) runs.
#
#   scripts/bench/cpu-wait.sh stockroom-api <api pid> autocannon -c 32 -d 10 -H … URL
#
# Needs psql with PG* variables (or DATABASE_URL) for the database, and the backends' and the
# API's processes visible in this /proc (same host, or root on the Docker host).
set -euo pipefail
if [ $# -lt 3 ]; then
  echo "usage: cpu-wait.sh APPLICATION_NAME API_PID COMMAND..." >&2
  exit 2
fi
app=$1 api=$2
shift 2
backends=$(psql ${DATABASE_URL:+"$DATABASE_URL"} -Atc \
  "select pid from pg_stat_activity where application_name = '$app'")
if [ -z "$backends" ]; then
  echo "no backend with application_name $app: warm the pool first (one request)" >&2
  exit 1
fi
# pid, nanoseconds on a CPU, nanoseconds runnable but waiting for one
snap() { for p in $backends $api; do [ -r "/proc/$p/schedstat" ] && echo "$p $(cut -d' ' -f1,2 "/proc/$p/schedstat")"; done | sort; }
before=$(snap)
start=$(date +%s.%N)
"$@"
end=$(date +%s.%N)
after=$(snap)
join <(echo "$before") <(echo "$after") | awk -v api="$api" -v wall="$(echo "$end - $start" | bc)" '
  { cpu = ($4 - $2) / 1e9; queued = ($5 - $3) / 1e9
    if ($1 == api) { acpu += cpu; aq += queued } else { bcpu += cpu; bq += queued; n++ } }
  END { printf "wall %.1f s | %d PostgreSQL backends: on a CPU %.2f s, waiting for a CPU %.2f s | API process: on a CPU %.2f s, waiting for a CPU %.2f s\n", wall, n, bcpu, bq, acpu, aq }'
