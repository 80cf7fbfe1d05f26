#!/usr/bin/env bash
# Refresh requirements/test.txt, the locked set of every package the tests and CI install
# (runtime, test extras, PostgreSQL driver and the build backend), with hashes.
# Run it after changing a dependency in pyproject.toml, or to move to newer releases on
# purpose; then run the tests and commit the lock with what it changed.
set -euo pipefail
cd "$(dirname "$0")/.."
tool="$(mktemp -d)"
trap 'rm -rf "$tool"' EXIT
python3 -m venv "$tool" && "$tool/bin/pip" install -q uv
"$tool/bin/uv" pip compile pyproject.toml requirements/build.in \
  --extra test --extra postgres --universal --python-version 3.11 \
  --generate-hashes --no-header --quiet --output-file requirements/test.txt
echo "requirements/test.txt refreshed"
