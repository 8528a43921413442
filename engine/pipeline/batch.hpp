#pragma once
// Batch: the same report made for several municipalities of its `[kommuner]` list in one
// process, on several threads. Each thread loads the fonts once and reuses them for every
// report it builds.

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/report.hpp"

namespace sats {

/// One report of a batch.
struct BatchReport {
    std::string subject;             ///< the municipality's row id
    std::optional<std::string> pdf;  ///< the PDF bytes, nothing if it failed
    std::size_t pages = 0;
    Diagnostics diagnostics;         ///< what building it reported
};

/// The municipalities of the project's `[kommuner]` list; nothing (with an error) if the
/// project has no list or cannot be read.
std::optional<std::vector<std::string>> list_subjects(const Environment& env, const std::filesystem::path& project,
                                                      Diagnostics& diagnostics);

/// Builds the report for each of `subjects` with `jobs` threads; results in the order of
/// `subjects`. `options.fonts` and `options.timings` are ignored (each thread has its own fonts).
std::vector<BatchReport> build_batch(const Environment& env, const std::filesystem::path& project,
                                     const std::vector<std::string>& subjects, const BuildOptions& options, int jobs);

}  // namespace sats
