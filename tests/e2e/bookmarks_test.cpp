// Navigation in the PDF: bookmarks nest by heading level down to level 3, and each link of
// the contents describes its own entry (/Contents), found by its position on the page.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include "pipeline/report.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

/// The base project with a chapter of headings at levels 1 to 4, built to PDF bytes.
const std::string& headings_pdf() {
    static const std::string bytes = [] {
        const auto project = test::materialise_case(test::base_project());
        std::ofstream(project / "kapitler" / "01-okonomi.md")
            << "# Økonomi\n\nTekst.\n\n## Drift\n\nTekst.\n\n### Lønn\n\nTekst.\n\n#### Overtid\n\nTekst.\n\n"
               "### Pensjon\n\nTekst.\n\n## Investering\n\nTekst.\n";
        SystemEnvironment env(test::source_dir());
        Diagnostics d;
        const auto pdf = build_pdf(env, project, d);
        std::ostringstream problems;
        d.print(problems);
        EXPECT_TRUE(pdf) << problems.str();
        return pdf.value_or("");
    }();
    return bytes;
}

/// The outline below `item` as text: each title, its children in brackets.
std::string outline(QPDFObjectHandle item) {
    std::string out;
    for (; item.isDictionary(); item = item.getKey("/Next")) {
        out += (out.empty() ? "" : ", ") + item.getKey("/Title").getUTF8Value();
        if (item.getKey("/First").isDictionary()) out += " [" + outline(item.getKey("/First")) + "]";
    }
    return out;
}

TEST(Bookmarks, NestByHeadingLevelDownToLevelThree) {
    QPDF pdf;
    pdf.processMemoryFile("headings", headings_pdf().data(), headings_pdf().size());
    EXPECT_EQ("Økonomi [Drift [Lønn, Pensjon], Investering]", outline(pdf.getRoot().getKey("/Outlines").getKey("/First")));
}

TEST(Bookmarks, EachLinkOfTheContentsDescribesItsOwnEntry) {
    QPDF pdf;
    pdf.processMemoryFile("headings", headings_pdf().data(), headings_pdf().size());
    std::vector<std::string> descriptions;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        auto annotations = page.getObjectHandle().getKey("/Annots");
        for (int i = 0; annotations.isArray() && i < annotations.getArrayNItems(); ++i)
            descriptions.push_back(annotations.getArrayItem(i).getKey("/Contents").getUTF8Value());
    }
    // The contents list levels 1 and 2; every heading is on page 3, after the cover and the contents.
    EXPECT_EQ((std::vector<std::string>{"Økonomi, side 3", "Drift, side 3", "Investering, side 3"}), descriptions);
}

}  // namespace
}  // namespace sats
