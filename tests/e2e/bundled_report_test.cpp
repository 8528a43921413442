// The bundled report, end to end: every figure the reference documents state that can be
// computed is in the PDF text; a changed data value changes table, chart text alternative and
// sentence together; contents pages are right; no missing glyphs or overfull lines.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <sstream>

#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

const fs::path bundled = test::source_dir() / "content" / "kostra-2025";

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

/// pdftotext of `pdf` (pages `first`..`last`, 0 = all), with no-break spaces as spaces and
/// soft hyphens joined.
std::string pdf_text(const fs::path& pdf, int first = 0, int last = 0, const std::string& mode = "") {
    std::string text;
    const std::string range = first > 0 ? " -f " + std::to_string(first) + " -l " + std::to_string(last) : "";
    EXPECT_EQ(0, test::run("pdftotext -enc UTF-8 " + mode + range + " " + q(pdf) + " -", &text));
    text = std::regex_replace(text, std::regex("\u00AD\n"), "");
    text = std::regex_replace(text, std::regex("\u00AD"), "");
    return std::regex_replace(text, std::regex("\u00A0"), " ");
}

/// Builds the bundled report once for the tests that only read it.
const fs::path& built() {
    static const fs::path pdf = [] {
        const auto p = test::temp_dir() / "kostra-2025.pdf";
        std::string out;
        EXPECT_EQ(0, test::run_sats("build " + q(bundled) + " -o " + q(p), &out)) << out;
        return p;
    }();
    return pdf;
}

TEST(BundledReport, StatesEveryComputableFigureOfTheReferenceDocuments) {
    // Stripped of line breaks, so phrases that wrap still match.
    const std::string text = std::regex_replace(pdf_text(built()), std::regex("\\s+"), " ");
    const std::vector<std::string> figures{
        // Administrasjon og styring: service profile, percent over/under the average.
        "6 040 kroner per innbygger, 8,6 % over snittet på 5 564 kroner",
        "357 kroner, 15,9 % over snittet (308 kroner)",
        "4 085 kroner, 1,1 % over snittet (4 040 kroner)",
        "678 kroner, 19,6 % over snittet (567 kroner)",
        "872 kroner per innbygger, 58,5 % over snittet (550 kroner)",  // published 58,7: unrounded data
        "47 kroner, 52,5 % under snittet (99 kroner)",                 // published 52,3: unrounded data
        "5 871 kroner per innbygger, 15,1 % over snittet",
        "utgjorde området 5,4 %, mot 5,3 % i snitt og 5,5 % i Asker",
        "487 kroner mer enn i Asker",
        "fra 849 kroner per innbygger i 2022 til 678 kroner i 2024, mens snittet i ASSS økte til 552 kroner",
        // Økonomi.
        "resultatgraden i Bærum 2,3 %, som er 2,2 prosentpoeng høyere enn snittet i ASSS (0,1 %)",
        "falt med 3,5 prosentpoeng for landet og 5,1 prosentpoeng for ASSS-snittet",
        "frie inntekter 8 indekspoeng over snittet, det høyeste nivået i nettverket, mens Asker ligger 7 indekspoeng over",
        "investerte for 4 indekspoeng mer enn snittet",
        "skatteandelen 62 % i Bærum, mot 43 % for ASSS-kommunene",
        "Det er 3 prosentpoeng lavere enn året før og 6 prosentpoeng lavere enn i 2020",
        "Gjeldsgraden i Bærum var 83 % i 2024",
        "disposisjonsfond på indeks 191, den største beholdningen i nettverket",
        // Tjenesteområdene: shares of the net expense table and the efficiency figures.
        "Grunnskole 16 494 19,6 %", "34,4 %", "2,5 %", "12,7 %", "6,1 %", "4,3 %", "4,2 %", "1,5 %", "9,7 %", "5,1 %",
        "100,0 %", "84 225", "86 793", "84 129", "79 732", "80 618",
        "falt samlede netto driftsutgifter på tjenesteområdene i Bærum med 3,1 % fra 2023 til 2024",
        "Samlet produksjon i Bærum lå på indeks 100,1 i 2024, og utgiftene på 100,2. Det gir en effektivitet på 99,9",
        "produksjon på 112,5 og effektivitet på 144,2", "produksjon på 84,6",
    };
    for (const auto& f : figures) EXPECT_NE(std::string::npos, text.find(f)) << "missing: " << f;
}

TEST(BundledReport, TextComesOutInReadingOrder) {
    // -raw: the order the text is drawn in, which is the order it is read in.
    const std::string text = std::regex_replace(pdf_text(built(), 0, 0, "-raw"), std::regex("\\s+"), " ");
    const std::vector<std::string> in_order{
        "KOSTRA-analyse 2025", "Innhold", "Innledning", "KOSTRA og ASSS-nettverket", "Hovedfunn", "Økonomi", "Status 2024",
        "Tabell 1: Økonomiske nøkkeltall", "Figur 1: Økonomiske nøkkeltall", "Kort fortalt viser figur 1 at Bærum",
        "Netto driftsresultat Resultatgraden er", "Tjenesteområdene", "Tabell 10: Netto driftsutgifter per tjenesteområde",
        "Grunnskole 16 494", "Kirke 757", "Totalt 84 225", "Som tabell 10 viser", "Administrasjon og styring",
        "Tjenesteprofil", "Utvikling de siste tre årene", "Tabell 16: Brutto driftsutgifter til administrasjonslokaler"};
    std::size_t at = 0;
    for (const auto& s : in_order) {
        const auto found = text.find(s, at);
        ASSERT_NE(std::string::npos, found) << "not found after position " << at << ": " << s;
        at = found + s.size();
    }
}

TEST(BundledReport, ContentsPagesAreWhereTheHeadingsAre) {
    const std::string contents = pdf_text(built(), 2, 2, "-layout");
    static const std::regex entry(R"(^\s*(.+?)[ .]+ ([0-9]+)\s*$)");
    std::istringstream lines(contents);
    std::string line;
    int checked = 0;
    while (std::getline(lines, line)) {
        std::smatch m;
        if (!std::regex_match(line, m, entry)) continue;
        const std::string title = m[1];
        const int page = std::stoi(m[2]);
        const std::string page_text = std::regex_replace(pdf_text(built(), page, page), std::regex("\\s+"), " ");
        EXPECT_NE(std::string::npos, page_text.find(title)) << "'" << title << "' is not on page " << page;
        ++checked;
    }
    EXPECT_GE(checked, 15);
}

TEST(BundledReport, HasTwentyPagesNoMissingGlyphsAndNoOverfullLines) {
    for (const std::string layout : {"kommune", "rapport"}) {
        const auto pdf = test::temp_dir() / "r.pdf";
        std::string out;
        ASSERT_EQ(0, test::run_sats("build " + q(bundled) + " --layout " + layout + " -o " + q(pdf), &out)) << out;
        EXPECT_EQ(std::string::npos, out.find("warning")) << layout << ":\n" << out;
        std::string info;
        test::run("pdfinfo " + q(pdf), &info);
        std::smatch m;
        ASSERT_TRUE(std::regex_search(info, m, std::regex("Pages:\\s+([0-9]+)")));
        EXPECT_GE(std::stoi(m[1]), 20) << layout;
    }
}

TEST(BundledReport, NumbersFollowTheDataWhenItChanges) {
    const auto dir = test::temp_dir();
    const auto copy = dir / "kostra";
    fs::copy(bundled, copy, fs::copy_options::recursive);
    const auto csv = copy / "data" / "adm-tjenesteprofil.csv";
    std::string data = test::read(csv);
    const auto at = data.find("brutto_adm;");
    ASSERT_NE(std::string::npos, at);
    data.replace(data.find(";6040;", at), 6, ";6500;");
    std::ofstream(csv, std::ios::binary) << data;

    std::string out;
    ASSERT_EQ(0, test::run_sats("build " + q(copy) + " -o " + q(dir / "k.pdf") + " --dump " + q(dir / "k.txt"), &out)) << out;
    const std::string text = std::regex_replace(pdf_text(dir / "k.pdf"), std::regex("\\s+"), " ");
    // The sentence: 6 500 / 5 564 = 16,8 % over the average (it said 6 040 and 8,6 %).
    EXPECT_NE(std::string::npos, text.find("6 500 kroner per innbygger, 16,8 % over snittet på 5 564 kroner"));
    EXPECT_EQ(std::string::npos, text.find("8,6 % over snittet på"));
    // The table row.
    EXPECT_NE(std::string::npos, text.find("6 500 5 553 5 564 4 424 6 355 16,8 %"));
    // The chart's text alternative: the index went from 109 to 117.
    const std::string dump = test::read(dir / "k.txt");
    EXPECT_NE(std::string::npos, dump.find("Brutto driftsutgifter til administrasjon og styring per innbygger: Bærum 117, Asker 100"));
    EXPECT_EQ(std::string::npos, dump.find("per innbygger: Bærum 109,"));
    // And the difference to Asker in the text: 6 500 − 5 553 = 947.
    EXPECT_NE(std::string::npos, text.find("947 kroner mer enn i Asker"));
}

}  // namespace
}  // namespace sats
