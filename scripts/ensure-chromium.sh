#!/usr/bin/env bash
# The pane's browser tests drive Debian's Chromium (Playwright's own browser download cannot
# work here). Installs it when missing and we may (root with apt-get); otherwise says how.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installerar Debians chromium för webbläsartesterna …"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "Webbläsartesterna behöver Debians chromium: kör 'sudo apt-get install -y chromium' och försök igen." >&2
exit 1
