// `sats new <folder>`: a new project from templates/ny that builds at once, checks without a
// warning, is exactly the template, and is written whole or not at all.
#include <gtest/gtest.h>

#include <fstream>
#include <iterator>
#include <map>
#include <regex>

#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

const fs::path template_dir = test::source_dir() / "templates" / "ny";

std::string q(const fs::path& p) { return "'" + p.string() + "'"; }

/// The regular files under `root`, by relative path, with their bytes.
std::map<std::string, std::string> files_of(const fs::path& root) {
    std::map<std::string, std::string> files;
    for (const auto& [path, entry] : test::snapshot_tree(root))
        if (entry.type == fs::file_type::regular) files[path] = entry.content;
    return files;
}

/// The PDF's text with every run of white space made one space, and words hyphenated at a
/// line end joined again.
std::string pdf_text(const fs::path& pdf) {
    std::string text;
    EXPECT_EQ(0, test::run("pdftotext -enc UTF-8 " + q(pdf) + " -", &text));
    text = std::regex_replace(text, std::regex("\xC2\xAD\\s*"), "");
    return std::regex_replace(text, std::regex("(\\s|\xC2\xA0)+"), " ");
}

TEST(NewProject, BuildsAtOnceAndChecksWithoutAWarning) {
    const auto project = test::temp_dir() / "mapper" / "som" / "mangler" / "rapport";
    std::string out;
    ASSERT_EQ(0, test::run_sats("new " + q(project), &out)) << out;
    EXPECT_NE(std::string::npos, out.find("wrote " + (project / "report.toml").string())) << out;
    EXPECT_EQ(0, test::run_sats("check --strict " + q(project), &out)) << out;
    EXPECT_EQ("", out) << "no warning, no note";
    const auto pdf = project.parent_path() / "rapport.pdf";
    ASSERT_EQ(0, test::run_sats("build " + q(project) + " -o " + q(pdf), &out)) << out;
    EXPECT_NE(std::string::npos, out.find("(3 pages)")) << out;
    const auto text = pdf_text(pdf);
    // The data table, the chart and the sentence with values from the data (2,4 − 1,2 = 1,2),
    // the flag section choosing "høyere enn".
    EXPECT_NE(std::string::npos, text.find("Tabell 1: Netto driftsresultat i prosent av driftsinntektene")) << text;
    EXPECT_NE(std::string::npos, text.find("Figur 1: Netto driftsresultat 2021–2024")) << text;
    EXPECT_NE(std::string::npos, text.find("I 2024 var netto driftsresultat 2,4 % av driftsinntektene. Det er 1,2 prosentpoeng høyere enn")) << text;
    EXPECT_NE(std::string::npos, text.find("Kilde: Eksempeltall")) << "the data file's # Kilde: line";
    EXPECT_EQ(std::string::npos, text.find("{{")) << "no placeholder left";
}

TEST(NewProject, WritesExactlyTheTemplatesFiles) {
    const auto project = test::temp_dir() / "p";
    ASSERT_EQ(0, test::run_sats("new " + q(project)));
    const auto expected = files_of(template_dir);
    EXPECT_GE(expected.size(), 4u);
    EXPECT_EQ(1u, expected.count("README.md"));
    EXPECT_EQ(expected, files_of(project));
    EXPECT_EQ(1, std::distance(fs::directory_iterator(project.parent_path()), fs::directory_iterator()))
        << "no temporary folder left beside it";
}

TEST(NewProject, TitleAndMunicipalityGoIntoTheManifest) {
    const auto project = test::temp_dir() / "p";
    std::string out;
    ASSERT_EQ(0, test::run_sats("new " + q(project) + " --title 'Økonomi \"2026\" \\ plan' --municipality 'Asker kommune'", &out)) << out;
    const auto manifest = test::read(project / "report.toml");
    EXPECT_NE(std::string::npos, manifest.find("\ntitle = \"Økonomi \\\"2026\\\" \\\\ plan\"\n")) << manifest;
    EXPECT_NE(std::string::npos, manifest.find("\nmunicipality = \"Asker kommune\"\n")) << manifest;
    EXPECT_EQ(std::string::npos, manifest.find("Eksempel kommune"));
    // Every other file, and every other line of the manifest, is the template's.
    auto written = files_of(project), expected = files_of(template_dir);
    written.erase("report.toml");
    expected.erase("report.toml");
    EXPECT_EQ(expected, written);
    const auto pdf = project.parent_path() / "r.pdf";
    ASSERT_EQ(0, test::run_sats("build --strict " + q(project) + " -o " + q(pdf), &out)) << out;
    const auto text = pdf_text(pdf);
    EXPECT_NE(std::string::npos, text.find("Økonomi «2026» \\ plan")) << "the title, its quotes set as Norwegian ones: " << text;
    EXPECT_NE(std::string::npos, text.find("inntekter Asker kommune har igjen")) << text;
}

TEST(NewProject, WritesIntoAnEmptyFolder) {
    const auto project = test::temp_dir();
    ASSERT_EQ(0, test::run_sats("new " + q(project)));
    EXPECT_EQ(files_of(template_dir), files_of(project));
}

/// Runs `sats new` on `target` inside `root` and expects exit 1 with `message`, and `root` unchanged.
void expect_refused(const fs::path& root, const fs::path& target, const std::string& message) {
    const auto before = test::snapshot_tree(root);
    std::string out;
    EXPECT_EQ(1, test::run_sats("new " + q(target), &out)) << out;
    EXPECT_NE(std::string::npos, out.find(message)) << out;
    EXPECT_NE(std::string::npos, out.find(target.string() + ": error: ")) << out;
    EXPECT_EQ("", test::tree_changes(before, test::snapshot_tree(root))) << "nothing written, nothing left";
}

TEST(NewProject, RefusesAFolderThatIsNotEmpty) {
    const auto root = test::temp_dir();
    fs::create_directory(root / "rapport");
    std::ofstream(root / "rapport" / "notater.txt") << "mine notater\n";
    expect_refused(root, root / "rapport", "this folder exists and is not empty");
}

TEST(NewProject, RefusesAFileAndLeavesNoFolderWhenItCannotMakeTheParents) {
    const auto root = test::temp_dir();
    std::ofstream(root / "fil.txt") << "x\n";
    expect_refused(root, root / "fil.txt", "this path exists and is not a folder");
    expect_refused(root, root / "fil.txt" / "ny" / "rapport", "cannot make the folders above it");
}

TEST(NewProject, RefusesAMissingTemplateWithoutWritingAnything) {
    const auto root = test::temp_dir();
    const auto before = test::snapshot_tree(root);
    std::string out;
    EXPECT_EQ(1, test::run("SATS_RESOURCES=" + q(root / "ingen") + " " + SATS_BINARY + " new " + q(root / "p"), &out));
    EXPECT_NE(std::string::npos, out.find("the project template is missing")) << out;
    EXPECT_EQ("", test::tree_changes(before, test::snapshot_tree(root)));
}

TEST(NewProject, BadUsageExitsTwo) {
    std::string out;
    EXPECT_EQ(0, test::run_sats("--help", &out));
    EXPECT_NE(std::string::npos, out.find("sats new <folder> [--title <text>] [--municipality <text>]")) << out;
    EXPECT_EQ(2, test::run_sats("new", &out));
    EXPECT_NE(std::string::npos, out.find("'new' needs the folder")) << out;
    EXPECT_EQ(2, test::run_sats("new a b"));
    EXPECT_EQ(2, test::run_sats("new a --title"));
    EXPECT_EQ(2, test::run_sats("new a --title ''"));
    EXPECT_EQ(2, test::run_sats("new a --layout rapport"));
}

}  // namespace
}  // namespace sats
