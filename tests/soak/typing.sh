#!/bin/sh
# typing.sh — part of `make soak` (tests/soak/typing.py): text typed in
# the recommendation editor, the note prompt, the yield summary, the ":"
# line and a reservation's reason while another process holds the write
# lock past the busy timeout, or while the disk is full (a small tmpfs:
# root only, else skipped and said so), finished by Esc, Enter or F2,
# then a signal: every text typed is stored, or kept as a draft offered
# back at the next start, or in unsaved-drafts.txt; never lost.
#   SOAK_TYPING_ROUNDS  rounds (2: the finishing key while the condition
#                       holds, then after it ends)
#   SOAK_SEED, SOAK_DIR, SOAK_VERBOSE   as tui.sh
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${RAPPORTEUR_BIN:=$top/rapporteur}"
: "${RAPPORTEUR_FIXTURES:=$top/fixtures}"
export RAPPORTEUR_BIN RAPPORTEUR_FIXTURES
export TZ='<+04>-4' LC_ALL=C.UTF-8 LANG=C.UTF-8 LANGUAGE=
[ -x "$RAPPORTEUR_BIN" ] || { echo "soak typing: $RAPPORTEUR_BIN: not built (make)" >&2; exit 2; }
command -v tmux >/dev/null 2>&1 || { echo "soak typing: tmux not installed (make deps)" >&2; exit 2; }
home=$(mktemp -d "${TMPDIR:-/tmp}/rapsoakhome.XXXXXX")
trap 'rm -rf "$home"' EXIT
HOME=$home XDG_DATA_HOME=$home/data /usr/bin/python3 "$top/tests/soak/typing.py"
