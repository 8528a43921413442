// A content project cannot read outside its folder through a symbolic link: a data file, a
// chapter, an image, the logo or the whole data folder that is a link to a place outside is an
// error at the place that names it, nothing is written, and the outside text is in no output.
#include <gtest/gtest.h>

#include <fstream>

#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

/// The base project in `root`/p, and outside it `root`/ute with a secret copy of each file.
fs::path project_beside_secrets(const fs::path& root) {
    const auto project = root / "p";
    fs::copy(test::base_project(), project, fs::copy_options::recursive);
    fs::create_directories(root / "ute" / "data");
    std::string csv = test::read(project / "data" / "resultatgrad.csv");
    csv.replace(csv.find("Bærum;"), 6, "HEMMELIG;");
    std::ofstream(root / "ute" / "data" / "resultatgrad.csv") << csv;
    std::ofstream(root / "ute" / "kapittel.md") << "# HEMMELIG\n";
    fs::copy_file(test::source_dir() / "tests" / "golden" / "navigation" / "bilder" / "stolper.png", root / "ute" / "bilde.png");
    return project;
}

/// Replaces `path` with a symbolic link to `target`.
void link(const fs::path& path, const fs::path& target) {
    fs::remove_all(path);
    fs::create_symlink(target, path);
}

struct Case {
    const char* name;
    void (*prepare)(const fs::path& project, const fs::path& outside);
    const char* error;  ///< the expected line, after the project folder
};

const Case kCases[] = {
    {"data file", [](const fs::path& p, const fs::path& u) { link(p / "data" / "resultatgrad.csv", u / "data" / "resultatgrad.csv"); },
     "report.toml:10:1: error: data file 'data/resultatgrad.csv' lies outside the project folder"},
    {"data folder", [](const fs::path& p, const fs::path& u) { link(p / "data", u / "data"); },
     "report.toml:10:1: error: data file 'data/resultatgrad.csv' lies outside the project folder"},
    {"relative link", [](const fs::path& p, const fs::path&) { link(p / "data" / "resultatgrad.csv", "../../ute/data/resultatgrad.csv"); },
     "report.toml:10:1: error: data file 'data/resultatgrad.csv' lies outside the project folder"},
    {"chapter", [](const fs::path& p, const fs::path& u) { link(p / "kapitler" / "01-okonomi.md", u / "kapittel.md"); },
     "report.toml:7:1: error: chapter file 'kapitler/01-okonomi.md' lies outside the project folder"},
    {"image", [](const fs::path& p, const fs::path& u) {
         std::ofstream(p / "kapitler" / "01-okonomi.md", std::ios::app) << "\n![Stolper](bilde.png)\n";
         link(p / "kapitler" / "bilde.png", u / "bilde.png");
         link(p / "bilde.png", u / "bilde.png");
     },
     "kapitler/01-okonomi.md:12:1: error: image 'bilde.png' lies outside the project folder"},
    {"logo", [](const fs::path& p, const fs::path& u) {
         std::string manifest = test::read(p / "report.toml");
         manifest.insert(manifest.find("chapters"), "logo = \"logo.png\"\n");
         std::ofstream(p / "report.toml") << manifest;
         link(p / "logo.png", u / "bilde.png");
     },
     "report.toml:7:1: error: logo file 'logo.png' lies outside the project folder"},
};

class Symlinks : public testing::TestWithParam<Case> {};

TEST_P(Symlinks, ALinkOutOfTheProjectIsAnErrorAtItsPlaceAndNothingIsRead) {
    const auto root = test::temp_dir();
    const auto project = project_beside_secrets(root);
    GetParam().prepare(project, root / "ute");
    const auto out = root / "ut" / "r.pdf";
    std::string said;
    EXPECT_EQ(1, test::run_sats("build " + q(project) + " --attach-data --format alle --press -o " + q(out), &said));
    EXPECT_NE(std::string::npos, said.find(project.string() + "/" + GetParam().error)) << said;
    EXPECT_EQ(std::string::npos, said.find("HEMMELIG")) << said;
    EXPECT_FALSE(fs::exists(root / "ut")) << "nothing written";
}

INSTANTIATE_TEST_SUITE_P(Kinds, Symlinks, testing::ValuesIn(kCases), [](const auto& info) {
    std::string name = info.param.name;
    for (auto& c : name) c = c == ' ' ? '_' : c;
    return name;
});

TEST(Symlinks, ALinkThatStaysInsideTheProjectIsRead) {
    const auto root = test::temp_dir();
    const auto project = project_beside_secrets(root);
    fs::rename(project / "data" / "resultatgrad.csv", project / "data" / "ekte.csv");
    link(project / "data" / "resultatgrad.csv", "ekte.csv");
    std::string said;
    EXPECT_EQ(0, test::run_sats("build " + q(project) + " -o " + q(root / "r.pdf"), &said)) << said;
}

}  // namespace
}  // namespace sats
