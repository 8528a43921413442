// A font family the layout names but sats cannot find, or a weight it does not know, is not
// replaced silently: a warning points at the key that names it.
#include <gtest/gtest.h>

#include "layout/fonts.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

TEST(LayoutFonts, AFamilyThatIsNotInstalledIsAWarningAtItsKey) {
    MemoryEnvironment env(test::source_dir());
    const auto file = (test::source_dir() / "layouts" / "x" / "layout.toml").lexically_normal();
    env.add_file(file, "[text]\nsize = 10\nfont = \"Papyrus\"\n[headings]\nfont = \"Inter\"\n");
    Diagnostics d;
    const auto style = load_layout(env, "x", d);
    ASSERT_TRUE(style);
    ASSERT_FALSE(d.has_errors());
    const FontSetup fonts(test::source_dir());
    EXPECT_TRUE(fonts.has_family("Inter"));
    EXPECT_FALSE(fonts.has_family("Papyrus"));
    warn_missing_fonts(*style, fonts, d);
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ(file.string() + ":3:1: warning: the font 'Papyrus' is not installed; its text is set in another font",
              d.all()[0].headline());
}

TEST(LayoutFonts, AnUnknownWeightIsAWarningAtWeights) {
    MemoryEnvironment env(test::source_dir());
    const auto file = (test::source_dir() / "layouts" / "x" / "layout.toml").lexically_normal();
    env.add_file(file, "[headings]\nweights = [\"bold\", \"bold\", \"semibod\", \"normal\"]\n");
    Diagnostics d;
    ASSERT_TRUE(load_layout(env, "x", d));
    ASSERT_EQ(1u, d.all().size());
    EXPECT_EQ(file.string() + ":2:1: warning: unknown font weight 'semibod'; it is set as normal", d.all()[0].headline());
    EXPECT_EQ("did you mean 'semibold'?", d.all()[0].hint);
}

TEST(LayoutFonts, TheBundledLayoutsNameOnlyInstalledFonts) {
    SystemEnvironment env(test::source_dir());
    const FontSetup fonts(test::source_dir());
    for (const char* name : {"kommune", "rapport", "lysbilder"}) {
        Diagnostics d;
        const auto style = load_layout(env, name, d);
        ASSERT_TRUE(style) << name;
        warn_missing_fonts(*style, fonts, d);
        EXPECT_TRUE(d.all().empty()) << name << ": " << d.all().at(0).headline();
    }
}

}  // namespace
}  // namespace sats
