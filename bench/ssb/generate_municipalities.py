#!/usr/bin/env python3
"""Write an SSB-shaped JSON-stat 2.0 dataset with every municipality of 2024.

The dataset has the shape PxWebApi v2 writes for a KOSTRA key-figure table
(region x statistikkvariabel x år: KOKkommuneregion0000 x ContentsCode x Tid),
one line of JSON like PxWeb's serializer, with `category.unit` per statistikkvariabel,
`role`, `extension.px`, a `value` array with null and a `status` object for the cells
that carry one of SSB's symbols (`..` and `:`).

The municipality codes and names are real (SSB's classification of municipalities,
KLASS 131, valid in 2024: bench/ssb/kommuner-2024.csv). The VALUES ARE GENERATED:
seeded pseudo-random numbers in plausible ranges, the same bytes for the same seed and
list. The dataset says so in its label, source and note ("Genererte tall for test,
ikke fra SSB").

    python3 bench/ssb/generate_municipalities.py OUT.json [--seed N]
        [--kommuner bench/ssb/kommuner-2024.csv] [--with-aggregates]

Standard library only.
"""

import argparse
import collections
import json
import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_LIST = os.path.join(HERE, "kommuner-2024.csv")
DEFAULT_SEED = 2024
YEARS = ["2020", "2021", "2022", "2023", "2024"]
GENERATED = "Genererte tall for test, ikke fra SSB"

# (code, label, unit base, decimals, priceType)
CONTENTS = [
    ("KOSbelopinnbygg0000", "Netto driftsutgifter per innbygger (kr)", "kr", 0, "Current"),
    ("KOSfrieinntekt0000", "Frie inntekter i prosent av brutto driftsinntekter",
     "prosent", 0, "NotApplicable"),
    ("KOSnettodriftsr0000", "Netto driftsresultat i prosent av brutto driftsinntekter",
     "prosent", 1, "NotApplicable"),
    ("KOSnettolaanegj0000", "Netto lånegjeld i prosent av brutto driftsinntekter",
     "prosent", 0, "NotApplicable"),
    ("KOSdisposisjonsf0000", "Disposisjonsfond i prosent av brutto driftsinntekter",
     "prosent", 1, "NotApplicable"),
]

SYMBOL_NOTES = {
    "..": ".. = Tallgrunnlag mangler. Tall er ikke kommet inn i våre databaser "
          "eller er for usikre til å publiseres.",
    ":": ": = Vises ikke av konfidensialitetshensyn. Tall publiseres ikke for å unngå "
         "å identifisere personer eller virksomheter.",
}


def read_municipalities(path):
    """Return [(code, name)] from a `code;name` file; lines starting with # are comments."""
    out = []
    with open(path, encoding="utf-8") as f:
        header_seen = False
        for line in f:
            line = line.rstrip("\r\n")
            if not line or line.startswith("#"):
                continue
            if not header_seen:
                if line != "code;name":
                    raise SystemExit(f"{path}: expected the header 'code;name', got {line!r}")
                header_seen = True
                continue
            code, sep, name = line.partition(";")
            if not sep or not code or not name:
                raise SystemExit(f"{path}: not 'code;name': {line!r}")
            out.append((code, name))
    codes = [c for c, _ in out]
    if len(set(codes)) != len(codes):
        raise SystemExit(f"{path}: duplicate codes")
    return out


def clamp(x, lo, hi):
    return max(lo, min(hi, x))


def generate_values(rng, n):
    """values[m][c][y] as unrounded floats for n municipalities."""
    # Means per year for the percentages loosely follow the published national
    # figures 2020-2024 (netto driftsresultat 2.7 / 4.3 / 3.0 / 3.0 / 0.8 %, disposisjonsfond
    # 12 / 13 / 15 / 15 / 13 %, gjeldsgrad 89 / 87 / 88 / 88 / 89 %, frie inntekter 66 / 66 /
    # 67 / 67 / 65 % of the revenue); everything else is invented.
    ndr_mean = [2.7, 4.3, 3.0, 3.0, 0.8]
    disp_shift = [-1.0, 0.0, 2.0, 2.0, 0.0]
    frie_mean = [66.0, 66.0, 67.0, 67.0, 65.0]
    values = []
    for _ in range(n):
        small = rng.random()                       # 0 = large town, 1 = small rural
        nde = 76000 + 62000 * small ** 2 + rng.gauss(0, 4500)
        nde_y = [nde]
        for _y in YEARS[1:]:
            nde_y.append(nde_y[-1] * (1.04 + rng.gauss(0, 0.015)))
        frie_level = rng.gauss(0, 4)
        frie_y = [clamp(m + frie_level + rng.gauss(0, 1), 45, 85) for m in frie_mean]
        level = rng.gauss(0, 1.5)
        ndr_y = [clamp(m + level + rng.gauss(0, 1.8), -9.5, 14.5) for m in ndr_mean]
        debt = clamp(rng.gauss(88, 24), 18, 185)
        debt_y = [clamp(debt + i * 1.0 + rng.gauss(0, 3), 10, 200) for i in range(len(YEARS))]
        fund = clamp(rng.gauss(12, 6), 0.5, 40)
        fund_y = [clamp(fund + s + rng.gauss(0, 1.5), 0.0, 45) for s in disp_shift]
        values.append([nde_y, frie_y, ndr_y, debt_y, fund_y])
    return values


def rounded(x, decimals):
    r = round(x, decimals)
    if decimals == 0:
        return int(r)
    # PxWeb's serializer writes whole numbers without ".0" (DecimalJsonConverter).
    return int(r) if float(r).is_integer() else r


def build(municipalities, seed, with_aggregates):
    rng = random.Random(seed)
    n = len(municipalities)
    values = generate_values(rng, n)

    regions = list(municipalities)
    if with_aggregates:
        # KOSTRA region groups as SSB's tables have them; their figures are plain means
        # of the generated municipalities, not weighted.
        oslo = [i for i, (c, _) in enumerate(municipalities) if c == "0301"]
        rest = [i for i in range(n) if i not in oslo]
        for code, label, members in (("EAK", "Landet", list(range(n))),
                                     ("EAKUO", "Landet uten Oslo", rest)):
            agg = [[sum(values[m][c][y] for m in members) / len(members)
                    for y in range(len(YEARS))] for c in range(len(CONTENTS))]
            values.append(agg)
            regions.append((code, label))

    nr, nc, ny = len(regions), len(CONTENTS), len(YEARS)

    # Symbols: three municipalities that have not reported the last year ("..")
    # and a few scattered ".." and ":" cells, all on municipalities.
    symbols = {}
    for m in rng.sample(range(n), 3):
        for c in range(nc):
            symbols[(m, c, ny - 1)] = ".."
    while sum(1 for s in symbols.values() if s == ":") < 8:
        symbols.setdefault((rng.randrange(n), rng.choice([2, 3, 4]), rng.randrange(ny)), ":")
    scattered = 0
    while scattered < 8:
        key = (rng.randrange(n), rng.randrange(nc), rng.randrange(ny))
        if key not in symbols:
            symbols[key] = ".."
            scattered += 1

    value = []
    status = collections.OrderedDict()
    for m in range(nr):
        for c, (_code, _label, _base, decimals, _pt) in enumerate(CONTENTS):
            for y in range(ny):
                sym = symbols.get((m, c, y))
                if sym is not None:
                    status[str(len(value))] = sym
                    value.append(None)
                else:
                    value.append(rounded(values[m][c][y], decimals))

    used = sorted(set(status.values()), key=[":", ".."].index)
    notes = [SYMBOL_NOTES[s] for s in ("..", ":") if s in used]
    notes.append(
        f"{GENERATED}. Kommunenummer og kommunenavn er SSBs klassifikasjon over kommuner "
        f"(KLASS 131) for 2024 ({n} kommuner); alle tall er tilfeldig genererte "
        f"(bench/ssb/generate_municipalities.py, seed {seed}) i omtrent realistiske "
        f"størrelser, og symbolene er strødd inn for testing.")

    codes = [c for c, _ in regions]
    d = collections.OrderedDict()
    d["version"] = "2.0"
    d["class"] = "dataset"
    d["label"] = ("12362: Utvalgte nøkkeltall for kommuneforvaltningen, etter region, "
                  f"statistikkvariabel og år ({GENERATED})")
    d["source"] = f"{GENERATED} (kommuneliste: Statistisk sentralbyrå, KLASS 131)"
    d["updated"] = "2025-06-16T06:00:00Z"
    d["note"] = notes
    d["role"] = collections.OrderedDict(
        [("time", ["Tid"]), ("geo", ["KOKkommuneregion0000"]), ("metric", ["ContentsCode"])])
    d["id"] = ["KOKkommuneregion0000", "ContentsCode", "Tid"]
    d["size"] = [nr, nc, ny]
    dim = collections.OrderedDict()
    dim["KOKkommuneregion0000"] = {
        "label": "region",
        "category": {"index": {c: i for i, c in enumerate(codes)},
                     "label": {c: name for c, name in regions}},
        "extension": {"elimination": False, "show": "code_value"},
    }
    cc = [c[0] for c in CONTENTS]
    dim["ContentsCode"] = {
        "label": "statistikkvariabel",
        "category": {
            "index": {c: i for i, c in enumerate(cc)},
            "label": {c[0]: c[1] for c in CONTENTS},
            "unit": {c[0]: {"base": c[2], "decimals": c[3]} for c in CONTENTS},
        },
        "extension": collections.OrderedDict([
            ("elimination", False),
            ("refperiod", {c: "31.12." for c in cc}),
            ("show", "value"),
            ("measuringType", {c: "Other" for c in cc}),
            ("priceType", {c[0]: c[4] for c in CONTENTS}),
            ("adjustment", {c: "None" for c in cc}),
        ]),
    }
    dim["Tid"] = {
        "label": "år",
        "category": {"index": {y: i for i, y in enumerate(YEARS)}, "label": {y: y for y in YEARS}},
        "extension": {"elimination": False, "show": "code"},
    }
    d["dimension"] = dim
    d["extension"] = collections.OrderedDict([
        ("px", collections.OrderedDict([
            ("infofile", "None"), ("tableid", "12362"), ("decimals", 0),
            ("official-statistics", False), ("aggregallowed", False), ("copyright", False),
            ("language", "no"), ("contents", "12362: Utvalgte nøkkeltall for kommuneforvaltningen,"),
            ("descriptiondefault", False), ("heading", ["Tid"]),
            ("stub", ["KOKkommuneregion0000", "ContentsCode"]), ("matrix", "12362"),
            ("subject-code", "of"), ("subject-area", "Offentlig sektor"),
        ])),
        ("discontinued", None),
        ("contact", [{"raw": GENERATED}]),
    ])
    d["value"] = value
    d["status"] = status
    return d, {"regions": nr, "municipalities": n, "contents": nc, "years": ny,
               "cells": len(value), "symbols": collections.Counter(status.values())}


def main(argv=None):
    p = argparse.ArgumentParser(
        description="Write an SSB-shaped JSON-stat 2.0 file (region x ContentsCode x Tid) for "
                    "every municipality of 2024, with generated values.")
    p.add_argument("output", help="path of the JSON file to write ('-' for standard output)")
    p.add_argument("--seed", type=int, default=DEFAULT_SEED,
                   help=f"seed of the pseudo-random values (default {DEFAULT_SEED})")
    p.add_argument("--kommuner", default=DEFAULT_LIST,
                   help="code;name list of municipalities (default: kommuner-2024.csv beside "
                        "this script)")
    p.add_argument("--with-aggregates", action="store_true",
                   help="also add the KOSTRA groups EAK (Landet) and EAKUO (Landet uten Oslo), "
                        "as plain means of the generated municipalities")
    a = p.parse_args(argv)

    municipalities = read_municipalities(a.kommuner)
    dataset, info = build(municipalities, a.seed, a.with_aggregates)
    # One line, non-ASCII letters as UTF-8, like PxWeb's Newtonsoft serializer.
    data = json.dumps(dataset, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    if a.output == "-":
        sys.stdout.buffer.write(data)
    else:
        with open(a.output, "wb") as f:
            f.write(data)
    print(f"{a.output}: {info['municipalities']} municipalities"
          f"{' + 2 groups' if a.with_aggregates else ''} x {info['contents']} statistikkvariabler"
          f" x {info['years']} years = {info['cells']} cells, "
          + ", ".join(f"{k!r}: {v}" for k, v in sorted(info["symbols"].items()))
          + f", {len(data)} bytes, seed {a.seed}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
