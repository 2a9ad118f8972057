#!/usr/bin/env bash
# Drill 04: bad input. At least 10,000 requests generated from the OpenAPI document and
# mutated so that each must be refused (wrong types, missing/extra fields, huge and odd
# strings, NUL, lone surrogates, SQL metacharacters, malformed JSON, wrong content types and
# encodings, bodies over 1 MB, bad ids and query parameters, numbers at and past their
# declared ranges, wrong methods), sent through nginx as an admin and as no one by
# scripts/drills/fuzz/main.mjs (seeded: FUZZ_SEED=N replays).
#
# Expects: no 5xx; every 4xx is problem+json (status, code, detail, no stack trace); no one
# gets anything but 401 from a non-public route; no write is accepted; a number past the range
# the OpenAPI document declares is a 400 VALIDATION_FAILED and one at its edge is not (see
# fuzz/boundary.mjs); and the database is exactly as before (row counts and an md5 of every
# table's rows), apart from what a refused request legitimately changes:
#   - audit_log, login_attempts: a refused sign-in is audited (auth.login_failed) and counted
#     for the rate limit, by design. Rows that existed before must be unchanged; new rows
#     must all be failed sign-ins.
#   - sessions.last_seen_at, api_tokens.last_used_at: authenticating touches them (at most
#     once a minute) to keep the idle timeout sliding, whatever the request then does.
#   - event_consumers' position (cursor_txid, cursor_id, updated_at): the background
#     dispatcher moves an internal consumer along the event feed on its own, catching up
#     with events earlier drills wrote and past transactions that wrote none.
#   - location_stock_totals and location_stock_deltas are compared as one: the tree's figure
#     per location and unit (folded + pending), since the background fold moves pending
#     deltas into the totals on its own (docs/decisions/0023) without changing that figure.
#   - location_tree_version: the tree cache's key, which that fold replaces on its own.
#   - item_counts and item_count_deltas are compared as one, the number of items per archive
#     state (folded + pending): the item-count fold moves the deltas on its own (decision 0016).
# Env: FUZZ_SEED, FUZZ_ADMIN (7000), FUZZ_ANON (3500), FUZZ_CONCURRENCY (16).
set -euo pipefail
case ${1:-} in -h|--help) sed -n '2,/^[^#]/s/^# \{0,1\}//p' "$0"; exit 0 ;; esac
# shellcheck source=scripts/drills/lib.sh
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# Each location's stock lines and quantity per unit as the tree reads them: folded + pending.
ROLLED_UP="select location_id, unit, sum(q) as quantity, sum(l) as lines from (
    select location_id, e.unit, e.q::bigint as q, 0 as l
      from location_stock_totals, jsonb_each_text(quantities) as e(unit, q)
    union all select location_id, '', 0, lines from location_stock_totals
    union all select location_id, unit, quantity, 0 from location_stock_deltas
    union all select location_id, '', 0, lines from location_stock_deltas
  ) u group by location_id, unit having sum(q) <> 0 or sum(l) <> 0"

# The number of items per archive state as the list reads it: folded + pending.
ITEM_COUNTS="select archived, sum(items) as items from (
    select archived, items from item_counts
    union all select archived, items from item_count_deltas
  ) u group by archived"

# snapshot AUDIT_MAX ATTEMPTS_MAX: "table rows md5" per table, volatile parts left out (above).
snapshot() {
  local sql="" t expr where src
  for t in $(psql_db "select tablename from pg_tables where schemaname = 'public' order by 1"); do
    expr="to_jsonb(x)" where="" src=$t
    case $t in
      location_stock_deltas | location_tree_version | item_count_deltas) where="where false" ;;
      location_stock_totals) src="($ROLLED_UP)" ;;
      item_counts) src="($ITEM_COUNTS)" ;;
      sessions) expr="to_jsonb(x) - 'last_seen_at'" ;;
      api_tokens) expr="to_jsonb(x) - 'last_used_at'" ;;
      event_consumers) expr="to_jsonb(x) - 'cursor_txid' - 'cursor_id' - 'updated_at'" ;;
      audit_log) where="where id <= $1" ;;
      login_attempts) where="where id <= $2" ;;
    esac
    sql+="${sql:+ union all }select '$t' || ' ' || count(*) || ' ' || md5(coalesce(string_agg(r, E'\\n' order by r), '')) from (select ($expr)::text as r from $src x $where) s"
  done
  psql_db "$sql order by 1"
}

# summary KEY: a value of the fuzzer's summary (the length, for a list).
summary() { node -e 'const v=JSON.parse(require("fs").readFileSync(process.argv[1]))[process.argv[2]];console.log(Array.isArray(v)?v.length:v)' "$work/summary.json" "$1"; }
empty_list() { # empty_list KEY: passes when the summary's KEY list is empty, else shows the first few
  local n; n=$(summary "$1")
  [ "$n" -eq 0 ] || { echo "$n requests, e.g.:"; node -e 'const s=JSON.parse(require("fs").readFileSync(process.argv[1]));for (const p of s[process.argv[2]].slice(0,5)) console.log(JSON.stringify(p))' "$work/summary.json" "$1"; return 1; }
}

node scripts/drills/fuzz/main.mjs prepare --out "$work/fixtures.json" >/dev/null
audit_max=$(psql_db "select coalesce(max(id), 0) from audit_log")
attempts_max=$(psql_db "select coalesce(max(id), 0) from login_attempts")
snapshot "$audit_max" "$attempts_max" >"$work/before.txt"
info "database snapshot: $(wc -l <"$work/before.txt") tables, $(awk '{s+=$2} END {print s}' "$work/before.txt") rows"

fuzz_rc=0
node scripts/drills/fuzz/main.mjs run --fixtures "$work/fixtures.json" --out "$work/summary.json" \
  --concurrency "${FUZZ_CONCURRENCY:-16}" --admin "${FUZZ_ADMIN:-7000}" --anon "${FUZZ_ANON:-3500}" \
  ${FUZZ_SEED:+--seed "$FUZZ_SEED"} || fuzz_rc=$?
check "the fuzzer ran to the end" test "$fuzz_rc" -eq 0
[ -f "$work/summary.json" ] || { not_ok "fuzz summary written"; drill_done; exit 1; }

total=$(summary requests)
check "at least 10,000 requests were sent ($total)" test "$total" -ge 10000
check "no request got a 5xx" empty_list fiveXX
check "no request failed in transport (reset, timeout)" empty_list transport
check "every 4xx is problem+json with status, code, detail and no stack trace" empty_list notProblem
check "as no one, every non-public operation answered 401 (or nginx's 413/414 for a body over 1 MB / a URI over 8 KB)" empty_list anonNot401
check "no write was accepted (each carried a reason to be refused)" empty_list accepted
check "every number past its declared range got a 400 and every number inside it got past validation" empty_list boundary
check "every body past the shape limits (depth, values, string length) was refused with 400/413 before parsing" empty_list shapeNotRefused

snapshot "$audit_max" "$attempts_max" >"$work/after.txt"
check "every table is unchanged by the refused requests (row counts and md5 of rows)" \
  diff "$work/before.txt" "$work/after.txt"
new_audit=$(psql_db "select coalesce(string_agg(action || '=' || n, ' '), 'none') from (select action, count(*) n from audit_log where id > $audit_max group by 1 order by 1) a")
new_attempts=$(psql_db "select count(*) || ' (' || count(*) filter (where succeeded) || ' succeeded)' from login_attempts where id > $attempts_max")
info "new audit rows by action: $new_audit; new login attempts: $new_attempts"
check "the only new audit rows are failed sign-ins" test -z "$(psql_db "select 1 from audit_log where id > $audit_max and action <> 'auth.login_failed' limit 1")"
check "the only new login attempts failed" test -z "$(psql_db "select 1 from login_attempts where id > $attempts_max and succeeded limit 1")"

# The fuzzer's failed sign-ins trip the per-address limit (300 failures in 15 minutes).
# Forget them, so the drills after this one (and people at this machine) can sign in again.
psql_db "delete from login_attempts where id > $attempts_max" >/dev/null
check "api is healthy after the fuzz" wait_healthy api 30
get_ok_ready() { get_ok /api/ready 200 application/json; }
check "/api/ready answers 200" get_ok_ready
check "the admin can still sign in" sign_in "$ADMIN_EMAIL" "$ADMIN_PASSWORD"
drill_done
