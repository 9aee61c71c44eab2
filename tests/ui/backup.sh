#!/bin/sh
# backup.sh — the screen's daily backup (issue 12, item 14): leaving the
# screen leaves one copy a day of the database in the backups folder
# ($XDG_DATA_HOME/rapporteur/backups, NAME-YYYYMMDDTHHMMSS-daily.db,
# 0600, a whole database); a second use the same day adds none; a
# --read-only screen takes none.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db daily)
bk="$XDG_DATA_HOME/rapporteur/backups"
rm -f "$bk"/daily-*
ui_run "$db" '3' --read-only >/dev/null
is "a --read-only screen: no daily backup" "$(ls "$bk" 2>/dev/null | grep -c '^daily-')" 0
ui_run "$db" '1' >/dev/null
day=$(date +%Y%m%d)
first=$(ls "$bk" 2>/dev/null | grep "^daily-" | head -1)
like "leaving the screen: one backup of the day" "$first" "^daily-${day}T[0-9]{6}-daily\.db$"
is "... a whole database" "$(sqlite3 "$bk/$first" 'PRAGMA integrity_check')" ok
is "... mode 0600" "$(stat -c %a "$bk/$first")" 600
ui_run "$db" ':note "deuxième usage"<Enter>' >/dev/null
is "a second use the same day: still one" "$(ls "$bk" | grep -c '^daily-')" 1
