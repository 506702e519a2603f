#!/usr/bin/env bash
# The whole test suite, with the real services it needs (Elasticsearch; Redis is started by
# the tests that use it). MONITOR_REQUIRE_SERVICES=1 makes an unreachable service a failure.
set -euo pipefail
cd "$(dirname "$0")/.."
export MONITOR_REQUIRE_SERVICES=1
exec scripts/with-es.sh .venv/bin/pytest -q -p no:cacheprovider "$@"
