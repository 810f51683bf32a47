#!/usr/bin/env bash
# Builds the micro-frontends (frontends/: host, dashboard, user, admin) into frontends/<app>/dist, where the
# gateway serves them, and checks each app against its bundle budget. Installs with `npm ci` from the committed package-lock.json. Idempotent and cheap when
# nothing changed: the install is skipped while the lock file is unchanged, the build while no source changed.
#   eng/build-frontends.sh           build if needed
#   eng/build-frontends.sh --force   build anyway
set -euo pipefail
cd "$(dirname "$0")/../frontends"

if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "Node.js 20+ and npm are needed to build the frontends (https://nodejs.org)." >&2
  exit 1
fi
major=$(node -p 'process.versions.node.split(".")[0]')
if [ "$major" -lt 20 ]; then
  echo "Node.js 20+ is needed to build the frontends; this is $(node -v)." >&2
  exit 1
fi

hash_of() { sha256sum "$@" | sha256sum | cut -d' ' -f1; }

lock=$(hash_of package-lock.json)
if [ ! -f node_modules/.lock-hash ] || [ "$(cat node_modules/.lock-hash)" != "$lock" ]; then
  echo "Installing the frontends' packages (npm ci)..."
  npm ci --no-audit --no-fund --loglevel=error
  echo "$lock" > node_modules/.lock-hash
fi

# Every input of the build: sources, configs, the lock file.
mapfile -t inputs < <(find . \( -name node_modules -o -name dist -o -name releases \) -prune -o -type f \
  \( -name '*.ts' -o -name '*.mts' -o -name '*.mjs' -o -name '*.tsx' -o -name '*.css' -o -name '*.html' -o -name '*.json' \) -print | sort)
sources=$(hash_of "${inputs[@]}")
built=yes
for app in host dashboard user admin; do [ -f "$app/dist/index.html" ] || built=no; done
if [ "${1:-}" != "--force" ] && [ "$built" = yes ] && [ -f .build-stamp ] && [ "$(cat .build-stamp)" = "$sources" ]; then
  echo "Frontends are up to date."
  exit 0
fi

# The build ends with the bundle budgets (.size-limit.json): an app over its budget fails the build.
echo "Building the frontends (type check, host, dashboard, user, admin, bundle budgets)..."
npm run --silent build >/tmp/ecommerce-frontends-build.log 2>&1 || {
  cat /tmp/ecommerce-frontends-build.log >&2
  echo "Building the frontends failed." >&2
  exit 1
}
echo "$sources" > .build-stamp
echo "Frontends built into frontends/<app>/dist."
