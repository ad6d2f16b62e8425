#!/usr/bin/env bash
# Side-by-side A/B of api-proxy builds (or anything that proxies like one): starts one sandbox, one
# token-server and every given proxy on free loopback ports, all with the demo configuration and
# a Redis key prefix of their own, then measures proxied GET /cgi-bin/user/info through each proxy
# against the same call straight to the sandbox, in alternating rounds after a warm-up of every
# path. Beside each proxy line: the proxy's CPU per call (user + system time of its JVM over the
# run). Stops everything it started on exit; the services' logs stay in the directory it names.
#
# Usage: bench/proxy-ab.sh [seconds] [connections] [rounds] LABEL=api-proxy.jar [LABEL=jar…]
#   e.g. bench/proxy-ab.sh 15 64 5 old=/path/to/old/api-proxy-exec.jar \
#          new=api-proxy/target/api-proxy-0.1.0-SNAPSHOT-exec.jar \
#          gateway=bench/gateway-baseline/target/gateway-baseline-0.1.0-SNAPSHOT-exec.jar
# Environment: SANDBOX_JAR, TOKEN_SERVER_JAR (default: this tree's builds), REDIS_URL (default
# redis://127.0.0.1:6379), WARMUP seconds per path (default 30), APP_ID (default the first demo app).
set -euo pipefail

numbers=()
labels=()
jars=()
for arg in "$@"; do
	if [[ $arg =~ ^[0-9]+$ ]]; then
		numbers+=("$arg")
	elif [[ $arg =~ ^([A-Za-z0-9_-]+)=(.+)$ ]]; then
		label=${BASH_REMATCH[1]}
		[[ $label != direct && $label != sandbox && $label != token-server && " ${labels[*]} " != *" $label "* ]] ||
			{ echo "label $label: used twice or reserved" >&2; exit 2; }
		[[ -f ${BASH_REMATCH[2]} ]] || { echo "$label: no such jar: ${BASH_REMATCH[2]}" >&2; exit 2; }
		labels+=("$label")
		jars+=("$(realpath "${BASH_REMATCH[2]}")")
	else
		echo "not a number nor LABEL=jar: $arg" >&2
		exit 2
	fi
done
if ((${#labels[@]} == 0 || ${#numbers[@]} > 3)); then
	sed -n '9,14p' "$0" | cut -c3- >&2
	exit 2
fi
DURATION=${numbers[0]:-15}
CONNECTIONS=${numbers[1]:-64}
ROUNDS=${numbers[2]:-3}
WARMUP=${WARMUP:-30}
APP=${APP_ID:-wx5e1f0ad3c0ffee01}
REDIS_URL=${REDIS_URL:-redis://127.0.0.1:6379}
export REDIS_URL

cd "$(dirname "$0")/.."
command -v wrk >/dev/null || { echo "wrk is needed: apt-get install -y wrk" >&2; exit 1; }
command -v python3 >/dev/null || { echo "python3 is needed (to find free ports)" >&2; exit 1; }
one_jar() {
	local found=("$1"/*-exec.jar)
	[[ -f ${found[0]} ]] || { echo "no $1/*-exec.jar: build it (./mvnw -B -pl sandbox,token-server -am package -DskipTests)" >&2; exit 1; }
	echo "${found[0]}"
}
SANDBOX_JAR=$(realpath "${SANDBOX_JAR:-$(one_jar sandbox/target)}")
TOKEN_SERVER_JAR=$(realpath "${TOKEN_SERVER_JAR:-$(one_jar token-server/target)}")

. bench/measure.sh
LOGS=$(mktemp -d "${TMPDIR:-/tmp}/proxy-ab.XXXXXX")
PREFIX="bench-ab-$$-$(date +%s)"
CLOCK_TICKS=$(getconf CLK_TCK)
pids=()
declare -A pid_of
stop_all() {
	local pid
	for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
	for pid in "${pids[@]}"; do
		for _ in {1..50}; do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
		kill -9 "$pid" 2>/dev/null || true
	done
	if command -v redis-cli >/dev/null; then
		redis-cli -u "$REDIS_URL" --scan --pattern "$PREFIX:*" 2>/dev/null | xargs -r redis-cli -u "$REDIS_URL" del >/dev/null 2>&1 || true
	fi
	rm -f "$MEASURED"
	echo "logs: $LOGS"
}
trap stop_all EXIT
trap 'exit 130' INT TERM
echo "logs: $LOGS (Redis $REDIS_URL, key prefix $PREFIX)"

free_port() {
	python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# start NAME PORT JAR [arguments…]: the JVM options of ./run; its pid is recorded for the CPU
# measurement and for stop_all
start() {
	local name=$1 port=$2 jar=$3
	shift 3
	java -Xmx512m -Xmn384m -XX:+UseSerialGC -jar "$jar" --server.port="$port" "$@" >"$LOGS/$name.log" 2>&1 &
	pids+=("$!")
	pid_of[$name]=$!
}

await_ready() {
	local name=$1 port=$2
	for _ in {1..240}; do
		curl -fsS -o /dev/null "http://127.0.0.1:$port/actuator/health/readiness" 2>/dev/null && return 0
		kill -0 "${pid_of[$name]}" 2>/dev/null || break
		sleep 0.5
	done
	echo "$name did not get ready; the end of $LOGS/$name.log:" >&2
	tail -20 "$LOGS/$name.log" >&2
	exit 1
}

SANDBOX_PORT=$(free_port)
start sandbox "$SANDBOX_PORT" "$SANDBOX_JAR"
SANDBOX="http://127.0.0.1:$SANDBOX_PORT"
TOKEN_SERVER_PORT=$(free_port)
start token-server "$TOKEN_SERVER_PORT" "$TOKEN_SERVER_JAR" --spring.profiles.active=demo \
	--wechat.api-base-url="$SANDBOX" --token-server.redis-prefix="$PREFIX"
TOKEN_SERVER="http://127.0.0.1:$TOKEN_SERVER_PORT"
await_ready sandbox "$SANDBOX_PORT"
# before the proxies: a proxy may fetch its real tokens as it starts
await_ready token-server "$TOKEN_SERVER_PORT"
ports=()
for i in "${!labels[@]}"; do
	ports+=("$(free_port)")
	# jars that predate the demo profile carry the demo values as defaults: the profile is harmless there
	start "${labels[$i]}" "${ports[$i]}" "${jars[$i]}" --spring.profiles.active=demo \
		--wechat.api-base-url="$SANDBOX" --api-proxy.token-server.url="$TOKEN_SERVER" \
		--api-proxy.redis-prefix="$PREFIX"
	echo "${labels[$i]}: ${jars[$i]} on port ${ports[$i]}"
done
for i in "${!labels[@]}"; do await_ready "${labels[$i]}" "${ports[$i]}"; done

field() { sed -E "s/.*\"$1\":\"([^\"]*)\".*/\1/"; }
OPENID=$(curl -fsS "$SANDBOX/sandbox/apps/$APP/followers" | grep -oE '"openid":"[^"]+"' | head -1 | cut -d'"' -f4)
REAL_TOKEN=$(curl -fsS -H "Authorization: Bearer demo-token-client-key" "$TOKEN_SERVER/v1/apps/$APP/access-token" | field accessToken)
DIRECT="$SANDBOX/cgi-bin/user/info?access_token=$REAL_TOKEN&openid=$OPENID&lang=zh_CN"
curl -fsS "$DIRECT" | grep -q '"subscribe"' || { echo "direct call failed" >&2; exit 1; }
urls=()
for i in "${!labels[@]}"; do
	proxy="http://127.0.0.1:${ports[$i]}"
	token=$(curl -fsS "$proxy/cgi-bin/token?grant_type=client_credential&appid=$APP&secret=demo-proxy-client-key" | field access_token)
	urls+=("$proxy/cgi-bin/user/info?access_token=$token&openid=$OPENID&lang=zh_CN")
	curl -fsS "${urls[$i]}" | grep -q '"subscribe"' || { echo "call through ${labels[$i]} failed" >&2; exit 1; }
	# a proxy that skipped the token check would be measured doing less than the others
	! curl -sS "$proxy/cgi-bin/user/info?access_token=wxp1.Zm9yZ2Vk.$token&openid=$OPENID" | grep -q '"subscribe"' ||
		{ echo "${labels[$i]} forwards a forged proxy token" >&2; exit 1; }
done

echo "warming up every path (${WARMUP}s each)…"
wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" "$DIRECT" >/dev/null
for url in "${urls[@]}"; do wrk -t1 -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null; done

cpu_ticks() { sed -E 's/.*\) //' "/proc/$1/stat" | awk '{print $12 + $13}'; }
CPU=$LOGS/cpu-per-call.txt
echo "$CONNECTIONS connections, ${DURATION}s each, $ROUNDS rounds"
for ((round = 1; round <= ROUNDS; round++)); do
	measure direct "$DIRECT"
	for i in "${!labels[@]}"; do
		before=$(cpu_ticks "${pid_of[${labels[$i]}]}")
		line=$(measure "${labels[$i]}" "${urls[$i]}")
		after=$(cpu_ticks "${pid_of[${labels[$i]}]}")
		# requests = req/s × seconds (wrk's rate is its request count over its run time)
		micros=$(echo "$line" | awk -v ticks=$((after - before)) -v hz="$CLOCK_TICKS" -v s="$DURATION" \
			'{n = $2 * s; printf "%.0f", (n > 0) ? ticks * 1000000 / hz / n : 0}')
		echo "$line   cpu ${micros} µs/call"
		echo "${labels[$i]} $micros" >>"$CPU"
	done
done
for label in "${labels[@]}"; do ratios direct "$label"; done
for label in "${labels[@]:1}"; do ratios "${labels[0]}" "$label"; done
for label in "${labels[@]}"; do
	awk -v label="$label" '$1 == label {c[++n] = $2}
		END {for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (c[j] < c[i]) {t = c[i]; c[i] = c[j]; c[j] = t}
			printf "%s: median cpu per call over %d rounds: %.0f µs\n", label, n, (n % 2) ? c[(n + 1) / 2] : (c[n / 2] + c[n / 2 + 1]) / 2}' "$CPU"
done
