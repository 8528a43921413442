#!/usr/bin/env python3
"""Print the benchmark table (Markdown) from JSON lines written by bench/measure.py.

    python3 bench/report.py results.jsonl [more.jsonl ...]     (or the lines on stdin)

Every line becomes a row, in the order read, so rows measured later (another tool, a batch
mode) can be appended to the file. Below the table come the ratios that have both of their
rows: sats/baseline and sats/typst wall time, sats's peak memory, and how the wall time grows
from 40 to 400 pages, and the batch's speed-up over one report at a time. Wall-time ratios are of the medians, with the ratio of the fastest runs
beside them (on a shared machine the fastest run is the least disturbed one).
"""

import fileinput
import json


def main():
    rows = [json.loads(line) for line in fileinput.input() if line.strip()]
    # The last row for each (tool, variant) is the one used in the ratios.
    by = {(r["label"], r["variant"]): r for r in rows}

    print("| tool | variant | pages | runs | median s | min s | max s | CPU s (median) "
          "| peak RSS MB (median) |")
    print("|---|---|--:|--:|--:|--:|--:|--:|--:|")
    for r in rows:
        w, m = r["wall_s"], r["rss_mb"]
        cpu = f"{r['cpu_s']['median']:.2f}" if "cpu_s" in r else ""
        pages = r["pages"] if r["pages"] is not None else ""
        print(f"| {r['label']} | {r['variant']} | {pages} | {r['runs']} | {w['median']:.3f} "
              f"| {w['min']:.3f} | {w['max']:.3f} | {cpu} | {m['median']:.1f} |")

    def wall(tool, variant, stat="median"):
        r = by.get((tool, variant))
        return r["wall_s"][stat] if r else None

    def ratio(a, b):
        """Median ratio, and the ratio of the fastest runs (less disturbed by other load)."""
        (ta, va), (tb, vb) = a, b
        return (f"{wall(ta, va) / wall(tb, vb):.2f}× "
                f"(min/min {wall(ta, va, 'min') / wall(tb, vb, 'min'):.2f}×)")

    ratios = []
    for variant in ("40p", "400p"):
        for other in ("baseline", "typst"):
            if wall("sats", variant) and wall(other, variant):
                ratios.append((f"sats / {other} wall time, {variant}",
                               ratio(("sats", variant), (other, variant))))
    if ("sats", "40p") in by:
        ratios.append(("sats peak RSS, 40p", f"{by[('sats', '40p')]['rss_mb']['median']:.1f} MB"))
    if ("sats", "400p") in by:
        ratios.append(("sats peak RSS, 400p", f"{by[('sats', '400p')]['rss_mb']['median']:.1f} MB"))
    for tool in ("sats", "baseline"):
        if wall(tool, "40p") and wall(tool, "400p"):
            ratios.append((f"{tool} 400p / {tool} 40p wall time",
                           ratio((tool, "400p"), (tool, "40p"))))
    batch = by.get(("sats batch", "4×40p"))
    if batch and wall("sats", "40p"):
        ratios.append(("sats batch speed-up: 4 × one 40p report / batch of 4",
                       f"{4 * wall('sats', '40p') / batch['wall_s']['median']:.2f}× "
                       f"(min/min {4 * wall('sats', '40p', 'min') / batch['wall_s']['min']:.2f}×)"))
    if ratios:
        print()
        print("| ratio | value |")
        print("|---|--:|")
        for name, value in ratios:
            print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
