#!/bin/sh
# footprint.sh — what the program carries into every process (issue 16,
# memory at 200×60 ≤ 6 MB): libzip and what it pulls in (libcrypto, libbz2,
# libz: about 1.7 MB resident) are loaded only when an ODT report is
# written (src/io/zip_lazy.c), and the ODT report still works; libcsv
# only when a CSV file is read or written (src/io/lazy_csv.c), and import
# and export still work.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2

# ld.so lists the libraries a start loads without running the program.
libs=$(LD_TRACE_LOADED_OBJECTS=1 "$BIN" 2>&1)
like "the loader lists the program's libraries" "$libs" 'libsqlite3'
unlike "the program does not load libzip at start" "$libs" 'libzip'
unlike "nor libcrypto, libbz2 (libzip's)" "$libs" 'libcrypto|libbz2'
# libcsv is loaded when a CSV file is read or written (src/io/lazy_csv.c).
unlike "the program does not load libcsv at start" "$libs" 'libcsv'

db=$(fresh_db fp)
rm -f fp.odt
out=$(rap report --db "$db" --session 1 --out fp.odt 2>&1)
like "an ODT report is written (libzip loaded then)" "$out" '^ok .*fp\.odt'
ok_if "the ODT package reads back whole" unzip -tq fp.odt
mime=$(unzip -p fp.odt mimetype 2>/dev/null)
is "its mimetype is the first, stored entry's text" "$mime" "application/vnd.oasis.opendocument.text"

# The code a screen being browsed does not run (export, reports, import,
# the commands' writers, migrations) is linked after the code it runs
# (Makefile COLD), so that its pages stay on disk: 364 -> 252 KB of the
# program's code resident at 200x60 with every screen visited.
addrs() { nm "$BIN" 2>/dev/null | awk -v want=" $* " '$2 ~ /^[tT]$/ && index(want, " " $3 " ") { print $1 }' | sort; }
hot=$(addrs ui_main list_draw db_prepare keys_get app_open db_quick_check agenda_list)
cold=$(addrs export_session report_fingerprint import_participants cmd_yield cmd_propose)
is "every symbol looked for is in the program" "$(printf '%s\n' "$hot" | wc -l) $(printf '%s\n' "$cold" | wc -l)" "7 5"
last_hot=$(printf '%s\n' "$hot" | tail -1)
first_cold=$(printf '%s\n' "$cold" | head -1)
is "what a browsed screen runs comes before what it does not" \
	"$(printf '%s\n%s\n' "$first_cold" "$last_hot" | sort | tail -1)" "$first_cold"

# libcsv loaded on demand: a CSV import reads its file, an export quotes.
out=$(rap import participants "$TOP/tests/data/participants_good.csv" --db "$db" --session 1 2>&1)
like "a CSV import reads its file (libcsv loaded then)" "$out" '^ok '
rm -rf fp-export
rap export --db "$db" --session 1 --out fp-export >/dev/null 2>&1
like "an export quotes a cell holding a comma" "$(cat fp-export/attendance.csv 2>/dev/null)" '"Directeur, Bureau de l.immigration"'

# The program's read-only segment at every start (Makefile): no unwind
# tables of its own (.eh_frame: 80 KB beside .rodata, never read by a C
# program; gdb unwinds with .debug_frame), the PIE's relative relocations
# packed (DT_RELR: .rela.dyn, read whole at each start, 35 KB -> 0.3 KB)
# where the toolchain has them. The sanitizer builds keep their tables.
if ! command -v readelf >/dev/null 2>&1; then
	echo "ok $((n + 1)) # skip readelf not installed (binutils)"
elif LD_TRACE_LOADED_OBJECTS=1 "$BIN" 2>&1 | grep -q libasan; then
	echo "ok $((n + 1)) # skip the sanitizer build keeps its unwind tables"
else
	sections=$(readelf -SW "$BIN" | sed -n 's/^ *\[ *[0-9]*\] *//p')
	size_of() { printf '%d' "0x$(printf '%s\n' "$sections" | awk -v s="$1" '$1 == s { print $5 }')"; }
	like "readelf lists the program's sections" "$sections" '^\.rodata +PROGBITS'
	eh=$(size_of .eh_frame)
	ok_if "no unwind tables of the program's own (.eh_frame: $eh B, the C runtime's)" test "$eh" -lt 1024
	like "gdb still unwinds it: .debug_frame is there" "$sections" '\.debug_frame'
	if ld --help 2>/dev/null | grep -q pack-relative-relocs; then
		like "relative relocations packed (DT_RELR)" "$(readelf -d "$BIN")" '\(RELR\)'
		rela=$(size_of .rela.dyn)
		ok_if "what stays in .rela.dyn is small ($rela B)" test "$rela" -lt 4096
	fi
fi
