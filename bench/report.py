#!/usr/bin/env python3
"""Print the benchmark table (Markdown) from JSON lines written by bench/measure.py.

    python3 bench/report.py results.jsonl [more.jsonl ...]     (or the lines on stdin)

Every line becomes a row, in the order read, so rows measured later (another tool, a batch
mode) can be appended to the file. Below the table come the ratios that have both of their
rows: sats/baseline and sats/typst wall time (median), sats's peak memory, and how sats's wall
time grows from 40 to 400 pages.
"""

import fileinput
import json


def main():
    rows = [json.loads(line) for line in fileinput.input() if line.strip()]
    # The last row for each (tool, variant) is the one used in the ratios.
    by = {(r["label"], r["variant"]): r for r in rows}

    print("| tool | variant | pages | runs | median s | min s | max s | peak RSS MB (median) |")
    print("|---|---|--:|--:|--:|--:|--:|--:|")
    for r in rows:
        w, m = r["wall_s"], r["rss_mb"]
        pages = r["pages"] if r["pages"] is not None else ""
        print(f"| {r['label']} | {r['variant']} | {pages} | {r['runs']} | {w['median']:.3f} "
              f"| {w['min']:.3f} | {w['max']:.3f} | {m['median']:.1f} |")

    def wall(tool, variant):
        r = by.get((tool, variant))
        return r["wall_s"]["median"] if r else None

    ratios = []
    for variant in ("40p", "400p"):
        for other in ("baseline", "typst"):
            s, o = wall("sats", variant), wall(other, variant)
            if s and o:
                ratios.append((f"sats / {other} wall time, {variant}", f"{s / o:.2f}×"))
    if ("sats", "40p") in by:
        ratios.append(("sats peak RSS, 40p", f"{by[('sats', '40p')]['rss_mb']['median']:.1f} MB"))
    if ("sats", "400p") in by:
        ratios.append(("sats peak RSS, 400p", f"{by[('sats', '400p')]['rss_mb']['median']:.1f} MB"))
    s40, s400 = wall("sats", "40p"), wall("sats", "400p")
    if s40 and s400:
        ratios.append(("sats 400p / sats 40p wall time", f"{s400 / s40:.2f}×"))
    b40, b400 = wall("baseline", "40p"), wall("baseline", "400p")
    if b40 and b400:
        ratios.append(("baseline 400p / baseline 40p wall time", f"{b400 / b40:.2f}×"))
    if ratios:
        print()
        print("| ratio | value |")
        print("|---|--:|")
        for name, value in ratios:
            print(f"| {name} | {value} |")


if __name__ == "__main__":
    main()
