#!/usr/bin/env bash
# Memory and CPU of each service as a container would run it, idle and under load: the numbers the
# Kubernetes resource requests and limits are sized from (docs/operations.md, "Kubernetes").
#
# Starts the sandbox and the four services from their built jars (./mvnw -DskipTests package) on
# ports of their own (1808x), with the demo profile, and with the JVM believing what a container
# with LIMIT of memory and one CPU shows it (the Dockerfile's -XX:MaxRAMPercentage=75 applies to
# LIMIT). Then, one service after the other, LOAD seconds of wrk: token reads, proxied calls,
# safe-mode pushes, key-set reads. Prints the resident set (RSS) after start, its peak under load,
# the heap committed at the end, and the CPU used per second of load. Needs Redis at REDIS_URL (or
# 127.0.0.1:6379) and wrk.
# Usage: bench/footprint.sh [LOAD seconds, 60] [connections, 16] [LIMIT, 512m]
set -euo pipefail
cd "$(dirname "$0")/.."
LOAD=${1:-60}
CONNECTIONS=${2:-16}
LIMIT=${3:-512m}
REDIS=${REDIS_URL:-redis://127.0.0.1:6379}
APP=wx5e1f0ad3c0ffee01
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
WORK=$(mktemp -d)
PIDS=()
cleanup() {
	for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
	wait 2>/dev/null || true
	rm -rf "$WORK"
}
trap cleanup EXIT

declare -A PORT=([sandbox]=18090 [token-server]=18081 [api-proxy]=18082 [message-service]=18083 [web-auth]=18085)
declare -A PID
local_url() { echo "http://127.0.0.1:${PORT[$1]}"; }

start() {
	local module=$1
	shift
	local jar
	jar=$(ls "$module"/target/"$module"-*-exec.jar 2>/dev/null | head -1)
	[[ -n $jar ]] || { echo "no jar in $module/target: ./mvnw -DskipTests package first" >&2; exit 1; }
	env "$@" java -XX:MaxRAM="$LIMIT" -XX:MaxRAMPercentage=75 -XX:ActiveProcessorCount=1 \
		-jar "$jar" --server.port="${PORT[$module]}" >"$WORK/$module.log" 2>&1 &
	PID[$module]=$!
	PIDS+=($!)
	for _ in $(seq 1 240); do
		curl -fsS -o /dev/null "$(local_url "$module")/actuator/health/readiness" 2>/dev/null && return 0
		kill -0 "${PID[$module]}" 2>/dev/null || { cat "$WORK/$module.log" >&2; exit 1; }
		sleep 0.5
	done
	echo "$module did not become ready" >&2
	exit 1
}

# the heap the JVM has committed, from the service's own metrics; RSS less this is what the heap
# limit (the Dockerfile's 75 % of the container's memory) must leave room for
heap_mib() {
	curl -fsS "$(local_url "$1")/actuator/prometheus" |
		awk '/^jvm_memory_committed_bytes\{.*area="heap"/ {sum += $NF} END {printf "%d", sum / 1048576}'
}
rss_mib() { awk '/VmRSS/ {printf "%d", $2 / 1024}' "/proc/$1/status"; }
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat"; }

COMMON=(SPRING_PROFILES_ACTIVE=demo REDIS_URL="$REDIS" WECHAT_API_BASE_URL="$(local_url sandbox)")
start sandbox
start token-server "${COMMON[@]}"
start api-proxy "${COMMON[@]}" TOKEN_SERVER_URL="$(local_url token-server)"
start message-service "${COMMON[@]}" API_PROXY_URL="$(local_url api-proxy)"
start web-auth "${COMMON[@]}" TOKEN_SERVER_URL="$(local_url token-server)" API_PROXY_URL="$(local_url api-proxy)" \
	WECHAT_OPEN_BASE_URL="$(local_url sandbox)" WEB_AUTH_PUBLIC_URL="$(local_url web-auth)"
sleep 10

# the load of each service
field() { grep -oE "\"$1\":\"[^\"]+\"" | head -1 | cut -d'"' -f4; }
OPENID=$(curl -fsS "$(local_url sandbox)/sandbox/apps/$APP/followers" | field openid)
PROXY_TOKEN=$(curl -fsS "$(local_url api-proxy)/cgi-bin/token?grant_type=client_credential&appid=$APP&secret=demo-proxy-client-key" |
	field access_token)
java -cp wechat-protocol/target/classes bench/GeneratePushes.java $APP gh_wxhubdemo01 wxhubdemo \
	wxhubDemoEncodingAesKey0123456789abcdefghij 400000 "$WORK/pushes.txt" >/dev/null
# the wrk arguments of each service's load
load() {
	case $1 in
	token-server) LOAD_ARGS=(-H "Authorization: Bearer demo-token-client-key" "$(local_url token-server)/v1/apps/$APP/access-token") ;;
	api-proxy) LOAD_ARGS=("$(local_url api-proxy)/cgi-bin/user/info?access_token=$PROXY_TOKEN&openid=$OPENID") ;;
	message-service) LOAD_ARGS=(-s bench/pushes.lua "$(local_url message-service)" -- "$WORK/pushes.txt") ;;
	web-auth) LOAD_ARGS=("$(local_url web-auth)/.well-known/jwks.json") ;;
	esac
}
[[ -n $OPENID && -n $PROXY_TOKEN ]] || { echo "no follower or proxy token from the sandbox" >&2; exit 1; }

printf '%-16s %10s %14s %14s %14s %12s\n' service "idle RSS" "peak RSS" "heap after" "CPU (cores)" "req/s"
for module in token-server api-proxy message-service web-auth; do
	pid=${PID[$module]}
	idle=$(rss_mib "$pid")
	peak=$idle
	before=$(cpu_ticks "$pid")
	load "$module"
	wrk -t1 -c"$CONNECTIONS" -d"${LOAD}s" "${LOAD_ARGS[@]}" >"$WORK/wrk.txt" &
	wrk_pid=$!
	while kill -0 "$wrk_pid" 2>/dev/null; do
		now=$(rss_mib "$pid")
		((now > peak)) && peak=$now
		sleep 1
	done
	wait "$wrk_pid"
	after=$(cpu_ticks "$pid")
	cores=$(awk -v t=$((after - before)) -v s="$LOAD" -v hz="$(getconf CLK_TCK)" 'BEGIN {printf "%.2f", t / hz / s}')
	rate=$(awk '/Requests\/sec/ {print $2; exit}' "$WORK/wrk.txt")
	heap=$(heap_mib "$module")
	printf '%-16s %7s MiB %11s MiB %11s MiB %14s %12s\n' "$module" "$idle" "$peak" "$heap" "$cores" "$rate"
done
printf '%-16s %7s MiB\n' sandbox "$(rss_mib "${PID[sandbox]}")"
