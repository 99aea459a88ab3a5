#!/usr/bin/env bash
# Refresh constraints.txt, the versions the tests passed with: in a fresh virtual environment, install the newest
# releases, run every check and test of .ci/run, and only if all pass write the versions installed into
# constraints.txt. Then review `git diff constraints.txt` and commit it. Run from anywhere in the repository.
set -uo pipefail
cd "$(dirname "$0")/.."
BLIP2_LORA_NEWEST=1 BLIP2_LORA_LOCK_TO=constraints.txt bash .ci/run
