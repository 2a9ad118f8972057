#!/usr/bin/env bash
# Drill 05: who gets in. Only `web` publishes a port; `api` and `web` run as non-root with
# no-new-privileges and no capabilities; `api` has a read-only root filesystem (/tmp is
# writable); no secret and no stray file (.env, .git, caches, tests, backups) in either
# image; security headers and session-cookie flags through nginx; and every non-public
# operation of the OpenAPI document answers 401 to no one and 403 to roles below the one it
# needs and to a read-scope token (scripts/drills/access.mjs).
#
# The db has no network (network_mode: none; the api connects through the socket volume),
# so nothing reaches PostgreSQL over TCP, the Docker host included. Reports, without
# failing, what the host itself can reach by container IP: on Linux the Docker host routes
# to every bridge network, so a process on the host can connect to api:3000 by IP. Nothing
# is published to other machines.
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
# shellcheck source=scripts/drills/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

api_c=$(cid api) web_c=$(cid web) db_c=$(cid db)
api_image=$(docker inspect -f '{{.Config.Image}}' "$api_c")
web_image=$(docker inspect -f '{{.Config.Image}}' "$web_c")

# --- ports ---------------------------------------------------------------------------------
published() { docker port "$1" 2>/dev/null || true; }
check "web publishes only 8080 (as ${HTTP_PORT:-?})" \
  bash -c "[ \"\$(docker port $web_c | cut -d/ -f1 | sort -u)\" = 8080 ]"
check "api publishes no port" test -z "$(published "$api_c")"
check "db publishes no port" test -z "$(published "$db_c")"
check "db has no network (only loopback), so no one reaches it over TCP" \
  bash -c "[ \"\$(docker inspect -f '{{.HostConfig.NetworkMode}}' $db_c)\" = none ] && [ -z \"\$(docker inspect -f '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}' $db_c)\" ]"
check "the api reaches the db through its socket volume" \
  docker exec "$api_c" node -e "require('net').connect('/var/run/postgresql/.s.PGSQL.5432').on('connect',()=>process.exit(0)).on('error',(e)=>{console.log(e.message);process.exit(1)})"
reachable=()
for pair in "api:$api_c:3000" "db:$db_c:5432"; do
  IFS=: read -r svc c port <<<"$pair"
  while read -r net ip; do
    [ -n "$ip" ] || continue
    if timeout 2 bash -c "</dev/tcp/$ip/$port" 2>/dev/null; then reachable+=("$svc $ip:$port (${net##*_})"); fi
  done < <(docker inspect -f '{{range $k, $v := .NetworkSettings.Networks}}{{$k}} {{$v.IPAddress}}{{"\n"}}{{end}}' "$c")
done
figure "reachable from this host by container IP" "${reachable[*]:-none}"
check "nothing answers on the host's own ports 3000/5432 for this stack" \
  bash -c "! docker ps --format '{{.Ports}}' --filter label=com.docker.compose.project=$COMPOSE_PROJECT_NAME | grep -Eq ':(3000|5432)->'"

# --- privileges ------------------------------------------------------------------------------
hardened() { # hardened CONTAINER: non-root, no-new-privileges, CapDrop ALL, no effective caps
  local c=$1 user opts drop capeff nnp
  user=$(docker exec "$c" id -u)
  opts=$(docker inspect -f '{{json .HostConfig.SecurityOpt}}' "$c")
  drop=$(docker inspect -f '{{json .HostConfig.CapDrop}}' "$c")
  capeff=$(docker exec "$c" sh -c 'grep ^CapEff /proc/1/status' | awk '{print $2}')
  nnp=$(docker exec "$c" sh -c 'grep ^NoNewPrivs /proc/1/status' | awk '{print $2}')
  echo "uid=$user securityopt=$opts capdrop=$drop pid1 CapEff=$capeff NoNewPrivs=$nnp"
  [ "$user" != 0 ] && [[ $opts == *no-new-privileges:true* ]] && [[ $drop == *ALL* ]] &&
    [ "$capeff" = 0000000000000000 ] && [ "$nnp" = 1 ]
}
check "api: non-root, no-new-privileges, all capabilities dropped, none effective" hardened "$api_c"
check "web: non-root, no-new-privileges, all capabilities dropped, none effective" hardened "$web_c"
check "api: read-only root filesystem" test "$(docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$api_c")" = true
check "api: cannot write to /" bash -c "! docker exec $api_c sh -c 'echo x > /drill-probe' 2>/dev/null"
check "api: cannot write to /app" bash -c "! docker exec $api_c sh -c 'echo x > /app/drill-probe' 2>/dev/null"
check "api: can write to /tmp (tmpfs)" docker exec "$api_c" sh -c 'echo x > /tmp/drill-probe && rm /tmp/drill-probe'

# --- images: secrets and stray files ---------------------------------------------------------
db_password=$(docker inspect -f '{{range .Config.Env}}{{println .}}{{end}}' "$db_c" | sed -n 's/^POSTGRES_PASSWORD=//p')
no_secrets() { # no_secrets IMAGE: history, Env, Labels and every file free of secrets
  local img=$1 meta
  meta=$(docker history --no-trunc --format '{{.CreatedBy}}' "$img"; docker image inspect -f '{{json .Config.Env}} {{json .Config.Labels}}' "$img")
  if grep -Eio '[A-Z_]*(PASSWORD|SECRET|TOKEN|PRIVATE_KEY)[A-Z_]*=[^ ",]+' <<<"$meta"; then echo "secret-like assignment in history/env/labels"; return 1; fi
  if grep -Fq -- "$ADMIN_PASSWORD" <<<"$meta"; then echo "ADMIN_PASSWORD in history/env/labels"; return 1; fi
  local patterns=(-e "$ADMIN_PASSWORD") probe hits
  # The default database password is also the project's name: it is everywhere, not a leak.
  if [ -n "$db_password" ] && [ "$db_password" != stockroom ]; then patterns+=(-e "$db_password"); fi
  probe=$(docker create "$img")
  hits=$(docker export "$probe" | grep -a -c -F "${patterns[@]}" || true)
  docker rm "$probe" >/dev/null
  [ "$hits" -eq 0 ] || { echo "$hits lines of the image's files hold a running password"; return 1; }
}
check "api image: no secret in history, Env, Labels or files" no_secrets "$api_image"
check "web image: no secret in history, Env, Labels or files" no_secrets "$web_image"
[ "$db_password" = stockroom ] && info "POSTGRES_PASSWORD is the default 'stockroom': only ADMIN_PASSWORD was searched for in the files"

stray_files() { # stray_files IMAGE DIR...: no .env, .git, caches, tests or backups under DIRs
  local img=$1; shift
  local found
  found=$(docker run --rm --network none --entrypoint find "$img" "$@" \
    \( -path '*/node_modules/*' -prune -o -print \) 2>/dev/null |
    grep -E '/\.env($|\.)|/\.git(/|$)|/backups(/|$)|\.test\.[jt]sx?$|/test/|/__tests__/|/coverage/|\.tsbuildinfo$|/\.local(/|$)' || true)
  found+=$(docker run --rm --network none --entrypoint find "$img" "$@" -path '*/node_modules/.cache*' -print 2>/dev/null | head -5)
  [ -z "$found" ] || { echo "$found" | head -20; return 1; }
}
check "api image: no .env/.git/node_modules/.cache/tests/backups in /app" stray_files "$api_image" /app
check "web image: no .env/.git/tests/backups in /usr/share/nginx/html or /etc/nginx" \
  stray_files "$web_image" /usr/share/nginx/html /etc/nginx
figure "api image files (outside node_modules)" "$(docker run --rm --network none --entrypoint find "$api_image" /app -path '*/node_modules' -prune -o -type f -print | wc -l)"

# --- headers and cookies ---------------------------------------------------------------------
security_headers() { # security_headers PATH STATUS
  req GET "$1"
  [ "$status" = "$2" ] || { echo "status $status, expected $2"; return 1; }
  local h
  for h in Content-Security-Policy X-Content-Type-Options Referrer-Policy Permissions-Policy; do
    [ "$(header_count "$h")" = 1 ] || { echo "$h sent $(header_count "$h") times"; show; return 1; }
  done
  [[ $(header Content-Security-Policy) == *"frame-ancestors 'none'"* ]] || { echo "CSP without frame-ancestors 'none'"; return 1; }
  [ "$(header X-Content-Type-Options)" = nosniff ] || { echo "X-Content-Type-Options is not nosniff"; return 1; }
  local server; server=$(header Server)
  [[ ! $server =~ [0-9] ]] || { echo "Server header names a version: $server"; return 1; }
  [ "$(header_count X-Powered-By)" = 0 ] || { echo "X-Powered-By sent"; return 1; }
}
check "security headers on the app (/)" security_headers / 200
check "security headers on an API answer" security_headers /api/v1/auth/setup 200
check "security headers on an API error" security_headers /api/v1/items 401
check "security headers on an nginx error" security_headers /assets/missing.js 404

cookie_flags() { # cookie_flags [curl args]: sign in and check the Set-Cookie flags
  req POST /api/v1/auth/login -H 'Content-Type: application/json' "$@" \
    --data "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}"
  [ "$status" = 200 ] || { show; return 1; }
  header Set-Cookie | grep '^stockroom_session='
}
flags=$(cookie_flags) || true
# shellcheck disable=SC2016 # $1 is the inner bash's
check "session cookie over http: HttpOnly, SameSite=Lax, Path=/, not Secure" \
  bash -c '[[ $1 == *HttpOnly* && $1 == *SameSite=Lax* && $1 == *"Path=/"* && $1 != *Secure* ]] || { echo "$1"; exit 1; }' _ "$flags"
flags=$(cookie_flags -H 'X-Forwarded-Proto: https') || true
# shellcheck disable=SC2016 # $1 is the inner bash's
check "session cookie behind TLS (X-Forwarded-Proto: https): also Secure" \
  bash -c '[[ $1 == *HttpOnly* && $1 == *SameSite=Lax* && $1 == *"Path=/"* && $1 == *Secure* ]] || { echo "$1"; exit 1; }' _ "$flags"

# --- access matrix ---------------------------------------------------------------------------
if node scripts/drills/access.mjs --out "$work/access.json"; then
  ok "every non-public operation: 401 to no one, 403 below its role and to a read token"
else
  not_ok "access matrix (failures listed above)"
fi
drill_done
