#include "pipeline/report.hpp"

#include <algorithm>
#include <ctime>
#include <memory>
#include <stdexcept>
#include <thread>

#include "content/markdown.hpp"
#include "content/template.hpp"
#include "core/number_format.hpp"
#include "core/text_file.hpp"
#include "export/pdf_export.hpp"
#include "export/pdf_finish.hpp"
#include "layout/layout.hpp"
#include "pipeline/slides.hpp"
#include "resolve/resolve_references.hpp"
#include "resolve/resolve_requests.hpp"

namespace sats {

namespace {

/// The ICC profile of the PDF/A output intent (Debian package icc-profiles-free).
const std::filesystem::path kSrgbProfile = "/usr/share/color/icc/sRGB.icc";

/// The date the PDF states: the manifest's publication date, else SOURCE_DATE_EPOCH (through
/// the environment), else 1 January of the report's year — never the wall clock, so the same
/// input gives the same bytes.
std::string document_date(const Manifest& manifest, const Environment& env) {
    if (!manifest.date.empty()) return manifest.date + "T00:00:00Z";
    if (!env.pinned_time()) return std::to_string(manifest.year) + "-01-01T00:00:00Z";
    const std::time_t t = std::chrono::system_clock::to_time_t(env.now());
    std::tm utc{};
    gmtime_r(&t, &utc);
    char buffer[32];
    std::strftime(buffer, sizeof buffer, "%Y-%m-%dT%H:%M:%SZ", &utc);
    return buffer;
}

/// `style` with what the manifest says about the pages put over the layout's choices.
void apply_page_settings(const PageSettings& pages, LayoutStyle& style) {
    style.header_texts = pages.header.over(style.header_texts);
    style.footer_texts = pages.footer.over(style.footer_texts);
    if (pages.contents_title) style.toc_title = *pages.contents_title;
    if (pages.contents && !*pages.contents) style.toc_title.clear();
    else if (pages.contents && style.toc_title.empty()) style.toc_title = "Innhold";
    if (pages.contents_levels) style.toc_levels = *pages.contents_levels;
    if (pages.table_label) style.label_table = *pages.table_label;
    if (pages.figure_label) style.label_figure = *pages.figure_label;
    if (pages.heading_numbering)
        for (std::size_t level = 0; level < style.heading_numbering.size(); ++level)
            style.heading_numbering[level] = level < pages.heading_numbering->size() ? (*pages.heading_numbering)[level] : "";
}

/// The data files of the manifest as PDF attachments, each described by its table's source. A
/// file that cannot be read (now) is an error at its `file` key.
std::vector<Attachment> data_attachments(const Environment& env, const Report& report, Diagnostics& diagnostics) {
    std::vector<Attachment> attachments;
    for (const auto& source : report.manifest.data) {
        auto file = env.read_project_file(report.manifest.root, source.file);
        if (file.problem != ProjectFile::Problem::none) {
            diagnostics.error(source.file_at, file.message("data file '" + source.file + "'"));
            continue;
        }
        const auto* table = report.data.table(source.name);
        const std::string kilde = table && table->notes.count("Kilde") ? "Kilde: " + table->notes.at("Kilde") : "";
        attachments.push_back({std::filesystem::path(source.file).filename().string(), kilde, std::move(file.bytes)});
    }
    return attachments;
}

/// Renders and parses every chapter of the manifest.
std::vector<Chapter> load_chapters(const Environment& env, const std::filesystem::path& project, const Report& report,
                                   Diagnostics& diagnostics) {
    std::vector<Chapter> chapters;
    for (const auto& chapter : report.manifest.chapters) {
        const auto source = env.read_project_file(project, chapter.file);
        if (source.problem != ProjectFile::Problem::none) continue;  // reported with the manifest
        const std::string file = (project / chapter.file).lexically_normal().string();
        const auto text = checked_text(source.bytes, file, diagnostics);
        if (!text) continue;
        const auto rendered = render_template(*text, file, report.data, diagnostics);
        chapters.push_back(parse_markdown(rendered, file, diagnostics));
    }
    return chapters;
}

}  // namespace

std::optional<Report> load_report(const Environment& env, const std::filesystem::path& project, Diagnostics& diagnostics,
                                  const BuildOptions& options) {
    Timings* timings = options.timings;
    std::optional<Manifest> manifest;
    {
        StageTimer timer(timings, "parse");
        manifest = load_manifest(env, project, diagnostics);
    }
    if (!manifest) return std::nullopt;
    Report report{std::move(*manifest), {}, {}};
    {
        StageTimer timer(timings, "data");
        report.data = DataCatalog::load(env, report.manifest, diagnostics, options.subject);
    }
    std::vector<Chapter> chapters;
    {
        StageTimer timer(timings, "parse");
        chapters = load_chapters(env, project, report, diagnostics);
    }
    {
        StageTimer timer(timings, "data");
        report.chapters = resolve_requests(chapters, report.data, diagnostics);
        // The main findings name a chart and a table of the report: an unknown id is an error in
        // every run, so `check` finds it, not only a build that makes the slides.
        slide_chapters(report.chapters).report(diagnostics);
    }
    if (auto profile = env.read_file(kSrgbProfile)) report.icc_profile = std::move(*profile);
    else
        diagnostics.error({kSrgbProfile.string()}, "the sRGB colour profile for PDF/A is missing",
                          "install the Debian package icc-profiles-free");
    if (options.attach_data && !diagnostics.has_errors()) report.attachments = data_attachments(env, report, diagnostics);
    if (diagnostics.has_errors()) return std::nullopt;
    return report;
}

std::optional<FrameDocument> lay_out_report(const Report& report, const Environment& env, Diagnostics& diagnostics,
                                            const BuildOptions& options) {
    return lay_out_chapters(report, report.chapters, env, diagnostics, options);
}

std::optional<FrameDocument> lay_out_chapters(const Report& report, const std::vector<ResolvedChapter>& chapters,
                                              const Environment& env, Diagnostics& diagnostics, const BuildOptions& options) {
    StageTimer timer(options.timings, "layout");
    auto style = options.layout.empty() ? load_layout(env, report.manifest.layout, diagnostics, report.manifest.layout_at)
                                        : load_layout(env, options.layout, diagnostics);
    if (!style) return std::nullopt;
    apply_page_settings(report.manifest.pages, *style);
    std::unique_ptr<FontSetup> own_fonts;
    if (!options.fonts) try {
            own_fonts = std::make_unique<FontSetup>(env.resource_dir());
        } catch (const std::runtime_error& e) {
            diagnostics.error({}, e.what());
            return std::nullopt;
        }
    const FontSetup& fonts = options.fonts ? *options.fonts : *own_fonts;
    ReportInfo info;
    info.title = report.manifest.title;
    info.subtitle = report.manifest.subtitle;
    info.municipality = report.data.report_field("rapport.kommune");
    info.year = report.manifest.year;
    info.date = document_date(report.manifest, env);
    for (const auto& k : report.manifest.keywords) info.keywords += (info.keywords.empty() ? "" : ", ") + k;
    info.language = report.manifest.language == "nb" ? "nb-NO" : report.manifest.language;
    info.project_root = report.manifest.root;
    info.logo = report.manifest.logo;
    info.logo_at = report.manifest.logo_at;
    info.date_text = format_date(info.date);
    for (const auto& chapter : report.manifest.chapters)
        info.chapter_running[(report.manifest.root / chapter.file).lexically_normal().string()] = {chapter.header, chapter.footer};
    const int threads = options.layout_threads > 0 ? options.layout_threads
                                                   : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
    const auto resolved = resolve_references(
        chapters, {style->label_table, style->label_figure, style->label_page, style->heading_numbering}, diagnostics);
    auto frames = layout_report(info, resolved, *style, fonts, env, diagnostics, threads);
    if (diagnostics.has_errors()) return std::nullopt;
    return frames;
}

std::optional<std::string> pdf_of(const Report& report, const FrameDocument& document, Diagnostics& diagnostics,
                                  const BuildOptions& options) {
    try {
        std::string screen;
        std::vector<TaggedElement> elements;
        {
            StageTimer timer(options.timings, "export");
            screen = export_pdf(document, elements);
        }
        StageTimer timer(options.timings, "finishing");
        return finish_pdf(screen, document, elements, report.icc_profile, report.attachments);
    } catch (const LocatedError& e) {
        diagnostics.error(e.where(), e.what());
        return std::nullopt;
    } catch (const std::exception& e) {
        diagnostics.error({}, e.what());
        return std::nullopt;
    }
}

std::optional<std::string> build_pdf(const Environment& env, const std::filesystem::path& project,
                                     Diagnostics& diagnostics, FrameDocument* frames, const BuildOptions& options) {
    const auto report = load_report(env, project, diagnostics, options);
    if (!report) return std::nullopt;
    auto document = lay_out_report(*report, env, diagnostics, options);
    if (!document) return std::nullopt;
    auto pdf = pdf_of(*report, *document, diagnostics, options);
    if (frames) *frames = std::move(*document);
    return pdf;
}

}  // namespace sats
