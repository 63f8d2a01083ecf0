#!/usr/bin/env bash
# System packages briefbook's PDFs and tests rely on: Debian's Chromium, the fonts the
# print styles name (Liberation, Noto), poppler-utils (pdftotext/pdfinfo/pdftoppm) for
# checking PDFs, and LibreOffice Writer (headless) for checking that the Word files open.
# Skips what is already installed; needs root (or sudo) otherwise.
set -euo pipefail

# grep reads all of fc-list's output (no -q): with pipefail, an early exit would make
# fc-list die of SIGPIPE and a font that is there would look missing.
has_font() { fc-list 2>/dev/null | grep -i "$1" >/dev/null; }

need=()
command -v chromium >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || need+=(chromium)
has_font 'Liberation Serif' || need+=(fonts-liberation2)
has_font 'Noto Sans' || need+=(fonts-noto-core)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v git >/dev/null 2>&1 || need+=(git)
# Only the tests and `soffice --convert-to` checks use it; briefbook writes .docx without it.
command -v soffice >/dev/null 2>&1 || need+=(libreoffice-writer-nogui)

if [ ${#need[@]} -eq 0 ]; then
  echo "system packages: all present"
  exit 0
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "missing: ${need[*]} — install them with your package manager (briefbook needs a Chrome or Chromium for PDFs)" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
echo "installing: ${need[*]}"
$sudo apt-get -o DPkg::Lock::Timeout=300 update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get -o DPkg::Lock::Timeout=300 install -y -qq "${need[@]}" >/dev/null
