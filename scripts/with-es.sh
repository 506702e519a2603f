#!/usr/bin/env bash
# Runs a command with ELASTICSEARCH_URL pointing at a real node. When the variable is unset,
# starts the project's node (es/run.sh) and stops it afterwards, unless it was already running.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${ELASTICSEARCH_URL:-}" ]; then
  started=0
  if ! es/run.sh status >/dev/null 2>&1; then started=1; fi
  ELASTICSEARCH_URL=$(es/run.sh start | tail -n 1)
  export ELASTICSEARCH_URL
  if [ "$started" = 1 ]; then trap 'es/run.sh stop >/dev/null 2>&1 || true' EXIT; fi
fi
echo "Elasticsearch at $ELASTICSEARCH_URL" >&2
"$@"
