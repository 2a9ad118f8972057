#!/usr/bin/env bash
# EXPLAIN (ANALYZE, BUFFERS) of the list queries before (OFFSET + exact COUNT(*)) and after
# (keyset + capped count), run against a seeded database:
#   npm run seed -w backend -- --items 100000 --movements 1000000 --prefix S
#   scripts/perf/explain-lists.sh postgres://user@host:port/db
# Prints, per query, the median execution time of 5 runs and the shared buffers it touched.
# "Before" queries run in a transaction that drops the keyset indexes, then rolls back.
set -euo pipefail
url=${1:?usage: explain-lists.sh DATABASE_URL}
runs=${RUNS:-5}

COLS="items.id, items.sku, items.name, items.description, items.unit, items.barcode, items.reorder_point,
  items.category, items.archived_at, items.created_at, items.updated_at,
  (select coalesce(t.on_hand, 0) from item_totals t where t.item_id = items.id) as on_hand"
ONHAND="coalesce((select t.on_hand from item_totals t where t.item_id = items.id), 0)"
# Keys of a row deep in each order (the 50,000th row), as the cursor would carry them.
deep() { psql "$url" -Atc "select $1 from items where archived_at is null order by $2 offset 50000 limit 1"; }
SKU_K=$(deep "lower(sku)::text || '|' || id" "lower(sku), id"); SKU=${SKU_K%|*}; SKU_ID=${SKU_K#*|}
UPD_K=$(deep "updated_at::text || '|' || id" "updated_at desc, id desc"); UPD=${UPD_K%|*}; UPD_ID=${UPD_K#*|}
NAME_K=$(deep "lower(name)::text || '|' || id" "lower(name), id"); NAME=${NAME_K%|*}; NAME_ID=${NAME_K#*|}
MOV_ID=$(psql "$url" -Atc "select id from movements order by id desc offset 500000 limit 1")
ITEM_ID=$(psql "$url" -Atc "select item_id from movements group by item_id order by count(*) desc limit 1")
MOV_ITEM_ID=$(psql "$url" -Atc "select id from movements where item_id = $ITEM_ID order by id desc offset 10 limit 1")

measure() { # name, setup sql (before) or '', query
  local name=$1 setup=$2 sql=$3 times=() buffers=''
  for _ in $(seq "$runs"); do
    out=$(psql "$url" -At -v ON_ERROR_STOP=1 <<SQL
begin;
$setup
explain (analyze, buffers) $sql;
rollback;
SQL
)
    times+=("$(grep -o 'Execution Time: [0-9.]*' <<<"$out" | awk '{print $3}')")
    buffers=$(grep -m1 -o 'Buffers: shared[^|]*' <<<"$out" | head -1)
  done
  median=$(printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')
  printf '%-58s %9s ms  %s\n' "$name" "$median" "$buffers"
}

NOKEYSET="drop index items_sku_lower_id; drop index locations_code_lower_id; drop index locations_name_lower_id;"
ACTIVE="items.archived_at is null"

echo "== before: OFFSET pages and an exact COUNT(*) on every request"
measure "items by SKU, first page" "$NOKEYSET" "select $COLS from items where $ACTIVE order by lower(items.sku) asc nulls last, items.id asc limit 50 offset 0"
measure "items by SKU, offset 50,000" "$NOKEYSET" "select $COLS from items where $ACTIVE order by lower(items.sku) asc nulls last, items.id asc limit 50 offset 50000"
measure "items by updated, offset 50,000" "$NOKEYSET" "select $COLS from items where $ACTIVE order by items.updated_at desc nulls last, items.id desc limit 50 offset 50000"
measure "items count(*) (every page)" "$NOKEYSET" "select count(*) from items where $ACTIVE"
measure "search 'hinge', first page" "$NOKEYSET" "select $COLS from items where $ACTIVE and search_text like '%hinge%' order by (lower(items.sku) = lower('hinge') or items.barcode = 'hinge') desc, lower(items.sku) asc nulls last, items.id limit 50"
measure "search 'hinge' count(*)" "$NOKEYSET" "select count(*) from items where $ACTIVE and search_text like '%hinge%'"
measure "low stock by shortfall, offset 10,000" "$NOKEYSET" "select $COLS from items where $ACTIVE and (items.reorder_point is not null and $ONHAND <= items.reorder_point) order by (items.reorder_point - $ONHAND) desc nulls last, lower(items.sku), items.id desc limit 50 offset 10000"

echo "== after: keyset pages (limit+1 rows) and a count capped at 1,000"
measure "items by SKU, first page" "" "select $COLS, lower(items.sku)::text, items.id::text from items where $ACTIVE order by lower(items.sku) asc, items.id asc limit 51"
measure "items by SKU, page after row 50,000" "" "select $COLS from items where $ACTIVE and (lower(items.sku), items.id) > ('$SKU'::text, $SKU_ID::bigint) order by lower(items.sku) asc, items.id asc limit 51"
measure "items by name, page after row 50,000" "" "select $COLS from items where $ACTIVE and (lower(items.name), items.id) > ('$NAME'::text, $NAME_ID::bigint) order by lower(items.name) asc, items.id asc limit 51"
measure "items by updated desc, page after row 50,000" "" "select $COLS from items where $ACTIVE and (items.updated_at, items.id) < ('$UPD'::timestamptz, $UPD_ID::bigint) order by items.updated_at desc, items.id desc limit 51"
measure "items capped count (every page)" "" "select count(*) from (select 1 from items where $ACTIVE limit 1001) m"
RANK="case when lower(items.sku) = lower('hinge') then 0 when items.barcode = 'hinge' then 1 when lower(items.sku) like 'hinge%' or lower(items.name) like 'hinge%' or lower(items.barcode) like 'hinge%' then 2 else 3 end"
measure "search 'hinge', first page (ranked)" "" "select $COLS from items where $ACTIVE and search_text like '%hinge%' order by $RANK, lower(items.sku), items.id limit 51"
measure "search 'hinge', a later page" "" "select $COLS from items where $ACTIVE and search_text like '%hinge%' and ($RANK, lower(items.sku), items.id) > (3, 's-0050000', 0) order by $RANK, lower(items.sku), items.id limit 51"
measure "search 'hinge brass 16mm' (3 words, any order)" "" "select $COLS from items where $ACTIVE and search_text like '%hinge%' and search_text like '%brass%' and search_text like '%16mm%' order by lower(items.sku), items.id limit 51"
measure "search exact SKU 's-0042424'" "" "select $COLS from items where $ACTIVE and search_text like '%s-0042424%' order by $RANK, lower(items.sku), items.id limit 51"
measure "search 'hinge' capped count" "" "select count(*) from (select 1 from items where $ACTIVE and search_text like '%hinge%' limit 1001) m"
SF="coalesce((items.reorder_point - $ONHAND), -1e15)"
measure "low stock by shortfall, a later page" "" "select $COLS from items where $ACTIVE and (items.reorder_point is not null and $ONHAND <= items.reorder_point) and (($SF < 5) or ($SF = 5 and lower(items.sku) > 's-0050000')) order by $SF desc, lower(items.sku), items.id limit 51"

echo "== movements (already keyset by id): first page vs a page 500,000 rows deep"
MOVSEL="select m.*, i.sku, i.name from movements m join items i on i.id = m.item_id"
measure "movements, first page" "" "$MOVSEL order by m.id desc limit 51"
measure "movements, after row 500,000" "" "$MOVSEL where m.id < $MOV_ID order by m.id desc limit 51"
measure "movements of one item, first page" "" "$MOVSEL where m.item_id = $ITEM_ID order by m.id desc limit 51"
measure "movements of one item, a later page" "" "$MOVSEL where m.item_id = $ITEM_ID and m.id < $MOV_ITEM_ID order by m.id desc limit 51"
measure "movements kind=ship, after row 500,000" "" "$MOVSEL where m.kind = 'ship' and m.id < $MOV_ID order by m.id desc limit 51"
measure "movements reference=PO-10042, first page" "" "$MOVSEL where m.reference = 'PO-10042' order by m.id desc limit 51"
measure "movements in a date range, after row 500,000" "" "$MOVSEL where m.created_at >= now() - interval '200 days' and m.created_at < now() - interval '1 day' and m.id < $MOV_ID order by m.id desc limit 51"
