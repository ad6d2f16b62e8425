#!/usr/bin/env bash
# Proxied GET /cgi-bin/user/info against the same call straight to the sandbox, back to back,
# both warmed up, two alternating rounds. Needs the system running (./run).
# Usage: bench/proxy-user-info.sh [seconds] [connections] [rounds]
set -euo pipefail
PROXY=${API_PROXY_URL:-http://127.0.0.1:8082}
SANDBOX=${SANDBOX_URL:-http://127.0.0.1:8090}
TOKEN_SERVER=${TOKEN_SERVER_URL:-http://127.0.0.1:8081}
APP=${APP_ID:-wx5e1f0ad3c0ffee01}
PROXY_KEY=${PROXY_CLIENT_KEY:-demo-proxy-client-key}
TOKEN_KEY=${TOKEN_CLIENT_KEY:-demo-token-client-key}
DURATION=${1:-15}
CONNECTIONS=${2:-64}
ROUNDS=${3:-3}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
field() { sed -E "s/.*\"$1\":\"([^\"]*)\".*/\1/"; }

OPENID=$(curl -fsS "$SANDBOX/sandbox/apps/$APP/followers" | grep -oE '"openid":"[^"]+"' | head -1 | cut -d'"' -f4)
PROXY_TOKEN=$(curl -fsS "$PROXY/cgi-bin/token?grant_type=client_credential&appid=$APP&secret=$PROXY_KEY" | field access_token)
REAL_TOKEN=$(curl -fsS -H "Authorization: Bearer $TOKEN_KEY" "$TOKEN_SERVER/v1/apps/$APP/access-token" | field accessToken)
DIRECT="$SANDBOX/cgi-bin/user/info?access_token=$REAL_TOKEN&openid=$OPENID&lang=zh_CN"
PROXIED="$PROXY/cgi-bin/user/info?access_token=$PROXY_TOKEN&openid=$OPENID&lang=zh_CN"
curl -fsS "$PROXIED" | grep -q '"subscribe"' || { echo "proxied call failed" >&2; exit 1; }

. "$(dirname "$0")/measure.sh"

echo "warming up both paths…"
wrk -t1 -c"$CONNECTIONS" -d"${WARMUP:-30}s" "$DIRECT" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d"${WARMUP:-30}s" "$PROXIED" >/dev/null
echo "$CONNECTIONS connections, ${DURATION}s each, $ROUNDS rounds"
for ((round = 1; round <= ROUNDS; round++)); do
	measure "direct" "$DIRECT"
	measure "proxied" "$PROXIED"
done
ratios direct proxied
echo "added latency without queueing: 1 connection, ${DURATION}s each"
CONNECTIONS=1
measure "direct" "$DIRECT"
measure "proxied" "$PROXIED"
