#!/usr/bin/env bash
# Make sure Debian's `chromium` is there for the browser test (tests/test_browser.py drives it with Playwright).
# Present: nothing to do. Missing: install it with apt-get when this user may (root, or passwordless sudo, as in CI).
# Otherwise print how to get it and exit 0: the browser test then fails with a one-line reason (it never skips).
# Playwright itself comes from environment.yml; no browser is downloaded (the test uses $CHROMIUM, /usr/bin/chromium).
set -euo pipefail
CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
if [ -x "$CHROMIUM" ]; then
  exit 0
fi
if [ "$(id -u)" = 0 ]; then
  SUDO=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO="sudo -n"
else
  SUDO="none"
fi
if [ "$SUDO" != none ] && command -v apt-get >/dev/null 2>&1; then
  echo "installing Debian's chromium for the browser test (apt-get)"
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium >/dev/null
  exit 0
fi
echo "note: $CHROMIUM not found and cannot be installed here (needs apt-get and root or sudo):" \
     "run 'sudo apt-get install chromium' or set CHROMIUM=/path/to/chromium; tests/test_browser.py will fail" >&2
