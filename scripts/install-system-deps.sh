#!/usr/bin/env bash
# System packages briefbook's PDFs and tests rely on: Debian's Chromium and its headless
# shell (what briefbook prints with when present: the same engine, faster to start; full
# Chromium is the fallback and what the tests compare it with), the fonts the print styles
# name (Liberation, Noto), poppler-utils (pdftotext/pdfinfo/pdftoppm) and qpdf for checking
# PDFs, and LibreOffice Writer (headless) for checking that the Word files open.
# Skips what is already installed; needs root (or sudo) otherwise.
set -euo pipefail

# grep reads all of fc-list's output (no -q): with pipefail, an early exit would make
# fc-list die of SIGPIPE and a font that is there would look missing.
has_font() { fc-list 2>/dev/null | grep -i "$1" >/dev/null; }

need=()
command -v chromium >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || need+=(chromium)
# Debian (bookworm and later) only; where apt has no such package, full Chromium does.
shell=()
[ -x /usr/lib/chromium/chromium-headless-shell ] || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || shell=(chromium-headless-shell)
has_font 'Liberation Serif' || need+=(fonts-liberation2)
has_font 'Noto Sans' || need+=(fonts-noto-core)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
# The tests check each PDF's structure with `qpdf --check`.
command -v qpdf >/dev/null 2>&1 || need+=(qpdf)
command -v git >/dev/null 2>&1 || need+=(git)
# Only the tests and `soffice --convert-to` checks use it; briefbook writes .docx without it.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)

if [ ${#need[@]} -eq 0 ] && [ ${#shell[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  if [ ${#need[@]} -eq 0 ]; then
    echo "note: no Chromium headless shell found; briefbook prints with full Chromium"
    exit 0
  fi
  echo "missing: ${need[*]} — install them with your package manager (briefbook needs a Chrome or Chromium for PDFs)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
if [ ${#shell[@]} -gt 0 ] && apt-cache show chromium-headless-shell >/dev/null 2>&1; then
  need+=("${shell[@]}")
elif [ ${#shell[@]} -gt 0 ]; then
  echo "note: no chromium-headless-shell package here; briefbook prints with full Chromium"
fi
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing: ${need[*]}"
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${need[@]}" >/dev/null
