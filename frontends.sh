#!/usr/bin/env bash
# Ships the micro-frontends' remotes independently (docs/frontend-releases.md):
#   ./frontends.sh build                               build every app (eng/build-frontends.sh, budgets included)
#   ./frontends.sh publish <remote> <version>          copy <remote>/dist to releases/<remote>/<version>/ (immutable)
#   ./frontends.sh deploy <remote> <version>           publish if needed, check it fits the host, make it live
#   ./frontends.sh canary <remote> <version> [percent] serve it to percent% of sessions (sticky), the rest stay live
#   ./frontends.sh canary <remote> off                 the kill switch: every session back on the live version
#   ./frontends.sh rollback <remote>                   live <- previous, instantly (the next page load)
#   ./frontends.sh status                              the manifest
# The gateway serves releases/ at /releases/ and the host reads /releases/manifest.json on every page load.
# FRONTENDS_RELEASES=<dir> points at another releases folder (the browser tests use their own).
set -euo pipefail
cd "$(dirname "$0")"
case "${1:-}" in
  build) shift; exec eng/build-frontends.sh "$@" ;;
  *) exec node frontends/build/release.mjs "$@" ;;
esac
