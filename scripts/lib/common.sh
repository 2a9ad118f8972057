# shellcheck shell=bash disable=SC2016,SC2034,SC2154
# (SC2016: $VARS in single quotes expand inside the db container; SC2034/SC2154: variables
# shared with the sourcing script.)
# Helpers shared by scripts/backup.sh, restore.sh and upgrade.sh. Sourced, not run.
# The caller sets `prog` (message prefix) and works from the repository root, so
# `docker compose` finds docker-compose.yml (and .env).

die() { echo "$prog: error: $*" >&2; exit 1; }
warn() { echo "$prog: warning: $*" >&2; }
say() { echo "$prog: $*"; }

compose() { docker compose "$@"; }

# compose_cid [-a] SERVICE: the first container of SERVICE (-a: stopped ones too), compose's
# errors on stderr as without it. sed reads to the end: `head -n1` exits at the first line
# and, with several replicas, can kill compose with SIGPIPE, which `set -o pipefail` turns
# into a failure.
compose_cid() {
  local all=()
  if [ "$1" = -a ]; then all=(-a); shift; fi
  compose ps "${all[@]}" -q "$1" | sed -n 1p
}

service_running() { [ -n "$(compose ps --status running -q "$1" 2>/dev/null)" ]; }

require_db() {
  service_running db \
    || die "the db service is not running (project '${COMPOSE_PROJECT_NAME:-default}'); start it with: docker compose up -d db"
}

# psql in the db container as the stack's own user. psql_in DB [psql args...]; SQL on stdin
# or via -c. -X: no ~/.psqlrc; -q -At: bare values, no command tags.
psql_in() {
  local db=$1; shift
  compose exec -T db sh -c 'db=$1; shift; exec psql -X -q -At -v ON_ERROR_STOP=1 --no-password -U "$POSTGRES_USER" -d "${db:-$POSTGRES_DB}" "$@"' \
    sh "$db" "$@"
}
psql_db() { psql_in "" "$@"; }

db_name() { compose exec -T db sh -c 'printf %s "$POSTGRES_DB"'; }

now() { date +%s.%N; }
since() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f", b - a }'; }

human_size() {
  awk -v b="$1" 'BEGIN { split("B KiB MiB GiB TiB", u); i = 1
    while (b >= 1024 && i < 5) { b /= 1024; i++ }
    printf(i == 1 ? "%d %s" : "%.1f %s", b, u[i]) }'
}

# JSON string literal for a shell value (the manifest holds versions, names, paths).
json_str() {
  local s=$1
  s=${s//\\/\\\\}; s=${s//\"/\\\"}; s=${s//$'\n'/\\n}; s=${s//$'\r'/\\r}; s=${s//$'\t'/\\t}
  printf '"%s"' "$s"
}

# --- SQL shared by backup (live snapshot) and verify (scratch database) -------------------
# One row: database|PostgreSQL major|full server version|newest migration|migration count.
# query_to_xml runs a query chosen at run time, so an empty database (no knex_migrations)
# gives '' and 0 instead of an error.
SQL_META="select current_database(), current_setting('server_version_num')::int / 10000,
  current_setting('server_version'),
  case when to_regclass('public.knex_migrations') is null then '' else coalesce((xpath('/row/name/text()',
    query_to_xml('select name from knex_migrations order by id desc limit 1', false, true, '')))[1]::text, '') end,
  case when to_regclass('public.knex_migrations') is null then 0 else (xpath('/row/n/text()',
    query_to_xml('select count(*) as n from knex_migrations', false, true, '')))[1]::text::int end;"

# Exact row count of every table in the public schema, one `"name"|count` line each,
# sorted by name. Names come out JSON-quoted so they can go into the manifest as they are.
SQL_COUNTS="select to_json(c.relname)::text, (xpath('/row/n/text()', query_to_xml(
    format('select count(*) as n from %I.%I', n.nspname, c.relname), false, true, '')))[1]::text
  from pg_class c join pg_namespace n on n.oid = c.relnamespace
  where n.nspname = 'public' and c.relkind in ('r', 'p') order by c.relname;"

# --- versions of the stack ------------------------------------------------------------------
# The image compose runs for a service (API_IMAGE/WEB_IMAGE and .env applied), read from
# the canonical `docker compose config` output (services, then 4-space-indented keys).
configured_image() {
  compose config 2>/dev/null | awk -v svc="  $1:" '
    /^[^ ]/ { in_services = ($0 == "services:"); in_svc = 0; next }
    in_services && /^  [^ ]/ { in_svc = ($0 == svc); next }
    in_svc && /^    image: / { sub(/^    image: /, ""); gsub(/["\047]/, ""); print; exit }'
}

# app_info REF: "version|commit|image id" from an image or container's OCI labels (set by
# Dockerfile.backend from APP_VERSION/GIT_COMMIT); fields are empty when unknown.
app_info() {
  docker inspect -f '{{index .Config.Labels "org.opencontainers.image.version"}}|{{index .Config.Labels "org.opencontainers.image.revision"}}|{{if .Image}}{{.Image}}{{else}}{{.Id}}{{end}}' \
    "$1" 2>/dev/null | head -n1
}

# The api version of this stack: its api container (running or not), else the image compose
# would start. Prints "version|commit|image id|where from"; "|||unknown" when neither exists.
stack_app_info() {
  local cid img info
  cid=$(compose_cid -a api 2>/dev/null)
  if [ -n "$cid" ] && info=$(app_info "$cid") && [ -n "$info" ]; then
    echo "$info|api container"; return
  fi
  img=$(configured_image api) || img=
  if [ -n "$img" ] && info=$(app_info "$img") && [ -n "$info" ]; then
    echo "$info|image $img"; return
  fi
  echo "|||unknown"
}

# Migration file names the api image ships (what that code knows), one per line; falls back
# to this checkout's db/migrations when the image is not there.
known_migrations() {
  local img=$1
  if [ -n "$img" ] && docker run --rm --network none --entrypoint ls "$img" /app/db/migrations 2>/dev/null \
       | grep '\.js$'; then
    return
  fi
  find db/migrations -maxdepth 1 -name '*.js' -printf '%f\n' | sort
}

# --- manifests ------------------------------------------------------------------------------
# manifest_sql FILE SQL: runs SQL in the db container with psql variable m = the manifest's
# text, so `(:'m')::jsonb` parses it (no jq needed on the host). Fails on invalid JSON.
manifest_sql() {
  local json
  json=$(cat -- "$1") || return 1
  printf '%s\n' "$2" | psql_db -v m="$json"
}
manifest_get() { manifest_sql "$1" "select coalesce((:'m')::jsonb ->> '$2', '');"; }
