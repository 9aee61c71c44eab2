#!/bin/sh
# windows_mem.sh — curses keeps two screens of cells, not three (issue 16,
# memory at 200x60): the title, tabs, body, message and hint windows live
# inside curses' next screen (newscr) and hold no cells of their own. The
# heap in use (@stats heap_in_use, glibc's count) grows from 80x24 to
# 200x60 by the cells of the larger screens: (12000 - 1920) cells of 28
# bytes each is 282,240 B a screen; three screens of their own would be
# 846,720 B, two are 564,480 B. The tab shown is Follow-up (few rows), so
# the rest of the growth is small.
. "$RAPPORTEUR_TOP/tests/lib.sh"
. "$RAPPORTEUR_TOP/tests/ui/lib_ui.inc"
db=$(fresh_db windows_mem)
heap() { # COLS LINES
	UI_COLS=$1 UI_LINES=$2
	ui_run "$db" "7
@stats $TEST_TMP/stats_$1" >/dev/null
	sed -n 's/^heap_in_use //p' "$TEST_TMP/stats_$1"
}
small=$(heap 80 24)
large=$(heap 200 60)
if LC_ALL=C grep -aq __asan_init "$BIN" || [ "${small:-0}" = 0 ]; then
	ok_if "heap in use not counted under ASan's allocator (skipped)" true
else
	grow=$((large - small))
	echo "# heap in use: 80x24 $small B, 200x60 $large B, growth $grow B"
	ok_if "80x24 -> 200x60: the heap grows by two screens of cells, not three ($grow B < 705600 B)" \
		[ "$grow" -lt 705600 ]
	ok_if "80x24 -> 200x60: the heap grows at least by curses' own two screens ($grow B >= 564480 B)" \
		[ "$grow" -ge 564480 ]
fi
# The screen drawn in those windows is whole at 200x60 (title, tabs, hints).
UI_COLS=200 UI_LINES=60
out=$(ui_run "$db" "7")
like "200x60: the tab row is drawn" "$out" "Follow-up"
