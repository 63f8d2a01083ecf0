#!/usr/bin/env bash
# The README's first command: installs everything on a fresh machine, then checks the
# fact base and builds every packet (Markdown, HTML, PDF) into out/.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/install-system-deps.sh
npm ci --no-audit --no-fund
npm run build
node bin/briefbook.js validate
node bin/briefbook.js build
echo "packets written to out/:"
ls -1 out/
