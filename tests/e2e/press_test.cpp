// The press PDF (`sats build --press`): written by libharu from the same frames as the screen
// PDF, with TrimBox and BleedBox, CMYK only, the same text, fonts and pages, and pages that
// look like the screen's inside the trim.
#include <gtest/gtest.h>

#include <qpdf/QPDF.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFPageDocumentHelper.hh>
#include <qpdf/QPDFPageObjectHelper.hh>

#include <algorithm>
#include <cmath>
#include <regex>
#include <set>
#include <sstream>

#include "export/press_export.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

/// The bundled report built once with --press: screen and press PDF.
struct Built {
    fs::path screen, press;
};

const Built& built() {
    static const Built b = [] {
        const fs::path dir = test::temp_dir();
        Built out{dir / "k.pdf", dir / "k-trykk.pdf"};
        const auto project = test::source_dir() / "content" / "kostra-2025";
        std::string output;
        EXPECT_EQ(0, test::run_sats("build '" + project.string() + "' --press -o '" + out.screen.string() + "'", &output)) << output;
        return out;
    }();
    return b;
}

std::string run_output(const std::string& command) {
    std::string out;
    test::run(command, &out);
    return out;
}

TEST(Press, GreysAndNearGreysPrintInBlackInkOnly) {
    for (const Color grey : {Color{0.4, 0.4, 0.4}, Color{0.85, 0.852, 0.849}, Color{0.2, 0.203, 0.2}}) {
        const Cmyk ink = to_cmyk(grey);
        EXPECT_EQ(0, ink.c);
        EXPECT_EQ(0, ink.m);
        EXPECT_EQ(0, ink.y);
        EXPECT_NEAR(1 - std::max({grey.r, grey.g, grey.b}), ink.k, 1e-9);
    }
    const Cmyk accent = to_cmyk({0.0, 0.35, 0.6});  // a colour keeps its C, M and Y
    EXPECT_NEAR(1.0, accent.c, 1e-9);
    EXPECT_NEAR(0.25 / 0.6, accent.m, 1e-9);
    EXPECT_NEAR(0.4, accent.k, 1e-9);
}

TEST(Press, HasTrimAndBleedBoxes3mmApart) {
    const auto info = run_output("pdfinfo -box -f 1 -l 99 '" + built().press.string() + "'");
    // A4 trimmed, 12 mm of sheet around it, 3 mm of bleed: 34.02 = 12 mm, 25.51 = 9 mm.
    EXPECT_NE(std::string::npos, info.find("Page    1 TrimBox:      34.02    34.02   629.29   875.91")) << info;
    EXPECT_NE(std::string::npos, info.find("Page    1 BleedBox:     25.51    25.51   637.80   884.41")) << info;
    const auto pages = std::stoi(std::regex_replace(run_output("pdfinfo '" + built().screen.string() + "' | grep Pages"),
                                                    std::regex("[^0-9]"), ""));
    std::size_t trims = 0;
    for (std::size_t at = info.find("TrimBox"); at != std::string::npos; at = info.find("TrimBox", at + 1)) ++trims;
    EXPECT_EQ(static_cast<std::size_t>(pages), trims) << "every page has a TrimBox, and there are as many pages as on screen";
}

/// Counts colour operators in a content stream: CMYK ones and any other.
class ColourOperators : public QPDFObjectHandle::ParserCallbacks {
public:
    void handleObject(QPDFObjectHandle object) override {
        if (!object.isOperator()) {
            operands_.push_back(object);
            return;
        }
        const std::string op = object.getOperatorValue();
        if (op == "k" || op == "K") ++cmyk;
        else if (op == "rg" || op == "RG" || op == "g" || op == "G") other.push_back(op);
        else if ((op == "sc" || op == "SC" || op == "scn" || op == "SCN") && operands_.size() != 4) other.push_back(op);
        else if ((op == "cs" || op == "CS") && !operands_.empty() && operands_[0].isName() &&
                 operands_[0].getName() != "/DeviceCMYK")
            other.push_back(op + " " + operands_[0].getName());
        operands_.clear();
    }
    void handleEOF() override {}
    int cmyk = 0;
    std::vector<std::string> other;

private:
    std::vector<QPDFObjectHandle> operands_;
};

TEST(Press, UsesNoRgbAndNoTransparencyAnywhere) {
    QPDF pdf;
    pdf.processFile(built().press.string().c_str());
    ColourOperators colours;
    for (auto& page : QPDFPageDocumentHelper(pdf).getAllPages()) {
        page.parseContents(&colours);
        for (auto& [name, image] : page.getImages()) {
            EXPECT_EQ("/DeviceCMYK", image.getDict().getKey("/ColorSpace").unparse()) << name;
            EXPECT_FALSE(image.getDict().hasKey("/SMask")) << name;
        }
    }
    EXPECT_GT(colours.cmyk, 1000) << "the pages are drawn in CMYK";
    EXPECT_TRUE(colours.other.empty()) << colours.other.front();
    for (auto& object : pdf.getAllObjects()) {
        if (!object.isDictionary()) continue;
        for (const char* key : {"/CA", "/ca"}) {
            if (object.hasKey(key)) {
                EXPECT_EQ(1.0, object.getKey(key).getNumericValue()) << "transparency in " << object.unparse();
            }
        }
        EXPECT_FALSE(object.hasKey("/SMask") && !object.getKey("/SMask").isName()) << "a soft mask";
    }
}

TEST(Press, HasTheTextPagesAndFontsOfTheScreenPdf) {
    const auto screen = run_output("pdftotext -raw '" + built().screen.string() + "' -");
    const auto press = run_output("pdftotext -raw '" + built().press.string() + "' -");
    EXPECT_GT(screen.size(), 20'000u);
    EXPECT_EQ(screen, press);
    auto fonts = [](const fs::path& pdf) {
        std::set<std::string> names;
        std::istringstream in(run_output("pdffonts '" + pdf.string() + "'"));
        std::string line;
        for (int n = 0; std::getline(in, line); ++n) {
            if (n < 2) continue;
            std::string name = line.substr(0, line.find(' '));
            name = name.substr(name.find('+') + 1);
            names.insert(name.substr(0, name.find(',')));  // libharu appends ",Bold"
        }
        return names;
    };
    EXPECT_EQ(fonts(built().screen), fonts(built().press));
    EXPECT_EQ(std::string::npos, run_output("pdffonts '" + built().press.string() + "' | awk 'NR > 2 {print $(NF-4)}'").find("no"))
        << "every font embedded";
}

/// A page as 8-bit grey pixels, rendered by pdftoppm (PGM) at 127 dpi, where 12 mm is 60 px.
struct Grey {
    int width = 0, height = 0;
    std::string pixels;
};

Grey render(const fs::path& pdf, int page, bool trimmed) {
    const fs::path out = test::temp_dir() / "page";
    test::run("pdftoppm -gray -r 127 -f " + std::to_string(page) + " -l " + std::to_string(page) + " -singlefile " +
              (trimmed ? "-x 60 -y 60" : "-x 0 -y 0") + " -W 1050 -H 1485 '" + pdf.string() + "' '" + out.string() + "'");
    const std::string data = test::read(out.string() + ".pgm");
    std::istringstream in(data);
    std::string magic;
    int max = 0;
    Grey g;
    in >> magic >> g.width >> g.height >> max;
    in.get();
    g.pixels = data.substr(static_cast<std::size_t>(in.tellg()));
    return g;
}

/// The share of `a`'s ink pixels (darker than mid grey) with no ink within 1 pixel in `b`.
/// Colour-blind on purpose: the CMYK inks render darker in grey than the screen's RGB.
double unmatched_ink(const Grey& a, const Grey& b) {
    auto ink = [](const Grey& g, int x, int y) {
        return x >= 0 && y >= 0 && x < g.width && y < g.height &&
               static_cast<unsigned char>(g.pixels[static_cast<std::size_t>(y) * static_cast<std::size_t>(g.width) + static_cast<std::size_t>(x)]) < 160;
    };
    std::size_t total = 0, unmatched = 0;
    for (int y = 0; y < a.height; ++y)
        for (int x = 0; x < a.width; ++x) {
            if (!ink(a, x, y)) continue;
            ++total;
            bool near = false;
            for (int dy = -1; dy <= 1 && !near; ++dy)
                for (int dx = -1; dx <= 1 && !near; ++dx) near = ink(b, x + dx, y + dy);
            if (!near) ++unmatched;
        }
    EXPECT_GT(total, 2000u) << "a page with something on it";
    return static_cast<double>(unmatched) / static_cast<double>(std::max<std::size_t>(total, 1));
}

TEST(Press, PagesInsideTheTrimLookLikeTheScreenPages) {
    for (const int page : {1, 3, 5, 12}) {
        const Grey screen = render(built().screen, page, false);
        const Grey press = render(built().press, page, true);
        ASSERT_EQ(screen.width, press.width);
        ASSERT_EQ(screen.height, press.height);
        ASSERT_EQ(screen.pixels.size(), press.pixels.size());
        EXPECT_LT(unmatched_ink(screen, press), 0.01) << "page " << page << ": screen ink missing from the press page";
        EXPECT_LT(unmatched_ink(press, screen), 0.01) << "page " << page << ": press ink not on the screen page";
    }
}

TEST(Press, IsByteIdenticalWhenBuiltAgain) {
    const fs::path again = test::temp_dir() / "k.pdf";
    const auto project = test::source_dir() / "content" / "kostra-2025";
    ASSERT_EQ(0, test::run_sats("build '" + project.string() + "' --press -o '" + again.string() + "'"));
    EXPECT_EQ(test::read(built().press), test::read(again.parent_path() / "k-trykk.pdf"));
}

}  // namespace
}  // namespace sats
