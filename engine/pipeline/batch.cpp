#include "pipeline/batch.hpp"

#include <algorithm>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "core/parallel.hpp"
#include "layout/fonts.hpp"

namespace sats {

std::optional<std::vector<std::string>> list_subjects(const Environment& env, const std::filesystem::path& project,
                                                      Diagnostics& diagnostics) {
    const auto manifest = load_manifest(env, project, diagnostics);
    if (!manifest) return std::nullopt;
    if (manifest->subjects.data.empty()) {
        diagnostics.error({manifest->path}, "--for needs a [kommuner] list in report.toml",
                          "add [kommuner] with data = \"<source listing the municipalities>\" and standard = \"<id>\"");
        return std::nullopt;
    }
    const auto catalog = DataCatalog::load(env, *manifest, diagnostics);
    if (diagnostics.has_errors()) return std::nullopt;
    return catalog.subject_ids();
}

std::vector<BatchReport> build_batch(Environment& env, const std::filesystem::path& project,
                                     const std::vector<std::string>& subjects, const OutputPlan& plan,
                                     const BuildOptions& options, int jobs,
                                     const std::function<void(const BatchReport&, std::size_t done)>& finished) {
    std::vector<BatchReport> reports(subjects.size());
    std::mutex progress;
    std::size_t done = 0;
    auto tell = [&](const BatchReport& report) {
        if (!finished) return;
        const std::lock_guard lock(progress);
        finished(report, ++done);
    };
    std::vector<std::unique_ptr<FontSetup>> fonts(static_cast<std::size_t>(std::max(jobs, 1)));  // one per thread
    parallel_for(subjects.size(), jobs, [&](int worker, std::size_t i) {
        BatchReport& report = reports[i];
        report.subject = subjects[i];
        auto& mine = fonts[static_cast<std::size_t>(worker)];
        try {
            if (!mine) mine = std::make_unique<FontSetup>(env.resource_dir());
        } catch (const std::runtime_error& e) {
            report.diagnostics.error({}, e.what());
            tell(report);
            return;
        }
        BuildOptions own = options;
        own.subject = subjects[i];
        own.fonts = mine.get();
        own.timings = nullptr;
        own.layout_threads = 1;  // the batch is parallel already
        report.written = build_outputs(env, project, plan.for_subject(subjects[i]), own, report.diagnostics);
        tell(report);
    });
    return reports;
}

}  // namespace sats
