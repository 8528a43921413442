// Diagnostics: errors listed before warnings, "did you mean" hints, and the PNG header check
// that runs before any image is decoded.
#include <gtest/gtest.h>

#include <sstream>

#include "core/diagnostics.hpp"
#include "core/environment.hpp"
#include "layout/image_check.hpp"

namespace sats {
namespace {

TEST(Diagnostics, PrintsErrorsBeforeWarningsThenASummary) {
    Diagnostics d;
    d.warning({"a.md", 1, 1}, "first warning");
    d.error({"b.md", 2, 3}, "first error", "did you mean 'x'?");
    d.warning({"a.md", 5, 1}, "second warning");
    d.error({"c.md", 7, 1}, "second error");
    std::ostringstream out;
    d.print(out);
    EXPECT_EQ("b.md:2:3: error: first error\n"
              "  hint: did you mean 'x'?\n"
              "c.md:7:1: error: second error\n"
              "a.md:1:1: warning: first warning\n"
              "a.md:5:1: warning: second warning\n"
              "2 errors, 2 warnings\n",
              out.str());
}

TEST(Diagnostics, TheMarkerUnderTheSourceLineKeepsItsTabs) {
    // Column 5 of "\t\tx {{ukjent}}" is the first brace: two tabs and two spaces before the ^.
    MemoryEnvironment env;
    env.add_file("kapittel.md", "Tittel\n\t\tx {{ukjent}}\n");
    Diagnostics d;
    d.error({"kapittel.md", 2, 5}, "unknown placeholder 'ukjent'");
    std::ostringstream out;
    d.print(out, &env);
    EXPECT_EQ("kapittel.md:2:5: error: unknown placeholder 'ukjent'\n"
              "  | \t\tx {{ukjent}}\n"
              "  | \t\t  ^\n"
              "1 error, 0 warnings\n",
              out.str());
}

TEST(Diagnostics, StrictMakesWarningsErrors) {
    Diagnostics d;
    d.warning({"a.md", 1, 1}, "overfull line");
    EXPECT_FALSE(d.has_errors());
    d.promote_warnings();
    EXPECT_TRUE(d.has_errors());
}

TEST(DidYouMean, SuggestsTheNearestCandidateOnly) {
    EXPECT_EQ("did you mean 'baerum'?", did_you_mean("barum", {"asker", "baerum", "oslo"}));
    EXPECT_EQ("did you mean 'asker'?", did_you_mean("Asker", {"asker", "baerum"}));
    EXPECT_EQ("", did_you_mean("trondheim", {"asker", "baerum"}));
    EXPECT_EQ("", did_you_mean("x", {}));
}

/// A PNG signature and IHDR chunk claiming `width` × `height` (CRC not checked by the header reader).
std::string png_header(unsigned width, unsigned height) {
    std::string s("\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR", 16);
    for (const unsigned v : {width, height})
        for (int shift = 24; shift >= 0; shift -= 8) s += static_cast<char>((v >> shift) & 0xff);
    s += std::string("\x08\x02\0\0\0\0\0\0\0", 9);
    return s;
}

TEST(PngHeader, ReadsTheSizeWithoutDecoding) {
    const auto result = read_png_header(png_header(640, 480));
    ASSERT_TRUE(std::holds_alternative<ImageSize>(result));
    EXPECT_EQ(640, std::get<ImageSize>(result).width);
    EXPECT_EQ(480, std::get<ImageSize>(result).height);
}

TEST(PngHeader, RefusesWhatIsNotASmallEnoughPng) {
    auto problem = [](const std::string& bytes) {
        const auto r = read_png_header(bytes);
        return std::holds_alternative<std::string>(r) ? std::get<std::string>(r) : "";
    };
    EXPECT_EQ("is not a PNG file (sats reads PNG images)", problem("GIF89a..."));
    EXPECT_EQ("is not a PNG file (sats reads PNG images)", problem(""));
    EXPECT_EQ("is a damaged PNG file (no image header)", problem(png_header(10, 10).substr(0, 20)));
    EXPECT_EQ("is a damaged PNG file (its size is 0 × 10 pixels)", problem(png_header(0, 10)));
    EXPECT_EQ("is 5001 × 5000 pixels; images may have at most 25 million pixels", problem(png_header(5001, 5000)));
    EXPECT_EQ("", problem(png_header(5000, 5000)));  // exactly the limit
    EXPECT_EQ("is 40000 × 10 pixels; an image may be at most 32767 pixels wide and high", problem(png_header(40000, 10)));
    EXPECT_EQ("", problem(png_header(32767, 10)));
}

}  // namespace
}  // namespace sats
