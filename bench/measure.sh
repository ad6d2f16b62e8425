# Sourced by the bench scripts: one wrk run as a line "label req/s p50 p99 non-2xx".
# Usage: measure LABEL [wrk arguments…]; uses $CONNECTIONS and $DURATION.
measure() {
	local label=$1
	shift
	wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" |
		awk -v label="$label" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
			END {printf "%-10s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n", label, rps, p50, p99, (bad ? bad : 0)}'
}
