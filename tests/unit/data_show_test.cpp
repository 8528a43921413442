// `sats data show` on every SSB fixture, against its golden description in
// tests/fixtures/ssb/show/ (refreshed with SATS_UPDATE_GOLDEN=1 ctest --test-dir build -R Golden).
#include <gtest/gtest.h>

#include <fstream>

#include "data/data_description.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

const auto fixtures = test::source_dir() / "tests" / "fixtures" / "ssb";

std::vector<std::string> fixture_names() {
    std::vector<std::string> names;
    for (const auto& entry : fs::directory_iterator(fixtures))
        if (entry.path().extension() == ".csv" || entry.path().extension() == ".json")
            if (entry.path().filename() != "expected.json") names.push_back(entry.path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

class DataShowGolden : public ::testing::TestWithParam<std::string> {};

TEST_P(DataShowGolden, DescribesTheFixtureAsItsGoldenSays) {
    Diagnostics d;
    const auto text = describe_data_file(test::read(fixtures / GetParam()), "data/" + GetParam(), TextEncoding::automatic, d);
    ASSERT_TRUE(text);
    EXPECT_FALSE(d.has_errors());
    // What a user needs from it, whatever the golden says: every dimension and the symbols.
    for (const char* part : {"dimensions", "Tid (år)", "statistikkvariabel", "3201", "symbols:", "rows = \"", "columns = \"år\"",
                             "select = { statistikkvariabel = "})
        EXPECT_NE(std::string::npos, text->find(part)) << part << " in\n" << *text;
    const auto golden = fixtures / "show" / (GetParam() + ".txt");
    if (std::getenv("SATS_UPDATE_GOLDEN")) {
        fs::create_directories(golden.parent_path());
        std::ofstream(golden, std::ios::binary) << *text;
        GTEST_SKIP() << "updated " << golden;
    }
    EXPECT_EQ(test::read(golden), *text);
}

INSTANTIATE_TEST_SUITE_P(Fixtures, DataShowGolden, ::testing::ValuesIn(fixture_names()), [](const auto& info) {
    std::string name = info.param;
    for (auto& c : name)
        if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
    return name;
});

TEST(DataShow, TheCommandPrintsTheDescriptionAndAnUnreadableFileFails) {
    std::string out;
    EXPECT_EQ(0, test::run_sats("data show " + (fixtures / "12362-v2-csv.csv").string() + " 2>/dev/null", &out));
    EXPECT_NE(std::string::npos, out.find("KOKkommuneregion0000, 6 categories")) << out;
    const auto broken = test::temp_dir() / "broken.json";
    std::ofstream(broken) << "{\"version\": \"2.0\", \"class\": \"dataset\"";
    EXPECT_EQ(1, test::run_sats("data show " + broken.string() + " 2>&1", &out));
    EXPECT_NE(std::string::npos, out.find("broken.json:1:")) << out;
    EXPECT_EQ(2, test::run_sats("data show 2>&1", &out));
}

}  // namespace
}  // namespace sats
