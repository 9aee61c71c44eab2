#!/bin/sh
# run.sh — run every test and count: unit tests (cmocka, TAP output), CLI
# tests (tests/cli/*.sh), screen tests (tests/ui/*.sh) and pseudo-terminal
# tests (tests/pty/*.sh). Each test program prints TAP lines ("ok …" /
# "not ok …"); a program that exits non-zero without a "not ok" line counts
# as one failure. Ends with one line "N passed, N failed".
#   RAPPORTEUR_BIN  the binary under test (absolute path)
#   BUILD           the build folder holding tests/test_* (unit binaries)
#   ONLY            a substring: run only the test files whose path has it
set -u
top=$(cd "$(dirname "$0")/.." && pwd)
BUILD=${BUILD:-build}
: "${RAPPORTEUR_BIN:=$top/rapporteur}"
export RAPPORTEUR_BIN
export RAPPORTEUR_TOP="$top"
export RAPPORTEUR_FIXTURES="$top/fixtures"
export TZ='<+04>-4' LC_ALL=C.UTF-8 LANGUAGE= LANG=C.UTF-8
export NO_COLOR=
unset NO_COLOR
export CMOCKA_MESSAGE_OUTPUT=TAP
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=0}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
# Logs go to tests/out/RUN (one folder per run, so concurrent runs do not
# clobber each other); tests/out/last points at the latest.
mkdir -p "$top/tests/out"
out=$(mktemp -d "$top/tests/out/run.XXXXXX")
ln -sfn "$(basename "$out")" "$top/tests/out/last"
passed=0; failed=0; failures=""

run_one() { # name command...
	name=$1; shift
	log="$out/$(echo "$name" | tr '/' '_').log"
	tmp=$(mktemp -d "$out/tmp.XXXXXX")
	( cd "$tmp" && HOME="$tmp" XDG_DATA_HOME="$tmp/data" TEST_TMP="$tmp" "$@" ) >"$log" 2>&1
	rc=$?
	p=$(grep -c '^ok' "$log")
	f=$(grep -c '^not ok' "$log")
	if [ "$rc" -ne 0 ] && [ "$f" -eq 0 ]; then f=1; echo "not ok - $name exited with status $rc" >>"$log"; fi
	passed=$((passed + p)); failed=$((failed + f))
	if [ "$f" -gt 0 ]; then
		failures="$failures $name"
		echo "FAIL $name ($p passed, $f failed) — $log"
		grep -A3 '^not ok' "$log" | head -20 | sed 's/^/    /'
	else
		echo "pass $name ($p)"
	fi
	rm -rf "$tmp"
}

want() { [ -z "${ONLY:-}" ] || case "$1" in *"$ONLY"*) return 0;; *) return 1;; esac; }

for t in "$top/$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	want "unit/$(basename "$t")" && run_one "unit/$(basename "$t")" "$t"
done
for kind in cli ui pty; do
	for t in "$top"/tests/$kind/*.sh; do
		[ -f "$t" ] || continue
		want "$kind/$(basename "$t" .sh)" && run_one "$kind/$(basename "$t" .sh)" sh "$t"
	done
done
echo "logs: $out"
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ] && [ "$passed" -gt 0 ]
