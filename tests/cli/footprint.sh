#!/bin/sh
# footprint.sh — what the program carries into every process (issue 16,
# memory at 200×60 ≤ 6 MB): libzip and what it pulls in (libcrypto, libbz2,
# libz: about 1.7 MB resident) are loaded only when an ODT report is
# written (src/io/zip_lazy.c), and the ODT report still works.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2

# ld.so lists the libraries a start loads without running the program.
libs=$(LD_TRACE_LOADED_OBJECTS=1 "$BIN" 2>&1)
like "the loader lists the program's libraries" "$libs" 'libsqlite3'
unlike "the program does not load libzip at start" "$libs" 'libzip'
unlike "nor libcrypto, libbz2 (libzip's)" "$libs" 'libcrypto|libbz2'

db=$(fresh_db fp)
rm -f fp.odt
out=$(rap report --db "$db" --session 1 --out fp.odt 2>&1)
like "an ODT report is written (libzip loaded then)" "$out" '^ok .*fp\.odt'
ok_if "the ODT package reads back whole" unzip -tq fp.odt
mime=$(unzip -p fp.odt mimetype 2>/dev/null)
is "its mimetype is the first, stored entry's text" "$mime" "application/vnd.oasis.opendocument.text"
