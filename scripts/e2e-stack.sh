#!/usr/bin/env bash
# End-to-end check of the real Compose stack (npm run test:stack; also run by CI).
#
# Builds the images, starts db + api + web under a throw-away project name on a free host
# port, checks them from the outside (HTTP through nginx) and the inside (docker), takes a
# backup (manifest, --verify), wipes the volume, restores (version checks), upgrades in
# place (and rolls back a failed upgrade), restarts and stops the stack, and always removes
# everything it created (containers, networks, volume) at the end. Then runs
# scripts/e2e-https.sh: the optional HTTPS listener in a short stack of its own.
#
# Output is TAP-like: `ok - <check>` / `not ok - <check>`, then `N passed, M failed`.
# Exit status is non-zero when any check failed.
#
# Environment: HTTP_PORT (default: a free port), GIT_COMMIT (default: git rev-parse),
# DOCKERLAB (default ../shared/dockerlab). Images are kept, so the next run builds from
# the layer cache.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$PWD

# --- environment -------------------------------------------------------------------------
# shellcheck source=scripts/lib/stack.sh
. scripts/lib/stack.sh
dockerlab_prepare "$repo_root"

command -v curl >/dev/null || { echo "e2e: curl is required" >&2; exit 2; }
require_compose
stack_env e2e
# The first admin is created from these at startup; the checks sign in with them.
export ADMIN_EMAIL="e2e-admin@example.com"
ADMIN_PASSWORD="e2e-$(date +%s)-$RANDOM-password"
export ADMIN_PASSWORD
base_url=$BASE_URL
work=$(mktemp -d "${TMPDIR:-/tmp}/stockroom-e2e.XXXXXX")
export BACKUP_DIR="$work/backups"

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ "$rc" -ne 0 ] || [ "$failed" -gt 0 ]; then stack_report 60; fi
  stack_remove
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

mb() { awk -v b="$1" 'BEGIN { printf "%.1f MB", b / 1000000 }'; }

# --- build and start ----------------------------------------------------------------------
info "project $COMPOSE_PROJECT_NAME, http port $HTTP_PORT, commit $GIT_COMMIT"
t=$(now)
if dc build; then
  ok "images build: docker compose build"
  info "build: $(elapsed "$t") s"
else
  not_ok "images build: docker compose build"
  echo "$passed passed, $failed failed"
  exit 1
fi

t=$(now)
if dc up -d --wait; then
  up_s=$(elapsed "$t")
  ok "stack starts: docker compose up -d --wait"
  info "up -d --wait (images built) until all healthy: $up_s s"
else
  not_ok "stack starts: docker compose up -d --wait"
  echo "$passed passed, $failed failed"
  exit 1
fi

# --- the running stack --------------------------------------------------------------------
check "db, api and web are healthy" all_healthy

only_web_published() {
  local s p
  for s in db api web; do
    p=$(docker port "$(cid $s)")
    case $s in
      web) [ -n "$p" ] || { echo "web publishes nothing"; return 1; } ;;
      *) [ -z "$p" ] || { echo "$s publishes: $p"; return 1; } ;;
    esac
  done
}
check "only web publishes a port" only_web_published

check "GET / is the app (200 HTML)" get_ok / 200 text/html '<div id="root"|<html'
check "deep link /items/123 is the app (200 HTML)" get_ok /items/123 200 text/html '<html'
check "GET /api/health 200" get_ok /api/health 200 application/json '"status" *: *"ok"'
check "GET /api/ready 200 JSON" get_ok /api/ready 200 application/json '"status"'
unauthenticated_401() { rm -f "$work/cookies"; get_ok /api/v1/system/info 401 application/problem+json '"UNAUTHENTICATED"'; }
check "GET /api/v1/system/info without signing in is 401" unauthenticated_401
admin_sign_in() {
  sign_in "$ADMIN_EMAIL" "$ADMIN_PASSWORD" || return 1
  grep -Eq '"role" *: *"admin"' "$work/b" || { echo "not signed in as an admin"; show; return 1; }
  header Set-Cookie | grep -q 'stockroom_session=.*HttpOnly' || { echo "no HttpOnly session cookie"; show; return 1; }
  # Over plain HTTP a Secure cookie would never come back: the browser drops it.
  ! header Set-Cookie | grep -qi '; *Secure' || { echo "Secure session cookie over plain HTTP"; show; return 1; }
}
check "sign in as the admin from ADMIN_EMAIL/ADMIN_PASSWORD" admin_sign_in
check "GET /api/v1/system/info 200 with a version" get_ok /api/v1/system/info 200 application/json '"version" *: *"[^"]+"'
commit_reported() { get_ok /api/v1/system/info 200 application/json "\"commit\" *: *\"$GIT_COMMIT\""; }
check "system/info reports the image's commit ($GIT_COMMIT)" commit_reported
# Inventory through nginx as a browser would: item, location, receipt (replayed with its
# idempotency key), and a shipment of more than is on hand.
inventory_flow() {
  local tag="E2E$$" item loc
  post_json /api/v1/items "{\"sku\":\"$tag-1\",\"name\":\"E2E bolt\"}"
  expect 201 application/json || return 1; item=$(json_id)
  post_json /api/v1/locations "{\"code\":\"$tag-BIN\",\"name\":\"E2E bin\"}"
  expect 201 application/json || return 1; loc=$(json_id)
  local receipt="{\"kind\":\"receive\",\"itemId\":$item,\"toLocationId\":$loc,\"quantity\":3}"
  post_json /api/v1/movements "$receipt" -H "Idempotency-Key: $tag-r1"
  expect 201 application/json '"quantity":"3"' || return 1
  post_json /api/v1/movements "$receipt" -H "Idempotency-Key: $tag-r1"
  expect 201 application/json || return 1
  [ "$(header Idempotent-Replayed)" = true ] || { echo "replay not marked"; show; return 1; }
  post_json /api/v1/movements "{\"kind\":\"ship\",\"itemId\":$item,\"fromLocationId\":$loc,\"quantity\":5}"
  expect 409 application/problem+json "Only 3 each of $tag-1 on hand at $tag-BIN; 5 requested\\." || return 1
  get_ok "/api/v1/items/$item/stock" 200 application/json '"total":"3"'
}
check "inventory through nginx: create, receive, replay by key, refuse over-shipping with a clear 409" inventory_flow
check "unknown /api/v1/nope is the API's 404 problem+json" get_ok /api/v1/nope 404 application/problem+json '"status" *: *404'

malformed_json() {
  req POST /api/v1/items -H 'Content-Type: application/json' -H 'X-Requested-With: stockroom' --data-binary '{"broken": '
  expect 400 application/problem+json '"code" *: *"MALFORMED_JSON"'
}
check "malformed JSON body gives 400 problem+json" malformed_json

too_large() {
  head -c 1100000 /dev/zero | tr '\0' 'a' >"$work/big"
  req POST /api/v1/nope -H 'Content-Type: application/json' --data-binary @"$work/big"
  expect 413 application/problem+json
}
check "body over 1 MB refused with 413 problem+json" too_large

# raw_problem STATUS REQUEST: sends REQUEST (a printf format) over a plain TCP connection, for
# what curl will not send, and passes when the answer is STATUS with a problem+json body.
raw_problem() {
  local reply
  exec 3<>"/dev/tcp/127.0.0.1/${base_url##*:}" || return 1
  # shellcheck disable=SC2059 # the request is the format, with its \r\n escapes
  printf "$2" >&3
  reply=$(timeout 10 cat <&3 | tr -d '\r'); exec 3<&-
  grep -q "^HTTP/1.1 $1" <<<"$reply" && grep -qi '^content-type: application/problem+json' <<<"$reply" ||
    { echo "$reply" | head -20; return 1; }
}
# A request body nginx cannot read (a chunk size that is not hex) is refused by nginx itself,
# inside the /api location: its 400 must be problem+json like every other error.
bad_chunk() {
  raw_problem 400 'POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nTransfer-Encoding: chunked\r\nContent-Type: application/json\r\nConnection: close\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n'
}
check "a malformed chunked body under /api gives nginx's 400 as problem+json" bad_chunk
# HTTP/1.0 allows a request without a Host header: it reaches the API (here a 401 for no one),
# not a bare 400 from Node for the empty Host nginx used to pass on.
http10_no_host() { raw_problem 401 'GET /api/v1/system/info HTTP/1.0\r\n\r\n'; }
check "an HTTP/1.0 request without a Host header reaches the API (401 problem+json)" http10_no_host
malformed_path() {
  get_ok /api/v1/items/%ED%A0%80 400 application/problem+json '"code" *: *"MALFORMED_PATH"'
}
check "a path id that is not UTF-8 (%ED%A0%80) gives 400 problem+json, not a 500" malformed_path

security_headers() {
  local path=$1 n v
  req GET "$path"
  for n in Content-Security-Policy X-Content-Type-Options Referrer-Policy Permissions-Policy X-Frame-Options; do
    [ "$(header_count "$n")" = 1 ] || { echo "$n: expected exactly one, got $(header_count "$n")"; show; return 1; }
  done
  header Content-Security-Policy | grep -q "frame-ancestors 'none'" || { echo "CSP lacks frame-ancestors 'none'"; show; return 1; }
  # HSTS only over the optional HTTPS listener (scripts/e2e-https.sh), never on plain HTTP.
  [ "$(header_count Strict-Transport-Security)" = 0 ] || { echo "HSTS over plain HTTP"; show; return 1; }
  [ "$(header X-Content-Type-Options)" = nosniff ] || { echo "nosniff missing"; return 1; }
  v=$(header Server)
  case $v in *[0-9]*) echo "Server header reveals a version: $v"; return 1 ;; esac
}
check "security headers on / (CSP frame-ancestors, nosniff, Referrer-, Permissions-Policy; Server without version; no HSTS over HTTP)" security_headers /
check "security headers on an API error, once each" security_headers /api/v1/nope
check "security headers on a missing asset (404)" security_headers /assets/does-not-exist.js

request_id() {
  local id="e2e-$$-$RANDOM"
  req GET /api/health -H "X-Request-Id: $id"
  [ "$(header X-Request-Id)" = "$id" ] || { echo "sent $id"; show; return 1; }
  [ "$(header_count X-Request-Id)" = 1 ] || { echo "X-Request-Id not exactly once"; show; return 1; }
  req GET /api/health
  header X-Request-Id | grep -Eq '^[0-9a-f]{32}$' || { echo "no generated id"; show; return 1; }
}
check "X-Request-Id echoed (and generated when absent)" request_id

caching() {
  local asset
  req GET /
  header Cache-Control | grep -q no-cache || { echo "index.html not no-cache"; show; return 1; }
  asset=$(grep -Eo '/assets/[^"]+\.js' "$work/b" | head -n1)
  [ -n "$asset" ] || { echo "no /assets/*.js in index.html"; return 1; }
  req GET "$asset" -H 'Accept-Encoding: gzip'
  [ "$status" = 200 ] || { echo "$asset: $status"; return 1; }
  header Cache-Control | grep -q 'max-age=31536000, immutable' || { echo "$asset not immutable"; show; return 1; }
  [ "$(header Content-Encoding)" = gzip ] || { echo "$asset not gzip-encoded"; show; return 1; }
  req GET /assets/does-not-exist.js
  [ "$status" = 404 ] || { echo "missing asset: $status (expected 404, not index.html)"; return 1; }
}
check "caching: index.html no-cache, hashed assets immutable + gzip, missing asset 404" caching

not_root() {
  local s u
  for s in api web; do
    u=$(dc exec -T "$s" id -u | tr -d '\r')
    [ -n "$u" ] && [ "$u" != 0 ] || { echo "$s runs as uid '$u'"; return 1; }
  done
}
check "api and web do not run as root" not_root

read_only_rootfs() {
  local s
  for s in api web; do
    [ "$(docker inspect -f '{{.HostConfig.ReadonlyRootfs}}' "$(cid $s)")" = true ] || { echo "$s root fs writable"; return 1; }
  done
}
check "api and web have read-only root filesystems" read_only_rootfs

# Least privilege in the database (docs/decisions/0011-database-roles.md), asked from inside
# the api container with its own connection settings.
api_sql() {
  dc exec -T api node -e '
    const { Client } = require("pg");
    const c = new Client();
    c.connect()
      .then(() => c.query(process.argv[1]))
      .then((r) => { for (const row of r.rows) console.log(Object.values(row).join("|")); return c.end(); })
      .catch((e) => { console.log(`ERROR ${e.code} ${e.message}`); process.exit(1); });' "$1" | tr -d '\r'
}
api_role_ok() {
  local out admin
  out=$(api_sql "select current_user, rolsuper, rolcreaterole, rolcreatedb from pg_roles where rolname = current_user") || { echo "$out"; return 1; }
  admin=$(dc exec -T db printenv POSTGRES_USER | tr -d '\r')
  case $out in
    "$admin|"*) echo "the api connects as the administrative role: $out"; return 1 ;;
    *"|false|false|false") ;;
    *) echo "the api's role: $out (role|superuser|createrole|createdb)"; return 1 ;;
  esac
}
check "the api connects as its own role: not the administrative one, no superuser, CREATEROLE or CREATEDB" api_role_ok
api_refused() { # api_refused SQL: fails with 42501 insufficient_privilege
  local out
  out=$(api_sql "$1" || true)
  case $out in "ERROR 42501 "*) ;; *) echo "not refused as insufficient_privilege: $1 -> $out"; return 1 ;; esac
}
ledger_guarded() {
  api_refused "alter table movements disable trigger movements_append_only" \
    && api_refused "drop trigger audit_log_append_only on audit_log" \
    && api_refused "set session_replication_role = replica"
}
check "the api's role cannot disable or drop the ledger's triggers" ledger_guarded
server_files_refused() {
  api_refused "select pg_read_file('/etc/passwd')" && api_refused "copy (select 1) to program 'id'"
}
check "the api's role cannot read server files or run programs" server_files_refused
no_admin_password_in_api() {
  local admin_pw api_pw
  admin_pw=$(dc exec -T db printenv POSTGRES_PASSWORD | tr -d '\r')
  api_pw=$(dc exec -T api printenv PGPASSWORD | tr -d '\r')
  [ -n "$api_pw" ] && [ "$api_pw" != "$admin_pw" ] || { echo "the api holds the administrative password"; return 1; }
  ! dc exec -T api printenv POSTGRES_PASSWORD >/dev/null || { echo "POSTGRES_PASSWORD is set in the api"; return 1; }
}
check "the api does not hold the administrative password" no_admin_password_in_api
socket_not_trusted() {
  local out
  if out=$(dc exec -T -e PGPASSWORD= db sh -c 'exec psql -X -At -U "$POSTGRES_USER" -d "$POSTGRES_DB" -c "select 1"' 2>&1); then
    echo "psql on the socket without a password got in: $out"; return 1
  fi
  case $out in *"password"*) ;; *) echo "$out"; return 1 ;; esac
}
check "the db's socket trusts no one: psql without a password is refused" socket_not_trusted
# Decision 0036: a planned statement's memory stays in the backend between statements. Reads
# the backend's own minor page faults (/proc/self/stat, field 10) around 20 runs of a six-way
# join sent as the API sends its statements (extended protocol, unnamed, a parameter). With
# glibc's defaults each run faulted its planning memory in again: 7,457 over the 20 (bench
# database, 2026-12-07); with the settings 193.
planning_memory_kept() {
  local join out
  join="select count(*) from pg_class c1 join pg_class c2 on c2.oid = c1.oid join pg_class c3 on c3.oid = c2.oid join pg_class c4 on c4.oid = c3.oid join pg_class c5 on c5.oid = c4.oid join pg_class c6 on c6.oid = c5.oid where c1.relname like \$1 \\bind 'pg%' \\g /dev/null"
  out=$({
    echo "$join"
    echo "select split_part(pg_read_file('/proc/self/stat'), ' ', 10)::bigint as before \\gset"
    for _ in $(seq 20); do echo "$join"; done
    echo "select split_part(pg_read_file('/proc/self/stat'), ' ', 10)::bigint - :before;"
  } | dc exec -T db sh -c 'exec psql -X -At -v ON_ERROR_STOP=1 -U "$POSTGRES_USER" -d "$POSTGRES_DB"' 2>&1 | tr -d '\r' | tail -n1)
  case $out in ''|*[!0-9]*) echo "$out"; return 1 ;; esac
  [ "$out" -lt 1000 ] || { echo "$out page faults over 20 planned statements (GLIBC_TUNABLES not in effect?)"; return 1; }
}
check "PostgreSQL keeps a statement's planning memory between statements (glibc malloc settings)" planning_memory_kept

# --- data: backup, wipe, restore ----------------------------------------------------------------
marker="e2e-$$-$RANDOM"
check "write a row into app_settings" \
  psql_db "insert into app_settings (key, value) values ('e2e.marker', '\"$marker\"'::jsonb)"

newest_dump() { find "$BACKUP_DIR" -maxdepth 1 -name 'stockroom-*.dump' | sort | tail -n1; }
count_dumps() { find "$BACKUP_DIR" -maxdepth 1 -name 'stockroom-*.dump' | wc -l; }
# --and-verify, as the README's systemd service runs it.
take_backup() {
  scripts/backup.sh --keep 3 --and-verify || return 1
  [ -s "$(newest_dump)" ] || { echo "no backup file in $BACKUP_DIR"; return 1; }
  ! find "$BACKUP_DIR" -name '*.partial' | grep -q . || { echo "partial file left behind"; return 1; }
}
# Not via check(): the output's summary lines are shown below.
if out=$(take_backup 2>&1); then
  backup_file=$(newest_dump)
  ok "backup.sh writes a verified dump ($(basename "$backup_file"))"
  info "$(printf '%s\n' "$out" | grep -E '^backup: (wrote|app)' | tr '\n' ' ')"
else
  not_ok "backup.sh writes a verified dump" "$out"
fi

t_backup_checks=$(now)
# The manifest next to the dump: versions, and counts equal to the database (nothing writes
# between the insert above and the backup).
manifest_ok() {
  local m=$backup_file.json n
  [ -s "$m" ] || { echo "no manifest $m"; return 1; }
  basename "$backup_file" | grep -Eq '^stockroom-[0-9]{8}T[0-9]{6}Z-v[0-9][^-]*-s[0-9]{14}-pg[0-9]+\.dump$' \
    || { echo "file name without versions: $backup_file"; return 1; }
  grep -Eq '"app_version": "[0-9]' "$m" && grep -q "\"app_commit\": \"$GIT_COMMIT\"" "$m" \
    && grep -Eq '"schema_version": "[0-9]{14}_[a-z_]+\.js"' "$m" && grep -Eq '"postgres_major": [0-9]+' "$m" \
    || { echo "versions missing:"; cat "$m"; return 1; }
  for t in app_settings users knex_migrations; do
    n=$(psql_db "select count(*) from $t")
    grep -q "\"$t\": $n\(,\|\$\)" "$m" || { echo "$t: database has $n rows; manifest:"; cat "$m"; return 1; }
  done
}
check "manifest FILE.json: versions in it and in the file name, exact row counts" manifest_ok

verify_ok() {
  scripts/backup.sh --verify "$backup_file" >"$work/verify-ok.out" 2>&1 || { cat "$work/verify-ok.out"; return 1; }
  grep -q 'verify OK' "$work/verify-ok.out" && grep -Eq '^ +app_settings +[0-9]+ +[0-9]+ +ok$' "$work/verify-ok.out" \
    || { cat "$work/verify-ok.out"; return 1; }
}
check "backup.sh --verify: restores into a scratch database, every count ok" verify_ok
info "$(grep 'verify OK' "$work/verify-ok.out" 2>/dev/null)"

verify_tampered() { # one count edited in the manifest
  cp "$backup_file" "$work/tampered.dump"
  sed -E 's/"app_settings": ([0-9]+)/"app_settings": 1\1/' "$backup_file.json" >"$work/tampered.dump.json"
  if scripts/backup.sh --verify "$work/tampered.dump" >"$work/verify.out" 2>&1; then
    echo "verify passed a tampered manifest"; cat "$work/verify.out"; return 1
  fi
  grep -Eq '^ +app_settings +1[0-9]* +[0-9]+ +DIFF$' "$work/verify.out" && grep -q 'verify FAILED: 1 of' "$work/verify.out" \
    || { cat "$work/verify.out"; return 1; }
}
check "backup.sh --verify fails on an edited count, naming the table (DIFF)" verify_tampered
verify_garbage() {
  head -c 65536 /dev/urandom >"$work/garbage.dump"
  if scripts/backup.sh --verify "$work/garbage.dump" >"$work/verify.out" 2>&1; then
    echo "verify passed garbage"; cat "$work/verify.out"; return 1
  fi
  grep -q 'could not be restored' "$work/verify.out" || { cat "$work/verify.out"; return 1; }
}
check "backup.sh --verify fails on a garbage file" verify_garbage
no_scratch_db() {
  local left; left=$(psql_db "select string_agg(datname, ' ') from pg_database where datname like 'stockroom_verify_%'")
  [ -z "$left" ] || { echo "left behind: $left"; return 1; }
}
check "no scratch database left behind" no_scratch_db
info "manifest and --verify checks: $(elapsed "$t_backup_checks") s"

marker_is() { local v; v=$(psql_db "select value #>> '{}' from app_settings where key = 'e2e.marker'") || return 1
  [ "$v" = "$1" ] || { echo "marker is '$v', expected '$1'"; return 1; }; }

wipe() { dc down -v >/dev/null 2>&1 && dc up -d --wait >/dev/null 2>&1; }
check "down -v, up -d --wait: a fresh, empty database" wipe
check "the marker row is gone after down -v" marker_is ""

restore_ok() {
  scripts/restore.sh "$backup_file" --yes </dev/null >"$work/restore.out" 2>&1 || { cat "$work/restore.out"; return 1; }
  grep -Eq 'schema version now [0-9]{14}_' "$work/restore.out" || { cat "$work/restore.out"; return 1; }
}
check "restore.sh brings the data back" restore_ok
check "marker row restored" marker_is "$marker"
owned_by_api_role() {
  local role n
  role=$(dc exec -T api printenv PGUSER | tr -d '\r')
  n=$(psql_db "select count(*) from pg_class c where c.relnamespace = 'public'::regnamespace
    and c.relkind in ('r', 'p', 'S', 'v', 'm') and c.relowner <> to_regrole('$role')") || return 1
  [ "$n" = 0 ] || { echo "$n relations in public are not owned by $role"; return 1; }
  n=$(psql_db "select count(*) from pg_event_trigger where evtname like 'stockroom_protect_ledger_%' and evtenabled = 'A'") || return 1
  [ "$n" = 3 ] || { echo "$n of 3 ledger guard event triggers"; return 1; }
}
check "after the restore the api's role owns every table again, the ledger guard is in place" owned_by_api_role
check "api healthy after the restore" wait_healthy api 60
check "GET /api/ready 200 after the restore" get_ok /api/ready 200 application/json

garbage_restore() {
  head -c 65536 /dev/urandom >"$work/garbage.dump"
  if scripts/restore.sh "$work/garbage.dump" --yes </dev/null >"$work/restore.out" 2>&1; then
    echo "restore of garbage succeeded"; cat "$work/restore.out"; return 1
  fi
  grep -q "not a valid" "$work/restore.out" || { echo "no clear message:"; cat "$work/restore.out"; return 1; }
}
check "restore.sh refuses a garbage file with a clear message" garbage_restore
check "data intact after the refused restore" marker_is "$marker"

# A valid archive that fails part-way (a data-only dump collides with the rows already
# there): one transaction, so nothing changes, and the stopped api is started again.
failed_restore() {
  dc exec -T db sh -c 'exec pg_dump -Fc --data-only -U "$POSTGRES_USER" -d "$POSTGRES_DB"' >"$work/data-only.dump" || return 1
  if scripts/restore.sh "$work/data-only.dump" --yes </dev/null >"$work/restore.out" 2>&1; then
    echo "restore of a colliding archive succeeded"; cat "$work/restore.out"; return 1
  fi
  grep -q "rolled back" "$work/restore.out" && grep -q "starting api" "$work/restore.out" \
    || { cat "$work/restore.out"; return 1; }
}
check "restore.sh of an archive that fails part-way exits non-zero, rolled back" failed_restore
check "data intact after the failed restore" marker_is "$marker"
check "api healthy again after the failed restore" wait_healthy api 60

no_confirmation() {
  if scripts/restore.sh "$backup_file" </dev/null >"$work/restore.out" 2>&1; then
    echo "restored without --yes and without a terminal"; return 1
  fi
  grep -q -- "--yes" "$work/restore.out" || { cat "$work/restore.out"; return 1; }
}
check "restore.sh without --yes and no terminal refuses" no_confirmation

# Version checks stop before anything changes: without --yes (and no terminal) restore.sh
# prints the comparison and warnings, then refuses.
edited_backup() { # edited_backup SED-EXPRESSION: the backup with an edited manifest
  cp "$backup_file" "$work/edited.dump"
  sed -E "$1" "$backup_file.json" >"$work/edited.dump.json"
}
restore_warns_app() {
  edited_backup 's/"app_version": "[^"]*"/"app_version": "0.0.1-e2e"/'
  scripts/restore.sh "$work/edited.dump" </dev/null >"$work/restore.out" 2>&1 && { cat "$work/restore.out"; return 1; }
  grep -Eq '^restore: app version +0\.0\.1-e2e .* [0-9]' "$work/restore.out" \
    && grep -q 'warning: the backup was taken with app 0.0.1-e2e' "$work/restore.out" \
    || { cat "$work/restore.out"; return 1; }
}
check "restore.sh shows both versions and warns on another app version" restore_warns_app
restore_refuses_newer() {
  edited_backup 's/"schema_version": "[^"]*"/"schema_version": "29991231000000_from_the_future.js"/'
  scripts/restore.sh "$work/edited.dump" --yes </dev/null >"$work/restore.out" 2>&1 && { cat "$work/restore.out"; return 1; }
  grep -q "schema (29991231000000_from_the_future.js) is newer than this stack's code" "$work/restore.out" \
    && grep -q -- '--force' "$work/restore.out" || { cat "$work/restore.out"; return 1; }
}
check "restore.sh --yes refuses a backup with a newer schema (unless --force)" restore_refuses_newer
restore_warns_no_manifest() {
  rm -f "$work/edited.dump.json"
  scripts/restore.sh "$work/edited.dump" </dev/null >"$work/restore.out" 2>&1 && { cat "$work/restore.out"; return 1; }
  grep -q 'no manifest .*versions unknown' "$work/restore.out" || { cat "$work/restore.out"; return 1; }
}
check "restore.sh warns about a dump without manifest (versions unknown)" restore_warns_no_manifest
check "data intact after the refused restores" marker_is "$marker"

# --- upgrade ------------------------------------------------------------------------------------
t_upgrade=$(now)
upgrade_ok() {
  local before; before=$(count_dumps)
  scripts/upgrade.sh --yes --wait-timeout 180 </dev/null >"$work/upgrade-ok.out" 2>&1 || { tail -30 "$work/upgrade-ok.out"; return 1; }
  grep -q '^upgrade: app: ' "$work/upgrade-ok.out" && grep -Eq '^upgrade: schema: [0-9]{14}_.* -> [0-9]{14}_' "$work/upgrade-ok.out" \
    || { tail -30 "$work/upgrade-ok.out"; return 1; }
  [ "$(count_dumps)" -gt "$before" ] || { echo "no new backup"; return 1; }
  all_healthy
}
check "upgrade.sh --yes: backup, build, up --wait, versions printed, all healthy" upgrade_ok
info "$(grep '^upgrade: upgraded in' "$work/upgrade-ok.out" 2>/dev/null)"
check "data intact after the upgrade" marker_is "$marker"

# A new version that cannot start: an invalid setting makes the new api exit at startup.
upgrade_fails() {
  if LOG_LEVEL=nonsense scripts/upgrade.sh --yes --wait-timeout 90 </dev/null >"$work/upgrade.out" 2>&1; then
    echo "upgrade succeeded"; tail -30 "$work/upgrade.out"; return 1
  fi
  grep -q 'UPGRADE FAILED' "$work/upgrade.out" && grep -q 'LOG_LEVEL' "$work/upgrade.out" \
    && grep -q '^    scripts/restore.sh .*--yes$' "$work/upgrade.out" || { tail -40 "$work/upgrade.out"; return 1; }
}
check "upgrade.sh with a new api that cannot start exits non-zero with api logs and rollback commands" upgrade_fails
t=$(now)
rollback() { # run exactly the printed commands, but for a `git checkout`: when a commit landed
  # while this ran, that line would move the developer's own checkout (a detached HEAD under
  # their next commits); the images it would rebuild are the ones re-tagged above anyway.
  sed -n '/^Rollback commands:$/,/^$/p' "$work/upgrade.out" | sed '1d;/^$/d;s/^    //;/^git checkout /d' >"$work/rollback.sh"
  grep -q restore.sh "$work/rollback.sh" || { cat "$work/upgrade.out"; return 1; }
  (bash -e "$work/rollback.sh") >"$work/rollback.out" 2>&1 || { cat "$work/rollback.sh"; tail -30 "$work/rollback.out"; return 1; }
  all_healthy
}
check "the printed rollback commands bring the stack back healthy" rollback
info "rollback commands until healthy: $(elapsed "$t") s"
check "data intact after the rollback" marker_is "$marker"
check "GET /api/ready 200 after the rollback" get_ok /api/ready 200 application/json
info "upgrade section: $(elapsed "$t_upgrade") s"

# Retention: the oldest dumps go, each with its manifest.
keep_two() {
  local newest
  scripts/backup.sh --keep 2 >"$work/keep.out" 2>&1 || { cat "$work/keep.out"; return 1; }
  newest=$(newest_dump)
  [ "$(count_dumps)" -eq 2 ] && [ "$(find "$BACKUP_DIR" -maxdepth 1 -name '*.json' | wc -l)" -eq 2 ] \
    && [ -f "$newest.json" ] && grep -q "removed old backup" "$work/keep.out" \
    || { ls -l "$BACKUP_DIR"; cat "$work/keep.out"; return 1; }
}
check "backup.sh --keep 2 leaves the newest two dumps and their manifests" keep_two

# --- lifecycle ----------------------------------------------------------------------------------
down_up() { dc down >/dev/null 2>&1 && dc up -d --wait >/dev/null 2>&1; }
check "down, up -d --wait" down_up
check "data kept across down/up" marker_is "$marker"

t=$(now)
check "docker compose restart api" dc restart api
check "api healthy again after restart" wait_healthy api 60
info "restart api until healthy: $(elapsed "$t") s"
check "web reaches the restarted api" get_ok /api/ready 200 application/json

recreate_api() { dc up -d --wait --no-deps --force-recreate api >/dev/null 2>&1; }
check "api recreated (new container, maybe new IP)" recreate_api
check "web reaches the recreated api (nginx re-resolves)" get_ok /api/ready 200 application/json

no_restarts() {
  local s n
  for s in db api web; do
    n=$(docker inspect -f '{{.RestartCount}}' "$(cid $s)")
    [ "$n" = 0 ] || { echo "$s restarted $n times"; return 1; }
  done
}
check "no container was restarted by its restart policy" no_restarts

# Stopped one by one in compose's own order (dependents first) to time each service.
t=$(now)
stop_failed=
for s in web api db; do
  t1=$(now)
  if dc stop "$s" >/dev/null 2>&1; then info "stop $s: $(elapsed "$t1") s"; else stop_failed="$stop_failed $s"; fi
done
if [ -z "$stop_failed" ]; then ok "docker compose stop (web, api, db)"; else not_ok "docker compose stop (web, api, db)" "failed:$stop_failed"; fi
stop_s=$(elapsed "$t")
info "docker compose stop, all: $stop_s s"
clean_exit() {
  local s st
  for s in db api web; do
    st=$(docker inspect -f '{{.State.Status}} exit={{.State.ExitCode}} oom={{.State.OOMKilled}}' "$(cid $s)")
    info "$s: $st"
    [ "$st" = "exited exit=0 oom=false" ] || { echo "$s: $st"; return 1; }
  done
}
check "every container exited 0 (not killed, not OOM)" clean_exit

# --- the optional HTTPS listener: a short stack of its own ------------------------------------
# After this stack has stopped, so the two never run side by side; it reuses the images.
t=$(now)
if bash scripts/e2e-https.sh 2>&1 | sed 's/^/    /'; then
  ok "HTTPS listener (scripts/e2e-https.sh): self-signed and mounted certificates, redirect, HSTS, API"
else
  not_ok "HTTPS listener (scripts/e2e-https.sh): self-signed and mounted certificates, redirect, HSTS, API"
fi
info "HTTPS checks: $(elapsed "$t") s"

# --- figures ------------------------------------------------------------------------------------
size_of() { docker image inspect -f '{{.Size}}' "$1" 2>/dev/null || echo 0; }
base_of() { sed -n "s/^ARG $2=//p" "$1" | head -n1; }
api_image=$(docker inspect -f '{{.Config.Image}}' "$(cid api)")
web_image=$(docker inspect -f '{{.Config.Image}}' "$(cid web)")
node_base=$(base_of Dockerfile.backend NODE_IMAGE)
nginx_base=$(base_of Dockerfile.frontend NGINX_IMAGE)
a=$(size_of "$api_image"); an=$(size_of "$node_base")
w=$(size_of "$web_image"); wn=$(size_of "$nginx_base")
info "image $api_image: $(mb "$a") = $node_base $(mb "$an") + $(mb $((a - an)))"
info "image $web_image: $(mb "$w") = $nginx_base $(mb "$wn") + $(mb $((w - wn)))"
info "up -d --wait: ${up_s} s; docker compose stop: ${stop_s} s"

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
