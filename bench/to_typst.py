#!/usr/bin/env python3
"""Write a Typst document with the content of bench-text.json, for comparing sats with typst.

    python3 bench/to_typst.py bench-text.json out.typ

The document follows the baseline (bench/baseline.cpp): A4 with the margins of sats's
"kommune" layout, Charis SIL 10.5 pt justified body text in Norwegian, Inter bold headings,
a cover, a table of contents (outline), running header and page numbers, tables as striped
grids and charts drawn from rectangles and lines. Typst 0.10 syntax (the npm build).
"""

import json
import sys

TEXT_W = 210 - 25 - 22  # mm, as the baseline
MM = 72 / 25.4
PALETTE = ["#00507d", "#d55e00", "#009e73", "#cc79a7", "#5a5a5a", "#8c6d00"]

PREAMBLE = r"""
#set document(title: "Ytelsestest")
#set text(font: "Charis SIL", size: 10.5pt, lang: "nb", fill: rgb("#1a1a1a"))
// 10.5 x 1.45 pt from baseline to baseline, 6 pt between paragraphs. Lines are broken
// first-fit like pango (sats, baseline): typst 0.10's default optimized breaking is ~8x slower.
#set par(justify: true, leading: 7.9pt, linebreaks: "simple")  // first-fit, as pango
#show par: set block(spacing: 13.9pt)
#let accent = rgb("#00507d")
#let small(body) = text(font: "Inter", size: 8.5pt, fill: rgb("#5a5a5a"), body)
#let htext(size, body) = text(font: "Inter", weight: "bold", fill: accent, size: size, body)
#show heading.where(level: 1): it => { pagebreak(weak: true); block(below: 14pt, htext(22pt, it.body)) }
#show heading.where(level: 2): it => block(above: 18pt, below: 8pt, htext(15pt, it.body))
#show heading.where(level: 3): it => block(above: 14pt, below: 6pt, htext(12pt, it.body))

#page(margin: 0pt)[
  #place(top, rect(width: 100%, height: 42%, fill: accent))
  #place(top + left, dx: 25mm, dy: 42% - 80pt,
    text(font: "Inter", weight: "bold", size: 22pt, fill: white)[Ytelsestest])
  #place(top + left, dx: 25mm, dy: 42% - 40pt,
    text(fill: white)[Syntetisk KOSTRA-rapport · Bærum kommune · 2025])
]

#set page(paper: "a4", margin: (top: 25mm, bottom: 25mm, left: 25mm, right: 22mm),
  numbering: "1",
  footer: locate(loc => align(center, small[#counter(page).at(loc).first()])),
  header: locate(loc => {
    // Report title left, chapter title right; none on a chapter's first page.
    let opener = query(heading.where(level: 1), loc).any(h => h.location().page() == loc.page())
    let before = query(heading.where(level: 1).before(loc), loc)
    if not opener and before.len() > 0 {
      small[Ytelsestest #h(1fr) #before.last().body]
    }
  }))
#outline(title: "Innhold", depth: 2, indent: auto)
"""


def s(text):
    """A Typst string literal: shown as written, no markup."""
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def table(b):
    n = len(b["header"])
    cols = "(1fr," + " auto," * (n - 1) + ")"
    align = "(left," + " right," * (n - 1) + ")"
    cells = [f'text(font: "Inter", weight: "bold", fill: white, {s(h)})' for h in b["header"]]
    for row in b["rows"]:
        cells += [s(c) for c in row]
    return (
        "#block(breakable: false, below: 12pt)[\n"
        f'  #text(font: "Inter", weight: "bold", size: 9pt, {s(b["caption"])})\n'
        "  #set text(size: 8.5pt)\n"
        f"  #table(columns: {cols}, align: {align}, inset: 3.5pt, stroke: none,\n"
        '    fill: (c, r) => if r == 0 { accent } else if calc.even(r) { rgb("#eef3f7") },\n'
        "    " + ", ".join(cells) + ")\n"
        f'  #text(size: 8pt, fill: rgb("#5a5a5a"), {s(b.get("source", ""))})\n'
        "]\n")


def nice_ticks(lo, hi):
    import math
    raw = (hi - lo) / 5
    mag = 10 ** math.floor(math.log10(raw))
    f = raw / mag
    step = (1 if f <= 1 else 2 if f <= 2 else 5 if f <= 5 else 10) * mag
    return math.floor(lo / step) * step, math.ceil(hi / step) * step, step


def num(v, decimals):
    """Norwegian number: decimal comma, no-break space thousands, U+2212 minus."""
    t = f"{abs(v):,.{decimals}f}".replace(",", "\u00a0").replace(".", ",")
    return ("\u2212" if v < 0 and float(f"{abs(v):.{decimals}f}") != 0 else "") + t


def chart(b):
    kind, cats, series = b["type"], b["categories"], b["series"]
    height = b.get("height", 200)
    horizontal = kind == "bar"
    W = TEXT_W * MM
    px = 70 if horizontal else 44
    pw, py, ph = W - px, 6, height - 20
    values = [v for se in series for v in se["values"]]
    lo, hi = min(values), max(values)
    if kind != "line":
        lo, hi = min(lo, 0), max(hi, 0)
    if hi <= lo:
        hi = lo + 1
    t0, t1, step = nice_ticks(lo, hi)
    dec = 1 if step < 1 else 0

    def vpos(v):
        t = (v - t0) / (t1 - t0)
        return px + t * pw if horizontal else py + ph - t * ph

    out = []
    put = lambda x, y, what: out.append(f"#place(dx: {x:.2f}pt, dy: {y:.2f}pt, {what})")
    lab = lambda t: f'text(font: "Inter", size: 8pt, fill: rgb("#5a5a5a"), {s(t)})'
    grid = 'stroke: 0.5pt + rgb("#d9d9d9")'
    t = t0
    while t <= t1 + step / 2:  # grid lines and tick labels
        p = vpos(t)
        if horizontal:
            put(p, py, f"line(length: {ph:.2f}pt, angle: 90deg, {grid})")
            put(p - 30, py + ph + 2, f"box(width: 60pt, align(center, {lab(num(t, dec))}))")
        else:
            put(px, p, f"line(length: {pw:.2f}pt, {grid})")
            put(0, p - 5, f"box(width: {px - 4}pt, align(right, {lab(num(t, dec))}))")
        t += step
    band = (ph if horizontal else pw) / len(cats)
    for c, cat in enumerate(cats):
        if horizontal:
            put(0, py + band * (c + 0.5) - 5, lab(cat))
        else:
            put(px + band * c, py + ph + 2, f"box(width: {band:.2f}pt, align(center, {lab(cat)}))")
        if kind == "line":
            continue
        bw = band * 0.8 / len(series)
        for i, se in enumerate(series):
            a, z = vpos(0), vpos(se["values"][c])
            off = band * (c + 0.1) + bw * i
            fill = f'fill: rgb("{PALETTE[i % 6]}")'
            if horizontal:
                put(min(a, z), py + off, f"rect(width: {abs(z - a):.2f}pt, height: {bw * 0.9:.2f}pt, {fill})")
            else:
                put(px + off, min(a, z), f"rect(width: {bw * 0.9:.2f}pt, height: {abs(z - a):.2f}pt, {fill})")
    if kind == "line":
        for i, se in enumerate(series):
            pts = [(px + band * (c + 0.5), vpos(v)) for c, v in enumerate(se["values"])]
            col = f'rgb("{PALETTE[i % 6]}")'
            path = ", ".join(f"({x:.2f}pt, {y:.2f}pt)" for x, y in pts)
            put(0, 0, f"path(stroke: 1.75pt + {col}, {path})")
            for x, y in pts:
                put(x - 2.2, y - 2.2, f"circle(radius: 2.2pt, fill: {col})")
    z = vpos(t0 if kind == "line" else 0)
    axis = 'stroke: 0.75pt + rgb("#5a5a5a")'
    if horizontal:
        put(z, py, f"line(length: {ph:.2f}pt, angle: 90deg, {axis})")
    else:
        put(px, z, f"line(length: {pw:.2f}pt, {axis})")

    legend = " #h(12pt) ".join(
        f'#box(rect(width: 7pt, height: 7pt, fill: rgb("{PALETTE[i % 6]}"))) #{lab(se["name"])}'
        for i, se in enumerate(series))
    return (
        "#block(breakable: false, below: 12pt)[\n"
        f'  #text(font: "Inter", weight: "bold", size: 9pt, {s(b["caption"])})\n\n'
        f"  {legend}\n\n"
        f"  #box(width: 100%, height: {height + 10}pt)[\n    " + "\n    ".join(out) + "\n  ]\n"
        f'  #text(size: 8pt, fill: rgb("#5a5a5a"), {s(b.get("source", ""))})\n'
        "]\n")


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: to_typst.py bench-text.json out.typ")
    with open(sys.argv[1], encoding="utf-8") as f:
        blocks = json.load(f)
    out = [PREAMBLE]
    for b in blocks:
        k = b["kind"]
        if k == "heading":
            out.append(f'#heading(level: {b["level"]}, {s(b["text"])})\n')
        elif k == "para":
            out.append(f'#{s(b["text"])}\n')
        elif k == "table":
            out.append(table(b))
        elif k == "chart":
            out.append(chart(b))
        else:
            sys.exit(f"unknown block kind {k!r}")
    with open(sys.argv[2], "w", encoding="utf-8") as f:
        f.write("\n".join(out))


if __name__ == "__main__":
    main()
