#pragma once
// Making and writing the chosen outputs of one report: the content is read once, the report
// and the deck are each laid out once if a chosen format needs them, every format makes its
// files, and the files are written all or none. The single build and each report of a batch
// (`--for`) go through here.

#include <filesystem>
#include <string>
#include <vector>

#include "pipeline/outputs.hpp"

namespace sats {

/// One output asked for: its format, and its file ("" = the output's stem and the format's suffix).
struct OutputRequest {
    const OutputFormat* format = nullptr;
    std::filesystem::path file;
};

/// What a build makes and where it writes it.
struct OutputPlan {
    std::filesystem::path report_file;    ///< the report PDF (`-o`); the other files are named after it
    std::vector<OutputRequest> requests;  ///< made and written in this order
    bool strict = false;                  ///< warnings count as errors (nothing is written)

    /// The plan of the report made for `subject` (`--for`): each file `<name>-<subject><extension>`.
    OutputPlan for_subject(const std::string& subject) const;
};

/// Loads the project (for `options.subject`), makes every output of `plan` and writes them all,
/// or none if an error was reported (with `plan.strict`, a warning), if an output would replace
/// an input of the project, or if a file cannot be written. Returns one line per output
/// written, e.g. "out/k.pdf (12 pages)".
std::vector<std::string> build_outputs(Environment& env, const std::filesystem::path& project, const OutputPlan& plan,
                                       const BuildOptions& options, Diagnostics& diagnostics);

}  // namespace sats
