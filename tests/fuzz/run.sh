#!/bin/sh
# run.sh — `make fuzz`: build the libFuzzer targets with clang (ASan +
# UBSan) against the project's objects and their shared set-up
# (fuzz_setup.c), then run each for FUZZ_SECONDS (default 60) from its
# seed corpus (tests/fuzz/corpus/TARGET). New
# inputs go to build-fuzz/corpus/TARGET, crashes to build-fuzz/crash-*.
# Prints the executions of each target and exits 1 if one crashed.
#   FUZZ_SECONDS   time per target
#   FUZZ_TARGETS   which targets (default: command import preview report)
#   FUZZ_JOBS      parallel compiles (default: the number of CPUs)
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
cd "$top" || exit 2
CLANG=${CLANG:-clang}
SECONDS_PER=${FUZZ_SECONDS:-60}
TARGETS=${FUZZ_TARGETS:-command import preview report}
JOBS=${FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
out=build-fuzz
command -v "$CLANG" >/dev/null 2>&1 || {
	echo "fuzz: clang not found; install it: apt-get install clang (scripts/deps.sh lists it)" >&2
	exit 2
}
PKG_CONFIG=${PKG_CONFIG:-pkg-config}
san="-fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer"
cflags="-std=c11 -O1 -g $san -Iinclude -D_DEFAULT_SOURCE -D_XOPEN_SOURCE=600"
cflags="$cflags -DVERSION=\"fuzz\" -DFIXTURESDIR=\"$top/fixtures\" -DLOCALEDIR=\"/nonexistent\""
cflags="$cflags $($PKG_CONFIG --cflags ncursesw sqlite3 2>/dev/null)"
libs="$($PKG_CONFIG --libs ncursesw 2>/dev/null || echo -lncursesw)"
libs="$libs $($PKG_CONFIG --libs sqlite3 2>/dev/null || echo -lsqlite3)"
libs="$libs $($PKG_CONFIG --libs libzip 2>/dev/null || echo -lzip)"
# fuzz_report checks the reports with libxml2 (libxml2-dev: scripts/deps.sh).
xml_cflags=$($PKG_CONFIG --cflags libxml-2.0 2>/dev/null || echo -I/usr/include/libxml2)
xml_libs=$($PKG_CONFIG --libs libxml-2.0 2>/dev/null || echo -lxml2)

# The project's objects: src/**/*.c and screens/**/*.c but src/main.c, compiled
# for coverage (fuzzer-no-link) and the sanitizers.
mkdir -p "$out/obj"
objs=""
todo=""
for c in src/*.c src/*/*.c screens/*.c screens/*/*.c; do
	[ -f "$c" ] || continue
	[ "$c" = src/main.c ] && continue
	o="$out/obj/$(echo "$c" | tr / _).o"
	objs="$objs $o"
	if [ ! -f "$o" ] || [ "$c" -nt "$o" ] || [ -n "$(find include screens -newer "$o" -name '*.h' 2>/dev/null)" ]; then
		todo="$todo $c $o"
	fi
done
export CLANG cflags
if [ -n "$todo" ]; then
	# shellcheck disable=SC2086
	printf '%s\n' $todo | xargs -n 2 -P "$JOBS" sh -c \
		'echo "  CC $1"; $CLANG -fsanitize=fuzzer-no-link $cflags -c -o "$2" "$1" || exit 255' sh ||
		{ echo "fuzz: compile failed" >&2; exit 2; }
fi

export RAPPORTEUR_FIXTURES="$top/fixtures" TZ='<+04>-4' LC_ALL=C.UTF-8
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
failed=0
summary=""
for t in $TARGETS; do
	bin="$out/fuzz_$t"
	extra=""
	[ "$t" = report ] && extra="$xml_cflags $xml_libs"
	# shellcheck disable=SC2086
	$CLANG -fsanitize=fuzzer $cflags -o "$bin" "tests/fuzz/fuzz_$t.c" tests/fuzz/fuzz_setup.c $objs $libs $extra ||
		{ echo "fuzz: link of fuzz_$t failed" >&2; exit 2; }
	mkdir -p "$out/corpus/$t" "$out/tmp"
	export FUZZ_TMPDIR="$top/$out/tmp"
	log="$out/fuzz_$t.log"
	echo "fuzz: $t for $SECONDS_PER s"
	"$bin" -max_total_time="$SECONDS_PER" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
		-max_len=65536 -artifact_prefix="$out/crash-$t-" \
		"$out/corpus/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1
	rc=$?
	rm -rf "$out/tmp"
	execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
	if [ "$rc" -ne 0 ]; then
		failed=1
		echo "fuzz: $t FAILED (exit $rc) — $log"
		grep -E 'ERROR|SUMMARY|fuzz_[a-z]+:|Test unit written' "$log" | head -8 | sed 's/^/    /'
	fi
	summary="$summary
fuzz: $t: ${execs:-?} executions in $SECONDS_PER s, ${cov:-cov: ?}, corpus $(ls "$out/corpus/$t" | wc -l) inputs, $([ $rc -eq 0 ] && echo 'no crash' || echo CRASH)"
done
echo "$summary" | sed '/^$/d'
exit $failed
