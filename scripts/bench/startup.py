#!/usr/bin/env python3
"""Start-up time of the browser: from launch to its first frame, and to the first frame that
lists events, in a pseudo-terminal of 120x40.

    scripts/bench/startup.py [--runs N] [--bin target/release/sitrep] [-- ARGS...]

With no ARGS the browser opens the embedded seeds. A frame counts as drawn when the screen
output contains the list's title (" Events "); it lists events once "of N events" appears.
Prints each run and the medians, in milliseconds. The browser is closed with `q` and must
restore the terminal (leave the alternate screen) within 2 s, or the run fails.

For a large corpus, `--timeout 120` waits longer for the list; the first time a progress line
(`extracting 0/11306`) is seen is reported too:

    scripts/bench/startup.py --runs 3 --timeout 300 -- /work/bench-data/gen-100000
"""
import argparse
import fcntl
import os
import pty
import re
import select
import signal
import statistics
import struct
import sys
import termios
import time


def read_some(fd):
    """What the terminal has written within 50 ms (b"" if nothing), or None once the child has
    closed it (EOF or EIO)."""
    r, _, _ = select.select([fd], [], [], 0.05)
    if not r:
        return b""
    try:
        chunk = os.read(fd, 65536)
    except OSError:
        return None
    return chunk or None


def one_run(binary, args, cols=120, rows=40, timeout=30.0, exit_within=2.0):
    """One start: (first frame, events listed, progress shown) in ms from the start, and whether
    the terminal was restored. After `q` the browser gets `exit_within` seconds to end (it may
    finish writing the snapshot cache first) before it is killed."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.execv(binary, [binary] + args)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, cols, 0, 0))
    t0 = time.perf_counter()
    out = b""
    first_frame = listed = progress = None
    deadline = t0 + timeout
    while time.perf_counter() < deadline and listed is None:
        chunk = read_some(fd)
        if chunk is None:
            break
        if not chunk:
            continue
        out += chunk
        now = time.perf_counter()
        if first_frame is None and b" Events " in out:
            first_frame = now
        if progress is None and re.search(rb"(?:reading|extracting|indexing) [0-9]+/[0-9]+", out):
            progress = now
        if listed is None and re.search(rb"of [0-9]+ events", out):
            listed = now
    os.write(fd, b"q")
    # Read until the child closes the terminal (EOF or EIO), at most exit_within seconds.
    end = time.perf_counter() + exit_within
    while time.perf_counter() < end:
        chunk = read_some(fd)
        if chunk is None:
            break
        out += chunk
    restored = b"\x1b[?1049l" in out
    done, _ = os.waitpid(pid, os.WNOHANG)
    if not done:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
    os.close(fd)
    ms = lambda t: None if t is None else (t - t0) * 1e3
    return ms(first_frame), ms(listed), ms(progress), restored


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=11)
    p.add_argument("--timeout", type=float, default=30.0)
    p.add_argument("--bin", default=os.path.join(os.environ.get("CARGO_TARGET_DIR", "target"), "release", "sitrep"))
    p.add_argument("args", nargs="*")
    a = p.parse_args()
    firsts, lists = [], []
    for i in range(a.runs):
        f, l, prog, ok = one_run(a.bin, a.args, timeout=a.timeout)
        shown = f", progress shown {round(prog, 1)} ms" if prog is not None else ""
        print(f"run {i + 1}: first frame {f and round(f, 1)} ms{shown}, events listed {l and round(l, 1)} ms, terminal restored: {ok}")
        if f is None or l is None or not ok:
            sys.exit(1)
        firsts.append(f)
        lists.append(l)
    print(f"median of {a.runs}: first frame {statistics.median(firsts):.1f} ms, events listed {statistics.median(lists):.1f} ms")


if __name__ == "__main__":
    main()
