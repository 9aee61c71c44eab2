#!/bin/sh
# layers.sh — the include rules of DESIGN §3, read from the sources: each
# folder is a layer and may include only the headers of the layers below.
#   screens/, src/tui/   draw and turn keys into commands: no SQL, no CSV
#   src/cmd, src/domain, src/io, src/store, src/core   no curses, no screen
#   src/domain, src/io, src/store, src/core   below the command table: handlers
#                        include cmd.h, never commands.h (the table and command_exec)
#   src/core             knows neither SQLite nor the commands (rules.c: R4–R8 on plain structs)
#   src/store/db.c, db_copy.c   the only files that include sqlite3.h
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
	includes "$r" src screens | grep ':sqlite3\.h$' | grep -v '^src/store/db\.c:\|^src/store/db_copy\.c:\|^src/store/db_impl\.h:'
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

# Multi-file screens have three levels (screens/X/): the dispatcher X.c,
# its sub-views (a .c with a header of its own, such as attendance_form.c
# and attendance_form.h), and the base (X_screen.h and the other files).
# Only the dispatcher calls the sub-views; a sub-view calls the base only,
# and the base calls neither: no call circle inside a screen.
# exported FILE : the functions FILE defines that are not static
exported() {
	grep -v '^static' "$1" | sed -n 's/^[a-z][^;(]*[ *]\([a-z_0-9]*\)(.*[^;]$/\1/p' | sort -u
}
# circles ROOT : "file calls name (of other)" for each call up or across
circles() {
	for dir in "$1"/screens/*/; do
		dir=${dir%/}; disp="$dir/$(basename "$dir").c"
		for f in "$dir"/*.c; do
			[ "$f" = "$disp" ] && continue
			for g in "$disp" "$dir"/*.c; do
				[ "$g" = "$f" ] && continue
				[ "$g" = "$disp" ] || [ -f "${g%.c}.h" ] || continue
				for name in $(exported "$g"); do
					grep -qw "$name" "$f" &&
						echo "${f#$1/} calls $name (${g#$1/})"
				done
			done
		done
		for h in "$dir"/*.h; do
			[ -f "${h%.h}.c" ] || continue
			for f in "$dir"/*.c "$dir"/*.h; do
				[ "$f" = "$disp" ] || [ "$f" = "${h%.h}.c" ] || [ "$f" = "$h" ] && continue
				grep -q "#include \"$(basename "$h")\"" "$f" &&
					echo "${f#$1/} includes $(basename "$h")"
			done
		done
	done
}
is "inside a screen only the dispatcher calls or includes the sub-views" "$(circles "$TOP")" ""
printf 'static void planted(struct att *a) { att_pick_free(a); }\n' \
	>>"$T/screens/attendance/attendance_form.c"
printf '#include "recs_edit.h"\nstatic void planted(struct recs *r) { recs_edit_new(r); }\n' \
	>>"$T/screens/recs/recs_history.c"
printf 'static void planted(struct themes_screen *t) { themes_reload(t); }\n' \
	>>"$T/screens/themes/themes_base.c"
printf 'void themes_planted(void);\nvoid themes_planted(void) { }\n' >>"$T/screens/themes/themes.c"
printf 'static void planted2(void) { themes_planted(); }\n' >>"$T/screens/themes/themes_act.c"
out=$(circles "$T")
like "a sub-view calling another sub-view is caught" "$out" \
	'^screens/attendance/attendance_form\.c calls att_pick_free \(screens/attendance/attendance_pick\.c\)$'
like "a sub-view including another's header is caught" "$out" \
	'^screens/recs/recs_history\.c includes recs_edit\.h$'
like "a sub-view calling the dispatcher is caught" "$out" \
	'^screens/themes/themes_act\.c calls themes_planted \(screens/themes/themes\.c\)$'
is "a call from the base to the base is not an offence" "$(echo "$out" | grep -c themes_reload)" 0

# The screen side evaluates R4 in one place (src/tui/ui_r4.c, once per
# change, shared by the title bar and the screens): no other file of
# screens/ or src/tui/ asks the domain for the check itself.
r4_callers() {
	grep -rnE '\battendance_check(_summary|_delegation)?\(' "$1/screens" "$1/src/tui" |
		sed "s#^$1/##" | grep -v '^src/tui/ui_r4\.c:'
}
is "only src/tui/ui_r4.c evaluates R4 on the screen side" "$(r4_callers "$TOP")" ""
printf 'static void planted(void) { attendance_check_summary(0, 0, 0, 0); }\n' \
	>>"$T/src/tui/ui_bars.c"
like "a second R4 evaluation on the screen side is caught" "$(r4_callers "$T")" '^src/tui/ui_bars\.c:'

# Keys resolve to command ids once, in the shell (keys_resolve); screens
# switch on the id. No file of screens/ or src/tui/ compares a command's
# name again: no string compare naming a command of command_list.h, none
# of a command row's ->name, and no name lookup (command_find).
names_compared() {
	sed -n 's/^CMD([A-Z_]*, "\([^"]*\)".*/"\1"/p' "$TOP/include/command_list.h" >"$T/names.txt"
	grep -rnE '(str(n?case)?cmp|str_ieq|strstr)\(' "$1/screens" "$1/src/tui" |
		sed "s#^$1/##" >"$T/compares.txt"
	grep -F -f "$T/names.txt" "$T/compares.txt"
	grep -E '(str(n?case)?cmp|str_ieq)\([^;]*\b(d|c|def|cmd|row)->name\b' "$T/compares.txt"
	grep -rn 'command_find(' "$1/screens" "$1/src/tui" | sed "s#^$1/##"
}
is "no screen or shell file compares command names" "$(names_compared "$TOP")" ""
printf 'static int planted(const char *s) { return !strcmp(s, "present+"); }\n' \
	>>"$T/screens/attendance/attendance.c"
printf 'static int planted(const struct command_def *d) { return !strcmp(d->name, x); }\n' \
	>>"$T/src/tui/ui.c"
printf 'static int planted(void) { return command_find("start") != 0; }\n' >>"$T/screens/agenda.c"
out=$(names_compared "$T")
like "a screen comparing a command name is caught" "$out" '^screens/attendance/attendance\.c:.*"present\+"'
like "the shell comparing a row's name is caught" "$out" '^src/tui/ui\.c:.*d->name'
like "a screen looking a command up by name is caught" "$out" '^screens/agenda\.c:.*command_find'
