#!/usr/bin/env bash
# System packages briefbook's PDFs and tests rely on: Debian's Chromium, the fonts the
# print styles name (Liberation, Noto), and poppler-utils (pdftotext/pdfinfo/pdftoppm)
# for checking PDFs. Skips what is already installed; needs root (or sudo) otherwise.
set -euo pipefail

need=()
command -v chromium >/dev/null 2>&1 || [ -n "${PUPPETEER_EXECUTABLE_PATH:-}" ] || need+=(chromium)
fc-list 2>/dev/null | grep -qi 'Liberation Serif' || need+=(fonts-liberation2)
fc-list 2>/dev/null | grep -qi 'Noto Sans' || need+=(fonts-noto-core)
command -v pdftotext >/dev/null 2>&1 || need+=(poppler-utils)
command -v git >/dev/null 2>&1 || need+=(git)

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
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
