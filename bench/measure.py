#!/usr/bin/env python3
"""Run a command several times and print one JSON line with its wall time and peak memory.

    python3 bench/measure.py --runs N --label NAME [--variant 40p] [--pdf OUT.pdf]
                             [--warmup 1] -- cmd args...

Wall time is time.perf_counter() around spawning the process and waiting for it; CPU time is
user + system time of the process and its children (more than the wall time when it runs
threads on several cores). Peak memory
is the command's ru_maxrss (the largest resident set of that process), taken through GNU
time (/usr/bin/time -f %M) when it is installed: a process started straight from Python
inherits Python's own peak (about 15 MB) in ru_maxrss, so os.wait4's figure is only a
fallback, and "rss_source" in the output says which was used. The
command's standard output is discarded; its standard error is kept only to show it when the
command fails (then measure.py exits 1 and prints no JSON). With --pdf, the page count of
that file (pdfinfo) goes into the line. The warm-up runs (default 1: fills the page cache and
fontconfig's cache) are not counted.

Output, one line:
  {"label": ..., "variant": ..., "pages": ..., "runs": N,
   "wall_s": {"median", "min", "max"}, "cpu_s": {...}, "rss_mb": {"median", "min", "max"},
   "rss_source": "gnu-time" | "wait4", "load_before": 1-minute load average, "wall_all": [...], "rss_all": [...], "cmd": [...]}
MB here is 2^20 bytes.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time


GNU_TIME = "/usr/bin/time"


def run_once(cmd, err_path, rss_path):
    """Spawn cmd, wait for it; return (exit status, wall s, CPU s, peak RSS in KiB)."""
    use_time = os.access(GNU_TIME, os.X_OK)
    argv = [GNU_TIME, "-f", "%M", "-o", rss_path, *cmd] if use_time else cmd
    actions = [
        (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
        (os.POSIX_SPAWN_OPEN, 1, os.devnull, os.O_WRONLY, 0),
        (os.POSIX_SPAWN_OPEN, 2, err_path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600),
    ]
    start = time.perf_counter()
    pid = os.posix_spawnp(argv[0], argv, os.environ, file_actions=actions)
    _, status, usage = os.wait4(pid, 0)
    wall = time.perf_counter() - start
    cpu = usage.ru_utime + usage.ru_stime  # includes the children GNU time waited for
    maxrss = usage.ru_maxrss
    if use_time:  # the last line GNU time wrote is %M (before it, a note if the command failed)
        with open(rss_path) as f:
            lines = f.read().split()
        maxrss = int(lines[-1]) if lines and lines[-1].isdigit() else maxrss
    return os.waitstatus_to_exitcode(status), wall, cpu, maxrss


def pdf_pages(path):
    out = subprocess.run(["pdfinfo", path], capture_output=True, text=True, check=True).stdout
    for line in out.splitlines():
        if line.startswith("Pages:"):
            return int(line.split()[1])
    return None


def main():
    ap = argparse.ArgumentParser(usage=__doc__.strip().splitlines()[2].strip())
    ap.add_argument("--runs", type=int, default=10)
    ap.add_argument("--warmup", type=int, default=1)
    ap.add_argument("--label", required=True, help="the tool, e.g. sats")
    ap.add_argument("--variant", default="", help="e.g. 40p")
    ap.add_argument("--pdf", help="count the pages of this file after the runs")
    ap.add_argument("cmd", nargs=argparse.REMAINDER)
    a = ap.parse_args()
    cmd = a.cmd[1:] if a.cmd[:1] == ["--"] else a.cmd
    if not cmd:
        ap.error("no command given (put it after --)")

    load = os.getloadavg()[0]  # 1-minute load average before the runs (other work on the machine)
    walls, cpus, rss = [], [], []
    with tempfile.NamedTemporaryFile(prefix="measure-", suffix=".err") as err, \
            tempfile.NamedTemporaryFile(prefix="measure-", suffix=".rss") as rss_file:
        for i in range(a.warmup + a.runs):
            code, wall, cpu, maxrss = run_once(cmd, err.name, rss_file.name)
            if code != 0:
                with open(err.name, errors="replace") as f:
                    sys.stderr.write(f.read()[-4000:])
                sys.exit(f"measure.py: {a.label} {a.variant}: exit status {code}: {' '.join(cmd)}")
            if i >= a.warmup:
                walls.append(wall)
                cpus.append(cpu)
                rss.append(maxrss / 1024)

    stat = lambda xs, nd: {"median": round(statistics.median(xs), nd),
                           "min": round(min(xs), nd), "max": round(max(xs), nd)}
    print(json.dumps({
        "label": a.label, "variant": a.variant,
        "pages": pdf_pages(a.pdf) if a.pdf else None, "runs": a.runs,
        "wall_s": stat(walls, 4), "cpu_s": stat(cpus, 3), "rss_mb": stat(rss, 1),
        "rss_source": "gnu-time" if os.access(GNU_TIME, os.X_OK) else "wait4",
        "load_before": round(load, 2),
        "wall_all": [round(w, 4) for w in walls], "rss_all": [round(r, 1) for r in rss],
        "cmd": cmd}, ensure_ascii=False), flush=True)


if __name__ == "__main__":
    main()
