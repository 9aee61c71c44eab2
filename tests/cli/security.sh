#!/bin/sh
# security.sh — DESIGN §7 security checks that hold for the whole tree:
#  - no SQL built from data: every call of db_run/db_int/db_text/db_query/
#    db_prepare/db_exec passes a string literal (or a macro of literals, a
#    choice between literals, a `static const char NAME[] = "…";` or an
#    element of a `static const char *const NAME[] = { "…", … };` of the
#    same file, or a parameter of a static function that every caller in
#    the file feeds with one of those) as its SQL argument;
#  - no shell-outs (system, popen, exec*) and no unbounded string functions
#    (sprintf, vsprintf, strcpy, strcat, gets);
#  - the database is created 0600 whatever the umask, its WAL too, also at
#    the default path on first run;
#  - --read-only cannot write, even through `run`; a write-protected file
#    opened normally gives a clear message and stays unchanged.
# Observers unable to author through any path (R5): tests/cli/r5.sh.
. "$RAPPORTEUR_TOP/tests/lib.sh"
cd "${TEST_TMP:-.}" || exit 2

# ---- source checks ----
# The checker strips comments (keeping string literals), finds each call
# and reads its SQL argument with a small tokenizer. The few places in
# db.c that are the storage layer itself are listed with their reason.
src_check() {
	/usr/bin/python3 - "$TOP" "$1" <<'EOF'
import os, re, sys
top, what = sys.argv[1], sys.argv[2]
files = []
for d in ("src", "screens", "include"):
    p = os.path.join(top, d)
    for root, dirs, names in sorted(os.walk(p)):
        dirs.sort()
        files += [os.path.join(root, f) for f in sorted(names) if f.endswith((".c", ".h"))]

def strip(text, keep_strings):
    """Remove comments; with keep_strings False also blank string and
    character literals. Newlines are kept so line numbers hold."""
    out, i, n = [], 0, len(text)
    while i < n:
        c = text[i]
        if text.startswith("/*", i):
            j = text.find("*/", i + 2); j = n if j < 0 else j + 2
            out.append("".join(ch if ch == "\n" else " " for ch in text[i:j])); i = j
        elif text.startswith("//", i):
            j = text.find("\n", i); j = n if j < 0 else j
            out.append(" " * (j - i)); i = j
        elif c in "\"'":
            j = i + 1
            while j < n and text[j] != c:
                j += 2 if text[j] == "\\" else 1
            j += 1
            lit = text[i:j]
            out.append(lit if keep_strings else c + " " * (len(lit) - 2) + c); i = j
        else:
            out.append(c); i += 1
    return "".join(out)

def args_at(text, i):
    """Split the argument list starting after '(' at i; returns a list of
    argument strings (top level commas only)."""
    depth, cur, args, j, n = 0, [], [], i, len(text)
    while j < n:
        c = text[j]
        if c in "\"'":
            k = j + 1
            while k < n and text[k] != c:
                k += 2 if text[k] == "\\" else 1
            cur.append(text[j:k + 1]); j = k + 1; continue
        if c in "([{": depth += 1
        elif c in ")]}":
            if depth == 0:
                args.append("".join(cur).strip()); return args
            depth -= 1
        elif c == "," and depth == 0:
            args.append("".join(cur).strip()); cur = []; j += 1; continue
        cur.append(c); j += 1
    return args

LIT = r'(?:"(?:[^"\\]|\\.)*"|[A-Z][A-Z0-9_]*(?:\([^()]*\))?)'
LITS = r'(?:%s)(?:\s*%s)*' % (LIT, LIT)
ok_sql = re.compile(r'^\s*(?:%s|[^?]+\?\s*%s\s*:\s*%s)\s*$' % (LITS, LITS, LITS), re.S)
# storage-layer exceptions: (file, expression) -> why it is safe
allowed = {
    ("db.c", "schema_migrations[i]"): "static array of literals (schema.c)",
    ("db.c", "pragma"): "PRAGMA user_version = %d from a loop counter",
    ("db.c", "sql"): "the definitions of the wrappers themselves",
}
SQLARG = {"db_run": 1, "db_text": 1, "db_query": 1, "db_prepare": 1, "db_exec": 1, "db_int": 2}
bad = []
for f in files:
    text = open(f, encoding="utf-8", errors="replace").read()
    base = os.path.basename(f)
    if what == "sql":
        code = strip(text, True)
        # static const char NAME[] = "literal" "literal" MACRO…; is a literal too
        consts = {m.group(1) for m in re.finditer(
            r'\bstatic\s+const\s+char\s+(\w+)\s*\[\s*\]\s*=\s*(%s)\s*;' % LITS, code)}
        # static const char *const NAME[N] = { literals or macros of literals };
        tables = set()
        for m in re.finditer(r'\bstatic\s+const\s+char\s*\*\s*const\s+(\w+)\s*\[[^\]]*\]\s*=\s*([^;]*);', code):
            body = m.group(2).strip()
            body = body[1:-1] if body.startswith("{") and body.endswith("}") else body
            items = [x.strip() for x in body.split(",") if x.strip()]
            if items and all(re.match(r'^(%s)$' % LITS, x) for x in items):
                tables.add(m.group(1))
        def literal_expr(e):
            e = e.strip()
            return bool(ok_sql.match(e)) or e in consts or \
                bool(re.match(r'^(\w+)\s*\[[^\]]*\]$', e) and re.match(r'^(\w+)', e).group(1) in tables)
        def param_ok(name, at):
            """name is a parameter of the static function around position at,
            and every call of that function in this file passes a literal."""
            defs = list(re.finditer(r'\bstatic\s+[\w\s\*]+?\b(\w+)\s*\(([^)]*)\)\s*\{', code[:at]))
            if not defs:
                return False
            fn, params = defs[-1].group(1), [x.strip() for x in defs[-1].group(2).split(",")]
            idx = [i for i, x in enumerate(params) if re.search(r'\b%s$' % re.escape(name), x)]
            if not idx:
                return False
            calls = [c for c in re.finditer(r'\b%s\s*\(' % fn, code) if c.start() != defs[-1].start(1)]
            calls = [c for c in calls if not code[max(0, c.start() - 40):c.start()].rstrip().endswith(("int", "void", "*"))]
            return bool(calls) and all(literal_expr(args_at(code, c.end())[idx[0]]) for c in calls)
        for m in re.finditer(r'\b(db_run|db_int|db_text|db_query|db_prepare|db_exec)\s*\(', code):
            line = code.count("\n", 0, m.start()) + 1
            a = args_at(code, m.end())
            k = SQLARG[m.group(1)]
            if len(a) <= k:
                bad.append("%s:%d: %s: cannot read its SQL argument" % (base, line, m.group(1)))
                continue
            sql = a[k]
            if re.match(r'^(const\s+)?(char|struct)\b', sql) or re.match(r'^(const\s+)?(char|struct)\b', a[0]):
                continue  # a prototype or a definition
            if literal_expr(sql) or (base, sql) in allowed:
                continue
            if re.match(r'^\w+$', sql) and base != "db.c" and param_ok(sql, m.start()):
                continue
            bad.append("%s:%d: %s with SQL not a literal: %s" % (base, line, m.group(1), sql[:80]))
    else:
        code = strip(text, False)
        pats = {
            "shell": r'\b(system|popen|execl|execlp|execle|execv|execve|execvp|execvpe|fexecve|posix_spawnp?|wordexp)\s*\(',
            "unbounded": r'\b(sprintf|vsprintf|strcpy|strcat|gets|stpcpy)\s*\(',
        }[what]
        for m in re.finditer(pats, code):
            line = code.count("\n", 0, m.start()) + 1
            bad.append("%s:%d: %s(" % (base, line, m.group(1)))
for b in bad:
    print("#   " + b)
print("checked %d files" % len(files), file=sys.stderr)
sys.exit(1 if bad else 0)
EOF
}

out=$(src_check sql 2>&1); rc=$?
is "every SQL argument is a literal (no SQL built from data)" "$rc" 0
[ $rc = 0 ] || echo "$out"
out=$(src_check shell 2>&1); rc=$?
is "no system/popen/exec* in the sources" "$rc" 0
[ $rc = 0 ] || echo "$out"
out=$(src_check unbounded 2>&1); rc=$?
is "no sprintf/strcpy/strcat/gets in the sources" "$rc" 0
[ $rc = 0 ] || echo "$out"

# The checker itself must catch what it looks for (a check that cannot
# fail is a defect): run it on a planted tree.
mkdir -p plant/src plant/include
cat >plant/src/bad.c <<'EOF'
/* db_run(db, sql, "") in a comment is fine */
static const char q1[] = "SELECT 2 " "FROM t";
static void f(struct db *db, const char *name)
{
	char *sql = str_printf_alloc("SELECT * FROM t WHERE n = '%s'", name);
	db_run(db, "SELECT 1", "");
	db_int(db, 0, "SELECT 1 " "FROM t", "");
	db_exec(db, x ? "BEGIN" : "COMMIT");
	db_query(db, sql, "");
	sprintf(buf, "%s", name);
	system("ls");
	db_run(db, q1, "");
}
static const char *const tab[2] = { "SELECT 1", "SELECT " "2" };
static int by_table(struct db *db, const char *sql)
{
	return db_run(db, sql, "");
}
static int by_data(struct db *db, const char *sql)
{
	return db_run(db, sql, "");
}
static void g(struct db *db, const char *name, int i)
{
	by_table(db, tab[i]);
	by_table(db, "SELECT 3");
	by_data(db, "SELECT 4");
	by_data(db, name);
}
EOF
# Re-run the three checks with TOP pointing at the planted tree.
saved=$TOP; TOP=$PWD/plant
out=$(src_check sql 2>/dev/null); like "the SQL checker flags a non-literal SQL argument" "$out" 'bad.c:9: db_query'
unlike "the SQL checker accepts literals, concatenations, a choice of literals, a static const literal" "$out" 'bad.c:(6|7|8|12):'
unlike "the SQL checker accepts a parameter fed only by literals and tables of literals" "$out" 'bad.c:17:'
like "the SQL checker flags a parameter fed by data" "$out" 'bad.c:21: db_run'

out=$(src_check unbounded 2>/dev/null); like "the checker flags sprintf" "$out" 'bad.c:10: sprintf'
out=$(src_check shell 2>/dev/null); like "the checker flags system" "$out" 'bad.c:11: system'
TOP=$saved

# ---- file modes ----
mode() { stat -c %a "$1" 2>/dev/null || echo missing; }
db=$PWD/m.db
( umask 000; rap init --db "$db" >/dev/null 2>&1 )
is "a database made by init is 0600 even with umask 000" "$(mode "$db")" 600

# The WAL of an open connection: hold `run` open on a fifo, ask for one
# write and stat while it waits for the next line.
db=$(fresh_db wal)
mkfifo cmd.in ans.out
( umask 000; exec "$BIN" run --db "$db" - <cmd.in >ans.out 2>run.err ) &
pid=$!
exec 3>cmd.in 4<ans.out
echo 'note "wal mode check"' >&3
read -r ans <&4
is "run answers through the fifo" "$ans" "ok note"
if [ -f "$db-wal" ]; then
	is "the WAL file of a run started with umask 000 is 0600" "$(mode "$db-wal")" 600
else
	is "the WAL file exists while the database is open" missing present
fi
exec 3>&- 4<&-
wait $pid

# First run at the default path: created with the demo session, 0600.
export XDG_DATA_HOME="$PWD/xdg"
( umask 000; rap sessions >sessions.out 2>sessions.err )
def="$XDG_DATA_HOME/rapporteur/rapporteur.db"
is "the default database is created on first run, 0600" "$(mode "$def")" 600
is "its folder is 0700" "$(mode "$XDG_DATA_HOME/rapporteur")" 700
like "the first run has the demo session" "$(cat sessions.out)" 'open'

# ---- read-only ----
db=$(fresh_db ro)
sum=$(md5sum <"$db")
out=$(printf 'note "should not be written"\n' | rap run --read-only --db "$db" - 2>ro.err)
like "--read-only refuses a write command through run" "$out" '^error: .*read-only'
is "--read-only: one line on stderr" "$(wc -l <ro.err)" 1
is "--read-only: the file is unchanged" "$(md5sum <"$db")" "$sum"

# A write-protected file opened normally. Root ignores permissions, so run
# as nobody, in a folder under /tmp that nobody can reach.
if [ "$(id -u)" = 0 ] && ! command -v setpriv >/dev/null 2>&1; then
	echo "ok $((n += 1)) - # SKIP write-protected file: running as root without setpriv"
else
	as=""
	w=$(mktemp -d /tmp/rapsec.XXXXXX); chmod 755 "$w"
	trap 'rm -rf "$w"' EXIT
	cp "$BIN" "$w/rapporteur"
	cp "$db" "$w/p.db"; chmod 444 "$w/p.db"
	if [ "$(id -u)" = 0 ]; then
		chown -R nobody "$w"
		as="setpriv --reuid=nobody --regid=nogroup --clear-groups"
	fi
	sum=$(md5sum <"$w/p.db")
	out=$(printf 'note "should not be written"\n' | $as "$w/rapporteur" run --db "$w/p.db" - 2>"$PWD/wp.err")
	rc=$?
	like "a write-protected file opened normally: a clear message" \
		"$out$(cat wp.err)" 'write-protected.*--read-only'
	ok_if "a write-protected file: exit status non-zero" test "$rc" -ne 0
	is "a write-protected file: one line on stderr" "$(wc -l <wp.err)" 1
	like "a write-protected file: the message names the file" "$(cat wp.err)" 'p\.db'
	is "a write-protected file: unchanged" "$(md5sum <"$w/p.db")" "$sum"
	out=$($as "$w/rapporteur" sessions --read-only --db "$w/p.db" 2>&1)
	like "a write-protected file can be read with --read-only" "$out" 'open'
	is "and stays unchanged" "$(md5sum <"$w/p.db")" "$sum"
fi
