#!/usr/bin/env bash
# Token-read throughput against a trivial endpoint of the same stack, back to back.
# Needs a running token-server (./run). Usage: bench/token-read.sh [seconds] [connections]
set -euo pipefail
BASE=${TOKEN_SERVER_URL:-http://127.0.0.1:8081}
APP=${APP_ID:-wx5e1f0ad3c0ffee01}
KEY=${CLIENT_KEY:-demo-token-client-key}
DURATION=${1:-20}
CONNECTIONS=${2:-64}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

curl -fsS -H "Authorization: Bearer $KEY" "$BASE/v1/apps/$APP/access-token" >/dev/null
run() {
	echo "== $1"
	shift
	wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" | grep -E 'Requests/sec|Latency  |50%|90%|99%|Non-2xx'
}
wrk -t2 -c"$CONNECTIONS" -d5s -H "Authorization: Bearer $KEY" "$BASE/v1/apps/$APP/access-token" >/dev/null
run "baseline: GET /v1/ping" "$BASE/v1/ping"
run "token read: GET /v1/apps/$APP/access-token" -H "Authorization: Bearer $KEY" "$BASE/v1/apps/$APP/access-token"
