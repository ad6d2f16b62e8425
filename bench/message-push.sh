#!/usr/bin/env bash
# Safe-mode text pushes with unique MsgIds answered by the demo's templated welcome reply, against
# a trivial endpoint of the same stack (GET /v1/ping), back to back, both warmed up.
# Needs the system running (./run). Usage: bench/message-push.sh [seconds] [connections] [rounds]
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${MESSAGE_SERVICE_URL:-http://127.0.0.1:8083}
DURATION=${1:-15}
CONNECTIONS=${2:-64}
ROUNDS=${3:-3}
COUNT=${PUSH_COUNT:-200000}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
WORK=$(mktemp -d)

. bench/measure.sh
trap 'rm -rf "$WORK" "$MEASURED"' EXIT

# Demo account 1 (safe mode); its Token and EncodingAESKey are the public demo values. Each file
# holds pushes with MsgIds of its own (they start at the second it is written), so no round
# replays another's: every measured push is new to the service.
generate() {
	java -cp wechat-protocol/target/classes bench/GeneratePushes.java wx5e1f0ad3c0ffee01 gh_wxhubdemo01 wxhubdemo \
		wxhubDemoEncodingAesKey0123456789abcdefghij "$1" "$2"
	head -1 "$2" | cut -f1 | grep -q '^/wx/' || { echo "generation failed" >&2; exit 1; }
	sleep 1
}
generate "$((COUNT * 2))" "$WORK/warm.txt"

# On 2 shared cores the JIT needs minutes of load before the push path runs compiled code; a
# shorter warm-up measures the compiler, not the service.
echo "warming up both endpoints (${WARMUP:-90}s of pushes: the crypto and XML paths take long to compile)…"
wrk -t1 -c"$CONNECTIONS" -d30s "$BASE/v1/ping" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d"${WARMUP:-90}s" -s bench/pushes.lua "$BASE" -- "$WORK/warm.txt" >/dev/null
echo "$CONNECTIONS connections, ${DURATION}s each, $ROUNDS rounds (pushes: up to $COUNT unique per round)"
for ((round = 1; round <= ROUNDS; round++)); do
	# Generated before the round (the service refuses pushes older than its 5 min window).
	generate "$COUNT" "$WORK/round$round.txt"
	measure "ping" "$BASE/v1/ping"
	measure "push" -s bench/pushes.lua "$BASE" -- "$WORK/round$round.txt"
done
ratios ping push
