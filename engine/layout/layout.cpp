#include "layout/layout.hpp"

#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>


#include "core/parallel.hpp"
#include "layout/layout_context.hpp"

namespace sats {

void place_lines(const TextBlock& block, LayoutContext& c, double x) {
    const auto& lines = block.lines();
    std::size_t next = 0;
    while (next < lines.size()) {
        // How many of the remaining lines fit on this page?
        std::size_t fit = 0;
        double height = 0;
        while (next + fit < lines.size() && c.flow.y + height + lines[next + fit].height <= c.flow.style().bottom()) {
            height += lines[next + fit].height;
            ++fit;
        }
        const std::size_t left = lines.size() - next;
        if (fit < left) {
            const std::size_t room = fit;
            if (left - fit < 2) fit = fit >= 2 - (left - fit) ? fit - (2 - (left - fit)) : 0;  // no widow
            if (fit < 2) fit = 0;                                                            // no orphan
            if (fit == 0 && c.flow.at_top()) fit = std::max<std::size_t>(room, 1);  // taller than a page: break anyway
        }
        for (std::size_t i = 0; i < fit; ++i) {
            block.place_line(next + i, x, c.flow.y, c.flow.items());
            c.flow.y += lines[next + i].height;
        }
        next += fit;
        if (next < lines.size()) c.flow.new_page();
    }
}

namespace {

/// Lays out the blocks of the chapters onto pages.
class Layouter {
public:
    Layouter(LayoutContext& context, FrameDocument& document) : c_(context), document_(document) {}

    void cover(const ReportInfo& info) {
        c_.flow.new_page(true);
        const auto& s = c_.style;
        const double band = s.page_height * s.cover_band;
        {
            auto artifact = c_.flow.group(Role::artifact);
            c_.flow.items().push_back(FilledRect{0, 0, s.page_width, band, s.accent});
        }
        TextSettings title = c_.body(s.text_width());
        title.style = s.headings[0];
        title.style.size = s.headings[0].size * 1.6;
        title.style.color = {1, 1, 1};
        title.line_height = 1.1;
        title.justify = false;
        double y = s.page_height * 0.18;
        // One paragraph of the cover.
        auto place = [&](const std::string& text, const TextSettings& settings) {
            auto paragraph = c_.flow.group(Role::p);
            if (text.empty()) return;
            const TextBlock& block = c_.shape_plain({TextRun{text}}, settings);
            for (std::size_t i = 0; i < block.lines().size(); ++i) {
                block.place_line(i, s.margin_left, y, c_.flow.items());
                y += block.lines()[i].height;
            }
            y += 8;
        };
        place(info.title, title);
        TextSettings subtitle = title;
        subtitle.style.size = s.headings[1].size;
        subtitle.style.weight = "normal";
        place(info.subtitle, subtitle);
        y = band + 30;
        TextSettings meta = c_.body(s.text_width());
        meta.style.size = s.headings[2].size;
        meta.style.color = s.accent;
        meta.style.weight = "semibold";
        place(info.municipality + (info.year ? " · " + std::to_string(info.year) : ""), meta);
        if (!info.logo.empty()) cover_logo(info.logo, info.logo_at);
    }

    /// The municipality's logo (PNG) at the foot of the cover, at most 120 × 60 pt; `where` is
    /// the manifest's `logo` key (its problems were reported there by the ImageStore).
    void cover_logo(const std::string& file, const SourceLocation& where) {
        const auto& s = c_.style;
        const auto path = (c_.project_root / file).lexically_normal();
        const auto bitmap = c_.images.find(file);
        if (!bitmap) return;
        const double scale = std::min(120.0 / bitmap->width, 60.0 / bitmap->height);
        const double w = bitmap->width * scale, h = bitmap->height * scale;
        auto figure = c_.flow.group(Role::figure, "Logo", {}, where);
        c_.flow.items().push_back(ImageItem{bitmap, path.filename().string(), s.margin_left, s.page_height - s.margin_bottom - h, w, h});
    }

    /// The table of contents: `headings` down to the layout's level, with dot leaders and the
    /// pages of the previous pass, each entry a link.
    void contents(const std::vector<HeadingEntry>& headings) {
        const auto& s = c_.style;
        if (s.toc_title.empty()) return;
        c_.flow.chapter_title = s.toc_title;
        c_.flow.new_page(true);
        TextSettings title = c_.body(s.text_width());
        title.style = s.headings[0];
        title.justify = false;
        {
            auto heading = c_.flow.group(Role::h1);
            place_lines(c_.shape({TextRun{s.toc_title}}, title, {}, false), c_, s.margin_left);
        }
        c_.flow.y += s.heading_space_after[0];
        auto toc = c_.flow.group(Role::toc);
        for (const auto& entry : headings)
            if (entry.level <= s.toc_levels) contents_entry(entry);
    }

    void chapter(const ResolvedChapter& chapter) {
        c_.flow.chapter_title.clear();
        for (const auto& b : chapter.blocks) {
            if (const auto* h = std::get_if<Numbered<Heading>>(&b.content); h && h->level == 1) c_.flow.chapter_title = plain_text(h->text);
        }
        c_.flow.new_page(true);
        blocks(chapter.blocks, c_.style.margin_left, c_.style.text_width());
    }

private:
    void contents_entry(const HeadingEntry& entry) {
        const auto& s = c_.style;
        const double indent = (entry.level - 1) * s.body.size * 1.5;
        const double number_width = s.body.size * 3;
        TextSettings settings = c_.body(s.text_width() - indent - number_width - s.body.size);
        settings.justify = false;
        if (entry.level == 1) {
            settings.style.weight = "semibold";
            c_.flow.y += s.paragraph_space;
        }
        const TextBlock title = c_.shape({TextRun{entry.title}}, settings, {}, false);
        const auto page = c_.references.page(entry.anchor);
        settings.width = number_width;
        settings.align = Align::right;
        settings.tabular = true;
        const TextBlock number = c_.shape({TextRun{page ? std::to_string(*page) : ""}}, settings, {}, false);
        c_.flow.ensure(title.height());
        const double top = c_.flow.y, x = s.margin_left + indent;
        auto item = c_.flow.group(Role::toci);
        place_lines(title, c_, x);
        // Dot leaders from the end of the title's last line to the page number.
        const double last_top = c_.flow.y - title.lines().back().height;
        settings.width = 0;
        settings.align = Align::left;
        settings.style.weight = "normal";
        const TextBlock dot = c_.shape({TextRun{". "}}, settings, {}, false);
        const double dots_from = x + title.lines().back().width + s.body.size * 0.5;
        const double dots_to = s.margin_left + s.text_width() - number_width;  // one grid for every entry
        const int count = dot.width() > 0 ? static_cast<int>((dots_to - dots_from) / dot.width()) : 0;
        for (int i = 0; i < count; ++i) dot.place_line(0, dots_to - (count - i) * dot.width(), last_top, c_.flow.items());
        number.place_line(0, s.margin_left + s.text_width() - number_width, last_top, c_.flow.items());
        c_.flow.items().push_back(LinkArea{s.margin_left, top, s.text_width(), c_.flow.y - top, "#" + entry.anchor,
                                           entry.title + (page ? ", " + s.label_page + " " + std::to_string(*page) : "")});
    }

    void blocks(const std::vector<ResolvedBlock>& list, double x, double width) {
        for (const auto& b : list) {
            block(b, x, width);
            // A heading stays with what follows it, even a figure or table that moves whole.
            if (std::holds_alternative<Numbered<Heading>>(b.content)) continue;
            c_.flow.release();
        }
    }

    void block(const ResolvedBlock& b, double x, double width) {
        std::visit([&](const auto& content) { place(content, b.where, x, width); }, b.content);
    }

    void place(const Numbered<Heading>& h, const SourceLocation& where, double x, double width) {
        const auto level = static_cast<std::size_t>(h.level - 1);
        TextSettings settings = c_.body(width);
        settings.style = c_.style.headings[level];
        settings.line_height = 1.2;
        settings.justify = false;
        const TextBlock block = c_.shape(h.text, settings, where, false);
        const double before = c_.flow.at_top() ? 0 : c_.style.heading_space_before[level];
        const double body_line = c_.style.body.size * c_.style.line_height;
        // Keep the heading with at least three lines of what follows.
        c_.flow.ensure(before + block.height() + c_.style.heading_space_after[level] + 3 * body_line);
        if (!c_.flow.at_top()) c_.flow.y += before;
        c_.flow.keep_with_next();
        const std::string& anchor = h.numbering.anchor;
        c_.flow.items().push_back(Anchor{anchor, c_.flow.y});
        if (h.level <= 3) document_.outline.push_back({plain_text(h.text), h.level, anchor});
        {
            auto heading = c_.flow.group(heading_role(h.level), {}, {}, where);
            place_lines(block, c_, x);
        }
        c_.flow.y += c_.style.heading_space_after[level];
    }

    void place(const Paragraph& p, const SourceLocation& where, double x, double width) {
        {
            auto paragraph = c_.flow.group(Role::p, {}, {}, where);
            place_lines(c_.shape(p.text, c_.body(width), where), c_, x);
        }
        c_.flow.y += c_.style.paragraph_space;
    }

    void place(const ResolvedList& list, const SourceLocation& where, double x, double width) {
        const double indent = c_.style.body.size * 1.5;
        {
        auto list_group = c_.flow.group(Role::l, {}, {}, where);
        int number = list.start;
        for (const auto& item : list.items) {
            const std::string label = list.ordered ? std::to_string(number++) + "." : "\u2022";
            TextSettings marker = c_.body(indent);
            marker.justify = false;
            const TextBlock label_block = c_.shape({TextRun{label}}, marker, where);
            c_.flow.ensure(2 * label_block.height());  // the label with the first two lines of its item
            auto list_item = c_.flow.group(Role::li);
            {
                auto label_group = c_.flow.group(Role::lbl);
                label_block.place_line(0, x, c_.flow.y, c_.flow.items());
            }
            auto body = c_.flow.group(Role::lbody);
            const double before = c_.flow.y;
            for (const auto& child : item.blocks) {
                // Paragraphs inside list items sit tight; the list adds its own spacing.
                block(child, x + indent, width - indent);
                if (std::holds_alternative<Paragraph>(child.content)) c_.flow.y -= c_.style.paragraph_space * 0.7;
            }
            if (c_.flow.y == before) c_.flow.y += label_block.height();
        }
        }
        c_.flow.y += c_.style.paragraph_space;
    }

    void place(const Numbered<Table>& table, const SourceLocation& where, double x, double width) {
        layout_table(table, where, c_, x, width);
    }

    void place(const KeyFindings&, const SourceLocation&, double, double) {}       // for slides and the web summary

    void place(const ResolvedFieldBlock& fields, const SourceLocation& where, double x, double width) {
        layout_fields(fields, where, c_, x, width, document_.pages, [this](LayoutContext& c, const std::vector<ResolvedBlock>& blocks, double at, double w) {
            Layouter(c, document_).blocks(blocks, at, w);
        });
    }

    void place(const Numbered<Chart>& chart, const SourceLocation& where, double x, double width) {
        layout_chart(chart, where, c_, x, width);
    }

    void place(const Numbered<Image>& image, const SourceLocation& where, double x, double width) {
        const auto path = (c_.project_root / image.path).lexically_normal();
        const auto bitmap = c_.images.find(image.path);
        if (!bitmap) return;
        // 150 dpi, at most the text width.
        double w = bitmap->width * 72.0 / 150.0;
        double h = bitmap->height * 72.0 / 150.0;
        if (w > width) {
            h *= width / w;
            w = width;
        }
        const std::string& caption = image.numbering.caption;
        std::optional<TextBlock> caption_block;
        if (!caption.empty()) caption_block.emplace(small_text(c_, caption, c_.style.caption_size, width, true, where));
        c_.flow.ensure(h + (caption_block ? caption_block->height() + 4 : 0));  // a figure moves whole to the next page
        c_.flow.items().push_back(Anchor{image.numbering.anchor, c_.flow.y});
        {
            auto figure = c_.flow.group(Role::figure, image.alt, {}, where);
            c_.flow.items().push_back(ImageItem{bitmap, path.filename().string(), x, c_.flow.y, w, h});
        }
        c_.flow.y += h + 4;
        if (caption_block) {
            auto caption_group = c_.flow.group(Role::caption, {}, {}, where);
            place_lines(*caption_block, c_, x);
        }
        c_.flow.y += c_.style.paragraph_space * 2;
    }

    void place(const PageBreak&, const SourceLocation&, double, double) {
        if (!c_.flow.at_top()) c_.flow.new_page();
    }

    void place(const CodeBlock& code, const SourceLocation& where, double x, double width) {
        TextSettings settings = c_.body(width);
        settings.style = c_.style.code;
        settings.justify = false;
        settings.line_height = 1.25;
        std::string text = code.text;
        if (!text.empty() && text.back() == '\n') text.pop_back();
        {
            auto code_group = c_.flow.group(Role::code, {}, {}, where);
            place_lines(c_.shape({TextRun{text}}, settings, where), c_, x);
        }
        c_.flow.y += c_.style.paragraph_space;
    }

    void place(const Rule&, const SourceLocation&, double x, double width) {
        c_.flow.ensure(12);
        c_.flow.y += 6;
        c_.flow.items().push_back(Line{x, c_.flow.y, x + width, c_.flow.y, 0.5, c_.style.table_rule});
        c_.flow.y += 6;
    }

    void place(const Notes& notes, const SourceLocation& where, double x, double width) {
        c_.flow.y += c_.style.paragraph_space;
        c_.flow.items().push_back(Line{x, c_.flow.y, x + width * 0.3, c_.flow.y, 0.5, c_.style.table_rule});
        c_.flow.y += 4;
        TextSettings settings = c_.body(width);
        settings.style.size = c_.style.note_size;
        settings.justify = false;
        for (std::size_t i = 0; i < notes.items.size(); ++i) {
            Inlines text{TextRun{std::to_string(i + 1) + " "}};
            text.insert(text.end(), notes.items[i].begin(), notes.items[i].end());
            auto note = c_.flow.group(Role::note, {}, {}, where);
            place_lines(c_.shape(text, settings, where), c_, x);
        }
    }

    LayoutContext& c_;
    FrameDocument& document_;
};

/// Page numbers in the footer and the chapter title in the header, except on the cover
/// and on chapter openers (which show no header).
void add_running_elements(FrameDocument& document, const PageFlow& flow, const ReportInfo& info, LayoutContext& c) {
    const auto& s = c.style;
    TextSettings settings = c.body(s.text_width());
    settings.style = s.footer;
    settings.justify = false;
    for (std::size_t p = 1; p < document.pages.size(); ++p) {
        auto& items = document.pages[p].items;
        std::vector<FrameItem> running;
        settings.align = Align::center;
        if (!flow.openers[p] || s.footer_on_openers) {
            const TextBlock& number = c.shape_plain({TextRun{std::to_string(p + 1)}}, settings);
            number.place_line(0, s.margin_left, s.page_height - s.margin_bottom + 18, running);
        }
        if (s.header && (!flow.openers[p] || s.header_on_openers)) {
            settings.align = Align::left;
            const TextBlock& title = c.shape_plain({TextRun{info.title}}, settings);
            title.place_line(0, s.margin_left, s.margin_top - 30, running);
            settings.align = Align::right;
            const TextBlock& chapter = c.shape_plain({TextRun{flow.chapters[p]}}, settings);
            chapter.place_line(0, s.margin_left, s.margin_top - 30, running);
            running.push_back(Line{s.margin_left, s.margin_top - 14, s.page_width - s.margin_right, s.margin_top - 14, 0.4,
                                   s.table_rule});
        }
        // Running elements are artifacts, not part of the text's structure.
        items.insert(items.begin(), Group{Role::artifact, {}, {}, {}, false, false, std::move(running)});
    }
}

}  // namespace

namespace {

/// The page (1-based) of every anchor in `document`.
std::map<std::string, int> anchor_pages(const FrameDocument& document) {
    std::map<std::string, int> pages;
    for (std::size_t p = 0; p < document.pages.size(); ++p)
        for_each<Anchor>(document.pages[p].items,
                         [&](const Anchor& anchor) { pages.emplace(anchor.name, static_cast<int>(p) + 1); });
    return pages;
}

/// The pages of one chapter, laid out on their own: every chapter starts on a new page, so
/// chapters can be laid out in parallel and their pages joined in order.
struct ChapterPages {
    FrameDocument document;
    std::unique_ptr<PageFlow> flow;
    Diagnostics diagnostics;
};

/// One pango context per layout thread; the first is the main thread's.
using ThreadContexts = std::vector<PangoContext*>;

/// One layout pass with the pages of the previous pass. Chapters are laid out on as many
/// threads as there are `contexts`, taking the next chapter as they finish one.
FrameDocument lay_out_once(const ReportInfo& info, const ResolvedDocument& resolved, const LayoutStyle& style,
                           ShapeCache& shapes, const ThreadContexts& contexts, const Environment& env, const ImageStore& images,
                           const Hyphenator* hyphenator, const References& references, Diagnostics& diagnostics) {
    FrameDocument document;
    document.info.title = info.title;
    document.info.subject = info.subtitle;
    document.info.author = info.municipality;
    document.info.keywords = info.keywords;
    document.info.language = info.language;
    document.info.date = info.date;
    document.info.web = web_look(style);
    PageFlow flow(style, document);
    LayoutContext context{contexts[0], shapes, style, flow, diagnostics, env, images, info.project_root, hyphenator, references};
    Layouter layouter(context, document);
    layouter.cover(info);
    layouter.contents(resolved.headings);

    const auto& chapters = resolved.chapters;
    std::vector<ChapterPages> parts(chapters.size());
    parallel_for(chapters.size(), static_cast<int>(contexts.size()), [&](int worker, std::size_t i) {
        ChapterPages& part = parts[i];
        part.flow = std::make_unique<PageFlow>(style, part.document);
        LayoutContext c{contexts[worker], shapes, style, *part.flow, part.diagnostics, env, images, info.project_root, hyphenator, references};
        Layouter(c, part.document).chapter(chapters[i]);
    });
    for (auto& part : parts) {
        for (auto& page : part.document.pages) document.pages.push_back(std::move(page));
        for (auto& entry : part.document.outline) document.outline.push_back(std::move(entry));
        flow.openers.insert(flow.openers.end(), part.flow->openers.begin(), part.flow->openers.end());
        flow.chapters.insert(flow.chapters.end(), part.flow->chapters.begin(), part.flow->chapters.end());
        for (const auto& d : part.diagnostics.all()) diagnostics.add(d);
    }
    add_running_elements(document, flow, info, context);
    return document;
}

constexpr int kMaxPasses = 5;

}  // namespace

FrameDocument layout_report(const ReportInfo& info, const ResolvedDocument& resolved, const LayoutStyle& style,
                            const FontSetup& fonts, const Environment& env, Diagnostics& diagnostics, int threads) {
    warn_missing_fonts(style, fonts, diagnostics);
    std::shared_ptr<const Hyphenator> hyphenator;
    if (style.hyphenate) {
        try {
            hyphenator = shared_hyphenator(style.hyphenation_dictionary, style.hyphenation_exceptions, style.hyphenation_words);
        } catch (const std::runtime_error& e) {
            diagnostics.error(style.hyphenation_at, e.what(), "install the Debian package hyphen-no, or set hyphenate = false in the layout");
            return {};
        }
    }
    const ImageStore images(env, info.project_root, info.logo, info.logo_at, resolved, diagnostics);
    References references;
    // Page numbers in the contents and in "side N" references can move pages; lay out again
    // with the pages found until they stop changing (two passes, usually).
    ShapeCache shapes(env);
    // Pango font maps are not shared between threads: each helper thread gets fonts of its own.
    std::vector<std::unique_ptr<FontSetup>> helper_fonts;
    ThreadContexts contexts{fonts.context()};
    const int useful = std::min<int>(threads, static_cast<int>(resolved.chapters.size()));
    try {
        for (int t = 1; t < useful; ++t) {
            helper_fonts.push_back(std::make_unique<FontSetup>(env.resource_dir()));
            contexts.push_back(helper_fonts.back()->context());
        }
    } catch (const std::runtime_error&) {
        // The main thread's fonts loaded, so this does not happen; if it did, fewer threads do the work.
    }
    for (int pass = 1;; ++pass) {
        Diagnostics pass_diagnostics;
        FrameDocument document = lay_out_once(info, resolved, style, shapes, contexts, env, images, hyphenator.get(), references,
                                              pass_diagnostics);
        auto pages = anchor_pages(document);
        const bool settled = pages == references.pages();
        if (settled || pass == kMaxPasses) {
            for (const auto& d : pass_diagnostics.all()) diagnostics.add(d);
            if (!settled) diagnostics.warning({}, "page numbers in the table of contents did not settle after " +
                                                      std::to_string(kMaxPasses) + " layout passes");
            return document;
        }
        references.set_pages(std::move(pages));
    }
}

}  // namespace sats
