#!/bin/sh
# firstrun.sh — part of `make soak`: the first run killed (issue 12).
# SOAK_FIRSTRUN_KILLS times (default 100): a fresh data folder, the first
# start (`rapporteur sessions`, which builds the default database from the
# fixtures and the demo session) killed with SIGKILL after a random delay
# (0–SOAK_FIRSTRUN_MAX_MS ms, default 150), then a second start that must
# be usable: the demo session listed, integrity_check ok, no temporary
# file left behind after it. Prints one summary line; exit 1 on a failure.
set -u
top=$(cd "$(dirname "$0")/../.." && pwd)
: "${RAPPORTEUR_BIN:=$top/rapporteur}"
: "${RAPPORTEUR_FIXTURES:=$top/fixtures}"
export RAPPORTEUR_FIXTURES TZ='<+04>-4' LC_ALL=C.UTF-8
kills=${SOAK_FIRSTRUN_KILLS:-100}
max_ms=${SOAK_FIRSTRUN_MAX_MS:-150}
work=$(mktemp -d /tmp/rapporteur-firstrun.XXXXXX)
bad=0; complete=0; none=0; i=0
t0=$(date +%s)
while [ $i -lt "$kills" ]; do
	i=$((i + 1))
	rm -rf "$work/data"
	ms=$(/usr/bin/python3 -c "import random; print(random.randint(0, $max_ms))")
	XDG_DATA_HOME="$work/data" "$RAPPORTEUR_BIN" sessions >/dev/null 2>&1 &
	pid=$!
	/usr/bin/python3 -c "import time; time.sleep($ms / 1000)"
	kill -9 $pid 2>/dev/null; wait $pid 2>/dev/null
	def="$work/data/rapporteur/rapporteur.db"
	if [ -e "$def" ]; then complete=$((complete + 1)); else none=$((none + 1)); fi
	out=$(XDG_DATA_HOME="$work/data" "$RAPPORTEUR_BIN" sessions 2>&1 | cut -f1,2)
	ic=$(sqlite3 "$def" 'PRAGMA integrity_check' 2>&1)
	left=$(ls "$work/data/rapporteur" | grep -c '\.tmp\.')
	if [ "$out" != "1	open" ] || [ "$ic" != ok ] || [ "$left" != 0 ]; then
		bad=$((bad + 1))
		echo "firstrun: kill $i after ${ms} ms: next start gave '$out', integrity '$ic', $left temporary files" >&2
	fi
done
rm -rf "$work"
echo "firstrun: $kills kills during the first run ($none before the database existed, $complete after), $((kills - bad))/$kills later starts usable, $(( $(date +%s) - t0 )) s"
[ "$bad" = 0 ]
