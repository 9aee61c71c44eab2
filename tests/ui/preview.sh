#!/bin/sh
# preview.sh — the Attendance screen's import imports exactly what it
# previewed (issue 12, item 6): the file is previewed, another instance
# rewrites it (here an export with --force over the same folder), then y:
# refused with "the file changed since its preview", nothing written; an
# unchanged file previewed then confirmed is imported.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
cd "$TEST_TMP" || exit 2
db=$(fresh_db preview)
q() { sqlite3 -separator '|' "$db" "$1"; }
rap run --db "$db" - >/dev/null 2>&1 <<'EOF'
session new "Atelier" senior 2027-03-01
EOF
rap export --db "$db" --session 1 --out exp >/dev/null 2>&1
n1=$(q "SELECT count(*) FROM delegate WHERE session_id = 1")
got=$(ui_run "$db" '3iexp/attendance.csv<Enter>
@other delegate+ MUS "Ajout Tardif" director interior
@other export exp --force
y' --session 2)
like "a file changed after its preview: refused" "$(ui_row "$got" 23)" 'changed since its preview'
is "a file changed after its preview: nothing imported" "$(q "SELECT count(*) FROM delegate WHERE session_id = 2")" 1
rap export --db "$db" --session 1 --out exp2 >/dev/null 2>&1
got=$(ui_run "$db" '3iexp2/attendance.csv<Enter>y' --session 2)
like "an unchanged file: imported" "$(ui_row "$got" 23)" "^ok $n1 new|^ok [0-9]+ new"
