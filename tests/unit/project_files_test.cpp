// The one way to read a project's file: inside the project folder, links included, and never
// outside it, whether by '..', an absolute path or a symbolic link (to a file or a folder).
#include <gtest/gtest.h>

#include <fstream>

#include "core/environment.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;
using Problem = ProjectFile::Problem;

class ProjectFiles : public ::testing::Test {
protected:
    ProjectFiles() : root_(test::temp_dir()), project_(root_ / "prosjekt") {
        fs::create_directories(project_ / "data" / "under");
        fs::create_directories(root_ / "hemmelig");
        std::ofstream(project_ / "data" / "t.csv") << "id;2024\na;1\n";
        std::ofstream(root_ / "hemmelig" / "passord.csv") << "id;2024\nhemmelig;1\n";
        fs::create_symlink(root_ / "hemmelig" / "passord.csv", project_ / "data" / "lenke.csv");         // a file outside
        fs::create_symlink(root_ / "hemmelig", project_ / "data" / "mappe");                              // a folder outside
        fs::create_symlink("../hemmelig/passord.csv", project_ / "relativ.csv");                         // relative, outside
        fs::create_symlink("t.csv", project_ / "data" / "inne.csv");                                     // inside
    }
    ProjectFile read(const fs::path& relative) const { return env_.read_project_file(project_, relative); }

    fs::path root_, project_;
    SystemEnvironment env_{test::source_dir()};
};

TEST_F(ProjectFiles, ReadsFilesInsideTheProject) {
    const auto file = read("data/t.csv");
    EXPECT_EQ(Problem::none, file.problem);
    EXPECT_EQ("id;2024\na;1\n", file.bytes);
    EXPECT_EQ(Problem::none, read("data/under/../t.csv").problem);
}

TEST_F(ProjectFiles, NeverReadsOutsideTheProject) {
    for (const char* path : {"data/lenke.csv", "data/mappe/passord.csv", "relativ.csv", "../hemmelig/passord.csv",
                             "data/../../hemmelig/passord.csv"}) {
        const auto file = read(path);
        EXPECT_EQ(Problem::outside, file.problem) << path;
        EXPECT_EQ("", file.bytes) << path;
    }
    EXPECT_EQ(Problem::outside, read(root_ / "hemmelig" / "passord.csv").problem) << "absolute";
}

TEST_F(ProjectFiles, MissingFilesAndFoldersAreNamedSo) {
    EXPECT_EQ(Problem::missing, read("data/finnes-ikke.csv").problem);
    EXPECT_EQ(Problem::folder, read("data").problem);
    EXPECT_EQ(Problem::missing, read("data/t.csv/x").problem);
    const ProjectFile missing{Problem::missing, {}};
    EXPECT_EQ("data file 'x.csv' does not exist", missing.message("data file 'x.csv'"));
    const ProjectFile folder{Problem::folder, {}};
    EXPECT_EQ("data file 'data' is a folder, not a file", folder.message("data file 'data'"));
}

TEST_F(ProjectFiles, TheMemoryEnvironmentChecksThePathText) {
    MemoryEnvironment memory;
    memory.add_file("p/a.md", "# A\n");
    EXPECT_EQ("# A\n", memory.read_project_file("p", "a.md").bytes);
    EXPECT_EQ(Problem::outside, memory.read_project_file("p", "../a.md").problem);
    EXPECT_EQ(Problem::missing, memory.read_project_file("p", "b.md").problem);
}

}  // namespace
}  // namespace sats
