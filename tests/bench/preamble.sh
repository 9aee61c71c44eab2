# preamble.sh — sourced by the bench scripts (tests/bench/run.sh and
# bench_*.sh) after `set -u`: the tree, the binary, Python, the fixed
# environment of every measure (time zone, UTF-8 locale, fixtures, the
# clock NOW) and the probe (the shared ttyprobe.py, ../shared/tools or
# $TTYPROBE, when present, else tests/bench/probe.py).
#   . "$(dirname "$0")/preamble.sh"
# bench_work NAME: the work folder, $BENCH_WORK or a new temporary one.
top=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${RAPPORTEUR_BIN:-$top/rapporteur}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export TZ='<+04>-4' LC_ALL=C.UTF-8 LANG=C.UTF-8 RAPPORTEUR_FIXTURES="$top/fixtures"
NOW=2026-11-23T09:00:00+04:00
probe=${TTYPROBE:-}
for p in "$top/../shared/tools/ttyprobe.py" /work/shared/tools/ttyprobe.py; do
	[ -z "$probe" ] && [ -f "$p" ] && probe=$p
done
[ -n "$probe" ] || probe="$top/tests/bench/probe.py"

bench_work() { # NAME
	work=${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-$1.XXXXXX")}
	mkdir -p "$work"
}
