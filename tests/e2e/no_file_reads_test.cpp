// No exporter opens a file: everything an output embeds (fonts, images, the colour profile,
// attached data files) is read through the environment before layout ends, and the output
// formats are made from the built report and its frames alone. A recording environment
// refuses and lists every read after layout while every format of the registry is made.
#include <gtest/gtest.h>

#include <algorithm>
#include <mutex>
#include <sstream>

#include "pipeline/outputs.hpp"
#include "pipeline/slides.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

/// The real files, with every read recorded; once sealed, reads are refused and listed.
class RecordingEnvironment : public SystemEnvironment {
public:
    RecordingEnvironment() : SystemEnvironment(test::source_dir()) {}

    std::optional<std::string> read_file(const fs::path& path) const override {
        if (!record(path)) return std::nullopt;
        return SystemEnvironment::read_file(path);
    }
    std::optional<std::string> read_font(const fs::path& path) const override {
        if (!record(path)) return std::nullopt;
        return SystemEnvironment::read_font(path);
    }
    ProjectFile read_project_file(const fs::path& project, const fs::path& relative) const override {
        if (!record(project / relative)) return {ProjectFile::Problem::missing, {}};
        return SystemEnvironment::read_project_file(project, relative);
    }

    /// From now on every read is refused and listed in late_reads().
    void seal() { sealed_ = true; }
    /// The paths read before seal().
    std::vector<fs::path> reads() const { return list(reads_); }
    /// The paths asked for after seal().
    std::vector<fs::path> late_reads() const { return list(late_reads_); }

private:
    /// Records `path`; whether it may be read.
    bool record(const fs::path& path) const {
        std::lock_guard lock(mutex_);
        (sealed_ ? late_reads_ : reads_).push_back(path);
        return !sealed_;
    }
    std::vector<fs::path> list(const std::vector<fs::path>& paths) const {
        std::lock_guard lock(mutex_);
        return paths;
    }
    bool sealed_ = false;
    mutable std::mutex mutex_;
    mutable std::vector<fs::path> reads_, late_reads_;
};

/// Whether any of `paths` ends with `suffix`.
bool any_ends_with(const std::vector<fs::path>& paths, const std::string& suffix) {
    return std::any_of(paths.begin(), paths.end(), [&](const fs::path& p) {
        const auto s = p.string();
        return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
    });
}

/// The diagnostics as printed.
std::string printed(const Diagnostics& diagnostics) {
    std::ostringstream out;
    diagnostics.print(out);
    return out.str();
}

/// A project, a file it embeds that must have been read before layout ended, and whether it
/// has main findings (without, there is no deck and the formats made from it are left out).
struct Project {
    const char* folder;
    const char* embedded;
    bool deck;
};

class NoFileReads : public testing::TestWithParam<Project> {};

TEST_P(NoFileReads, EveryFormatIsMadeWithoutReadingAFileAfterLayout) {
    RecordingEnvironment env;
    Diagnostics diagnostics;
    BuildOptions options;
    options.attach_data = true;
    const auto report = load_report(env, test::source_dir() / GetParam().folder, diagnostics, options);
    ASSERT_TRUE(report) << printed(diagnostics);
    const auto pages = lay_out_report(*report, env, diagnostics, options);
    const auto deck = GetParam().deck ? lay_out_slides(*report, env, diagnostics, options) : std::nullopt;
    ASSERT_TRUE(pages && (deck || !GetParam().deck)) << printed(diagnostics);
    env.seal();

    const fs::path file = test::temp_dir() / "r.pdf";
    for (const auto& format : output_formats()) {
        if (format.source == OutputSource::deck && !deck) continue;
        const auto& document = format.source == OutputSource::report ? *pages : *deck;
        const auto files = format.make({*report, document, file, file, options}).report(diagnostics);
        ASSERT_TRUE(files && !files->empty()) << format.name;
        for (const auto& made : *files) EXPECT_FALSE(made.bytes.empty()) << format.name << " " << made.path;
    }
    EXPECT_FALSE(diagnostics.has_errors()) << printed(diagnostics);
    for (const auto& late : env.late_reads()) ADD_FAILURE() << "read after layout: " << late;

    // The recording sees the reads that happened: fonts, the colour profile and the embedded file.
    const auto reads = env.reads();
    EXPECT_TRUE(any_ends_with(reads, "sRGB.icc"));
    EXPECT_TRUE(any_ends_with(reads, GetParam().embedded));
    EXPECT_TRUE(any_ends_with(reads, ".ttf") || any_ends_with(reads, ".otf"));
}

INSTANTIATE_TEST_SUITE_P(Projects, NoFileReads,
                         testing::Values(Project{"content/kostra-2025", ".csv", true},  // tables, charts, attached data
                                         Project{"tests/golden/navigation", ".png", false}),  // images and a logo
                         [](const auto& info) { return info.index == 0 ? std::string("kostra") : std::string("images"); });

}  // namespace
}  // namespace sats
