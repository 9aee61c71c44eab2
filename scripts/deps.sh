#!/bin/sh
# deps.sh — install the Debian packages that rapporteur's build and tests
# need. As root: apt-get install. Otherwise: print the exact command.
#   --check   exit 0 if everything is present, 1 otherwise (prints nothing)
PKGS="build-essential clang pkg-config libncurses-dev libsqlite3-dev libcsv-dev libcmocka-dev gettext sqlite3 tmux python3 python3-pyte"

have() {
	command -v cc >/dev/null 2>&1 || return 1
	command -v pkg-config >/dev/null 2>&1 || return 1
	pkg-config --exists ncursesw sqlite3 cmocka 2>/dev/null || return 1
	[ -f /usr/include/csv.h ] || return 1
	command -v msgfmt >/dev/null 2>&1 || return 1
	command -v sqlite3 >/dev/null 2>&1 || return 1
	command -v tmux >/dev/null 2>&1 || return 1
	/usr/bin/python3 -c 'import pyte' >/dev/null 2>&1 || return 1
	return 0
}

if [ "$1" = "--check" ]; then
	have && exit 0
	exit 1
fi
if have; then
	echo "deps: all packages present"
	exit 0
fi
if [ "$(id -u)" = 0 ]; then
	echo "deps: installing $PKGS"
	export DEBIAN_FRONTEND=noninteractive
	apt-get update -qq && apt-get install -y -qq $PKGS >/dev/null || {
		echo "deps: apt-get install failed" >&2; exit 1; }
	have || { echo "deps: packages installed but something is still missing" >&2; exit 1; }
else
	echo "deps: missing packages; run:" >&2
	echo "  sudo apt-get update && sudo apt-get install -y $PKGS" >&2
	exit 1
fi
