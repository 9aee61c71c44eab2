#!/bin/sh
# run.sh — `make soak`: the crash-safety soak (tests/soak/soak.py). A long
# scripted meeting fed to `rapporteur run` and killed at random moments:
# SOAK_KILLS times with SIGKILL (default 100), then SOAK_SIGNALS times each
# with SIGHUP and SIGTERM (default 20). After each kill: integrity_check,
# every acknowledged command stored, no partial command; then the script
# goes on. Ends with a summary (kills survived, rows lost, duration).
# Then tests/soak/tui.sh: the same through the screen in tmux (SOAK_TUI_KILLS),
# tests/soak/firstrun.sh: the first run killed (SOAK_FIRSTRUN_KILLS), and
# tests/soak/typing.sh: typing in the editor and the prompts while another
# process holds the write lock or the disk is full (SOAK_TYPING_ROUNDS).
#   SOAK_SEED        replay a run (the seed is printed)
#   SOAK_MAX_DELAY   latest kill after the start of a run, seconds (0.3)
#   SOAK_DIR         keep the database in this folder
#   SOAK_VERBOSE     one line per run
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${RAPPORTEUR_BIN:=$top/rapporteur}"
: "${RAPPORTEUR_FIXTURES:=$top/fixtures}"
export RAPPORTEUR_BIN RAPPORTEUR_FIXTURES
export TZ='<+04>-4' LC_ALL=C.UTF-8
[ -x "$RAPPORTEUR_BIN" ] || { echo "soak: $RAPPORTEUR_BIN: not built (make)" >&2; exit 2; }
/usr/bin/python3 "$top/tests/soak/soak.py"; rc=$?
sh "$top/tests/soak/tui.sh" || rc=1
sh "$top/tests/soak/firstrun.sh" || rc=1
sh "$top/tests/soak/typing.sh" || rc=1; exit $rc
