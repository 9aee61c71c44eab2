#!/bin/sh
# hostile.sh — hostile input (DESIGN §7): command lines with invalid
# UTF-8, NUL bytes, terminal escape sequences (ESC [ 2 J, OSC 52, 8-bit
# CSI), 1 MB arguments and unbalanced quotes typed through `run`; the
# exported CSV neutralising formula prefixes; the participants CSV corpus
# of tests/data/hostile (invalid UTF-8, NUL, escape sequences, formula
# prefixes, unbalanced quotes) plus a 10 MB field and 100,000 rows made
# here, in a dry run then for real, with the peak memory measured.
# Each hostile line is refused with one line or stored harmlessly, the
# program never crashes and never writes a control character to the
# terminal.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2
data="$TOP/tests/data/hostile"
ROWS=${HOSTILE_ROWS:-100000}

q() { sqlite3 "$db" "$1"; }
sum() { md5sum <"$1" | cut -c1-32; }
# No raw control character other than newline (and CR in CSV line ends):
# C0, DEL, and the C1 range encoded in UTF-8 (\302\200-\302\237).
no_ctl() { ! LC_ALL=C grep -aqP '[\x00-\x09\x0b\x0c\x0e-\x1f\x7f]|\xc2[\x80-\x9f]' "$1"; }
# Every text of every delegate is valid UTF-8 without control characters.
clean_db() {
	/usr/bin/python3 - "$db" <<'EOF'
import sqlite3, sys, unicodedata
c = sqlite3.connect(sys.argv[1])
c.text_factory = bytes
bad = 0
for row in c.execute("SELECT name, function, level, entity, category, email FROM delegate"):
    for v in row:
        try:
            s = v.decode("utf-8")
        except UnicodeDecodeError:
            bad += 1; continue
        if any(unicodedata.category(ch) == "Cc" for ch in s):
            bad += 1
print(bad)
EOF
}
maxrss() { # KB, from /usr/bin/time -v, or "?" when not available
	if [ -x /usr/bin/time ]; then sed -n 's/.*Maximum resident set size (kbytes): //p' "$1"; else echo '?'; fi
}
timed() { # OUT ERR TIMEFILE cmd… : run cmd measuring it when /usr/bin/time exists
	o=$1 e=$2 t=$3; shift 3
	if [ -x /usr/bin/time ]; then /usr/bin/time -v -o "$t" "$@" >"$o" 2>"$e"; else "$@" >"$o" 2>"$e"; fi
}
asan=no
LC_ALL=C grep -aq __asan_init "$BIN" && asan=yes

# ---- 1. hostile command lines through `run` ----
db=$(fresh_db cmds)
before=$(q "SELECT count(*) FROM journal")
mega() { /usr/bin/python3 -c 'import sys; sys.stdout.write((sys.argv[1] * 1048576)[:1048576])' "$1"; }
{
	printf 'note "caf\351 en Latin-1"\n'                  # 1 invalid UTF-8
	printf 'note "over\300\257long"\n'                    # 2 overlong encoding
	printf 'note "nul\000byte"\n'                         # 3 NUL
	printf 'note "\033[2J\033[Hscreen wiped"\n'           # 4 ESC [ 2 J
	printf 'note "\033]52;c;cm0gLXJmIH4=\007clipboard"\n' # 5 OSC 52
	printf 'note "\302\2332J eight-bit CSI"\n'            # 6 C1 CSI
	printf 'note "bell\007"\n'                            # 7 BEL
	printf 'note "carriage\rreturn"\n'                    # 8 CR inside
	printf 'note "never closed\n'                         # 9 unbalanced quote
	printf 'note never" opened\n'                         # 10 stray quote
	printf '\033[2Jnote "escape first"\n'                 # 11 escape as command
	printf 'present+ %s\n' "$(mega ABC)"                  # 12 1 MB code
	printf 'note "%s"\n' "$(mega 'un mégaoctet ')"        # 13 1 MB note
	printf '%s\n' "$(mega 'commande')"                    # 14 1 MB unknown command
	printf 'note "après tout, valide"\n'                  # 15 a good line
	printf 'present+ x%s\n' "$(mega 'é')"                 # 16 an answer cut short
} >hostile.cmds
"$BIN" run --keep-going --db "$db" hostile.cmds >out.txt 2>err.txt; rc=$?
is "hostile lines: exit 1 (refused lines), no crash" "$rc" 1
is "hostile lines: one answer per line" "$(wc -l <out.txt | tr -d ' ')" 16
for i in 1 2 4 5 6 7 8; do
	is "hostile line $i refused as invalid text" "$(sed -n ${i}p out.txt)" \
		"error: invalid UTF-8 or control character in the command"
done
is "hostile line 3 (NUL) refused" "$(sed -n 3p out.txt)" "error: NUL byte in the line"
is "hostile line 9 (unbalanced quote) refused" "$(sed -n 9p out.txt)" "error: unbalanced quote"
like "hostile line 10 (stray quote) refused with one line" "$(sed -n 10p out.txt)" '^error: '
is "hostile line 11 (escape as the command) refused" "$(sed -n 11p out.txt)" \
	"error: invalid UTF-8 or control character in the command"
like "hostile line 12 (1 MB delegation code) refused" "$(sed -n 12p out.txt)" '^error: unknown delegation'
ok_if "hostile line 12: the answer is cut short (under 1 KB)" test "$(sed -n 12p out.txt | wc -c)" -lt 1024
is "hostile line 13 (1 MB note) stored" "$(sed -n 13p out.txt)" "ok note"
like "hostile line 14 (1 MB unknown command) refused" "$(sed -n 14p out.txt)" '^error: unknown command'
ok_if "hostile line 14: the answer is cut short (under 1 KB)" test "$(sed -n 14p out.txt | wc -c)" -lt 1024
is "hostile line 15 (good) stored" "$(sed -n 15p out.txt)" "ok note"
like "hostile line 16 (1 MB of é as a code) refused" "$(sed -n 16p out.txt)" '^error: unknown delegation xé'
ok_if "hostile line 16: the answer is cut between characters (valid UTF-8)" \
	/usr/bin/python3 -c 'import sys; open(sys.argv[1], "rb").read().decode("utf-8")' out.txt
is "one stderr line per refused line" "$(wc -l <err.txt | tr -d ' ')" 14
ok_if "no control character on stdout" no_ctl out.txt
ok_if "no control character on stderr" no_ctl err.txt
is "only the two accepted notes were journaled" "$(q "SELECT count(*) FROM journal")" "$((before + 2))"
is "the 1 MB note is stored whole" "$(q "SELECT length(command) FROM journal WHERE event = 'note' AND length(command) > 1000000")" \
	"$((1048576 + 7))"
is "integrity_check after hostile lines" "$(q 'PRAGMA integrity_check')" ok

# ---- 2. the exported CSV neutralises formula prefixes ----
printf 'note "=1+2"\nnote "+33 1 23"\nnote "-2+3"\nnote "@SUM(A1:A9)"\nnote "\tTAB(1)"\nnote "ordinaire"\n' |
	"$BIN" run --db "$db" - >/dev/null 2>&1
# A carriage return cannot be typed in a command or imported (refused
# above); put one in the database directly to test the export alone.
q "UPDATE delegate SET function = char(13) || 'CR(1)' WHERE name = 'Priya Ramdin';
   UPDATE delegate SET entity = char(9) || 'TAB(2)' WHERE name = 'Priya Ramdin'"
"$BIN" export --db "$db" --session 1 --out exp >/dev/null 2>exp.err
is "export: no message" "$(cat exp.err)" ""
/usr/bin/python3 - exp >formula.txt <<'EOF'
import csv, os, sys
d = sys.argv[1]
bad, cells = [], set()
for f in sorted(os.listdir(d)):
    with open(os.path.join(d, f), newline="", encoding="utf-8") as fh:
        for r, row in enumerate(csv.reader(fh)):
            for c, cell in enumerate(row):
                cells.add(cell)
                if cell[:1] in ("=", "+", "-", "@", "\t", "\r"):
                    bad.append("%s:%d:%d %r" % (f, r + 1, c + 1, cell[:40]))
print("bad", len(bad))
for b in bad[:5]:
    print("#   " + b)
for want in ("'=1+2", "'+33 1 23", "'-2+3", "'@SUM(A1:A9)", "'\tTAB(1)", "'\rCR(1)", "'\tTAB(2)"):
    shown = want.replace("\t", "<tab>").replace("\r", "<CR>")
    print("%s %s" % ("found" if want in cells else "missing", shown))
EOF
is "export: no cell begins with = + - @ tab or CR" "$(sed -n 's/^bad //p' formula.txt)" 0
grep '^#' formula.txt
while read -r what cell; do
	case $what in
	found) _tap 0 "export: $cell kept, with its leading quote" ;;
	missing) _tap 1 "export: $cell kept, with its leading quote" ;;
	esac
done <formula.txt
like "export: an ordinary note is not quoted" "$(cat exp/minutes.csv)" ',ordinaire'

# ---- 3. the participants CSV corpus ----
# file  new  errors
corpus() {
	cat <<'EOF'
invalid_utf8.csv 2 3
nul.csv 2 2
escapes.csv 2 5
formulas.csv 5 2
unbalanced.csv 2 3
EOF
}
db=$(fresh_db corpus)
corpus | while read -r f new errs; do
	s0=$(sum "$db")
	"$BIN" import participants "$data/$f" --db "$db" --session 1 --dry-run >out.txt 2>err.txt; rc=$?
	echo "rc=$rc" >>out.txt
	is "$f dry run: summary" "$(grep -a 'new,' out.txt)" \
		"error: $new new, 0 updated, 0 unchanged, $errs errors (dry run: nothing written)"
	is "$f dry run: exit 1 (rows in error)" "$rc" 1
	is "$f dry run: one error line per bad row, naming file and line" \
		"$(grep -ac "^$data/$f:[0-9]*: error: " out.txt)" "$errs"
	ok_if "$f dry run: no control character in the output" no_ctl out.txt
	ok_if "$f dry run: no control character on stderr" no_ctl err.txt
	is "$f dry run: the database is unchanged" "$(sum "$db")" "$s0"
	n0=$(q "SELECT count(*) FROM delegate")
	"$BIN" import participants "$data/$f" --db "$db" --session 1 >out.txt 2>err.txt; rc=$?
	is "$f import: exit 0, only the good rows" "$rc" 0
	is "$f import: $new rows stored" "$(q "SELECT count(*) FROM delegate")" "$((n0 + new))"
	ok_if "$f import: no control character in the output" no_ctl out.txt
done
is "corpus: every stored text is clean UTF-8 without control characters" "$(clean_db)" 0
is "corpus: integrity_check" "$(q 'PRAGMA integrity_check')" ok

# ---- 4. a 10 MB field ----
/usr/bin/python3 -c '
import sys
w = sys.stdout.write
w("delegation,name,function,level,entity,entity_category,head,email\n")
w("MUS,Avant Enorme,,officer,,interior,,\n")
w("MUS," + "x" * 10_000_000 + ",,officer,,interior,,\n")
w("MUS,Fonction Enorme,\"" + "y, " * 3_400_000 + "\",officer,,interior,,\n")
w("COM,Apres Enorme,,officer,,interior,,\n")' >huge.csv
n0=$(q "SELECT count(*) FROM delegate")
timed out.txt err.txt time.txt "$BIN" import participants huge.csv --db "$db" --session 1; rc=$?
is "10 MB field: exit 0 (the other rows imported)" "$rc" 0
is "10 MB field: the two huge rows are errors" "$(grep -ac '^huge.csv:[34]: error: .*longer than' out.txt)" 2
is "10 MB field: the others are stored" "$(q "SELECT count(*) FROM delegate")" "$((n0 + 2))"
ok_if "10 MB field: answers stay short" test "$(wc -c <out.txt)" -lt 2000
rss=$(maxrss time.txt)
echo "# import of a 10 MB field: max RSS $rss KB"
if [ "$asan" = no ] && [ "$rss" != '?' ]; then
	ok_if "10 MB field: max RSS under 48 MB ($rss KB)" test "$rss" -lt 49152
fi

# ---- 5. 100,000 rows ----
/usr/bin/python3 - "$ROWS" >rows.csv <<'EOF'
import sys
codes = ["COM", "MDG", "MUS", "FRA", "SYC", "IOM", "UNHCR", "WHO"]
out = ["delegation,name,function,level,entity,entity_category,head,email"]
for i in range(int(sys.argv[1])):
    level = "chef" if i % 1000 == 999 else "officer"   # one row in 1000 in error
    out.append("%s,Participant %06d,Fonction %d,%s,Ministère,interior,no,p%d@example.invalid"
               % (codes[i % 8], i, i, level, i))
print("\n".join(out))
EOF
errs=$((ROWS / 1000)); good=$((ROWS - errs))
db=$(fresh_db rows)
s0=$(sum "$db"); n0=$(q "SELECT count(*) FROM delegate")
timed out.txt err.txt time1.txt "$BIN" import participants rows.csv --db "$db" --session 1 --dry-run; rc=$?
is "$ROWS rows dry run: summary" "$(tail -1 out.txt)" \
	"error: $good new, 0 updated, 0 unchanged, $errs errors (dry run: nothing written)"
is "$ROWS rows dry run: the database is unchanged" "$(sum "$db")" "$s0"
timed out.txt err.txt time2.txt "$BIN" import participants rows.csv --db "$db" --session 1; rc=$?
is "$ROWS rows import: summary" "$(tail -1 out.txt)" "ok $good new, 0 updated, 0 unchanged, $errs errors (the rows in error were not imported)"
is "$ROWS rows import: the good rows are stored" "$(q "SELECT count(*) FROM delegate")" "$((n0 + good))"
is "$ROWS rows import: the rows in error are not" "$(q "SELECT count(*) FROM delegate WHERE name LIKE 'Participant %999'")" 0
is "$ROWS rows import: integrity_check" "$(q 'PRAGMA integrity_check')" ok
r1=$(maxrss time1.txt); r2=$(maxrss time2.txt)
echo "# import of $ROWS rows: max RSS $r1 KB (dry run), $r2 KB (import)"
if [ "$asan" = no ] && [ "$r2" != '?' ] && [ "$ROWS" -le 100000 ]; then
	ok_if "$ROWS rows: max RSS under 64 MB ($r1 KB, $r2 KB)" test "$r1" -lt 65536 -a "$r2" -lt 65536
fi
