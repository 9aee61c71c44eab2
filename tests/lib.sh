# lib.sh — helpers for shell tests (sourced). Each check prints one TAP
# line: "ok N - what" or "not ok N - what" with the evidence below it.
#   rap ARGS…          run the binary under test ($RAPPORTEUR_BIN)
#   ok_if DESC CMD…    pass when CMD succeeds
#   is DESC GOT WANT   pass when the strings are equal
#   like DESC GOT RE   pass when GOT matches the extended regex RE
#   unlike DESC GOT RE pass when GOT does not match RE
n=0
BIN=${RAPPORTEUR_BIN:?RAPPORTEUR_BIN not set}
TOP=${RAPPORTEUR_TOP:?RAPPORTEUR_TOP not set}
rap() { "$BIN" "$@"; }
_tap() { n=$((n + 1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; fi; }
ok_if() { d=$1; shift; if "$@" >/dev/null 2>&1; then _tap 0 "$d"; else _tap 1 "$d"; echo "#   command failed: $*"; fi; }
is() { if [ "$2" = "$3" ]; then _tap 0 "$1"; else _tap 1 "$1"; printf '#   got:  %s\n#   want: %s\n' "$2" "$3"; fi; }
like() { if printf '%s' "$2" | grep -Eq -- "$3"; then _tap 0 "$1"; else _tap 1 "$1"; printf '#   got:  %s\n#   want /%s/\n' "$2" "$3"; fi; }
unlike() { if printf '%s' "$2" | grep -Eq -- "$3"; then _tap 1 "$1"; printf '#   got:  %s\n#   unwanted /%s/\n' "$2" "$3"; else _tap 0 "$1"; fi; }
# A fresh database with the fixtures and the demo session: prints its path.
fresh_db() { db="${TEST_TMP:-/tmp}/${1:-t}.db"; rm -f "$db"*; "$BIN" init --db "$db" --demo >/dev/null 2>&1 || echo "#   init failed" >&2; echo "$db"; }
