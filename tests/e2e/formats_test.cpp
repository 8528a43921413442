// One content project, three outputs: the report PDF, the slide deck and the web summary.
// The findings on the slides and on the web page are the same text with the same numbers,
// and every one of those numbers is in the report.
#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>

#include "export/html_export.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

struct Outputs {
    std::string report, slides, html;
    int slide_count = 0;
};

const Outputs& outputs() {
    static const Outputs o = [] {
        const fs::path dir = test::temp_dir();
        const auto project = test::source_dir() / "content" / "kostra-2025";
        std::string output;
        EXPECT_EQ(0, test::run_sats("build '" + project.string() + "' --format alle -o '" + (dir / "k.pdf").string() + "'", &output))
            << output;
        Outputs out;
        test::run("pdftotext -raw '" + (dir / "k.pdf").string() + "' -", &out.report);
        test::run("pdftotext -raw '" + (dir / "k-lysbilder.pdf").string() + "' -", &out.slides);
        out.html = test::read(dir / "k.html");
        std::string info;
        test::run("pdfinfo '" + (dir / "k-lysbilder.pdf").string() + "'", &info);
        std::smatch m;
        if (std::regex_search(info, m, std::regex(R"(Pages:\s+(\d+))"))) out.slide_count = std::stoi(m[1]);
        return out;
    }();
    return o;
}

/// `text` with runs of spaces, no-break spaces and line breaks made one space.
std::string collapse(const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const bool nbsp = text.compare(i, 2, "\u00A0") == 0;
        const bool space = nbsp || text[i] == ' ' || text[i] == '\n' || text[i] == '\t';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            if (nbsp) ++i;
        } else {
            out += text[i];
        }
    }
    return out;
}

/// The numbers written in `text` the Norwegian way ("16 797", "5,8", "−0,7").
std::vector<std::string> numbers(const std::string& text) {
    static const std::regex number(R"((?:−)?\d{1,3}(?: \d{3})*(?:,\d+)?)");
    std::vector<std::string> found;
    const std::string flat = collapse(text);
    for (auto it = std::sregex_iterator(flat.begin(), flat.end(), number); it != std::sregex_iterator(); ++it) found.push_back(it->str());
    return found;
}

std::vector<std::string> list_items(const std::string& html) {
    std::vector<std::string> items;
    static const std::regex li("<li>([^<]*)</li>");
    for (auto it = std::sregex_iterator(html.begin(), html.end(), li); it != std::sregex_iterator(); ++it) items.push_back((*it)[1]);
    return items;
}

TEST(Formats, SlidesHaveATitleSlideAndOneSlidePerServiceArea) {
    EXPECT_EQ(10, outputs().slide_count) << "a title slide, the 8 service areas and administration";
    for (const char* area : {"Grunnskole", "Pleie og omsorg", "Barnehage", "Barnevern", "Kommunehelse", "Sosiale tjenester",
                             "Kultur og idrett", "Administrasjon, styring og fellesutgifter"})
        EXPECT_NE(std::string::npos, outputs().slides.find(area)) << area;
}

TEST(Formats, TheFindingsAreTheSameTextWithTheSameNumbersEverywhere) {
    const auto items = list_items(outputs().html);
    ASSERT_EQ(25u, items.size()) << "3 findings for each of the 8 service areas, 1 for administration";
    const std::string slides = collapse(outputs().slides);
    const auto in_report = numbers(outputs().report);
    const std::set<std::string> report_numbers(in_report.begin(), in_report.end());
    std::size_t checked = 0;
    for (const auto& item : items) {
        EXPECT_NE(std::string::npos, slides.find(collapse(item))) << "not on a slide: " << item;
        for (const auto& n : numbers(item)) {
            EXPECT_TRUE(report_numbers.count(n)) << n << " (in «" << item << "») is not in the report";
            ++checked;
        }
    }
    EXPECT_GE(checked, 60u);
    // The first finding, computed from the data: Bærum's grunnskole 16 797 kr against 17 826 in ASSS.
    EXPECT_EQ(collapse("16 797 kroner per innbygger i 2024, 5,8 % under snittet for ASSS uten Oslo (17 826 kroner)."),
              collapse(items.front()));
}

TEST(Formats, TheWebPageIsSelfContainedAndAccessible) {
    const auto& html = outputs().html;
    EXPECT_NE(std::string::npos, html.find("<html lang=\"nb\">"));
    EXPECT_NE(std::string::npos, html.find("<meta charset=\"utf-8\">"));
    EXPECT_NE(std::string::npos, html.find("<h1>KOSTRA-analyse 2025</h1>"));
    EXPECT_NE(std::string::npos, html.find("<a href=\"./k.pdf\">")) << "links to the full report";
    EXPECT_EQ(std::string::npos, html.find("<img")) << "no external images";
    EXPECT_EQ(std::string::npos, html.find("src=")) << "nothing loaded from elsewhere";
    // Every chart is inline SVG named by its text alternative.
    std::size_t svgs = 0;
    for (auto at = html.find("<svg"); at != std::string::npos; at = html.find("<svg", at + 1)) {
        ++svgs;
        const auto end = html.find("</svg>", at);
        const std::string svg = html.substr(at, end - at);
        EXPECT_NE(std::string::npos, svg.find("role=\"img\""));
        EXPECT_NE(std::string::npos, svg.find("<title id="));
        EXPECT_NE(std::string::npos, svg.find("<desc id="));
    }
    EXPECT_EQ(8u, svgs);
    EXPECT_NE(std::string::npos, html.find("<desc id=\"f1-desc\">Grunnskole: netto driftsutgifter"));
    // Captions are text, not drawing: a <figcaption> for each chart, the source line after it.
    EXPECT_NE(std::string::npos,
              html.find("<figcaption>Figur 1: Grunnskole: netto driftsutgifter, kroner per innbygger (2024-kroner)</figcaption></figure>\n"
                        "<p>Kilde: Framsikt</p>"));
    // The table of a finding is a table with its caption and column headers.
    EXPECT_NE(std::string::npos, html.find("<table>\n<caption>Tabell 1: Brutto driftsutgifter til administrasjon"));
    EXPECT_NE(std::string::npos, html.find("<th scope=\"col\">2024</th>"));
    EXPECT_NE(std::string::npos, html.find("<tr><td>Bærum</td><td>4\u00a0744</td>"));
    // Headings go h1, then h2 for each area: no level skipped.
    EXPECT_EQ(std::string::npos, html.find("<h3>"));
}

/// Opens the web page in headless Chromium (Debian package `chromium`): takes a screenshot and,
/// where axe-core is installed (`build-a11y/node_modules`, which `scripts/setup test` tries
/// with npm), runs its accessibility rules in the page and reads the violations back.
TEST(Formats, TheLinkToTheReportIsARelativeAddressWhateverTheFileIsCalled) {
    const auto link = [](const std::string& file) {
        const auto html = export_html(FrameDocument{}, file);
        const auto at = html.find("<a href=\"") + 9;
        return html.substr(at, html.find('"', at) - at);
    };
    EXPECT_EQ("./kostra-2025.pdf", link("kostra-2025.pdf"));
    EXPECT_EQ("./javascript%3Aalert%281%29.pdf", link("javascript:alert(1).pdf"));
    EXPECT_EQ("./%C3%B8konomi%20%22x%22.pdf", link("økonomi \"x\".pdf"));
}

TEST(Formats, TheWebPageOpensInChromiumWithoutSeriousAccessibilityViolations) {
    std::string chromium;
    for (const char* name : {"chromium", "chromium-browser"})
        if (test::run(std::string("command -v ") + name + " >/dev/null") == 0) chromium = name;
    if (chromium.empty()) GTEST_SKIP() << "no Chromium (apt-get install chromium)";
    const fs::path dir = test::temp_dir();
    const fs::path page = dir / "k.html";
    {
        std::ofstream(page) << outputs().html;
    }
    const std::string headless = chromium + " --headless --no-sandbox --disable-gpu --hide-scrollbars ";
    ASSERT_EQ(0, test::run("timeout 120 " + headless + "--window-size=900,1400 --screenshot='" + (dir / "shot.png").string() +
                           "' 'file://" + page.string() + "' >/dev/null 2>&1"));
    EXPECT_GT(fs::file_size(dir / "shot.png"), 50'000u) << "a screenshot with the page on it";

    const fs::path axe = test::source_dir() / "build-a11y" / "node_modules" / "axe-core" / "axe.min.js";
    if (!fs::exists(axe)) GTEST_SKIP() << "axe-core is not installed (npm install --prefix build-a11y axe-core)";
    std::string checked = outputs().html;
    checked.replace(checked.rfind("</body>"), 7,
                    "<script>" + test::read(axe) +
                        "</script><script>axe.run(document).then(function(r){var p=document.createElement('pre');"
                        "p.id='axe';p.textContent=JSON.stringify(r.violations.map(function(v){return v.impact+' '+v.id;}));"
                        "document.body.appendChild(p);});</script></body>");
    {
        std::ofstream(dir / "axe.html") << checked;
    }
    std::string dom;
    test::run("timeout 120 " + headless + "--virtual-time-budget=20000 --dump-dom 'file://" + (dir / "axe.html").string() +
                  "' 2>/dev/null",
              &dom);
    std::smatch result;
    ASSERT_TRUE(std::regex_search(dom, result, std::regex("<pre id=\"axe\">([^<]*)</pre>"))) << "axe-core did not report";
    const std::string violations = result[1];
    EXPECT_EQ(std::string::npos, violations.find("critical")) << violations;
    EXPECT_EQ(std::string::npos, violations.find("serious")) << violations;
}

}  // namespace
}  // namespace sats
