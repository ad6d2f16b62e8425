# Sourced by the bench scripts: one wrk run as a line "label req/s p50 p99 non-2xx", and the
# per-round ratios of two labels with their median.
# Usage: measure LABEL [wrk arguments…]; uses $CONNECTIONS and $DURATION.
#        ratios BASELINE_LABEL LABEL; reads what measure recorded.
MEASURED=$(mktemp)
trap 'rm -f "$MEASURED"' EXIT
measure() {
	local label=$1
	shift
	wrk -t1 -c"$CONNECTIONS" -d"${DURATION}s" --latency "$@" |
		awk -v label="$label" '/Requests\/sec/ {rps=$2} /^ +50%/ {p50=$2} /^ +99%/ {p99=$2} /Non-2xx/ {bad=$NF}
			END {printf "%-10s %10s req/s   p50 %8s   p99 %8s   non-2xx %s\n", label, rps, p50, p99, (bad ? bad : 0)}' |
		tee -a "$MEASURED"
}

ratios() {
	awk -v base="$1" -v label="$2" '
		$1 == base {b[++nb] = $2}
		$1 == label {l[++nl] = $2}
		END {
			n = (nb < nl) ? nb : nl
			for (i = 1; i <= n; i++) {r[i] = l[i] / b[i]; printf "round %d: %s / %s = %.2f\n", i, label, base, r[i]}
			for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (r[j] < r[i]) {t = r[i]; r[i] = r[j]; r[j] = t}
			if (n > 0) printf "median of %d rounds: %.2f\n", n, (n % 2) ? r[(n + 1) / 2] : (r[n / 2] + r[n / 2 + 1]) / 2
		}' "$MEASURED"
}
