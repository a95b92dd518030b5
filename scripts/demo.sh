#!/usr/bin/env bash
# The main job: installs what is missing, builds pkg/, and serves the demo site on 127.0.0.1
# (prints the URL). Stop with Ctrl-C.
# A second run with nothing changed serves within a second: scripts/setup.sh only looks when the
# tools are there, and scripts/build.sh rebuilds only when its inputs' hash changed (issue 11 §6).
# On a fresh machine the first run installs everything (several minutes).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs "$@"
