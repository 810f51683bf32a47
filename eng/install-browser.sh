#!/usr/bin/env bash
# Installs Debian's Chromium for the browser tests (tests/Browser.Tests drive it with Playwright through
# ExecutablePath; Playwright's own browser download is never used). Does nothing when it is already there.
set -euo pipefail
if [ -x /usr/bin/chromium ]; then exit 0; fi
echo "Installing chromium (browser tests)..."
sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
