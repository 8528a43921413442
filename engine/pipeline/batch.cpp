#include "pipeline/batch.hpp"

#include <algorithm>
#include <atomic>
#include <memory>
#include <stdexcept>
#include <thread>

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

std::vector<BatchReport> build_batch(const Environment& env, const std::filesystem::path& project,
                                     const std::vector<std::string>& subjects, const BuildOptions& options, int jobs) {
    std::vector<BatchReport> reports(subjects.size());
    std::atomic<std::size_t> next{0};
    auto work = [&] {
        std::unique_ptr<FontSetup> fonts;  // loaded on this thread, for every report it builds
        for (std::size_t i = next++; i < subjects.size(); i = next++) {
            BatchReport& report = reports[i];
            report.subject = subjects[i];
            try {
                if (!fonts) fonts = std::make_unique<FontSetup>(env.resource_dir());
            } catch (const std::runtime_error& e) {
                report.diagnostics.error({}, e.what());
                continue;
            }
            BuildOptions mine = options;
            mine.subject = subjects[i];
            mine.fonts = fonts.get();
            mine.timings = nullptr;
            mine.layout_threads = 1;  // the batch is parallel already
            FrameDocument frames;
            report.pdf = build_pdf(env, project, report.diagnostics, &frames, mine);
            report.pages = frames.pages.size();
        }
    };
    const int threads = std::clamp(jobs, 1, static_cast<int>(std::max<std::size_t>(subjects.size(), 1)));
    std::vector<std::thread> pool;
    for (int t = 1; t < threads; ++t) pool.emplace_back(work);
    work();
    for (auto& thread : pool) thread.join();
    return reports;
}

}  // namespace sats
