#!/usr/bin/env bash
# Installs the Debian 12 packages Tongban's tests and tools need, but only the ones missing:
#   chromium            browser for the e2e journeys (driven by playwright-core)
#   fonts-noto-cjk      CJK fonts, so Chinese pages and PDFs render instead of showing boxes
#   fonts-wqy-microhei  a second CJK font that PDF/e-licence rendering can rely on
#   postgresql          server + client, for scripts/with-postgres.sh and production-like tests
#   poppler-utils       pdftoppm, to turn generated PDFs into images in tests
#   zbar-tools          zbarimg, to decode the QR codes of rendered e-licence PDFs (npm run bench:licences)
# Idempotent: when everything is present it touches nothing and does not even run apt-get update.
set -euo pipefail

log() { printf '[install-system-deps] %s\n' "$*"; }

has_pkg() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

# grep reads all of fc-list's output (no -q): with pipefail, an early exit would SIGPIPE fc-list and fail the check.
has_font() { command -v fc-list >/dev/null 2>&1 && fc-list 2>/dev/null | grep -iE "$1" >/dev/null; }

has_postgres() {
  local bin
  for bin in /usr/lib/postgresql/*/bin; do
    [[ -x "$bin/initdb" && -x "$bin/pg_ctl" ]] && command -v psql >/dev/null 2>&1 && return 0
  done
  return 1
}

missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
if ! has_pkg fonts-noto-cjk && ! has_font 'noto (sans|serif) cjk'; then missing+=(fonts-noto-cjk); fi
has_font 'wqy' || has_pkg fonts-wqy-microhei || missing+=(fonts-wqy-microhei)
command -v fc-list >/dev/null 2>&1 || missing+=(fontconfig)
has_postgres || missing+=(postgresql postgresql-client)
command -v pdftoppm >/dev/null 2>&1 || missing+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || missing+=(zbar-tools)

if ((${#missing[@]} == 0)); then
  log "all system dependencies present (chromium, CJK fonts, postgresql, poppler-utils, zbar-tools)"
  exit 0
fi

log "missing: ${missing[*]}"

if [[ "$(id -u)" -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1; then
  SUDO=(sudo)
else
  cat >&2 <<EOF
[install-system-deps] Not running as root and sudo is not available.
Ask an administrator to run, as root:

  apt-get update
  DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ${missing[*]}

EOF
  exit 1
fi

export DEBIAN_FRONTEND=noninteractive
apt_opts=(-y -q -o Acquire::Retries=3 -o Dpkg::Options::=--force-confdef -o Dpkg::Options::=--force-confold)

log "apt-get update"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get -q -o Acquire::Retries=3 update

# Recommends are skipped: chromium, the fonts and poppler work without them, and postgresql's
# recommends (sysstat, ...) are not needed. postgresql's required pieces come in as Depends.
log "apt-get install ${missing[*]}"
"${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install "${apt_opts[@]}" --no-install-recommends "${missing[@]}"

# New fonts must be known to fontconfig before Chromium starts.
if command -v fc-cache >/dev/null 2>&1; then
  "${SUDO[@]}" fc-cache -f >/dev/null 2>&1 || true
fi

# Verify, so a broken install fails here and not halfway through the tests.
failed=()
command -v chromium >/dev/null 2>&1 || failed+=(chromium)
has_pkg fonts-noto-cjk || has_font 'noto (sans|serif) cjk' || failed+=(fonts-noto-cjk)
has_font 'wqy' || failed+=(fonts-wqy-microhei)
has_postgres || failed+=(postgresql)
command -v pdftoppm >/dev/null 2>&1 || failed+=(poppler-utils)
command -v zbarimg >/dev/null 2>&1 || failed+=(zbar-tools)
if ((${#failed[@]} > 0)); then
  log "still missing after install: ${failed[*]}" >&2
  exit 1
fi
log "done"
