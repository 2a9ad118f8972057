#!/usr/bin/env bash
# End-to-end check of the optional HTTPS listener (docker-compose.https.yml; issue 16 point
# 7). Run by scripts/e2e-stack.sh after its own stack, or alone: bash scripts/e2e-https.sh
#
# One short stack of its own (project stockroom-https-PID, free HTTP and HTTPS ports) with
# TLS_MODE=self-signed: the certificate the web container made is fetched from the
# listener and then trusted by curl for a host name in TLS_HOSTNAMES, so every HTTPS check
# also proves the certificate's names. Then the same web service with TLS_MODE=files and a
# certificate made here, and the script's refusals of bad settings. Removes everything it
# created (containers, networks, volumes) at the end; images are reused (the default
# WEB_IMAGE/API_IMAGE, built if missing).
#
# Output is TAP-like, like e2e-stack.sh; the exit status is non-zero when a check failed.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
repo_root=$PWD
# shellcheck source=scripts/lib/stack.sh
. scripts/lib/stack.sh
dockerlab_prepare "$repo_root" >/dev/null
require_compose
for tool in curl openssl; do
  command -v "$tool" >/dev/null || { echo "e2e-https: $tool is required" >&2; exit 2; }
done

# Ports of its own even when started by e2e-stack.sh (which exports HTTP_PORT).
HTTP_PORT=$(free_port)
HTTPS_PORT=$(free_port)
export HTTPS_PORT
stack_env https
export COMPOSE_FILE=docker-compose.yml:docker-compose.https.yml
export TLS_MODE=self-signed TLS_HOSTNAMES=stockroom.test,10.99.0.1
# Not the default (one year), so the header proves the setting reaches nginx.
export HSTS_MAX_AGE=86400
export ADMIN_EMAIL="https-admin@example.com"
ADMIN_PASSWORD="https-$(date +%s)-$RANDOM-password"
export ADMIN_PASSWORD
host=stockroom.test
work=$(mktemp -d "${TMPDIR:-/tmp}/stockroom-https.XXXXXX")

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ "$rc" -ne 0 ] || [ "$failed" -gt 0 ]; then stack_report 40 web; fi
  stack_remove
  rm -rf "$work"
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# tls_req METHOD PATH [curl args]: over HTTPS to stockroom.test (resolved to 127.0.0.1),
# trusting only the certificate in $work/served.pem.
tls_req() {
  local m=$1 p=$2; shift 2
  base_url="https://$host:$HTTPS_PORT" req "$m" "$p" --resolve "$host:$HTTPS_PORT:127.0.0.1" \
    --cacert "$work/served.pem" "$@"
}
# http_req METHOD PATH [curl args]: plain HTTP, Host stockroom.test:HTTP_PORT.
http_req() {
  local m=$1 p=$2; shift 2
  base_url="http://$host:$HTTP_PORT" req "$m" "$p" --resolve "$host:$HTTP_PORT:127.0.0.1" "$@"
}
# served_fingerprint: SHA-256 fingerprint of the certificate the HTTPS port presents now.
served_fingerprint() {
  openssl s_client -connect "127.0.0.1:$HTTPS_PORT" -servername "$host" </dev/null 2>/dev/null \
    | openssl x509 -outform PEM >"$work/served.pem" || return 1
  openssl x509 -in "$work/served.pem" -noout -fingerprint -sha256 | cut -d= -f2
}
logged_fingerprint() {
  dc logs --no-color web 2>/dev/null | sed -n 's/.*stockroom-tls: certificate SHA-256 fingerprint: //p' \
    | tail -n1 | tr -d '\r'
}

info "project $COMPOSE_PROJECT_NAME, http $HTTP_PORT, https $HTTPS_PORT ($TLS_MODE)"
t=$(now)
if dc up -d --wait >"$work/up.out" 2>&1; then
  ok "stack with docker-compose.https.yml starts: up -d --wait"
  info "up -d --wait: $(elapsed "$t") s"
else
  not_ok "stack with docker-compose.https.yml starts: up -d --wait" "$(tail -20 "$work/up.out")"
  echo "$passed passed, $failed failed"
  exit 1
fi

fingerprint_logged() {
  local served logged
  served=$(served_fingerprint) || { echo "no certificate on port $HTTPS_PORT"; return 1; }
  logged=$(logged_fingerprint)
  [ -n "$served" ] && [ "$served" = "$logged" ] || { echo "served $served, logged '$logged'"; return 1; }
  info "fingerprint $served"
}
check "the web log shows the SHA-256 fingerprint of the certificate HTTPS presents" fingerprint_logged
names_ok() {
  openssl x509 -in "$work/served.pem" -noout -ext subjectAltName | tr -d ' \n' \
    | grep -q 'DNS:stockroom.test,IPAddress:10.99.0.1,DNS:localhost,IPAddress:127.0.0.1' \
    || { openssl x509 -in "$work/served.pem" -noout -ext subjectAltName; return 1; }
}
check "the self-signed certificate names TLS_HOSTNAMES, localhost and 127.0.0.1" names_ok

https_app() {
  tls_req GET /items/1
  expect 200 text/html '<html' || return 1
  [ "$(header_count Strict-Transport-Security)" = 1 ] || { echo "HSTS not exactly once"; show; return 1; }
  [ "$(header Strict-Transport-Security)" = "max-age=$HSTS_MAX_AGE" ] || { echo "expected max-age=$HSTS_MAX_AGE"; show; return 1; }
}
check "HTTPS answers (certificate valid for $host), with HSTS exactly once, max-age from HSTS_MAX_AGE" https_app
hsts_on_errors() {
  tls_req GET /api/v1/nope
  expect 404 application/problem+json && [ "$(header_count Strict-Transport-Security)" = 1 ] || { show; return 1; }
}
check "HSTS also on an API error over HTTPS" hsts_on_errors

redirects() {
  http_req GET '/items/1?tab=stock'
  [ "$status" = 308 ] || { echo "expected 308"; show; return 1; }
  [ "$(header Location)" = "https://$host:$HTTPS_PORT/items/1?tab=stock" ] || { show; return 1; }
  [ "$(header_count Strict-Transport-Security)" = 0 ] || { echo "HSTS over plain HTTP"; show; return 1; }
  http_req POST /api/v1/items -H 'Content-Type: application/json' --data '{}'
  [ "$status" = 308 ] && [ "$(header Location)" = "https://$host:$HTTPS_PORT/api/v1/items" ] || { show; return 1; }
}
check "plain HTTP redirects to the same URL over HTTPS (308, also for the API), without HSTS" redirects
healthz_on_http() {
  http_req GET /healthz
  expect 200 text/plain && [ "$(header_count Strict-Transport-Security)" = 0 ] || { show; return 1; }
}
check "the container's own health check (/healthz over HTTP) is not redirected" healthz_on_http
http_on_https_port() {
  status=$(curl -sS -o /dev/null -D "$work/h" -w '%{http_code}' --max-time 10 "http://127.0.0.1:$HTTPS_PORT/x") || true
  [ "$status" = 308 ] && header Location | grep -q "^https://127.0.0.1:$HTTPS_PORT/x$" || { show; return 1; }
}
check "plain HTTP sent to the HTTPS port is redirected too" http_on_https_port

# The API through the listener as a browser would: the session cookie must be Secure (the
# API reads the scheme from X-Forwarded-Proto, which nginx sets to https over its own TLS
# even when a client claims http), and the CSRF check accepts the https Origin.
api_over_https() {
  rm -f "$work/cookies"
  tls_req POST /api/v1/auth/login -H 'Content-Type: application/json' -H 'X-Requested-With: stockroom' \
    -H "Origin: https://$host:$HTTPS_PORT" -H 'X-Forwarded-Proto: http' \
    --data "{\"email\":\"$ADMIN_EMAIL\",\"password\":\"$ADMIN_PASSWORD\"}"
  expect 200 application/json || return 1
  header Set-Cookie | grep -q 'stockroom_session=.*; Secure' || { echo "session cookie not Secure"; show; return 1; }
  tls_req POST /api/v1/items -H 'Content-Type: application/json' -H 'X-Requested-With: stockroom' \
    -H "Origin: https://$host:$HTTPS_PORT" --data "{\"sku\":\"HTTPS-$$\",\"name\":\"Over TLS\"}"
  expect 201 application/json '"sku":"HTTPS-'"$$"'"'
}
check "the API over HTTPS: sign-in sets a Secure cookie (a client's X-Forwarded-Proto: http ignored), a write passes CSRF" api_over_https

restart_keeps_certificate() {
  local before after
  before=$(logged_fingerprint)
  dc restart web >/dev/null 2>&1 && wait_healthy web 60 || return 1
  after=$(served_fingerprint) || return 1
  [ "$before" = "$after" ] || { echo "certificate changed on restart: $before -> $after"; return 1; }
  logs_have web 'using the self-signed certificate made earlier' || { echo "not reused"; return 1; }
}
check "the self-signed certificate survives a restart (web-tls volume)" restart_keeps_certificate

# TLS_MODE=files: a certificate of our own in a folder mounted read-only.
files_mode() {
  local dir=$work/tls fp served
  mkdir -p "$dir"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=$host" -addext "subjectAltName=DNS:$host" \
    -keyout "$dir/privkey.pem" -out "$dir/fullchain.pem" 2>/dev/null || return 1
  chmod 644 "$dir/privkey.pem"
  fp=$(openssl x509 -in "$dir/fullchain.pem" -noout -fingerprint -sha256 | cut -d= -f2)
  TLS_MODE=files TLS_CERT_DIR=$dir dc up -d --wait --no-deps web >"$work/up.out" 2>&1 || { tail -20 "$work/up.out"; return 1; }
  served=$(served_fingerprint) || return 1
  [ "$served" = "$fp" ] && [ "$(logged_fingerprint)" = "$fp" ] || { echo "expected $fp, served $served, logged $(logged_fingerprint)"; return 1; }
  tls_req GET /api/health
  expect 200 application/json
}
check "TLS_MODE=files serves the mounted certificate (fullchain.pem/privkey.pem) and logs its fingerprint" files_mode

# Bad settings stop the container with a message saying what to do (the script alone, in
# the web image, as the entrypoint runs it).
refuses() { # refuses MESSAGE-REGEX docker-run-args...
  local re=$1 out image; shift
  image=$(docker inspect -f '{{.Config.Image}}' "$(cid web)")
  if out=$(docker run --rm --read-only --tmpfs /tmp "$@" "$image" /docker-entrypoint.d/40-stockroom-tls.sh 2>&1); then
    echo "accepted: $*"; return 1
  fi
  grep -Eq "$re" <<<"$out" || { echo "$out"; return 1; }
}
bad_settings() {
  local other=$work/other
  mkdir -p "$other"
  openssl req -x509 -newkey rsa:2048 -nodes -days 2 -subj "/CN=x" -keyout "$other/key.pem" -out "$other/cert.pem" 2>/dev/null
  openssl genrsa -out "$other/other.pem" 2048 2>/dev/null && chmod 644 "$other"/*.pem
  refuses 'TLS_MODE=on: use off, self-signed or files' -e TLS_MODE=on || return 1
  refuses 'no /etc/stockroom/tls/fullchain.pem' -e TLS_MODE=files || return 1
  refuses 'HTTPS_PORT=44x' -e TLS_MODE=self-signed -e HTTPS_PORT=44x || return 1
  refuses 'HSTS_MAX_AGE=1y: whole seconds' -e TLS_MODE=self-signed -e HSTS_MAX_AGE=1y || return 1
  refuses 'HSTS_MAX_AGE=63072001' -e TLS_MODE=self-signed -e HSTS_MAX_AGE=63072001 || return 1
  cp "$other/other.pem" "$other/key.pem"
  refuses 'key.pem is not the key of' -e TLS_MODE=files -v "$other:/etc/stockroom/tls:ro" || return 1
  chmod 600 "$other/key.pem"
  refuses 'not readable by uid 101' -e TLS_MODE=files -v "$other:/etc/stockroom/tls:ro"
}
check "bad settings stop the web container with a clear message (mode, missing file, port, HSTS max-age, wrong key, unreadable key)" bad_settings

echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
