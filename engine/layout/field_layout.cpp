// Field blocks: each field a row of a label column and a value column on the text grid, in the
// layout's [fields] look (a box, rules, or the columns alone). A block that fits on a page is
// kept on one; a longer one is split between fields, and a field taller than a page between
// the lines of its value, never leaving its label alone at the foot of a page. Tagged as a
// table: a TR per field, the label a TH with scope Row, the value a TD.
#include <algorithm>

#include "layout/layout_context.hpp"

namespace sats {

namespace {

/// The lines of a value there must be room for beside its label at a page foot: a paragraph
/// leaves at least two there (of three, it moves whole rather than leave one line alone).
constexpr int kLinesWithLabel = 3;

/// A field's value laid out on an endless page, where it cannot break.
struct LaidOutValue {
    std::vector<FrameItem> items;  ///< at the value column, the value's top at 0
    double height = 0;             ///< from the top of its first line to the foot of its last
    Diagnostics found;             ///< what laying it out reported
};

/// `blocks` laid out at `x` and `width` on an endless page.
LaidOutValue lay_out_value(const std::vector<ResolvedBlock>& blocks, LayoutContext& c, double x, double width,
                           const PlaceBlocks& place_blocks) {
    LaidOutValue value;
    LayoutStyle endless = c.style;
    endless.page_height = 1e7;
    FrameDocument scratch;
    PageFlow flow(endless, scratch);
    flow.new_page();
    LayoutContext m{c.pango, c.shapes, endless, flow, value.found, c.env, c.images, c.project_root, c.hyphenator, c.references};
    place_blocks(m, blocks, x, width);
    value.items = std::move(scratch.pages.front().items);
    double first = 0, last = 0;
    bool any = false;
    for (auto& item : value.items) translate(item, 0, -endless.margin_top);
    for_each<GlyphRun>(value.items, [&](const GlyphRun& run) {
        first = any ? std::min(first, run.y) : run.y;
        last = any ? std::max(last, run.y) : run.y;
        any = true;
    });
    // Body lines throughout: the first baseline lies as far below the top as the last above the foot.
    value.height = any ? last - first + c.style.body.size * c.style.line_height : 0;
    return value;
}

/// The items of the field table continued at the top of `page`: the groups open around it were
/// continued there first, outermost first. Null if there is none.
std::vector<FrameItem>* continued_table(Page& page) {
    auto* items = &page.items;
    while (!items->empty()) {
        auto* group = std::get_if<Group>(&items->front());
        if (!group || !group->continued) return nullptr;
        if (group->role == Role::table) return &group->items;
        items = &group->items;
    }
    return nullptr;
}

/// A field shaped and measured: its label, its value and the height of its row.
struct MeasuredField {
    const ResolvedField* field;
    TextBlock label;
    LaidOutValue value;
    double height;  ///< the row with its padding
};

/// The part of a block on one page: where its items start in the block's table element there,
/// and its top, for the decoration drawn when the part ends.
struct Part {
    std::vector<FrameItem>* items;  ///< stays valid on later pages: only the open group on the newest page grows
    std::size_t first;
    double top;
};

/// Draws the look of a part from `part.top` to `bottom`: a box behind it, or rules above and below.
void decorate(const Part& part, double bottom, double x, double width, const LayoutStyle& s) {
    if (s.fields_style == "box") {
        Path box{{{PathStep::move, x, part.top}, {PathStep::line, x + width, part.top}, {PathStep::line, x + width, bottom},
                  {PathStep::line, x, bottom}, {PathStep::close}},
                 s.fields_background,
                 s.fields_border_width > 0 ? std::optional<Color>(s.fields_border) : std::nullopt,
                 s.fields_border_width,
                 {}};
        part.items->insert(part.items->begin() + static_cast<std::ptrdiff_t>(part.first), std::move(box));
    } else if (s.fields_style == "rules" && s.fields_rule_width > 0) {
        for (const double y : {part.top, bottom}) part.items->push_back(Line{x, y, x + width, y, s.fields_rule_width, s.fields_rule});
    }
}

}  // namespace

void layout_fields(const ResolvedFieldBlock& fields, const SourceLocation& where, LayoutContext& c, double x, double width,
                   std::vector<Page>& pages, const PlaceBlocks& place_blocks) {
    const auto& s = c.style;
    if (fields.items.empty()) return;
    const double pad = s.fields_padding;
    const double inset = s.fields_style == "box" ? pad : 0;  // the box has room at its sides
    const double label_x = x + inset;
    const double value_x = label_x + s.fields_label_width + s.fields_gap;
    const double value_width = x + width - inset - value_x;
    TextSettings label_settings = c.body(s.fields_label_width);
    label_settings.justify = false;
    label_settings.style.weight = s.fields_label_weight;
    label_settings.style.color = s.fields_label_color;

    std::vector<MeasuredField> measured;
    double whole = 0;
    for (const auto& field : fields.items) {
        TextBlock label = c.shape({TextRun{field.label}}, label_settings, field.where, false);
        LaidOutValue value = lay_out_value(field.blocks, c, value_x, value_width, place_blocks);
        const double height = 2 * pad + std::max(label.height(), value.height);
        whole += height;
        measured.push_back({&field, std::move(label), std::move(value), height});
    }
    const double page = s.bottom() - s.margin_top;
    const double body_line = s.body.size * s.line_height;
    // What must fit below the cursor before field `m` starts: the whole field, or for one
    // taller than a page its label with the first lines of its value.
    const auto start_of = [&](const MeasuredField& m) {
        return m.height <= page ? m.height : 2 * pad + std::max(m.label.height(), kLinesWithLabel * body_line);
    };
    c.flow.ensure(whole <= page ? whole : start_of(measured.front()));

    auto table = c.flow.group(Role::table, {}, {}, where);
    Part part{&c.flow.items(), c.flow.items().size(), c.flow.y};
    const auto new_part = [&](double bottom) {
        decorate(part, bottom, x, width, s);
        part = {&c.flow.items(), c.flow.items().size(), c.flow.y};
    };
    for (auto& m : measured) {
        if (c.flow.y > part.top && start_of(m) > c.flow.remaining()) {
            const double bottom = c.flow.y;
            c.flow.new_page();
            new_part(bottom);
        } else if (c.flow.y > part.top && s.fields_style != "plain" && s.fields_rule_width > 0) {
            c.flow.items().push_back(Line{x, c.flow.y, x + width, c.flow.y, s.fields_rule_width, s.fields_rule});
        }
        const double top = c.flow.y;
        const std::size_t first_page = c.flow.page_index();
        {
            auto row = c.flow.group(Role::tr, {}, {}, m.field->where);
            {
                auto label = c.flow.group(Role::th_row);
                double y = top + pad;
                for (std::size_t l = 0; l < m.label.lines().size(); y += m.label.lines()[l++].height)
                    m.label.place_line(l, label_x, y, c.flow.items());
            }
            auto value = c.flow.group(Role::td);
            if (m.height <= page) {  // it fits below the cursor: the value as laid out, unbroken
                for (auto& item : m.value.items) {
                    translate(item, 0, top + pad);
                    c.flow.items().push_back(std::move(item));
                }
                for (const auto& d : m.value.found.all()) c.diagnostics.add(d);
            } else {  // taller than a page: laid out again on the pages, breaking between its lines
                c.flow.y = top + pad;
                place_blocks(c, m.field->blocks, value_x, value_width);
            }
        }
        if (c.flow.page_index() == first_page) {
            c.flow.y = top + m.height;
        } else {  // split between the lines of its value: the parts before end at the page foot
            // Its text runs to the page foot and on from the top: the parts reach a padding beyond.
            c.flow.y += pad - s.paragraph_space;
            decorate(part, s.bottom() + pad, x, width, s);
            for (std::size_t p = first_page + 1; p < c.flow.page_index(); ++p)
                if (auto* items = continued_table(pages[p])) decorate({items, 0, s.margin_top - pad}, s.bottom() + pad, x, width, s);
            part = {&c.flow.items(), 0, s.margin_top - pad};  // the row continued at the top opened this page's part
        }
    }
    decorate(part, c.flow.y, x, width, s);
    c.flow.y += s.fields_space_after;
}

}  // namespace sats
