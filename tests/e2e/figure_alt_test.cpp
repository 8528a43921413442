// Each figure's text alternative travels with the figure itself (its group in the frames, the
// element the exporter made), never matched to figures by their order: a figure whose
// alternative is dropped in the content changes no other figure's /Alt.
#include <gtest/gtest.h>

#include <algorithm>
#include <fstream>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>

#include "export/pdf_export.hpp"
#include "export/pdf_finish.hpp"
#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

void write(const fs::path& path, const std::string& text) {
    fs::create_directories(path.parent_path());
    std::ofstream(path) << text;
}

/// One chart block; `alt` empty = no alt line, so sats writes the alternative from the data.
std::string chart(const std::string& id, const std::string& series, const std::string& alt) {
    return "```chart\nid = \"" + id + "\"\ntype = \"column\"\ndata = \"resultat\"\nseries = [\"" + series +
           "\"]\ncaption = \"Figur om " + series + "\"\n" + (alt.empty() ? "" : "alt = \"" + alt + "\"\n") + "```\n\n";
}

/// A project with four charts; the one at `without` (0-based) has no alt in the content.
fs::path project(int without) {
    const fs::path dir = test::temp_dir() / ("alt-" + std::to_string(without));
    write(dir / "report.toml", "title = \"Alt\"\nmunicipality = \"Bærum kommune\"\nyear = 2025\ndate = \"2025-11-24\"\n"
                               "chapters = [\"kapittel.md\"]\n\n[data.resultat]\nfile = \"data/resultat.csv\"\nunit = \"prosent\"\n");
    write(dir / "data" / "resultat.csv", "# Kilde: ssb.no\nid;navn;2023;2024\nbaerum;Bærum;3,7;2,3\nasker;Asker;1,2;2,5\n"
                                         "asss;ASSS u/Oslo;1,6;0,1\nlandet;Landet;3,0;0,8\n");
    const std::vector<std::string> series{"baerum", "asker", "asss", "landet"};
    std::string text = "# Figurer\n\nFire figurer.\n\n";
    for (int i = 0; i < 4; ++i) text += chart("f" + std::to_string(i), series[i], i == without ? "" : "Alternativ " + std::to_string(i));
    write(dir / "kapittel.md", text);
    return dir;
}

/// The /Alt of every Figure element of the PDF at `pdf`, in the structure tree's order.
std::vector<std::string> figure_alts(const fs::path& pdf) {
    QPDF q;
    q.processFile(pdf.string().c_str());
    std::vector<std::string> alts;
    std::function<void(QPDFObjectHandle)> visit = [&](QPDFObjectHandle e) {
        if (e.isArray()) {
            for (int i = 0; i < e.getArrayNItems(); ++i) visit(e.getArrayItem(i));
            return;
        }
        if (!e.isDictionary()) return;
        if (e.getKey("/S").isName() && e.getKey("/S").getName() == "/Figure")
            alts.push_back(e.getKey("/Alt").isString() ? e.getKey("/Alt").getUTF8Value() : "");
        if (e.hasKey("/K")) visit(e.getKey("/K"));
    };
    visit(q.getRoot().getKey("/StructTreeRoot").getKey("/K"));
    return alts;
}

TEST(FigureAlt, DroppingOneFiguresAlternativeLeavesEveryOtherFiguresOwn) {
    for (int without = 0; without < 4; ++without) {
        const fs::path dir = project(without);
        const fs::path pdf = dir / "ut.pdf";
        std::string out;
        ASSERT_EQ(0, test::run_sats("build '" + dir.string() + "' -o '" + pdf.string() + "'", &out)) << out;
        const auto alts = figure_alts(pdf);
        ASSERT_EQ(4u, alts.size()) << "case " << without;
        for (int i = 0; i < 4; ++i) {
            if (i == without) {
                // Written from this chart's own data: its caption and its own series.
                EXPECT_EQ(0u, alts[i].rfind("Figur om ", 0)) << alts[i];
                EXPECT_NE(std::string::npos, alts[i].find(i == 0 ? "Bærum" : i == 1 ? "Asker" : i == 2 ? "ASSS" : "Landet"))
                    << alts[i];
            } else {
                EXPECT_EQ("Alternativ " + std::to_string(i), alts[i]) << "case " << without;
            }
        }
    }
}

TEST(FigureAlt, TheFinishingPassRefusesAStructureOtherThanTheOneTheExporterMade) {
    SystemEnvironment env(test::source_dir());
    Diagnostics d;
    const auto report = load_report(env, project(-1), d);
    ASSERT_TRUE(report) << d.all().size();
    const auto frames = lay_out_report(*report, env, d);
    ASSERT_TRUE(frames);
    std::vector<TaggedElement> elements;
    const std::string pdf = export_pdf(*frames, elements);
    const auto profile = env.read_file("/usr/share/color/icc/sRGB.icc");
    ASSERT_TRUE(profile);
    EXPECT_NO_THROW(finish_pdf(pdf, *frames, elements, *profile));
    // The first Figure and the element before it swapped: the pass must notice, not shift.
    const auto figure = std::find_if(elements.begin(), elements.end(), [](const TaggedElement& e) { return e.type == "Figure"; });
    ASSERT_NE(elements.end(), figure);
    ASSERT_NE(elements.begin(), figure);
    std::iter_swap(figure, figure - 1);
    EXPECT_THROW(finish_pdf(pdf, *frames, elements, *profile), std::runtime_error);
    elements.pop_back();
    EXPECT_THROW(finish_pdf(pdf, *frames, elements, *profile), std::runtime_error);
}

}  // namespace
}  // namespace sats
