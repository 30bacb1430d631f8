#!/usr/bin/env bash
# The browser tests drive Debian's Chromium (Playwright's own browser download cannot work here),
# the report tests read files back through Debian's LibreOffice (Calc, no GUI) as a reader with
# Swedish settings would, and a printed report is read page by page with Poppler's pdftotext.
# Installs what is missing when we may (root with apt-get); otherwise says how.
set -euo pipefail
missing=()
[ -x /usr/bin/chromium ] || missing+=(chromium)
command -v soffice >/dev/null 2>&1 || missing+=(libreoffice-calc-nogui)
command -v pdftotext >/dev/null 2>&1 || missing+=(poppler-utils)
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Installerar Debians ${missing[*]} för testerna …"
  apt-get update -qq
  [ -x /usr/bin/chromium ] || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  command -v soffice >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends libreoffice-calc-nogui >/dev/null
  command -v pdftotext >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends poppler-utils >/dev/null
  exit 0
fi
echo "Testerna behöver Debians ${missing[*]}: kör 'sudo apt-get install -y ${missing[*]}' och försök igen." >&2
exit 1
