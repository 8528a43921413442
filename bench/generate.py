#!/usr/bin/env python3
"""Write a synthetic sats content project for benchmarking.

    python3 bench/generate.py OUT_DIR [--pages 40|400]

The 40-page variant has 6 chapters, 12 data tables (10 rows x 7 numeric columns, one CSV
file each), 12 charts on the same data and about 136 000 characters of Norwegian body text
with placeholders. The 400-page variant scales everything by ten. The output is the same for
the same arguments (fixed seed).

Besides the project (report.toml, kapitler/*.md, data/*.csv) it writes OUT_DIR/bench-text.json:
the same content as a flat list of blocks, placeholders already replaced by the values as
sats prints them, for the baseline program (bench/baseline.cpp) and bench/to_typst.py.
"""

import argparse
import json
import os
import random
import shutil
import sys
from decimal import Decimal, ROUND_HALF_UP

SEED = 20251126
CHARS_PER_40_PAGES = 136_000  # body text (paragraphs, after substitution)
YEARS = [str(y) for y in range(2018, 2025)]  # the 7 numeric columns
CHART_HEIGHT = 200  # points, the drawing's height (the shipped layouts' default)
KILDE = "SSB, KOSTRA (syntetiske tall for ytelsestest)"

# ---- Number formatting, as sats writes numbers (docs/content-format.md §3.4) -------------

NBSP = "\u00a0"
MINUS = "\u2212"
UNIT_DECIMALS = {"tall": 1, "kr": 0, "prosent": 1, "indeks": 0, "prosentpoeng": 1}
UNIT_WORD = {"kr": " kroner", "prosent": " prosentpoeng", "indeks": " indekspoeng", "tall": ""}


def fmt(value, unit, decimals=None, absolute=False):
    """Norwegian formatting: NBSP thousands, decimal comma, U+2212 minus, ' %' for percent."""
    d = UNIT_DECIMALS[unit] if decimals is None else decimals
    q = Decimal(value).quantize(Decimal(1).scaleb(-d), rounding=ROUND_HALF_UP)
    neg = q < 0 and not absolute
    whole, _, frac = str(abs(q)).partition(".")
    groups = []
    while len(whole) > 3:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    groups.insert(0, whole)
    s = NBSP.join(groups) + ("," + frac if frac else "")
    if neg:
        s = MINUS + s
    if unit == "prosent":
        s += NBSP + "%"
    return s


# ---- Vocabulary ---------------------------------------------------------------------------

MUNICIPALITIES = ["Bærum", "Asker", "Bergen", "Trondheim", "Stavanger", "Kristiansand",
                  "Drammen", "Fredrikstad", "Sandnes", "Tromsø"]

# (chapter title, [section titles], [(table metric, description in text, unit, lo, hi)] x 2)
CHAPTERS = [
    ("Økonomi og finansielle nøkkeltall",
     ["Driftsresultat og inntekter", "Gjeld og fond", "Investeringer", "Økonomiske mål"],
     [("Netto driftsresultat i prosent av driftsinntektene", "netto driftsresultat", "prosent", -2, 7),
      ("Frie inntekter per innbygger", "de frie inntektene per innbygger", "kr", 52000, 71000)]),
    ("Grunnskole og oppvekst",
     ["Ressursbruk i grunnskolen", "Spesialundervisning", "Skolefritidsordningen", "Læringsmiljø og resultater"],
     [("Netto driftsutgifter til grunnskole per elev", "netto driftsutgifter per elev", "kr", 95000, 132000),
      ("Andel elever med spesialundervisning", "andelen elever med spesialundervisning", "prosent", 4, 10)]),
    ("Barnehage",
     ["Dekningsgrad", "Bemanning og kompetanse", "Kostnader per barn", "Kvalitet i barnehagene"],
     [("Andel barn 1–5 år med barnehageplass", "andelen barn med barnehageplass", "prosent", 84, 97),
      ("Korrigerte brutto driftsutgifter per barn i kommunale barnehager", "utgiftene per barn", "kr", 180000, 250000)]),
    ("Helse og omsorg",
     ["Hjemmetjenester", "Institusjonstjenester", "Kommunehelsetjenesten", "Velferdsteknologi"],
     [("Netto driftsutgifter til pleie og omsorg per innbygger", "netto driftsutgifter til pleie og omsorg", "kr", 15000, 26000),
      ("Legeårsverk per 10 000 innbyggere", "antall legeårsverk per 10 000 innbyggere", "tall", 8, 15)]),
    ("Sosiale tjenester og barnevern",
     ["Sosialhjelp", "Barnevernet", "Forebyggende arbeid", "Bolig og inkludering"],
     [("Netto driftsutgifter til barnevern per innbygger 0–22 år", "utgiftene til barnevern per innbygger", "kr", 5500, 12500),
      ("Andel sosialhjelpsmottakere 18–66 år", "andelen sosialhjelpsmottakere", "prosent", 2, 6)]),
    ("Administrasjon, eiendom og teknisk drift",
     ["Administrasjon og styring", "Eiendomsforvaltning", "Vann og avløp", "Samferdsel og miljø"],
     [("Kostnadsindeks for administrasjon og styring", "kostnadsindeksen for administrasjon", "indeks", 78, 126),
      ("Utgifter til vedlikehold per kvadratmeter formålsbygg", "vedlikeholdet per kvadratmeter", "kr", 90, 260)]),
]

SUBJECTS = ["kommunen", "bystyret", "kommunedirektøren", "administrasjonen", "skolene",
            "barnehagene", "hjemmetjenesten", "sykehjemmene", "helsestasjonen",
            "barnevernstjenesten", "NAV-kontoret", "eiendomsforvaltningen", "tjenesteområdet",
            "virksomhetene", "fastlegene", "legevakten", "Bærum", "Asker", "formannskapet"]
VERBS = [  # (present, participle, infinitive)
    ("prioriterer", "prioritert", "prioritere"), ("styrker", "styrket", "styrke"),
    ("viderefører", "videreført", "videreføre"), ("effektiviserer", "effektivisert", "effektivisere"),
    ("reduserer", "redusert", "redusere"), ("øker", "økt", "øke"),
    ("bygger ut", "bygget ut", "bygge ut"), ("vurderer", "vurdert", "vurdere"),
    ("planlegger", "planlagt", "planlegge"), ("digitaliserer", "digitalisert", "digitalisere"),
    ("samordner", "samordnet", "samordne"), ("omstiller", "omstilt", "omstille"),
    ("finansierer", "finansiert", "finansiere"), ("evaluerer", "evaluert", "evaluere"),
    ("forbedrer", "forbedret", "forbedre"), ("begrenser", "begrenset", "begrense"),
]
OBJECTS = [
    "ressursbruken i grunnskolen", "tilbudet innen hjemmebaserte tjenester",
    "bemanningen i barnehagene", "vedlikeholdet av formålsbyggene",
    "utgiftene til administrasjon og styring", "kapasiteten i sykehjemmene",
    "det forebyggende arbeidet blant barn og unge", "innsatsen mot utenforskap",
    "tjenestene til personer med utviklingshemming", "investeringene i nye skolebygg",
    "driften av vann og avløp", "spesialundervisningen", "det tverrfaglige samarbeidet",
    "rekrutteringen av sykepleiere", "lærertettheten på barnetrinnet",
    "saksbehandlingen i byggesaker", "kvaliteten i skolefritidsordningen",
    "arbeidet med psykisk helse og rus", "tilbudet til eldre med demens",
    "bruken av velferdsteknologi", "dekningsgraden i heldøgns omsorg", "kostnadene per elev",
    "lånegjelden", "disposisjonsfondet", "egenfinansieringen av investeringer",
    "premieavviket i pensjonsordningen", "brukerbetalingene", "kommunale utleieboliger",
    "oppfølgingen av nyankomne flyktninger", "tilskuddene til frivillige organisasjoner",
    "beredskapen mot flom og ekstremvær", "kollektivtilbudet i tettstedene",
]
MODIFIERS = [
    "i perioden 2020–2024", "sammenlignet med snittet i ASSS-nettverket",
    "målt i kroner per innbygger", "korrigert for utgiftsbehov",
    "etter justering for prisvekst", "i tråd med vedtatt økonomiplan",
    "som følge av befolkningsveksten", "særlig blant de eldste innbyggerne",
    "de siste fire årene", "innenfor dagens økonomiske rammer",
    "i samarbeid med nabokommunene", "i løpet av planperioden",
    "uten at kvaliteten i tjenestene er svekket", "for å møte økende behov",
    "etter flere år med sterk vekst", "i større grad enn tidligere",
    "på tvers av sektorene", "i dialog med brukerne og de ansatte",
]
ADVERBIALS = ["I 2024", "Fra 2022", "I økonomiplanperioden", "Etter pandemien",
              "På lengre sikt", "I årene som kommer", "Innenfor helse og omsorg",
              "I skolesektoren", "Samlet sett", "Likevel", "Over tid", "Allerede i år"]
NOUNS_EN = ["Ressursbruken", "Dekningsgraden", "Lånegjelden", "Bemanningen",
            "Kostnadsveksten", "Andelen", "Effektiviteten", "Kapasiteten", "Etterspørselen",
            "Befolkningsveksten", "Gjennomføringen", "Utnyttelsen av lokalene"]
ADJECTIVES = ["høy", "lav", "stabil", "økende", "synkende", "noe lavere enn ventet",
              "på nivå med sammenlignbare kommuner", "betydelig høyere enn i nabokommunene",
              "klart lavere enn for fem år siden", "omtrent som forutsatt i budsjettet"]
CAUSES = ["høyere lønnsvekst enn forutsatt", "en aldrende befolkning",
          "økte pensjonskostnader", "lavere skatteinngang", "strammere statlige rammer",
          "flere barn med behov for tilrettelegging", "økt press på helsetjenestene",
          "et høyere rentenivå", "krav om bedre kvalitet", "færre fødte barn",
          "endringer i inntektssystemet", "stor tilflytting til kommunen"]


class Text:
    """Random Norwegian sentences about municipal services."""

    def __init__(self, rng):
        self.r = rng

    def c(self, xs):
        return self.r.choice(xs)

    def sentence(self):
        c = self.c
        v1, v2 = c(VERBS), c(VERBS)
        t = self.r.randrange(9)
        if t == 0:
            s = f"{cap(c(SUBJECTS))} har {v1[1]} {c(OBJECTS)} {c(MODIFIERS)}."
        elif t == 1:
            s = f"{c(ADVERBIALS)} {v1[0]} {c(SUBJECTS)} {c(OBJECTS)}."
        elif t == 2:
            s = f"Det er verdt å merke seg at {c(SUBJECTS)} {v1[0]} {c(OBJECTS)} {c(MODIFIERS)}."
        elif t == 3:
            s = f"{cap(c(SUBJECTS))} {v1[0]} {c(OBJECTS)}, og {c(SUBJECTS)} {v2[0]} {c(OBJECTS)}."
        elif t == 4:
            s = f"Dette henger sammen med {c(CAUSES)} og {c(CAUSES)}."
        elif t == 5:
            s = f"For å {v1[2]} {c(OBJECTS)} må {c(SUBJECTS)} {v2[2]} {c(OBJECTS)} {c(MODIFIERS)}."
        elif t == 6:
            s = f"Samtidig viser tallene at {c(SUBJECTS)} {v1[0]} {c(OBJECTS)} {c(MODIFIERS)}."
        elif t == 7:
            s = f"{c(NOUNS_EN)} er {c(ADJECTIVES)} {c(MODIFIERS)}."
        else:
            s = (f"Når {c(SUBJECTS)} {v1[0]} {c(OBJECTS)}, blir det viktig å {v2[2]} "
                 f"{c(OBJECTS)} {c(MODIFIERS)}.")
        return s


def cap(s):
    return s[0].upper() + s[1:]


# ---- Data ---------------------------------------------------------------------------------

class Table:
    """One data source: 10 rows (municipalities) x 7 years, values at display precision."""

    def __init__(self, rng, n, metric, desc, unit, lo, hi):
        self.name = f"tab{n}"
        self.metric, self.desc, self.unit = metric, desc, unit
        self.dec = UNIT_DECIMALS[unit]
        q = Decimal(1).scaleb(-self.dec)
        self.rows = []  # (id, navn, [Decimal x 7])
        for i, navn in enumerate(MUNICIPALITIES):
            level = rng.uniform(lo, hi)
            trend = rng.uniform(-0.03, 0.05) * (hi - lo)
            vals = []
            for k in range(len(YEARS)):
                v = level + trend * (k - 3) + rng.gauss(0, 0.04 * (hi - lo))
                vals.append(Decimal(repr(v)).quantize(q, rounding=ROUND_HALF_UP))
            self.rows.append((f"r{i + 1}", navn, vals))

    def cell(self, row, year):
        return self.rows[row][2][YEARS.index(year)]

    def csv(self):
        out = [f"# Kilde: {KILDE}", f"# Merknad: {self.metric}. Tallene er tilfeldig laget.",
               "id;navn;" + ";".join(YEARS)]
        for rid, navn, vals in self.rows:
            out.append(f"{rid};{navn};" + ";".join(str(v).replace(".", ",") for v in vals))
        return "\n".join(out) + "\n"

    def toml(self):
        return (f'[data.{self.name}]\nfile = "data/{self.name}.csv"\nunit = "{self.unit}"\n'
                f'column.navn = {{ label = "Kommune" }}\n'
                f'[[data.{self.name}.computed]]\ncolumn = "endring"\nop = "diff"\n'
                f'of = "2024"\nref = "2023"\n')


# ---- Chapters -----------------------------------------------------------------------------

class Builder:
    """Writes a chapter as Markdown and, in parallel, as blocks for bench-text.json."""

    def __init__(self, rng):
        self.rng, self.text = rng, Text(rng)
        self.md, self.blocks = [], []
        self.body_chars = 0
        self.n_table = self.n_figure = 0

    def heading(self, level, title):
        self.md.append("#" * level + " " + title + "\n")
        self.blocks.append({"kind": "heading", "level": level, "text": title})

    def para(self, md, plain):
        self.md.append(md + "\n")
        self.blocks.append({"kind": "para", "text": plain})
        self.body_chars += len(plain)

    def filler(self, n_sentences):
        s = " ".join(self.text.sentence() for _ in range(n_sentences))
        self.para(s, s)

    def data_para(self, t, tab_ref=None, fig_ref=None):
        """A paragraph with placeholders on table t (and perhaps references)."""
        r = self.rng
        a, b, c = r.sample(range(10), 3)
        ya = r.choice(YEARS[:4])
        ra, rb, rc = (f"{{{{{t.name}.r{i + 1}" for i in (a, b, c))
        na, nb, nc = (t.rows[i][1] for i in (a, b, c))
        md, plain = [], []
        if tab_ref:
            md.append(f"Som [tabell](#{tab_ref[0]}) viser, var")
            plain.append(f"Som tabell {tab_ref[1]} viser, var")
        else:
            md.append("I 2024 var")
            plain.append("I 2024 var")
        md.append(f"{t.desc} i {ra}.navn}}}} {ra}.2024}}}}, mot {rb}.2024}}}} i {rb}.navn}}}}.")
        plain.append(f"{t.desc} i {na} {fmt(t.cell(a, '2024'), t.unit)}, "
                     f"mot {fmt(t.cell(b, '2024'), t.unit)} i {nb}.")
        # A sentence chosen by the sign of the change 2023-2024 (computed column 'endring').
        diff = t.cell(a, "2024") - t.cell(a, "2023")
        du = "prosentpoeng" if t.unit == "prosent" else t.unit
        e = f"{t.name}.r{a + 1}.endring"
        word = UNIT_WORD[t.unit]
        md.append(f"Fra 2023 til 2024 {{{{#{e}.okte}}}}økte{{{{/{e}.okte}}}}"
                  f"{{{{#{e}.falt}}}}falt{{{{/{e}.falt}}}}{{{{#{e}.lik}}}}endret seg ikke{{{{/{e}.lik}}}}"
                  f" {t.desc} i {na} med {{{{{e}.abs}}}}{word}.")
        verb = "økte" if diff > 0 else "falt" if diff < 0 else "endret seg ikke"
        plain.append(f"Fra 2023 til 2024 {verb} {t.desc} i {na} med "
                     f"{fmt(diff, du, t.dec, absolute=True)}{word}.")
        md.append(f"Til sammenligning var nivået i {rc}.navn}}}} {rc}.{ya}}}}} i {ya}.")
        plain.append(f"Til sammenligning var nivået i {nc} {fmt(t.cell(c, ya), t.unit)} i {ya}.")
        if fig_ref:
            md.append(f"Utviklingen er også vist i [figur](#{fig_ref[0]}).")
            plain.append(f"Utviklingen er også vist i figur {fig_ref[1]}.")
        tail = " ".join(self.text.sentence() for _ in range(r.randint(2, 4)))
        self.para(cap(" ".join(md)) + " " + tail, cap(" ".join(plain)) + " " + tail)

    def table(self, t):
        self.n_table += 1
        tid = f"{t.name}-tabell"
        cols = ["navn"] + YEARS
        self.md.append("```table\n" f'id = "{tid}"\ndata = "{t.name}"\n'
                       f"columns = {json.dumps(cols)}\n"
                       f'caption = "{t.metric}, 2018–2024"\n' "```\n")
        self.blocks.append({
            "kind": "table", "caption": f"Tabell {self.n_table}: {t.metric}, 2018–2024",
            "header": ["Kommune"] + YEARS,
            "rows": [[navn] + [fmt(v, t.unit) for v in vals] for _, navn, vals in t.rows],
            "source": f"Kilde: {KILDE}"})
        return tid, self.n_table

    def chart(self, t, kind):
        self.n_figure += 1
        fid = f"{t.name}-figur"
        r = self.rng
        if kind == "line":    # 4 municipalities over all years
            rows, cats, series_in = sorted(r.sample(range(10), 4)), YEARS, "rows"
        elif kind == "column":  # 3 municipalities, the last 4 years
            rows, cats, series_in = sorted(r.sample(range(10), 3)), YEARS[-4:], "rows"
        else:                 # bar: every municipality, the last 2 years as series
            rows, cats, series_in = list(range(10)), YEARS[-2:], "columns"
        ids = [t.rows[i][0] for i in rows]
        caption = f"{t.metric}, {cats[0]}–{cats[-1]}"
        if series_in == "rows":
            spec = f"series = {json.dumps(ids)}\ncategories = {json.dumps(cats)}\n"
            categories = cats
            series = [{"name": t.rows[i][1], "values": [float(t.cell(i, y)) for y in cats]}
                      for i in rows]
        else:
            spec = (f'series_in = "columns"\nseries = {json.dumps(cats)}\n'
                    f"categories = {json.dumps(ids)}\n")
            categories = [t.rows[i][1] for i in rows]
            series = [{"name": y, "values": [float(t.cell(i, y)) for i in rows]} for y in cats]
        self.md.append("```chart\n" f'id = "{fid}"\ntype = "{kind}"\ndata = "{t.name}"\n'
                       + spec + f"height = {CHART_HEIGHT}\n" f'caption = "{caption}"\n' "```\n")
        self.blocks.append({"kind": "chart", "caption": f"Figur {self.n_figure}: {caption}",
                            "type": kind, "height": CHART_HEIGHT, "categories": categories, "series": series,
                            "source": f"Kilde: {KILDE}"})
        return fid, self.n_figure


# The municipalities of the batch measurement (bench/run times `--for alle`).
BATCH_MUNICIPALITIES = [("baerum", "Bærum"), ("asker", "Asker"), ("stavanger", "Stavanger"), ("trondheim", "Trondheim")]


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("out_dir")
    ap.add_argument("--pages", type=int, choices=[40, 400], default=40)
    ap.add_argument("--layout", default="kommune", help="sats layout (default kommune)")
    args = ap.parse_args()
    scale = args.pages // 40
    rng = random.Random(SEED + scale)
    out = args.out_dir

    # Start from an empty folder so no stale chapter or data file is left behind; only a
    # folder this script wrote before (it has bench-text.json) is ever removed.
    if os.path.isdir(out) and os.listdir(out):
        if not os.path.isfile(os.path.join(out, "bench-text.json")):
            sys.exit(f"generate.py: {out} is not empty and not a generated project; not touching it")
        shutil.rmtree(out)
    os.makedirs(os.path.join(out, "kapitler"))
    os.makedirs(os.path.join(out, "data"))

    n_chapters = 6 * scale
    chars_per_chapter = CHARS_PER_40_PAGES * scale / n_chapters
    b = Builder(rng)
    tables, chapter_files = [], []
    chart_kinds = ["column", "line", "bar"]
    for ci in range(n_chapters):
        title, sections, metrics = CHAPTERS[ci % len(CHAPTERS)]
        if scale > 1:
            title = f"{title}, del {ci // len(CHAPTERS) + 1}"
        b.md = []
        target = b.body_chars + chars_per_chapter
        b.heading(1, title)
        b.filler(rng.randint(5, 8))
        b.filler(rng.randint(5, 8))
        # Two tables and two charts per chapter, in sections 1 and 3.
        chapter_tables = []
        for m in metrics:
            t = Table(rng, len(tables) + 1, *m)
            tables.append(t)
            chapter_tables.append(t)
        n_sections = len(sections)
        for si, sec in enumerate(sections):
            b.heading(2, sec)
            # Share the rest of the chapter's text budget among the remaining sections.
            budget = (target - b.body_chars) / (n_sections - si)
            start = b.body_chars
            if si in (0, 2):
                t = chapter_tables[si // 2]
                kind = chart_kinds[(2 * ci + si // 2) % 3]
                b.filler(rng.randint(4, 6))
                tab = b.table(t)
                b.data_para(t, tab_ref=tab)
                fig = b.chart(t, kind)
                b.data_para(t, fig_ref=fig)
            while b.body_chars - start < budget - 400:
                b.filler(rng.randint(4, 8))
        name = f"kapitler/{ci + 1:02d}-kapittel.md"
        chapter_files.append(name)
        with open(os.path.join(out, name), "w", encoding="utf-8") as f:
            f.write("\n".join(b.md))

    for t in tables:
        with open(os.path.join(out, "data", t.name + ".csv"), "w", encoding="utf-8") as f:
            f.write(t.csv())

    manifest = [
        "# Synthetic benchmark project written by bench/generate.py; do not edit.",
        f'title = "Ytelsestest {args.pages} sider"',
        'subtitle = "Syntetisk KOSTRA-rapport for måling av sats"',
        'municipality = "Bærum kommune"', "year = 2025", 'language = "nb"',
        f'layout = "{args.layout}"', 'date = "2025-11-26"',
        "chapters = [" + ", ".join(json.dumps(c) for c in chapter_files) + "]", ""]
    # A list of municipalities, so the batch (`sats build --for alle`) makes this report for
    # each of them; the text does not depend on which, so each report is the same work.
    with open(os.path.join(out, "data", "kommuner.csv"), "w", encoding="utf-8") as f:
        f.write("id;navn\n" + "".join(f"{i};{n} kommune\n" for i, n in BATCH_MUNICIPALITIES))
    manifest += ["[kommuner]", 'data = "kommuner"', 'standard = "baerum"', "",
                 "[data.kommuner]", 'file = "data/kommuner.csv"', ""]
    manifest += [t.toml() for t in tables]
    with open(os.path.join(out, "report.toml"), "w", encoding="utf-8") as f:
        f.write("\n".join(manifest))

    with open(os.path.join(out, "bench-text.json"), "w", encoding="utf-8") as f:
        json.dump(b.blocks, f, ensure_ascii=False, indent=0)

    print(f"{out}: {n_chapters} chapters, {len(tables)} tables, {b.n_figure} charts, "
          f"{b.body_chars} characters of body text", file=sys.stderr)


if __name__ == "__main__":
    main()
