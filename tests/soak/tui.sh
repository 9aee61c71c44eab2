#!/bin/sh
# tui.sh — the crash-safety soak through the screen (tests/soak/tui.py),
# run by `make soak` after soak.py: the program in a tmux pane, commands
# typed on the ":" line, killed at random moments (SIGKILL mostly, SIGHUP,
# SIGTERM) SOAK_TUI_KILLS times (default 100). After each kill:
# integrity_check, every command the screen answered "ok" is in the
# journal, nothing else; a clean exit for SIGHUP and SIGTERM. Ends with a
# summary (iterations, kills by signal, rows lost, duration).
#   SOAK_TUI_KILLS   iterations (100)
#   SOAK_SEED        replay a run (the seed is printed)
#   SOAK_DIR         keep the database in this folder
#   SOAK_VERBOSE     one line per iteration
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${RAPPORTEUR_BIN:=$top/rapporteur}"
export RAPPORTEUR_BIN
export TZ='<+04>-4' LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=
[ -x "$RAPPORTEUR_BIN" ] || { echo "soak tui: $RAPPORTEUR_BIN: not built (make)" >&2; exit 2; }
command -v tmux >/dev/null 2>&1 || { echo "soak tui: tmux not installed (make deps)" >&2; exit 2; }
# The program's own files (history, settings) in a folder of ours.
home=$(mktemp -d "${TMPDIR:-/tmp}/rapsoakhome.XXXXXX")
trap 'rm -rf "$home"' EXIT
HOME=$home XDG_DATA_HOME=$home/data /usr/bin/python3 "$top/tests/soak/tui.py"
