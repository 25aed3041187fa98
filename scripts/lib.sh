# Shared by scripts/run, scripts/test and bench/: installing what the product needs, and the
# local PostgreSQL cluster under .data/. Source it; it defines functions and changes nothing.

EG_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

# Debian packages by purpose. Build: the C libraries the package links. Run: the servers.
EG_PACKAGES_BUILD="pkg-config libfcgi-dev libpq-dev libxml2-dev libcairo2-dev libcurl4-openssl-dev libsodium-dev libcrack2-dev libssl-dev libqrencode-dev fonts-dejavu-core"
EG_PACKAGES_RUN="postgresql nginx-light libnginx-mod-nchan openssl curl ca-certificates cracklib-runtime python3"
EG_PACKAGES_TEST="python3 python3-html5lib python3-aiosmtpd dovecot-imapd qpdf poppler-utils chromium chromium-driver python3-selenium python3-icalendar libnss3-tools python3-venv"
# pyHanko (PyPI; pinned), the second PAdES validator the seal tests run, in a venv under .data/tools.
EG_PYHANKO_PINS="pyhanko==0.38.0 pyhanko-cli==0.6.0"
EG_PACKAGES_BENCH="wrk"

eg_log() { printf '\033[1m==>\033[0m %s\n' "$*" >&2; }
eg_die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Installs the named Debian packages that are missing, as root or through sudo.
eg_install() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "install ok installed" || missing+=("$pkg")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  local sudo=""
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || eg_die "missing packages (${missing[*]}) and no sudo to install them"
    sudo="sudo"
  fi
  eg_log "installing ${missing[*]}"
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # Debian's nginx package starts a system nginx on port 80 on install; we never use it.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  if printf '%s\n' "${missing[@]}" | grep -q '^nginx'; then
    $sudo sh -c 'command -v service >/dev/null && service nginx stop >/dev/null 2>&1; true'
  fi
  # Likewise dovecot-imapd starts a system IMAP server on 143 and 993; the tests run their own.
  if printf '%s\n' "${missing[@]}" | grep -q '^dovecot'; then
    $sudo sh -c 'command -v service >/dev/null && service dovecot stop >/dev/null 2>&1; true'
  fi
}

# Swift itself is not a Debian package here: it must be on PATH (or in /opt/swift).
eg_require_swift() {
  if ! command -v swift >/dev/null && [ -x /opt/swift/usr/bin/swift ]; then export PATH=/opt/swift/usr/bin:$PATH; fi
  command -v swift >/dev/null || eg_die "Swift 6 is required (https://www.swift.org/install/linux/)"
}

# The newest PostgreSQL server binaries Debian installed.
eg_pg_bin() {
  local dir
  dir=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1)
  [ -n "$dir" ] && [ -x "$dir/pg_ctl" ] || eg_die "PostgreSQL server binaries not found under /usr/lib/postgresql"
  echo "$dir"
}

# PostgreSQL refuses to run as root. When we are root, the cluster belongs to Debian's
# `postgres` user and its commands run as that user; it needs to reach the folder, so each
# ancestor lacking the others' search (x) bit gets it (read rights are not granted).
eg_as_pg() {
  if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi
}

eg_pg_grant_path() {
  [ "$(id -u)" = 0 ] || return 0
  local dir
  dir=$(cd "$1" && pwd -P) || return 1
  while [ "$dir" != / ] && [ -n "$dir" ]; do
    if ! runuser -u postgres -- test -x "$dir" 2>/dev/null; then
      eg_log "letting the postgres user pass through $dir (chmod o+x)"
      chmod o+x "$dir"
    fi
    dir=$(dirname "$dir")
  done
}

# eg_pg_start DATA_DIR SOCKET_DIR PORT: initialises the cluster on first use and starts it,
# listening only on a unix socket in SOCKET_DIR (no TCP port, so nothing clashes). It loads
# pg_stat_statements, so the benchmarks can count the statements each page costs.
eg_pg_start() {
  local data=$1 sockets=$2 port=$3 bin
  bin=$(eg_pg_bin)
  mkdir -p "$data" "$sockets"
  data=$(cd "$data" && pwd -P)
  sockets=$(cd "$sockets" && pwd -P)
  if [ "$(id -u)" = 0 ]; then
    chown postgres "$data" "$sockets"
    chmod 700 "$data"
    chmod 777 "$sockets"
    eg_pg_grant_path "$(dirname "$data")"
  fi
  if [ ! -s "$data/PG_VERSION" ]; then
    eg_log "initialising PostgreSQL in $data"
    eg_as_pg "$bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 >/dev/null
  fi
  if eg_as_pg "$bin/pg_ctl" -D "$data" status >/dev/null 2>&1; then
    return 0
  fi
  eg_as_pg "$bin/pg_ctl" -D "$data" -l "$data/server.log" -w -t 60 \
    -o "-c listen_addresses='' -k $sockets -p $port -c shared_preload_libraries=pg_stat_statements" start >/dev/null ||
    { tail -n 20 "$data/server.log" >&2; eg_die "PostgreSQL did not start"; }
}

eg_pg_stop() {
  local data=$1 bin
  bin=$(eg_pg_bin)
  eg_as_pg "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
}

# eg_pg_createdb SOCKET_DIR PORT NAME: creates the database unless it exists.
eg_pg_createdb() {
  local sockets=$1 port=$2 name=$3 bin
  bin=$(eg_pg_bin)
  if ! "$bin/psql" -h "$sockets" -p "$port" -U postgres -d postgres -tAc \
      "SELECT 1 FROM pg_database WHERE datname = '$name'" | grep -q 1; then
    "$bin/createdb" -h "$sockets" -p "$port" -U postgres "$name"
  fi
}

# eg_pg_app_login SOCKET_DIR PORT NAME: makes the login role NAME, a member of eventgaraget_app
# (the group role the migrations grant to), unless it exists. Run after the first migrate.
eg_pg_app_login() {
  local sockets=$1 port=$2 name=$3 bin
  bin=$(eg_pg_bin)
  "$bin/psql" -h "$sockets" -p "$port" -U postgres -d postgres -v ON_ERROR_STOP=1 -qtAc \
    "DO \$\$ BEGIN IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = '$name') THEN
       CREATE ROLE $name LOGIN IN ROLE eventgaraget_app; END IF; END \$\$" >/dev/null
}

# Waits until URL answers with HTTP status 200 (self-signed certificate accepted).
eg_wait_http() {
  local url=$1 tries=${2:-100}
  while [ "$tries" -gt 0 ]; do
    [ "$(curl -ks -o /dev/null -w '%{http_code}' "$url")" = 200 ] && return 0
    sleep 0.1
    tries=$((tries - 1))
  done
  return 1
}

# `swift build` with its per-file progress lines left out; keeps swift's exit status.
eg_swift_build() {
  swift build "$@" 2>&1 | { grep -vE '^\[[0-9]+/[0-9]+\] ' || true; }
  return "${PIPESTATUS[0]}"
}

# Installs pyHanko into .data/tools/pyhanko once (Debian's python3 venv, pinned versions from
# PyPI) and exports EG_PYHANKO, the command the seal tests validate with.
eg_pyhanko() {
  local venv="$EG_ROOT/.data/tools/pyhanko" stamp
  stamp="$venv/.pins"
  if [ ! -x "$venv/bin/pyhanko" ] || [ "$(cat "$stamp" 2>/dev/null)" != "$EG_PYHANKO_PINS" ]; then
    eg_log "installing pyHanko into .data/tools ($EG_PYHANKO_PINS)"
    rm -rf "$venv"
    /usr/bin/python3 -m venv "$venv" || return 1
    # shellcheck disable=SC2086
    "$venv/bin/pip" install --quiet --disable-pip-version-check $EG_PYHANKO_PINS || return 1
    echo "$EG_PYHANKO_PINS" >"$stamp"
  fi
  export EG_PYHANKO="$venv/bin/pyhanko"
}
