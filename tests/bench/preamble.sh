# preamble.sh — sourced by the bench scripts (tests/bench/run.sh and
# bench_*.sh) after `set -u`: the tree, the binary, Python, the fixed
# environment of every measure (time zone, UTF-8 locale, fixtures, the
# clock NOW) and the probe (the shared ttyprobe.py, ../shared/tools or
# $TTYPROBE, when present, else tests/bench/probe.py).
#   . "$(dirname "$0")/preamble.sh"
# bench_work NAME: the work folder, $BENCH_WORK or a new temporary one.
top=$(cd "$(dirname "$0")/../.." && pwd)
BIN=${RAPPORTEUR_BIN:-$top/rapporteur}
PY=/usr/bin/python3
[ -x "$PY" ] || PY=python3
export TZ='<+04>-4' LC_ALL=C.UTF-8 LANG=C.UTF-8 RAPPORTEUR_FIXTURES="$top/fixtures"
NOW=2026-11-23T09:00:00+04:00
probe=${TTYPROBE:-}
for p in "$top/../shared/tools/ttyprobe.py" /work/shared/tools/ttyprobe.py; do
	[ -z "$probe" ] && [ -f "$p" ] && probe=$p
done
[ -n "$probe" ] || probe="$top/tests/bench/probe.py"

bench_work() { # NAME
	work=${BENCH_WORK:-$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-$1.XXXXXX")}
	mkdir -p "$work"
}

# recs_add DB: R1 .. R40 added to DB (bench_typing.sh's list, run.sh's
# memory step): R1 with a long first paragraph (8 rows at 80 columns, 3
# at 200) and a second one, the others one line each.
recs_add() { # DB
	_long="Les États membres de la Commission de l'océan Indien, réunis à Port-Louis, reconnaissent que la santé des personnes migrantes est une condition de la santé publique régionale et conviennent de renforcer la coopération entre les autorités sanitaires et les services de l'immigration, notamment par l'échange d'informations, la formation conjointe des agents aux frontières, la préparation aux épidémies et l'accès des travailleurs migrants aux soins essentiels, sans discrimination, dans le respect des législations nationales et des engagements internationaux, en particulier du Règlement sanitaire international."
	{
		echo "clock $NOW"
		printf 'rec+ MUS "Santé aux frontières" "%s\\nLe Secrétariat en rend compte chaque année."\n' "$_long"
		_i=2
		while [ $_i -le 40 ]; do
			printf 'rec+ COM "Recommandation %d" "Texte %d."\n' $_i $_i
			_i=$((_i + 1))
		done
	} | RAPPORTEUR_NOW=$NOW "$BIN" run --db "$1" - >/dev/null
}
