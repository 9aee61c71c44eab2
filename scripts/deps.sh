#!/bin/sh
# deps.sh — install the Debian packages that rapporteur needs. As root:
# apt-get install. Otherwise: print the exact command.
#   deps.sh [run|test|bench]     install what running (or also testing, or
#                                the reference programs of make bench) needs
#   deps.sh --check [run|test|bench]   exit 0 if it is all present (prints nothing)
# `make run` asks for "run" only; `make test`, `make asan`, `make bench`
# and `make deps` ask for "test".
RUN_PKGS="build-essential pkg-config libncurses-dev libsqlite3-dev libcsv-dev libzip-dev gettext tzdata"
# make bench measures these beside rapporteur in the same run (issue 16);
# the bench goes on without them and says so in its table.
BENCH_PKGS="tig ncdu htop valgrind"
TEST_PKGS="clang libcmocka-dev sqlite3 tmux python3 python3-pyte openssh-server openssh-client mosh libreoffice-writer-nogui poppler-utils libxml2-utils libxml2-dev unzip time"

have_run() {
	command -v cc >/dev/null 2>&1 || return 1
	command -v pkg-config >/dev/null 2>&1 || return 1
	pkg-config --exists sqlite3 2>/dev/null || return 1
	pkg-config --exists ncursesw 2>/dev/null || pkg-config --exists ncurses 2>/dev/null || return 1
	[ -f /usr/include/csv.h ] || return 1
	pkg-config --exists libzip 2>/dev/null || return 1
	command -v msgfmt >/dev/null 2>&1 || return 1
	[ -f /usr/share/zoneinfo/Indian/Mauritius ] || return 1  # venue zones (set tz)
	return 0
}

have_test() {
	have_run || return 1
	pkg-config --exists cmocka 2>/dev/null || return 1
	command -v clang >/dev/null 2>&1 || return 1
	command -v sqlite3 >/dev/null 2>&1 || return 1
	command -v tmux >/dev/null 2>&1 || return 1
	/usr/bin/python3 -c 'import pyte' >/dev/null 2>&1 || return 1
	# tests/pty/ssh.sh and make bench: a real sshd on 127.0.0.1 (issue 15)
	[ -x /usr/sbin/sshd ] || return 1
	command -v ssh >/dev/null 2>&1 || return 1
	command -v ssh-keygen >/dev/null 2>&1 || return 1
	command -v mosh >/dev/null 2>&1 || return 1     # tests/pty/mosh.sh
	command -v mosh-server >/dev/null 2>&1 || return 1
	# the report's tests: ODT to PDF, its text, a picture of a page, AKN validation
	command -v soffice >/dev/null 2>&1 || return 1
	command -v pdftotext >/dev/null 2>&1 || return 1
	command -v pdftoppm >/dev/null 2>&1 || return 1
	command -v xmllint >/dev/null 2>&1 || return 1
	pkg-config --exists libxml-2.0 2>/dev/null || return 1   # make fuzz: the report target
	command -v unzip >/dev/null 2>&1 || return 1
	[ -x /usr/bin/time ] || return 1    # GNU time: peak memory in make bench
	return 0
}

have_bench() {
	for c in tig ncdu htop valgrind; do
		command -v $c >/dev/null 2>&1 || return 1
	done
	return 0
}

check=0
if [ "${1:-}" = "--check" ]; then check=1; shift; fi
what=${1:-test}
case "$what" in
run)  PKGS=$RUN_PKGS ;;
test) PKGS="$RUN_PKGS $TEST_PKGS" ;;
bench) PKGS=$BENCH_PKGS ;;
*)    echo "deps: usage: deps.sh [--check] [run|test|bench]" >&2; exit 2 ;;
esac

if [ "$check" = 1 ]; then
	have_$what && exit 0
	exit 1
fi
if have_$what; then
	echo "deps: all packages present ($what)"
	exit 0
fi
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing $PKGS"
	export DEBIAN_FRONTEND=noninteractive
	# Wait for another apt/dpkg run to finish instead of failing at once.
	lock="-o DPkg::Lock::Timeout=600"
	apt-get $lock update -qq && apt-get $lock install -y -qq $PKGS >/dev/null || {
		echo "deps: apt-get install failed" >&2; exit 1; }
	have_$what || { echo "deps: packages installed but something is still missing" >&2; exit 1; }
else
	echo "deps: missing packages; run:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y $PKGS" >&2
	exit 1
fi
