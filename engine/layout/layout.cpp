#include "layout/layout.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <memory>
#include <set>
#include <stdexcept>


#include "core/counter_format.hpp"
#include "core/parallel.hpp"
#include "layout/layout_context.hpp"
#include "layout/running_elements.hpp"

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
        c_.flow.chapter_file = chapter.file;
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
        const TextBlock title = c_.shape({TextRun{entry.number.empty() ? entry.title : entry.number + "\u2002" + entry.title}}, settings, {}, false);
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
        for (std::size_t i = 0; i < list.size(); ++i) {
            const auto& b = list[i];
            const auto* heading = std::get_if<Numbered<Heading>>(&b.content);
            const auto* next = i + 1 < list.size() ? std::get_if<Paragraph>(&list[i + 1].content) : nullptr;
            if (heading && heading->run_in && next) {
                paragraph(run_in_text(*heading, next->text), list[i + 1].where, x, width, heading);
                ++i;
            } else {
                block(b, x, width);
            }
            // A heading or a bold lead-in stays with what follows it, even a figure or table that moves whole.
            const auto* text = std::get_if<Paragraph>(&b.content);
            if (heading || (text && lead_in(text->text))) continue;
            c_.flow.release();
        }
    }

    /// Whether the text of a paragraph is all in bold (a lead-in that introduces what follows).
    static bool lead_in(const Inlines& text) {
        return !text.empty() && std::all_of(text.begin(), text.end(), [](const TextRun& run) {
                   return run.strong || run.text.find_first_not_of(' ') == std::string::npos;
               });
    }

    /// The text of a run-in heading set in bold at the start of `text`: "1.2 Tittel. Tekst …".
    Inlines run_in_text(const Numbered<Heading>& h, const Inlines& text) const {
        Inlines out;
        if (!h.numbering.label.empty()) out.push_back({h.numbering.label + " ", false, true});
        for (TextRun run : h.text) {
            run.strong = true;
            out.push_back(std::move(run));
        }
        const std::string title = plain_text(h.text);
        const bool ends_in_stop = !title.empty() && std::string(".:?!").find(title.back()) != std::string::npos;
        out.push_back({ends_in_stop ? " " : c_.style.run_in_separator, false, !ends_in_stop});
        out.insert(out.end(), text.begin(), text.end());
        return out;
    }

    /// The heading's anchor at the cursor, and its entry in the outline.
    void mark_heading(const Numbered<Heading>& h) {
        c_.flow.items().push_back(Anchor{h.numbering.anchor, c_.flow.y});
        if (h.level <= 3) document_.outline.push_back({heading_title(h), h.level, h.numbering.anchor});
    }

    /// The heading's number and title as one line of text ("2.1 Skole").
    static std::string heading_title(const Numbered<Heading>& h) {
        return h.numbering.label.empty() ? plain_text(h.text) : h.numbering.label + " " + plain_text(h.text);
    }

    void block(const ResolvedBlock& b, double x, double width) {
        std::visit([&](const auto& content) { place(content, b.where, x, width); }, b.content);
    }

    void place(const Numbered<Heading>& h, const SourceLocation& where, double x, double width) {
        if (h.run_in) {  // with no paragraph after it: a bold line of its own
            paragraph(run_in_text(h, {}), where, x, width, &h);
            return;
        }
        const auto level = static_cast<std::size_t>(h.level - 1);
        TextSettings settings = c_.body(width);
        settings.style = c_.style.headings[level];
        settings.line_height = 1.2;
        settings.justify = false;
        Inlines text = h.text;
        if (!h.numbering.label.empty()) text.insert(text.begin(), TextRun{h.numbering.label + "\u2002"});
        const TextBlock block = c_.shape(text, settings, where, false);
        const double before = c_.flow.at_top() ? 0 : c_.style.heading_space_before[level];
        const double body_line = c_.style.body.size * c_.style.line_height;
        // Keep the heading with at least three lines of what follows.
        c_.flow.ensure(before + block.height() + c_.style.heading_space_after[level] + 3 * body_line);
        if (!c_.flow.at_top()) c_.flow.y += before;
        c_.flow.keep_with_next();
        mark_heading(h);
        {
            auto heading = c_.flow.group(heading_role(h.level), {}, {}, where);
            place_lines(block, c_, x);
        }
        c_.flow.y += c_.style.heading_space_after[level];
    }

    void place(const Paragraph& p, const SourceLocation& where, double x, double width) { paragraph(p.text, where, x, width); }

    /// A paragraph of `text`; with `run_in`, the run-in heading its text begins with. A bold
    /// lead-in or a run-in heading alone is kept with the start of what follows.
    void paragraph(const Inlines& text, const SourceLocation& where, double x, double width, const Numbered<Heading>* run_in = nullptr) {
        const TextBlock block = c_.shape(text, c_.body(width), where);
        if (lead_in(text) && !block.lines().empty()) {
            const double body_line = c_.style.body.size * c_.style.line_height;
            c_.flow.ensure(block.height() + c_.style.paragraph_space + 2 * body_line);
            c_.flow.keep_with_next();
        }
        if (run_in) mark_heading(*run_in);
        {
            auto paragraph = c_.flow.group(Role::p, {}, {}, where);
            place_lines(block, c_, x);
        }
        c_.flow.y += c_.style.paragraph_space;
    }

    void place(const ResolvedList& list, const SourceLocation& where, double x, double width) {
        const double indent = c_.style.body.size * 1.5;
        {
        auto list_group = c_.flow.group(Role::l, {}, {}, where);
        const auto depth = static_cast<std::size_t>(list_depth_++);
        const auto& markers = list.ordered ? c_.style.list_numbers : c_.style.bullets;
        const std::string& marker = markers[std::min(depth, markers.size() - 1)];
        int number = list.start;
        for (const auto& item : list.items) {
            const std::string label = list.ordered ? pattern_text(marker, {number++}) : marker;
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
        // A nested list sits tight in its item; the outermost list adds the space after.
        if (--list_depth_ == 0) c_.flow.y += c_.style.paragraph_space;
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
    int list_depth_ = 0;  ///< lists open around the block being placed
};

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
        flow.chapter_files.insert(flow.chapter_files.end(), part.flow->chapter_files.begin(), part.flow->chapter_files.end());
        for (const auto& d : part.diagnostics.all()) diagnostics.add(d);
    }
    add_running_elements(document, flow, info, resolved.headings, context);
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
