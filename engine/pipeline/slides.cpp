#include "pipeline/slides.hpp"

#include <map>

namespace sats {

namespace {

/// The block named `id` ("" = none asked for); an unknown id is reported at `where`.
template <typename T>
const T* find(const std::map<std::string, const T*>& blocks, const std::string& id, const char* what,
              const SourceLocation& where, Diagnostics& diagnostics) {
    if (id.empty()) return nullptr;
    const auto found = blocks.find(id);
    if (found != blocks.end()) return found->second;
    std::vector<std::string> ids;
    for (const auto& [known, block] : blocks) ids.push_back(known);
    diagnostics.error(where, std::string("no ") + what + " has the id '" + id + "'", did_you_mean(id, ids));
    return nullptr;
}

}  // namespace

std::vector<Chapter> slide_chapters(const std::vector<Chapter>& chapters, Diagnostics& diagnostics) {
    std::map<std::string, const Chart*> charts;
    std::map<std::string, const Table*> tables;
    for (const auto& chapter : chapters)
        for (const auto& block : chapter.blocks) {
            if (const auto* chart = std::get_if<Chart>(&block.content); chart && !chart->id.empty()) charts[chart->id] = chart;
            if (const auto* table = std::get_if<Table>(&block.content); table && !table->id.empty()) tables[table->id] = table;
        }
    std::vector<Chapter> slides;
    for (const auto& chapter : chapters)
        for (const auto& block : chapter.blocks) {
            const auto* findings = std::get_if<KeyFindings>(&block.content);
            if (!findings) continue;
            Chapter slide{chapter.file, {}};
            slide.blocks.push_back({Heading{1, {TextRun{findings->title}}}, block.where});
            List points;
            for (const auto& point : findings->points) points.items.push_back({{{Paragraph{point}, block.where}}});
            slide.blocks.push_back({std::move(points), block.where});
            if (const Chart* chart = find(charts, findings->figure, "chart", findings->figure_at, diagnostics)) {
                Chart chart_on_slide = *chart;
                chart_on_slide.height = 0;  // the slide layout's height, not the report's
                slide.blocks.push_back({std::move(chart_on_slide), block.where});
            }
            if (const Table* table = find(tables, findings->table, "table", findings->table_at, diagnostics))
                slide.blocks.push_back({*table, block.where});
            slides.push_back(std::move(slide));
        }
    return slides;
}

std::optional<FrameDocument> lay_out_slides(const Report& report, const Environment& env, Diagnostics& diagnostics,
                                            const BuildOptions& options) {
    const auto errors = diagnostics.error_count();
    const auto slides = slide_chapters(report.chapters, diagnostics);
    if (slides.empty())
        diagnostics.error({report.manifest.path}, "the slides show the chapters' main findings, and there are none",
                          "add a ```hovedfunn block (tittel, punkter, figur) to the chapters");
    if (diagnostics.error_count() > errors) return std::nullopt;
    BuildOptions deck = options;
    deck.layout = "lysbilder";
    return lay_out_chapters(report, slides, env, diagnostics, deck);
}

}  // namespace sats
