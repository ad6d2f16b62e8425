#!/usr/bin/env bash
# Two message-service jars side by side on the same Redis, the same pushes, alternating rounds:
# req/s, p99 and CPU per push (from /proc/<pid>/stat) for each. Only the message-service runs:
# the demo's templated welcome reply needs no other service.
# Usage: bench/message-push-ab.sh A.jar B.jar [seconds] [connections] [rounds]
# Needs wrk and Redis at REDIS_URL (default redis://127.0.0.1:6379); ports PORT_A/PORT_B (18183/18283).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR_A=$1
JAR_B=$2
DURATION=${3:-15}
CONNECTIONS=${4:-64}
ROUNDS=${5:-3}
COUNT=${PUSH_COUNT:-150000}
PORT_A=${PORT_A:-18183}
PORT_B=${PORT_B:-18283}
REDIS=${REDIS_URL:-redis://127.0.0.1:6379}
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
WORK=$(mktemp -d)
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	rm -rf "$WORK"
}
trap cleanup EXIT

start() { # jar port label
	# A key prefix of its own, so both can answer the same pushes as new messages.
	java -jar "$1" --server.port="$2" --spring.data.redis.url="$REDIS" \
		--message-service.redis-prefix="bench-$3-$$" --message-service.api-proxy.url=http://127.0.0.1:9 \
		${EXTRA_ARGS:-} >"$WORK/$3.log" 2>&1 &
	PIDS+=("$!")
	echo "$!"
}
PID_A=$(start "$JAR_A" "$PORT_A" a)
PID_B=$(start "$JAR_B" "$PORT_B" b)
PIDS=("$PID_A" "$PID_B")
for port in "$PORT_A" "$PORT_B"; do
	until curl -sf "http://127.0.0.1:$port/actuator/health/readiness" >/dev/null; do sleep 1; done
done

generate() {
	java -cp wechat-protocol/target/classes bench/GeneratePushes.java wx5e1f0ad3c0ffee01 gh_wxhubdemo01 wxhubdemo \
		wxhubDemoEncodingAesKey0123456789abcdefghij "$1" "$2"
	sleep 1
}

cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

run() { # label pid port file
	local before after out requests
	before=$(cpu_ticks "$2")
	out=$(wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency -s bench/pushes.lua "http://127.0.0.1:$3" -- "$4")
	after=$(cpu_ticks "$2")
	requests=$(echo "$out" | awk '/requests in/ {print $1}')
	echo "$out" | awk -v label="$1" -v req="$requests" -v ticks="$((after - before))" -v hz="$(getconf CLK_TCK)" \
		'/Requests\/sec/ {rps=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
		END {printf "%-3s %10s req/s   p99 %8s   CPU/push %6.1f us   non-2xx %s\n", label, rps, p99, ticks * 1e6 / hz / req, (bad ? bad : 0)}'
}

echo "warming up both (${WARMUP:-60}s of pushes each)…"
generate "$COUNT" "$WORK/warm.txt"
wrk -t1 -c"$CONNECTIONS" -d"${WARMUP:-60}s" -s bench/pushes.lua "http://127.0.0.1:$PORT_A" -- "$WORK/warm.txt" >/dev/null
wrk -t1 -c"$CONNECTIONS" -d"${WARMUP:-60}s" -s bench/pushes.lua "http://127.0.0.1:$PORT_B" -- "$WORK/warm.txt" >/dev/null
echo "A = $JAR_A, B = $JAR_B; $CONNECTIONS connections, ${DURATION}s each, $ROUNDS rounds, alternating"
for ((round = 1; round <= ROUNDS; round++)); do
	generate "$COUNT" "$WORK/round.txt"
	if ((round % 2)); then
		run A "$PID_A" "$PORT_A" "$WORK/round.txt"
		run B "$PID_B" "$PORT_B" "$WORK/round.txt"
	else
		run B "$PID_B" "$PORT_B" "$WORK/round.txt"
		run A "$PID_A" "$PORT_A" "$WORK/round.txt"
	fi
done
