#!/bin/sh
# Stockroom web container: the optional HTTPS listener (README: HTTPS and camera scanning).
# Run by the nginx image's entrypoint before nginx starts, as uid 101 on a read-only root
# filesystem, so everything it writes goes to /tmp (tmpfs) or the web-tls volume.
#
#   TLS_MODE     off (default, also when unset: plain HTTP on 8080 only, as always),
#                self-signed (a certificate made here on first start, kept in
#                /var/lib/stockroom/tls) or files (cert.pem + key.pem, or fullchain.pem +
#                privkey.pem, from a folder mounted read-only at /etc/stockroom/tls)
#   HTTPS_PORT   the host port 8443 is published on (for the redirect); default 443
#   TLS_HOSTNAMES  self-signed: extra names/addresses for the certificate, comma-separated
#   HSTS_MAX_AGE   Strict-Transport-Security max-age over HTTPS, in seconds (0-63072000);
#                default 31536000 (one year); 0 tells browsers to drop the rule
#
# It renders /etc/nginx/stockroom/tls.conf.template into /tmp/nginx/tls.conf and logs the
# certificate's SHA-256 fingerprint, so a phone's certificate warning can be checked
# against `docker compose logs web`. Any problem stops the container with a clear message.
set -eu

ME=stockroom-tls
SELF_DIR=/var/lib/stockroom/tls
FILES_DIR=/etc/stockroom/tls
OUT_DIR=/tmp/nginx

log() { echo "$ME: $*"; }
die() {
  echo "$ME: ERROR: $*" >&2
  exit 1
}

mkdir -p "$OUT_DIR"
rm -f "$OUT_DIR"/tls*.conf

mode=${TLS_MODE:-off}
case $mode in
  off) exit 0 ;;
  self-signed | files) ;;
  *) die "TLS_MODE=$mode: use off, self-signed or files" ;;
esac

port=${HTTPS_PORT:-443}
case $port in
  '' | *[!0-9]*) die "HTTPS_PORT=$port: a port number (1-65535)" ;;
esac
[ "$port" -ge 1 ] && [ "$port" -le 65535 ] || die "HTTPS_PORT=$port: a port number (1-65535)"
if [ "$port" = 443 ]; then HTTPS_PORT_SUFFIX=; else HTTPS_PORT_SUFFIX=":$port"; fi

# Checked before anything is written: the same range the API accepts (backend config.ts).
HSTS_MAX_AGE=${HSTS_MAX_AGE:-31536000}
case $HSTS_MAX_AGE in
  '' | *[!0-9]* | 0?*) die "HSTS_MAX_AGE=$HSTS_MAX_AGE: whole seconds from 0 to 63072000 (two years), e.g. 31536000 for one year" ;;
esac
[ ${#HSTS_MAX_AGE} -le 8 ] && [ "$HSTS_MAX_AGE" -le 63072000 ] \
  || die "HSTS_MAX_AGE=$HSTS_MAX_AGE: whole seconds from 0 to 63072000 (two years), e.g. 31536000 for one year"

# self_signed: reuse the certificate in the volume unless it is missing, was made for
# other names, or expires within 30 days; otherwise make a new one (EC P-256, 825 days,
# the longest Apple devices accept).
self_signed() {
  [ -w "$SELF_DIR" ] || die "$SELF_DIR is not writable: mount a volume there (docker-compose.https.yml does)"
  names=
  for n in $(echo "${TLS_HOSTNAMES:-}" | tr ',' ' '); do
    case $n in
      *[!A-Za-z0-9.:*-]*) die "TLS_HOSTNAMES: '$n' is not a host name or IP address" ;;
    esac
    names="$names$n,"
  done
  names="${names}localhost,127.0.0.1"
  cert=$SELF_DIR/cert.pem key=$SELF_DIR/key.pem
  if [ -s "$cert" ] && [ -s "$key" ] && [ "$(cat "$SELF_DIR/names" 2>/dev/null)" = "$names" ] \
    && openssl x509 -in "$cert" -noout -checkend 2592000 >/dev/null 2>&1; then
    log "using the self-signed certificate made earlier ($cert)"
    return
  fi
  san=
  for n in $(echo "$names" | tr ',' ' '); do
    case $n in
      *:*) t=IP ;;
      *[!0-9.]*) t=DNS ;;
      *) t=IP ;;
    esac
    san="${san:+$san,}$t:$n"
  done
  cn=${names%%,*}
  log "making a self-signed certificate for $names"
  umask 077
  openssl req -x509 -newkey ec -pkeyopt ec_paramgen_curve:prime256v1 -nodes -days 825 \
    -subj "/CN=$cn/O=Stockroom (self-signed)" -addext "subjectAltName=$san" \
    -addext "extendedKeyUsage=serverAuth" \
    -keyout "$key.new" -out "$cert.new" 2>"$OUT_DIR/openssl.err" \
    || die "openssl could not make a certificate: $(cat "$OUT_DIR/openssl.err")"
  mv "$key.new" "$key"
  mv "$cert.new" "$cert"
  echo "$names" >"$SELF_DIR/names"
}

# files: the operator's certificate (full chain first) and key, checked before nginx sees them.
files() {
  if [ -e "$FILES_DIR/cert.pem" ] || [ -e "$FILES_DIR/key.pem" ]; then
    cert=$FILES_DIR/cert.pem key=$FILES_DIR/key.pem
  else
    cert=$FILES_DIR/fullchain.pem key=$FILES_DIR/privkey.pem
  fi
  for f in "$cert" "$key"; do
    [ -e "$f" ] || die "TLS_MODE=files but there is no $f: put cert.pem and key.pem (or fullchain.pem and privkey.pem) in the folder TLS_CERT_DIR names"
    [ -r "$f" ] || die "$f is not readable by uid $(id -u) (nginx): chmod 644 it, or chown 101 it"
  done
  openssl x509 -in "$cert" -noout 2>/dev/null || die "$cert is not a PEM certificate"
  openssl pkey -in "$key" -noout 2>/dev/null || die "$key is not a PEM private key (without a passphrase)"
  [ "$(openssl x509 -in "$cert" -noout -pubkey)" = "$(openssl pkey -in "$key" -pubout)" ] \
    || die "$key is not the key of $cert"
  openssl x509 -in "$cert" -noout -checkend 0 >/dev/null \
    || log "WARNING: $cert has expired ($(openssl x509 -in "$cert" -noout -enddate | cut -d= -f2))"
  log "using $cert and $key"
}

if [ "$mode" = self-signed ]; then self_signed; else files; fi

TLS_CERT=$cert TLS_KEY=$key
export TLS_CERT TLS_KEY HTTPS_PORT_SUFFIX HSTS_MAX_AGE
# Only these four: nginx's own $variables in the template stay as they are.
# shellcheck disable=SC2016
envsubst '${TLS_CERT} ${TLS_KEY} ${HTTPS_PORT_SUFFIX} ${HSTS_MAX_AGE}' \
  </etc/nginx/stockroom/tls.conf.template >"$OUT_DIR/tls.conf"

fingerprint=$(openssl x509 -in "$cert" -noout -fingerprint -sha256 | cut -d= -f2)
log "HTTPS on port $port ($mode); plain HTTP redirects there; HSTS max-age=$HSTS_MAX_AGE"
log "certificate: $(openssl x509 -in "$cert" -noout -subject | sed 's/^subject= *//'), valid until $(openssl x509 -in "$cert" -noout -enddate | cut -d= -f2)"
log "certificate SHA-256 fingerprint: $fingerprint"
