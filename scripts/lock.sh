#!/usr/bin/env bash
# Refresh constraints.txt, the versions the tests passed with: in a fresh virtual environment, install the newest
# releases, run every check and test of .ci/run, and only if all pass write the versions installed into
# constraints.txt. Then review `git diff constraints.txt` and commit it. Run from anywhere in the repository.
# torch: the newest CPU build from PyTorch's index, as the weekly upgrade check installs it; where that index cannot
# be reached, set TORCH_SPEC to the torch to keep (e.g. TORCH_SPEC=torch==2.13.0).
set -uo pipefail
cd "$(dirname "$0")/.."
export TORCH_SPEC=${TORCH_SPEC:-torch} PIP_EXTRA_INDEX_URL=${PIP_EXTRA_INDEX_URL:-https://download.pytorch.org/whl/cpu}
NEWEST_RELEASES=1 WRITE_LOCK=constraints.txt bash .ci/run
