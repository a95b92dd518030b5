#!/usr/bin/env bash
# The main job: installs what is missing, builds pkg/, and serves the demo site on 127.0.0.1
# (prints the URL). Stop with Ctrl-C.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
bash scripts/setup.sh
bash scripts/build.sh
exec node scripts/serve.mjs "$@"
