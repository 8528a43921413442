#pragma once
// The output registry: every format sats writes (the report PDF, the slides, the web page, the
// press PDF, page images, the debug dump) is one entry here: its name, its file, the laid-out
// document it is made from and the function making its files. The CLI chooses entries by name;
// build_outputs() (pipeline/build_outputs.hpp) makes and writes them, for one report or for
// each report of a batch. A new format is a new exporter and one entry in outputs.cpp.

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "core/result.hpp"
#include "pipeline/report.hpp"

namespace sats {

/// The laid-out document a format is made from.
enum class OutputSource {
    report,  ///< the report's pages
    deck,    ///< the slides (pipeline/slides.hpp)
};

/// What a format's function is given: the built report and its laid-out pages, and no
/// environment, so no exporter can read a file.
struct OutputInput {
    const Report& report;
    const FrameDocument& document;          ///< the report or the deck, as the format's `source` says
    const std::filesystem::path& file;      ///< the file to write (PNG: the name its pages are numbered after)
    const std::filesystem::path& report_file;  ///< the report PDF, which other outputs may link to
    const BuildOptions& options;
};

/// One output format.
struct OutputFormat {
    const char* name;     ///< its name in `--format`
    const char* suffix;   ///< its default file: the output's stem followed by this
    OutputSource source;  ///< what it is made from
    bool in_alle;         ///< whether `--format alle` chooses it
    const char* help;     ///< one line for `sats --help`
    /// The files of the format (more than one for page images), or the errors that kept it from
    /// making them. A LocatedError thrown is reported by the caller at its place in the content,
    /// any other exception at `input.file`.
    Result<std::vector<FileContent>> (*make)(const OutputInput& input);
};

/// Every format, in the order they are made and written.
const std::vector<OutputFormat>& output_formats();

/// The files in the output folder (`folder`: the names there) that an earlier build of `format`
/// to `file` left and this build, which made `made` files, does not replace: for page images the
/// `<file>-NNN.png` past the last page, named exactly as sats names them; nothing for the others.
std::vector<std::filesystem::path> left_over_files(const OutputFormat& format, const std::filesystem::path& file,
                                                   std::size_t made, const std::vector<std::string>& folder);

/// The format called `name`; null if there is none.
const OutputFormat* find_output_format(std::string_view name);

}  // namespace sats
