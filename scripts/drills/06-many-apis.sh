#!/usr/bin/env bash
# Drill 06: many APIs. `docker compose down -v`, then `up -d --wait --scale api=3` from an
# empty database: all three replicas become healthy without a restart (concurrent
# migrations: the losers wait for knex's lock or retry, see backend/src/lib/migrations.ts;
# the first admin is created once), nginx spreads requests over all three (a variable
# proxy_pass re-resolves `api` through Docker's DNS), and one session works on every
# replica. Then back to one replica, healthy, with no request lost on the way.
# Env: DRILL06_REQUESTS (300).
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
# shellcheck source=scripts/drills/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

requests=${DRILL06_REQUESTS:-300}
tag="drill06-$$-$RANDOM"

dc down -v --timeout 30 >/dev/null 2>&1
t=$(now)
if dc up -d --wait --scale api=3 >"$work/up.log" 2>&1; then
  ok "up --scale api=3 from an empty database: every service healthy"
else
  not_ok "up --scale api=3 from an empty database" "$(tail -20 "$work/up.log")"
fi
figure "time to all healthy with 3 api replicas (empty database)" "$(elapsed "$t") s"

mapfile -t apis < <(dc ps -q api)
check "three api replicas are running" test "${#apis[@]}" -eq 3
names=()
for c in "${apis[@]}"; do
  name=$(docker inspect -f '{{.Name}}' "$c"); name=${name#/}; names+=("$name")
  check "$name is healthy with RestartCount 0" \
    test "$(docker inspect -f '{{.State.Health.Status}} {{.RestartCount}}' "$c")" = "healthy 0"
  logs=$(docker logs "$c" 2>&1)
  pending=$(grep '"running database migrations"' <<<"$logs" | grep -o '"pending":\[[^]]*\]' | grep -o '\.js"' | wc -l || true)
  applied=$(grep '"database migrations complete"' <<<"$logs" | grep -o '"applied":\[[^]]*\]' | grep -o '\.js"' | wc -l || true)
  retries=$(grep -c '"migrations busy, retrying"' <<<"$logs" || true)
  admin=$(grep -c 'created the first admin' <<<"$logs" || true)
  figure "$name migrations" "pending at start $pending, applied $applied, lock retries $retries, created the first admin: $admin"
done
check "the schema was migrated exactly once (each migration recorded once)" \
  test "$(psql_db "select count(*) - count(distinct name) from knex_migrations")" = 0
check "exactly one user: the first admin was created once" test "$(psql_db "select count(*) from users")" = 1
check "the migration lock is released" test "$(psql_db "select is_locked from knex_migrations_lock")" = 0

# --- one session, every replica ---------------------------------------------------------------
check "sign in once through nginx" sign_in "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
cookie=$(awk '$6 == "stockroom_session" {print $7}' "$work/cookies")
# Sequential, with a request id per request: each answer is matched to the replica that
# logged it.
# shellcheck disable=SC2016 # JavaScript, not shell
statuses=$(COOKIE=$cookie TAG=$tag N=$requests node -e '
  const n = Number(process.env.N); const counts = {};
  (async () => {
    for (let i = 0; i < n; i++) {
      const r = await fetch(process.env.BASE_URL + "/api/v1/auth/me", {
        headers: { cookie: "stockroom_session=" + process.env.COOKIE, "x-request-id": `${process.env.TAG}-${i}` },
      });
      await r.arrayBuffer();
      counts[r.status] = (counts[r.status] ?? 0) + 1;
    }
    console.log(Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(" "));
  })();')
figure "authenticated requests through nginx by status" "$statuses"
check "all $requests authenticated requests answered 200" test "$statuses" = "200=$requests"

# The API writes its log in batches, each line at most a second late (lib/logger.ts).
sleep 1.5
dist=() min=$requests
for i in "${!apis[@]}"; do
  n=$(docker logs "${apis[$i]}" 2>&1 | grep -c "\"$tag-[0-9]*\"" || true)
  dist+=("${names[$i]}=$n"); [ "$n" -lt "$min" ] && min=$n
done
figure "requests per replica (api logs)" "${dist[*]}"
upstreams=$(dc logs --no-color web 2>/dev/null | grep -F "\"$tag-" | grep -o '"upstream_addr":"[^"]*"' | sort | uniq -c | awk '{printf "%s%s=%s", sep, $2, $1; sep=" "}' | sed 's/"upstream_addr"://g; s/"//g')
figure "requests per upstream address (nginx access log)" "$upstreams"
check "every replica served some of the session's requests" test "$min" -gt 0

# --- back to one --------------------------------------------------------------------------------
t=$(now)
if dc up -d --wait --scale api=1 >"$work/down.log" 2>&1; then ok "scaled back to one api replica"; else not_ok "scale back to one" "$(tail -20 "$work/down.log")"; fi
figure "time to scale back to 1 replica" "$(elapsed "$t") s"
check "one api replica is left" test "$(dc ps -q api | wc -l)" -eq 1
# nginx may still hold the removed replicas' addresses for up to 10 s (resolver valid=10s);
# proxy_next_upstream moves those requests to the one that is left.
# shellcheck disable=SC2016 # JavaScript, not shell
after=$(COOKIE=$cookie node -e '
  const counts = {};
  (async () => {
    for (let i = 0; i < 60; i++) {
      const r = await fetch(process.env.BASE_URL + "/api/v1/auth/me", { headers: { cookie: "stockroom_session=" + process.env.COOKIE } });
      await r.arrayBuffer();
      counts[r.status] = (counts[r.status] ?? 0) + 1;
      await new Promise((s) => setTimeout(s, 200));
    }
    console.log(Object.entries(counts).map(([k, v]) => `${k}=${v}`).join(" "));
  })();')
figure "requests over the 12 s after scaling down, by status" "$after"
check "no request failed while nginx forgot the removed replicas" test "$after" = "200=60"
check "every service is healthy" wait_all_healthy 30
drill_done
