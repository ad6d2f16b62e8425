#!/usr/bin/env bash
# Token-read throughput and latency against a trivial endpoint of the same stack (GET /v1/ping),
# both warmed up, then measured back to back in two alternating rounds.
# Needs a running token-server (./run). Usage: bench/token-read.sh [seconds] [connections] [rounds]
set -euo pipefail
BASE=${TOKEN_SERVER_URL:-http://127.0.0.1:8081}
APP=${APP_ID:-wx5e1f0ad3c0ffee01}
KEY=${CLIENT_KEY:-demo-token-client-key}
DURATION=${1:-15}
CONNECTIONS=${2:-64}
ROUNDS=${3:-3}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }

PING=("$BASE/v1/ping")
TOKEN=(-H "Authorization: Bearer $KEY" "$BASE/v1/apps/$APP/access-token")
curl -fsS "${TOKEN[@]}" >/dev/null

. "$(dirname "$0")/measure.sh"

echo "warming up both endpoints…"
wrk -t1 -c"$CONNECTIONS" -d"${WARMUP:-30}s" "${PING[@]}" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d"${WARMUP:-30}s" "${TOKEN[@]}" >/dev/null
echo "$CONNECTIONS connections, ${DURATION}s each, $ROUNDS rounds"
for ((round = 1; round <= ROUNDS; round++)); do
	measure "ping" "${PING[@]}"
	measure "token" "${TOKEN[@]}"
done
ratios ping token
