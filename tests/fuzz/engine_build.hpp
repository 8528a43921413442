#pragma once
// The half the fuzz targets reaching the whole engine (fuzz_chart, fuzz_table, fuzz_project)
// share, and tests/fuzz_regressions_test.cpp replays their crashes through: a project held in
// memory, built by build_outputs() (manifest, data, templates, Markdown, resolve, layout) into
// every output format but the page images (report PDF, slides, web page, press PDF, dump).
// What is reported is dropped: the targets look for crashes, hangs, leaks and undefined
// behaviour.
// SATS_SOURCE_DIR names the source tree, whose layouts, fonts and tests/golden/charts are used.

#include <filesystem>
#include <fstream>
#include <map>
#include <sstream>
#include <string>
#include <string_view>

#include "layout/fonts.hpp"
#include "pipeline/build_outputs.hpp"

namespace sats::fuzz {

/// The project's folder in the environment.
inline const std::filesystem::path kProject = "p";

/// The byte between the files of a fuzz_project input (ASCII "record separator").
inline constexpr char kFileSeparator = '\x1e';

/// A project in memory; the layouts, fonts and the PDF/A colour profile of this machine.
class FuzzEnvironment : public MemoryEnvironment {
public:
    FuzzEnvironment() : MemoryEnvironment(SATS_SOURCE_DIR) {}

    /// A file held in memory, else a file of this machine named by an absolute path (the colour
    /// profile); the project's files are relative, so they are only ever read from memory.
    std::optional<std::string> read_file(const std::filesystem::path& path) const override {
        if (auto file = MemoryEnvironment::read_file(path)) return file;
        return path.is_absolute() ? SystemEnvironment::read_file(path) : std::nullopt;
    }
};

/// The options of every build: fonts loaded once per process, chapters laid out on this thread.
inline const BuildOptions& build_options() {
    static const FontSetup fonts(SATS_SOURCE_DIR);
    static const BuildOptions options = [] {
        BuildOptions o;
        o.fonts = &fonts;
        o.layout_threads = 1;
        return o;
    }();
    return options;
}

/// Builds the project in `env` into every output format but the page images (cairo's
/// rasteriser drawing what the PDF export draws, in half the time of the whole build), written
/// into `env`.
inline void build_every_output(FuzzEnvironment& env) {
    OutputPlan plan;
    plan.report_file = "out/r.pdf";
    for (const auto& format : output_formats())
        if (std::string_view(format.name) != "png") plan.requests.push_back({&format, {}});
    Diagnostics dropped;
    build_outputs(env, kProject, plan, build_options(), dropped);
}

/// The files of tests/golden/charts (every chart type and the edge cases of its data: missing,
/// negative and large values, twenty series, long names), by path in the project; read once.
inline const std::map<std::string, std::string>& charts_project() {
    static const auto files = [] {
        const std::filesystem::path folder = std::filesystem::path(SATS_SOURCE_DIR) / "tests" / "golden" / "charts";
        std::map<std::string, std::string> read;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(folder)) {
            if (!entry.is_regular_file()) continue;
            std::ifstream in(entry.path(), std::ios::binary);
            std::ostringstream bytes;
            bytes << in.rdbuf();
            read[std::filesystem::relative(entry.path(), folder).string()] = bytes.str();
        }
        return read;
    }();
    return files;
}

/// The kind of block fuzz_chart and fuzz_table fill.
enum class Block { chart, table };

/// `body` as the TOML of a ```chart or ```table block (after `id = "fuzz"`) in the one chapter of
/// the tests/golden/charts project, whose main-findings block shows it on a slide and in the
/// web page too; built into every output format.
inline void build_block(Block kind, std::string_view body) {
    const std::string info = kind == Block::chart ? "chart" : "table";
    const std::string findings_key = kind == Block::chart ? "figur" : "tabell";
    FuzzEnvironment env;
    for (const auto& [path, bytes] : charts_project()) env.add_file(kProject / path, bytes);
    env.add_file(kProject / "figurer.md", "# Kapittel\n\n```hovedfunn\ntittel = \"Funn\"\npunkter = [\"Et funn.\"]\n" + findings_key +
                                              " = \"fuzz\"\n```\n\n```" + info + "\nid = \"fuzz\"\n" + std::string(body) +
                                              "\n```\n");
    build_every_output(env);
}

/// `archive` as the files of a whole project, separated by kFileSeparator: each its path in the
/// project, a newline and its bytes (a file without a newline is empty); built into every
/// output format.
inline void build_archive(std::string_view archive) {
    FuzzEnvironment env;
    while (!archive.empty()) {
        const auto end = archive.find(kFileSeparator);
        const auto file = archive.substr(0, end);
        const auto newline = file.find('\n');
        env.add_file(kProject / file.substr(0, newline),
                     newline == std::string_view::npos ? std::string() : std::string(file.substr(newline + 1)));
        archive = end == std::string_view::npos ? std::string_view() : archive.substr(end + 1);
    }
    build_every_output(env);
}

}  // namespace sats::fuzz
