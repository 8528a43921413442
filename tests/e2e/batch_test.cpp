// `sats build --for`: one report per municipality of the project's [kommuner] list, in one
// process and in parallel, each with its own numbers and names, the same bytes as a report
// built alone. And chapters laid out on several threads give the same bytes as on one.
#include <gtest/gtest.h>

#include "data/data_table.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

const fs::path kProject = test::source_dir() / "tests" / "fixtures" / "nokkeltall-asss";

std::string text_of(const fs::path& pdf) {
    std::string text;
    test::run("pdftotext '" + pdf.string() + "' -", &text);
    return text;
}

TEST(Batch, AMunicipalityIdThatIsAPathWritesNothing) {
    const auto project = test::materialise_case(test::source_dir() / "tests" / "bad-input" / "municipality-id-with-slash");
    const fs::path root = test::temp_dir();
    const fs::path out = root / "ut" / "a" / "n.pdf";
    fs::create_directories(out.parent_path());
    std::string output;
    EXPECT_EQ(1, test::run_sats("build '" + project.string() + "' --for alle -o '" + out.string() + "'", &output));
    EXPECT_NE(std::string::npos, output.find("resultatgrad.csv:5:1: error: the municipality id '../../tmp/asker'")) << output;
    for (const auto& entry : fs::recursive_directory_iterator(root))
        EXPECT_TRUE(entry.is_directory()) << "wrote " << entry.path();
}

TEST(Batch, MakesTheReportForEveryMunicipalityWithItsOwnNumbers) {
    const fs::path out = test::temp_dir() / "n.pdf";
    std::string output;
    ASSERT_EQ(0, test::run_sats("build '" + kProject.string() + "' --for alle -o '" + out.string() + "'", &output)) << output;
    const auto baerum = text_of(out.parent_path() / "n-baerum.pdf");
    const auto asker = text_of(out.parent_path() / "n-asker.pdf");
    EXPECT_FALSE(fs::exists(out)) << "a batch writes one file per municipality, not the plain name";
    // The cover and the sentences name the subject and its neighbour, with their own values
    // (resultatgrad.csv: Bærum 2,3 and Asker 2,5 in 2024).
    EXPECT_NE(std::string::npos, baerum.find("Bærum kommune · 2025"));
    EXPECT_NE(std::string::npos, asker.find("Asker kommune · 2025"));
    EXPECT_NE(std::string::npos, baerum.find("var 2,3 % i 2024")) << baerum;
    EXPECT_NE(std::string::npos, asker.find("var 2,5 % i 2024")) << asker;
    EXPECT_NE(std::string::npos, baerum.find("der Asker hadde 2,5 %"));
    EXPECT_NE(std::string::npos, asker.find("der Bærum hadde 2,3 %"));
    // A computed column through the alias: Asker's share of pleie og omsorg, 25 685 / 79 732.
    EXPECT_NE(std::string::npos, asker.find("Pleie og omsorg stod for 32,2 %")) << asker;
    EXPECT_NE(std::string::npos, baerum.find("Pleie og omsorg stod for 34,3 %")) << baerum;
}

TEST(Batch, AReportInABatchHasTheBytesOfTheSameReportBuiltAlone) {
    const fs::path dir = test::temp_dir();
    ASSERT_EQ(0, test::run_sats("build '" + kProject.string() + "' --for asker,baerum --jobs 2 -o '" + (dir / "a.pdf").string() + "'"));
    ASSERT_EQ(0, test::run_sats("build '" + kProject.string() + "' --for asker --jobs 1 -o '" + (dir / "b.pdf").string() + "'"));
    const auto batch = test::read(dir / "a-asker.pdf");
    EXPECT_FALSE(batch.empty());
    EXPECT_EQ(batch, test::read(dir / "b-asker.pdf"));
}

TEST(Batch, AnUnknownMunicipalityIsAnErrorWithAHint) {
    const fs::path out = test::temp_dir() / "n.pdf";
    std::string output;
    EXPECT_EQ(1, test::run_sats("build '" + kProject.string() + "' --for askr -o '" + out.string() + "'", &output));
    EXPECT_NE(std::string::npos, output.find("error: --for: 'askr' is not in the project's list of municipalities")) << output;
    EXPECT_NE(std::string::npos, output.find("hint: did you mean 'asker'?")) << output;
    EXPECT_FALSE(fs::exists(out.parent_path() / "n-askr.pdf"));
}

TEST(Batch, AProjectWithoutAListCannotBeBuiltForAMunicipality) {
    std::string output;
    EXPECT_EQ(1, test::run_sats("build '" + (test::source_dir() / "content" / "kostra-2025").string() + "' --for asker -o '" +
                                    (test::temp_dir() / "x.pdf").string() + "'",
                                &output));
    EXPECT_NE(std::string::npos, output.find("--for needs a [kommuner] list in report.toml")) << output;
}

TEST(ParallelLayout, GivesTheSameBytesOnOneThreadAndOnFour) {
    const fs::path dir = test::temp_dir();
    const auto project = test::source_dir() / "content" / "kostra-2025";
    for (const char* jobs : {"1", "4"})
        ASSERT_EQ(0, test::run_sats("build '" + project.string() + "' --jobs " + jobs + " -o '" + (dir / jobs).string() + ".pdf'"));
    const auto one = test::read(dir / "1.pdf");
    EXPECT_GT(one.size(), 100'000u);
    EXPECT_EQ(one, test::read(dir / "4.pdf"));
}

TEST(Aliases, StandForWholeIdsAndForPartsOfIds) {
    DataTable t;
    t.columns = {"id", "baerum_2024", "andel_baerum_2024", "kommune_note"};
    t.row_ids = {"asker", "baerum"};
    t.aliases = {{"kommune", "baerum"}, {"nabo", "asker"}};
    EXPECT_EQ(1, t.row_index("kommune"));
    EXPECT_EQ(0, t.row_index("nabo"));
    EXPECT_EQ(1, t.column_index("kommune_2024"));
    EXPECT_EQ(2, t.column_index("andel_kommune_2024"));
    EXPECT_EQ(3, t.column_index("kommune_note")) << "an exact id wins over an alias";
    EXPECT_EQ(-1, t.column_index("kommune_2023"));
    EXPECT_EQ("asker_kommunene", t.resolve("nabo_kommunene")) << "only whole parts are replaced";
}

}  // namespace
}  // namespace sats
