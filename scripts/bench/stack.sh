#!/usr/bin/env bash
# The product's stack plus the bench's reference server behind its own nginx
# (compose.bench.yml; docs/performance.md). Any docker compose arguments:
#
#   HTTP_PORT=8091 BENCH_REFERENCE_PORT=8092 scripts/bench/stack.sh -p bench up -d --build --wait
#   scripts/bench/stack.sh -p bench down -v
#
# The reference's nginx config is the product's nginx.conf with the upstream host renamed,
# written fresh on every call so the two never drift apart.
set -euo pipefail
cd "$(dirname "$0")/../.."
out=scripts/bench/.nginx-reference.conf
sed 's/\bapi:3000\b/reference:3000/g' nginx.conf >"$out"
if ! grep -q 'reference:3000' "$out"; then
  echo "stack.sh: nginx.conf names no api:3000 upstream to replace" >&2
  exit 1
fi
exec docker compose -f docker-compose.yml -f scripts/bench/compose.bench.yml "$@"
