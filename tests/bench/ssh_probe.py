#!/usr/bin/env python3
"""ssh_probe.py — what a screen costs through a real OpenSSH connection
(issue 15; run by bench_ssh.sh, which starts sshd on 127.0.0.1).

An `ssh -tt` client runs in a tmux pane at 80x24. The figures are the TCP
payload bytes of the client's socket, read from the kernel (`ss -tin`:
bytes_received = what the server sent, bytes_acked = what the client
sent), so they include the SSH framing, padding and MAC of each packet:
  - first paint: from starting ssh (TCP and SSH handshakes, key exchange,
    authentication, the forced command) to the Agenda screen on the pane;
    its time and bytes received;
  - per key: Down then Up on each screen, the bytes received between two
    quiet moments (nothing received for QUIET seconds), median of REPEAT.
Prints one JSON object.
"""
import argparse
import json
import re
import statistics
import subprocess
import time

QUIET = 0.35


def tmux(sock, *args):
    return subprocess.run(["tmux", "-S", sock, *args], check=True,
                          capture_output=True, text=True).stdout


def counters(port):
    """(bytes_received, bytes_acked) of the established connection to port."""
    out = subprocess.run(["ss", "-Htin", "state", "established",
                          "( dport = :%d )" % port],
                         capture_output=True, text=True).stdout
    rx = re.search(r"bytes_received:(\d+)", out)
    tx = re.search(r"bytes_acked:(\d+)", out)
    return (int(rx.group(1)) if rx else 0, int(tx.group(1)) if tx else 0)


def settle(port, limit=10.0):
    """Wait until nothing was received for QUIET s; the counters then."""
    last, since, end = counters(port), time.time(), time.time() + limit
    while time.time() < end:
        time.sleep(0.05)
        now = counters(port)
        if now != last:
            last, since = now, time.time()
        elif time.time() - since >= QUIET:
            break
    return last


def wait_pane(sock, target, pattern, limit=15.0):
    end = time.time() + limit
    while time.time() < end:
        if re.search(pattern, tmux(sock, "capture-pane", "-p", "-t", target)):
            return True
        time.sleep(0.01)
    return False


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--sock", required=True)
    ap.add_argument("--port", type=int, required=True)
    ap.add_argument("--client", required=True, help="shell command running ssh -tt")
    ap.add_argument("--name", required=True)
    ap.add_argument("--repeat", type=int, default=5)
    a = ap.parse_args()

    tgt = a.name
    t0 = time.time()
    tmux(a.sock, "new-window", "-d", "-t", "bench", "-n", tgt,
         "export TERM=xterm-256color; " + a.client + "; sleep 30")
    painted = wait_pane(a.sock, "bench:" + tgt, r"1 Agenda")
    t1 = time.time()
    rx, tx = settle(a.port)
    res = {"name": a.name, "painted": painted,
           "first_paint_ms": round((t1 - t0) * 1000),
           "first_paint_rx": rx, "first_paint_tx": tx, "screens": {}}
    for scr, title in (("1", "Agenda"), ("2", "Floor"), ("3", "Attendance"),
                       ("4", "Themes"), ("5", "Recommendations"), ("6", "Minutes")):
        tmux(a.sock, "send-keys", "-t", "bench:" + tgt, scr)
        base = settle(a.port)
        per = {"Down": [], "Up": []}
        for _ in range(a.repeat):
            for key in ("Down", "Up"):
                tmux(a.sock, "send-keys", "-t", "bench:" + tgt, key)
                now = settle(a.port)
                per[key].append((now[0] - base[0], now[1] - base[1]))
                base = now
        res["screens"][title] = {
            k: {"rx": statistics.median(x[0] for x in v),
                "tx": statistics.median(x[1] for x in v)} for k, v in per.items()}
    base = settle(a.port)
    time.sleep(5)
    res["idle_5s_rx"] = counters(a.port)[0] - base[0]
    tmux(a.sock, "send-keys", "-t", "bench:" + tgt, "q")
    time.sleep(0.5)
    print(json.dumps(res))


if __name__ == "__main__":
    main()
