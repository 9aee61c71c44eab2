#!/bin/sh
# layers.sh — the include rules of DESIGN §3, read from the sources: each
# folder is a layer and may include only the headers of the layers below.
#   screens/, src/tui/   draw and turn keys into commands: no SQL, no CSV
#   src/cmd, src/domain, src/io, src/store, src/core   no curses, no screen
#   src/domain, src/io, src/store, src/core   below the command table: handlers
#                        include cmd.h, never commands.h (the table and command_exec)
#   src/core             knows neither SQLite nor the commands (rules.c: R4–R8 on plain structs)
#   src/store/db.c       the only file that includes sqlite3.h
#   src/io/*_csv.c       the only files that include csv.h
# Each rule is also tried on a planted file, so a rule that cannot fail
# fails here.
. "$RAPPORTEUR_TOP/tests/lib.sh"

# includes ROOT DIR... : "path:header" for every #include under the folders
includes() {
	r=$1; shift
	for d in "$@"; do
		[ -d "$r/$d" ] || continue
		find "$r/$d" -name '*.[ch]' | sort | while read -r f; do
			sed -n 's/^[[:space:]]*#[[:space:]]*include[[:space:]]*[<"]\([^>"]*\)[>"].*/\1/p' "$f" |
				sed "s#^#${f#$r/}:#"
		done
	done
}

# violations ROOT : one line per include that breaks a rule
violations() {
	r=$1
	includes "$r" screens src/tui | grep -E ':(db|schema|journal)\.h$|:sqlite3\.h$|:csv\.h$' |
		grep -v '^src/tui/ui_test\.c:db\.h$'   # the screen-test harness opens a second connection as "another instance"
	includes "$r" src/cmd src/domain src/io src/store src/core |
		grep -E ':(n?curses|ncursesw/curses|term|panel|form)\.h$|:(ui|ui_shell|screen|widgets|keys|editor)\.h$'
	includes "$r" src/domain src/io src/store src/core | grep -E ':commands\.h$'
	includes "$r" src/core | grep -E ':(db|schema|journal|app)\.h$'
	includes "$r" src screens | grep ':sqlite3\.h$' | grep -v '^src/store/db\.c:'
	includes "$r" src screens | grep ':csv\.h$' | grep -v '^src/io/[a-z_]*_csv\.c:'
}

is "no file includes a header of a layer above it" "$(violations "$TOP")" ""

# The rules are real: plant one offender of each kind in a copy.
T=${TEST_TMP:-/tmp}/layers; rm -rf "$T"; mkdir -p "$T"
cp -R "$TOP/src" "$TOP/screens" "$T/"
printf '#include "db.h"\n' >"$T/screens/planted.c"
printf '#include <curses.h>\n' >"$T/src/domain/planted.c"
printf '#include "db.h"\n' >"$T/src/core/planted.c"
printf '#include <sqlite3.h>\n' >"$T/src/io/planted.c"
printf '#include <csv.h>\n' >"$T/src/domain/planted2.c"
printf '#include "widgets.h"\n' >"$T/src/cmd/planted.c"
printf '#include "commands.h"\n' >"$T/src/domain/planted3.c"
out=$(violations "$T")
like "a screen including db.h is caught" "$out" '^screens/planted\.c:db\.h$'
like "a domain file including curses is caught" "$out" '^src/domain/planted\.c:curses\.h$'
like "the core including db.h is caught" "$out" '^src/core/planted\.c:db\.h$'
like "sqlite3.h outside db.c is caught" "$out" '^src/io/planted\.c:sqlite3\.h$'
like "csv.h outside the CSV readers and writers is caught" "$out" '^src/domain/planted2\.c:csv\.h$'
like "a command file including a widget is caught" "$out" '^src/cmd/planted\.c:widgets\.h$'
like "a domain file including the command table is caught" "$out" '^src/domain/planted3\.c:commands\.h$'
is "exactly the seven planted offenders" "$(echo "$out" | grep -c planted)" 7

# Every source file is in a layer folder (nothing left loose in src/ but
# the top: main.c and app.c).
loose=$(cd "$TOP" && ls src/*.c | grep -v -E '^src/(main|app)\.c$')
is "only main.c and app.c sit at the top of src/" "$loose" ""
