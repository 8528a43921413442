#pragma once
// Batch: the same report made for several municipalities of its `[kommuner]` list in one
// process, on several threads, with every chosen output of each. Each thread loads the fonts
// once and reuses them for every report it builds.

#include <filesystem>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "pipeline/build_outputs.hpp"

namespace sats {

/// One report of a batch.
struct BatchReport {
    std::string subject;               ///< the municipality's row id
    std::vector<std::string> written;  ///< the outputs written (build_outputs()); none if it failed
    Diagnostics diagnostics;           ///< what building it reported
};

/// The municipalities of the project's `[kommuner]` list; nothing (with an error) if the
/// project has no list or cannot be read.
std::optional<std::vector<std::string>> list_subjects(const Environment& env, const std::filesystem::path& project,
                                                      Diagnostics& diagnostics);

/// Builds and writes the outputs of `plan` for each of `subjects` (files named by
/// OutputPlan::for_subject) with `jobs` threads; results in the order of `subjects`. Each
/// report's files are written all or none, as it finishes; one failing does not stop the others.
/// `finished` (if any) is called with each report as it is done, one call at a time, with the
/// number done so far (for progress). `options.fonts` and `options.timings` are ignored (each
/// thread has its own fonts).
std::vector<BatchReport> build_batch(Environment& env, const std::filesystem::path& project,
                                     const std::vector<std::string>& subjects, const OutputPlan& plan,
                                     const BuildOptions& options, int jobs,
                                     const std::function<void(const BatchReport&, std::size_t done)>& finished = {});

}  // namespace sats
