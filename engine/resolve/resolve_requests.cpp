#include "resolve/resolve_requests.hpp"

#include <optional>

#include "data/chart_builder.hpp"
#include "data/table_builder.hpp"

namespace sats {

namespace {

using ResolvedContent = decltype(ResolvedBlock::content);

/// Turns content blocks into resolved blocks, building requests on the way.
class RequestResolver {
public:
    RequestResolver(const DataCatalog& catalog, Diagnostics& diagnostics) : catalog_(catalog), diagnostics_(diagnostics) {}

    /// The resolved `blocks`, whose ids extend `parent`'s path.
    std::vector<ResolvedBlock> blocks(const std::vector<Block>& blocks, const BlockId& parent) {
        std::vector<ResolvedBlock> out;
        for (std::size_t i = 0; i < blocks.size(); ++i) {
            BlockId id = parent;
            id.path.push_back(static_cast<int>(i));
            auto content = std::visit([&](const auto& c) { return resolve(c, id); }, blocks[i].content);
            if (content) out.push_back({std::move(*content), std::move(id), blocks[i].where});
        }
        return out;
    }

private:
    std::optional<ResolvedContent> resolve(const Heading& heading, const BlockId&) { return Numbered<Heading>{heading}; }
    std::optional<ResolvedContent> resolve(const Table& table, const BlockId&) { return Numbered<Table>{table}; }
    std::optional<ResolvedContent> resolve(const Chart& chart, const BlockId&) { return Numbered<Chart>{chart}; }
    std::optional<ResolvedContent> resolve(const Image& image, const BlockId&) { return Numbered<Image>{image}; }

    std::optional<ResolvedContent> resolve(const DataTableRequest& request, const BlockId&) {
        auto table = build_table(request, catalog_).report(diagnostics_);
        if (!table) return std::nullopt;
        return Numbered<Table>{std::move(*table)};
    }

    std::optional<ResolvedContent> resolve(const ChartRequest& request, const BlockId&) {
        auto chart = build_chart(request, catalog_).report(diagnostics_);
        if (!chart) return std::nullopt;
        return Numbered<Chart>{std::move(*chart)};
    }

    std::optional<ResolvedContent> resolve(const List& list, const BlockId& id) {
        ResolvedList out{list.ordered, list.start, {}};
        for (std::size_t i = 0; i < list.items.size(); ++i) out.items.push_back({blocks(list.items[i].blocks, item_id(id, i))});
        return out;
    }

    std::optional<ResolvedContent> resolve(const FieldBlock& fields, const BlockId& id) {
        ResolvedFieldBlock out;
        for (std::size_t i = 0; i < fields.items.size(); ++i) {
            const Field& field = fields.items[i];
            out.items.push_back({field.label, blocks(field.blocks, item_id(id, i)), field.where});
        }
        return out;
    }

    /// The id of item `index` of the list or field block `id`: the blocks inside extend it.
    static BlockId item_id(BlockId id, std::size_t index) {
        id.path.push_back(static_cast<int>(index));
        return id;
    }

    /// Paragraphs, code, rules, notes, breaks and main findings need nothing resolved.
    template <typename Other>
    std::optional<ResolvedContent> resolve(const Other& block, const BlockId&) {
        return block;
    }

    const DataCatalog& catalog_;
    Diagnostics& diagnostics_;
};

}  // namespace

std::vector<ResolvedChapter> resolve_requests(const std::vector<Chapter>& chapters, const DataCatalog& catalog,
                                              Diagnostics& diagnostics) {
    RequestResolver resolver(catalog, diagnostics);
    std::vector<ResolvedChapter> out;
    for (std::size_t c = 0; c < chapters.size(); ++c)
        out.push_back({chapters[c].file, resolver.blocks(chapters[c].blocks, BlockId{static_cast<int>(c), {}})});
    return out;
}

}  // namespace sats
