#include "pipeline/slides.hpp"

#include <map>

#include "resolve/block_visitor.hpp"

namespace sats {

namespace {

/// The block named `id` ("" = none asked for); an unknown id is added to `errors` at `where`.
template <typename T>
const T* find(const std::map<std::string, const T*>& blocks, const std::string& id, const char* what,
              const SourceLocation& where, Errors& errors) {
    if (id.empty()) return nullptr;
    const auto found = blocks.find(id);
    if (found != blocks.end()) return found->second;
    std::vector<std::string> ids;
    for (const auto& [known, block] : blocks) ids.push_back(known);
    errors.push_back(error_at(where, std::string("no ") + what + " has the id '" + id + "'", did_you_mean(id, ids)));
    return nullptr;
}

/// Adds `content` to `slide` (slide number `index`) as its next block, written at `where`.
void add(ResolvedChapter& slide, int index, decltype(ResolvedBlock::content) content, const SourceLocation& where) {
    const int next = static_cast<int>(slide.blocks.size());
    slide.blocks.push_back({std::move(content), BlockId{index, {next}}, where});
}

}  // namespace

Result<std::vector<ResolvedChapter>> slide_chapters(const std::vector<ResolvedChapter>& chapters) {
    Errors errors;
    std::map<std::string, const Numbered<Chart>*> charts;
    std::map<std::string, const Numbered<Table>*> tables;
    for (const auto& chapter : chapters)
        for_each_block(chapter.blocks, [&](const ResolvedBlock& block) {
            if (const auto* chart = std::get_if<Numbered<Chart>>(&block.content); chart && !chart->id.empty()) charts[chart->id] = chart;
            if (const auto* table = std::get_if<Numbered<Table>>(&block.content); table && !table->id.empty()) tables[table->id] = table;
        });
    std::vector<ResolvedChapter> slides;
    for (const auto& chapter : chapters)
        for_each_block(chapter.blocks, [&](const ResolvedBlock& block) {
            const auto* findings = std::get_if<KeyFindings>(&block.content);
            if (!findings) return;
            const int index = static_cast<int>(slides.size());
            ResolvedChapter slide{chapter.file, {}};
            add(slide, index, Numbered<Heading>{Heading{1, {TextRun{findings->title}}}}, block.where);
            ResolvedList points;
            for (std::size_t i = 0; i < findings->points.size(); ++i)
                points.items.push_back({{{Paragraph{findings->points[i]}, BlockId{index, {1, static_cast<int>(i), 0}}, block.where}}});
            add(slide, index, std::move(points), block.where);
            if (const auto* chart = find(charts, findings->figure, "chart", findings->figure_at, errors)) {
                Numbered<Chart> chart_on_slide = *chart;
                chart_on_slide.height = 0;  // the slide layout's height, not the report's
                add(slide, index, std::move(chart_on_slide), block.where);
            }
            if (const auto* table = find(tables, findings->table, "table", findings->table_at, errors))
                add(slide, index, *table, block.where);
            slides.push_back(std::move(slide));
        });
    if (!errors.empty()) return errors;
    return slides;
}

std::optional<FrameDocument> lay_out_slides(const Report& report, const Environment& env, Diagnostics& diagnostics,
                                            const BuildOptions& options) {
    auto made = slide_chapters(report.chapters);
    if (made.ok() && made->empty())
        made = error_at(report.manifest.chapters.empty() ? SourceLocation{report.manifest.path} : report.manifest.chapters.front().where,
                        "the slides show the chapters' main findings, and these chapters have none",
                        "add a ```hovedfunn block (tittel, punkter, figur) to the chapters");
    const auto slides = std::move(made).report(diagnostics);
    if (!slides) return std::nullopt;
    BuildOptions deck = options;
    deck.layout = "lysbilder";
    return lay_out_chapters(report, *slides, env, diagnostics, deck);
}

}  // namespace sats
