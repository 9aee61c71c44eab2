# lib_sshd.sh — a real OpenSSH server for the tests and benchmarks
# (sourced; issue 15). The server is a child of the test on 127.0.0.1 at
# a free port, with a temporary host key and a temporary authorized_keys
# in which each person's key has a forced command running the binary under
# test (the deployment of README "Serving a meeting over SSH"). The caller
# stops it by its pid (sshd_stop, also from its EXIT trap).
#   sshd_usable            0 when sshd, ssh and ssh-keygen are there and can run here
#   sshd_setup DIR DB      host key, sshd_config, empty authorized_keys in DIR
#   sshd_person KEY ARGS…  a key DIR/KEY whose forced command is
#                          "rapporteur --db DB ARGS…" (ARGS quoted for sh)
#   sshd_mosh_person KEY ARGS…  the same for mosh: the forced command starts
#                          mosh-server, which runs the binary (README)
#   sshd_start             start sshd; sets SSHD_PID and SSH_PORT; 1 on failure
#   sshd_stop              stop it by its pid and wait for it
#   ssh_as KEY [ARGS…]     the client with the key DIR/KEY (add -tt for a pty)
SSHD=${SSHD:-/usr/sbin/sshd}

sshd_usable() {
	[ -x "$SSHD" ] && command -v ssh >/dev/null 2>&1 && command -v ssh-keygen >/dev/null 2>&1 || return 1
	# As root, sshd insists on its privilege separation folder.
	if [ "$(id -u)" = 0 ] && [ ! -d /run/sshd ]; then
		mkdir -p /run/sshd && chmod 755 /run/sshd || return 1
	fi
	return 0
}

sshd_setup() {
	SSHD_DIR=$1; SSHD_DB=$2
	mkdir -p "$SSHD_DIR"
	ssh-keygen -q -t ed25519 -N '' -C host -f "$SSHD_DIR/host_key" || return 1
	: >"$SSHD_DIR/authorized_keys"
	SSH_PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
	cat >"$SSHD_DIR/sshd_config" <<EOF
Port $SSH_PORT
ListenAddress 127.0.0.1
HostKey $SSHD_DIR/host_key
PidFile $SSHD_DIR/sshd.pid
AuthorizedKeysFile $SSHD_DIR/authorized_keys
AllowUsers $(id -un)
PermitRootLogin prohibit-password
PubkeyAuthentication yes
PasswordAuthentication no
KbdInteractiveAuthentication no
UsePAM no
StrictModes no
PermitUserEnvironment no
PrintMotd no
PrintLastLog no
UseDNS no
X11Forwarding no
LogLevel VERBOSE
EOF
}

# The forced command: the binary under test, its database, a fixed
# environment (UTF-8, the tests' time zone, short Esc delay, and
# $SSHD_ENV: more NAME=VALUE words), then ARGS.
sshd_person() {
	key=$1; shift
	ssh-keygen -q -t ed25519 -N '' -C "$key" -f "$SSHD_DIR/$key" || return 1
	args=""
	for a in "$@"; do args="$args '$a'"; done
	printf 'restrict,pty,command="exec env LC_ALL=C.UTF-8 TZ='\''%s'\'' ESCDELAY=25 %sRAPPORTEUR_FIXTURES=%s %s --db %s%s" %s\n' \
		"$TZ" "${SSHD_ENV:+$SSHD_ENV }" "$RAPPORTEUR_FIXTURES" "$BIN" "$SSHD_DB" "$args" "$(cat "$SSHD_DIR/$key.pub")" \
		>>"$SSHD_DIR/authorized_keys"
}

# As README "Serving a meeting over SSH" says for mosh: `pty` is needed
# (the mosh client asks for one and reads mosh-server's answer through it).
sshd_mosh_person() {
	key=$1; shift
	ssh-keygen -q -t ed25519 -N '' -C "$key" -f "$SSHD_DIR/$key" || return 1
	args=""
	for a in "$@"; do args="$args '$a'"; done
	printf 'restrict,pty,command="exec env LC_ALL=C.UTF-8 mosh-server new -s -l LC_ALL=C.UTF-8 -- env TZ='\''%s'\'' ESCDELAY=25 RAPPORTEUR_FIXTURES=%s %s --db %s%s" %s\n' \
		"$TZ" "$RAPPORTEUR_FIXTURES" "$BIN" "$SSHD_DB" "$args" "$(cat "$SSHD_DIR/$key.pub")" \
		>>"$SSHD_DIR/authorized_keys"
}

sshd_start() {
	"$SSHD" -D -e -f "$SSHD_DIR/sshd_config" 2>"$SSHD_DIR/sshd.log" &
	SSHD_PID=$!
	i=0
	while [ $i -lt 100 ]; do
		grep -q 'Server listening' "$SSHD_DIR/sshd.log" && return 0
		kill -0 "$SSHD_PID" 2>/dev/null || break
		sleep 0.1; i=$((i + 1))
	done
	sed 's/^/#   sshd: /' "$SSHD_DIR/sshd.log"
	return 1
}

sshd_stop() {
	[ -n "${SSHD_PID:-}" ] || return 0
	kill "$SSHD_PID" 2>/dev/null
	wait "$SSHD_PID" 2>/dev/null
	SSHD_PID=
}

ssh_as() {
	key=$1; shift
	ssh -F /dev/null -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
		-o IdentitiesOnly=yes -o IdentityAgent=none -o BatchMode=yes -o LogLevel=ERROR \
		-i "$SSHD_DIR/$key" -p "$SSH_PORT" "$(id -un)@127.0.0.1" "$@"
}
