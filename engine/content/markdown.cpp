#include "content/markdown.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string_view>

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include "content/field_block.hpp"
#include "content/heading_attributes.hpp"
#include "content/list_traps.hpp"
#include "content/value_tokens.hpp"
#include "core/number_format.hpp"
#include "core/text_position.hpp"
#include "core/toml_reader.hpp"

namespace sats {

std::string plain_text(const Inlines& runs) {
    std::string out;
    for (const auto& r : runs) out += r.text;
    return out;
}

namespace {

using NodePtr = std::unique_ptr<cmark_node, decltype(&cmark_node_free)>;

/// `text` parsed as CommonMark with GFM tables (the extensions must be registered).
NodePtr parse_gfm(std::string_view text, int options) {
    std::unique_ptr<cmark_parser, decltype(&cmark_parser_free)> parser(cmark_parser_new(options), &cmark_parser_free);
    cmark_parser_attach_syntax_extension(parser.get(), cmark_find_syntax_extension("table"));
    cmark_parser_feed(parser.get(), text.data(), text.size());
    return NodePtr(cmark_parser_finish(parser.get()), &cmark_node_free);
}

/// The link policy: a link goes to the web (http:, https:), to an e-mail address (mailto:) or to
/// a #reference in the report. Other schemes (javascript:, file:, data:, …) and relative
/// addresses, which a viewer would open as files, are refused.
bool allowed_link(const std::string& url) {
    if (url.starts_with('#')) return url.size() > 1;
    std::string start = url.substr(0, 8);
    for (auto& c : start) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return start.starts_with("http://") || start.starts_with("https://") || start.starts_with("mailto:");
}

/// How a refused link is named in its error: its scheme ("javascript:"), or the address when it
/// has none.
std::string refused_link(const std::string& url) {
    const auto colon = url.find(':');
    const bool scheme = colon != std::string::npos && colon > 0 &&
                        std::all_of(url.begin(), url.begin() + static_cast<long>(colon),
                                    [](unsigned char c) { return std::isalnum(c) || c == '+' || c == '-' || c == '.'; });
    if (scheme) return "'" + url.substr(0, colon + 1) + "'";
    return url.size() <= 60 ? "the relative address '" + url + "'" : "a relative address";
}

/// The language of a `<span lang="xx">` or `<span lang="xx-YY">` tag (2–3 letters, an optional
/// subtag of 2–8 letters or digits), or nothing for any other HTML.
std::optional<std::string> span_language(std::string_view html) {
    const auto skip_space = [&](std::size_t i) {
        while (i < html.size() && std::isspace(static_cast<unsigned char>(html[i]))) ++i;
        return i;
    };
    if (!html.starts_with("<span") || html.size() < 6 || !std::isspace(static_cast<unsigned char>(html[5]))) return {};
    std::size_t i = skip_space(5);
    if (html.substr(i, 4) != "lang") return {};
    i = skip_space(i + 4);
    if (i >= html.size() || html[i] != '=') return {};
    i = skip_space(i + 1);
    if (i >= html.size() || html[i] != '"') return {};
    const auto close = html.find('"', i + 1);
    if (close == std::string_view::npos || skip_space(close + 1) != html.size() - 1 || html.back() != '>') return {};
    const std::string_view lang = html.substr(i + 1, close - i - 1);
    const auto dash = lang.find('-');
    const auto primary = lang.substr(0, dash), subtag = dash == std::string_view::npos ? "" : lang.substr(dash + 1);
    const auto all = [](std::string_view s, auto test) {
        return std::all_of(s.begin(), s.end(), [&](unsigned char c) { return test(c) != 0; });
    };
    if (primary.size() < 2 || primary.size() > 3 || !all(primary, [](unsigned char c) { return std::isalpha(c); })) return {};
    if (dash != std::string_view::npos &&
        (subtag.size() < 2 || subtag.size() > 8 || !all(subtag, [](unsigned char c) { return std::isalnum(c); })))
        return {};
    return std::string(lang);
}

/// Converts one parsed chapter; keeps the line map and the note numbering.
class Converter {
public:
    Converter(const RenderedText& rendered, std::string file, Diagnostics& diagnostics)
        : rendered_(rendered),
          file_(std::move(file)),
          diagnostics_(diagnostics),
          rendered_lines_(lines_of(rendered.text)),
          source_lines_(lines_of(rendered.source)) {}

    Chapter convert(cmark_node* document) {
        Chapter chapter;
        chapter.file = file_;
        for (const auto& m : keep_paragraph_lines(document, rendered_lines_)) paragraph_marker(m);
        collect_note_labels(document);
        for (auto* n = cmark_node_first_child(document); n; n = cmark_node_next(n)) block(n, chapter.blocks);
        if (!note_texts_.empty()) {
            Notes notes;
            for (auto& [number, text] : note_texts_) notes.items.push_back(std::move(text));
            chapter.blocks.push_back({std::move(notes), {file_}});
        }
        return chapter;
    }

private:
    /// The lines of `text`, without their line ends.
    static std::vector<std::string_view> lines_of(std::string_view text) {
        std::vector<std::string_view> lines;
        for (std::size_t start = 0; start < text.size();) {
            const auto end = std::min(text.find('\n', start), text.size());
            lines.push_back(text.substr(start, end - start));
            start = end + 1;
        }
        return lines;
    }

    /// Source location of rendered line `line`, byte column `column` (as cmark counts them):
    /// the line and character column where the author wrote it.
    SourceLocation at(int line, int column) const {
        if (shift_) {  // inside a field's value, parsed on its own
            column += line == 1 ? shift_->first_column : shift_->indent;
            line += shift_->lines;
        }
        const auto index = static_cast<std::size_t>(line - 1);
        if (index >= rendered_.source_lines.size()) return {file_, line, column};
        const int source_line = rendered_.source_lines[index];
        const auto source_index = static_cast<std::size_t>(source_line - 1);
        if (index >= rendered_lines_.size() || source_index >= source_lines_.size()) return {file_, source_line, column};
        return {file_, source_line, source_column(rendered_lines_[index], source_lines_[source_index], column)};
    }
    /// Source location of node `n`; inside a TOML string parsed as Markdown, the string's key.
    SourceLocation at(cmark_node* n) const {
        if (string_at_) return *string_at_;
        return at(cmark_node_get_start_line(n), cmark_node_get_start_column(n));
    }

    /// Warns that a line beginning like a list item continues its paragraph (list_traps.hpp).
    void paragraph_marker(const ParagraphMarker& m) {
        const bool numbered = m.marker.back() == '.' || m.marker.back() == ')';
        diagnostics_.warning(at(m.line, m.column), "this line continues the paragraph above, so '" + m.marker + "' is text here, not " +
                                                       (numbered ? "a numbered list" : "a bullet list"),
                             "to begin a list, put a blank line before it (or end the line above with ':')");
    }

    static std::string type_of(cmark_node* n) { return cmark_node_get_type_string(n); }
    /// `s` with the placeholder values put in for their tokens ("" for null).
    std::string expanded(const char* s) const { return s ? expand_value_tokens(s, rendered_.values) : ""; }
    /// The text of a node, with placeholder values put in.
    std::string literal(cmark_node* n) const { return expanded(cmark_node_get_literal(n)); }

    /// The label of a note reference or definition. cmark-gfm has no getter for it, so it is
    /// read back from the node rendered as CommonMark ("[^label]...").
    static std::string note_label(cmark_node* n) {
        char* rendered = cmark_render_commonmark(n, CMARK_OPT_DEFAULT, 0);
        std::string text = rendered ? rendered : "";
        free(rendered);
        const auto start = text.find("[^"), end = text.find(']', start == std::string::npos ? 0 : start);
        return start == std::string::npos || end == std::string::npos ? text : text.substr(start + 2, end - start - 2);
    }

    void collect_note_labels(cmark_node* document) {
        int number = 0;
        auto* iter = cmark_iter_new(document);
        for (auto ev = cmark_iter_next(iter); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter)) {
            auto* n = cmark_iter_get_node(iter);
            if (ev == CMARK_EVENT_ENTER && cmark_node_get_type(n) == CMARK_NODE_FOOTNOTE_REFERENCE) {
                const auto label = note_label(n);
                if (!note_numbers_.count(label)) note_numbers_[label] = ++number;
            }
        }
        cmark_iter_free(iter);
    }

    /// Counts one level of nesting while it lives; entered() says whether it may be read.
    class Nesting {
    public:
        Nesting(Converter& c, cmark_node* n) : c_(c) {
            if (++c_.nesting_ > kMaxNesting && !c_.too_deep_reported_) {
                c_.too_deep_reported_ = true;
                c_.diagnostics_.error(c_.at(n), "the Markdown here nests more than " + std::to_string(kMaxNesting) +
                                                    " levels deep (quotes, lists, emphasis and links together)");
            }
        }
        ~Nesting() { --c_.nesting_; }
        Nesting(const Nesting&) = delete;
        Nesting& operator=(const Nesting&) = delete;
        bool entered() const { return c_.nesting_ <= kMaxNesting; }

    private:
        Converter& c_;
    };

    void inlines(cmark_node* parent, TextRun style, Inlines& out) {
        const Nesting nesting(*this, parent);
        if (!nesting.entered()) return;
        for (auto* n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
            TextRun run = style;
            run.lang = span_lang_.empty() ? style.lang : span_lang_;
            switch (cmark_node_get_type(n)) {
                case CMARK_NODE_TEXT: run.text = literal(n); out.push_back(run); break;
                case CMARK_NODE_SOFTBREAK: run.text = " "; out.push_back(run); break;
                case CMARK_NODE_LINEBREAK: run.text = "\n"; out.push_back(run); break;
                case CMARK_NODE_CODE: run.code = true; run.text = literal(n); out.push_back(run); break;
                case CMARK_NODE_EMPH: run.emphasis = true; inlines(n, run, out); break;
                case CMARK_NODE_STRONG: run.strong = true; inlines(n, run, out); break;
                case CMARK_NODE_LINK: {
                    run.link = expanded(cmark_node_get_url(n));
                    if (!allowed_link(run.link)) {
                        diagnostics_.error(at(n), "a link may go to http:, https:, mailto: or a #reference in the report, not to " +
                                                      refused_link(run.link),
                                           "write the whole address, e.g. https://www.ssb.no/");
                        run.link.clear();
                    }
                    const auto before = out.size();
                    inlines(n, run, out);
                    if (out.size() == before) out.push_back(run);  // [](#id): the reference gives the text
                    break;
                }
                case CMARK_NODE_FOOTNOTE_REFERENCE:
                    run.superscript = true;
                    run.text = std::to_string(note_numbers_[note_label(n)]);
                    out.push_back(run);
                    break;
                case CMARK_NODE_IMAGE:
                    diagnostics_.error(at(n), "an image must stand alone in its own paragraph");
                    break;
                case CMARK_NODE_HTML_INLINE: language_span(n); break;
                default: inlines(n, run, out); break;
            }
        }
    }

    /// `<span lang="en">…</span>` marks text in another language; other inline HTML is ignored.
    void language_span(cmark_node* n) {
        const std::string html = literal(n);
        if (const auto lang = span_language(html)) span_lang_ = *lang;
        else if (html == "</span>") span_lang_.clear();
        else diagnostics_.warning(at(n), "inline HTML is ignored: " + html);
    }

    Inlines inlines(cmark_node* parent) {
        Inlines out;
        inlines(parent, TextRun{}, out);
        return out;
    }

    /// Whether `text` is longer than sats sets (kMaxParagraphChars); if so, reports it as a
    /// `what` at `where`.
    bool too_long(const Inlines& text, const SourceLocation& where, const std::string& what, const std::string& hint) {
        const std::string plain = plain_text(text);
        const auto length = static_cast<std::size_t>(utf8_length(plain));
        if (length <= kMaxParagraphChars) return false;
        diagnostics_.error(where, "this " + what + " has " + std::to_string(length) + " characters; sats sets at most " +
                                      std::to_string(kMaxParagraphChars),
                           hint);
        return true;
    }

    void block(cmark_node* n, std::vector<Block>& out) {
        const Nesting nesting(*this, n);
        if (!nesting.entered()) return;
        const auto where = at(n);
        switch (cmark_node_get_type(n)) {
            case CMARK_NODE_HEADING: {
                Heading heading{cmark_node_get_heading_level(n), inlines(n)};
                if (too_long(heading.text, where, "heading", "make the heading short and put the rest in a paragraph")) return;
                read_attributes(heading, where);
                out.push_back({std::move(heading), where});
                return;
            }
            case CMARK_NODE_PARAGRAPH: {
                auto* only = cmark_node_first_child(n);
                if (only && !cmark_node_next(only) && cmark_node_get_type(only) == CMARK_NODE_IMAGE) {
                    Inlines alt = inlines(only);
                    const std::string url = expanded(cmark_node_get_url(only));
                    out.push_back({Image{url, plain_text(alt), expanded(cmark_node_get_title(only)),
                                         std::filesystem::path(url).stem().string()},
                                   where});
                    return;
                }
                Inlines text = inlines(n);
                if (too_long(text, where, "paragraph", "split it into paragraphs with blank lines")) return;
                out.push_back({Paragraph{std::move(text)}, where});
                return;
            }
            case CMARK_NODE_LIST: {
                if (list_depth_ == kMaxListDepth) {
                    diagnostics_.error(where, "lists nest at most " + std::to_string(kMaxListDepth) + " levels deep",
                                       "indent this list less, or make it a list of its own");
                    return;
                }
                ++list_depth_;
                List list;
                list.ordered = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST;
                list.start = cmark_node_get_list_start(n);
                for (auto* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
                    ListItem li;
                    for (auto* c = cmark_node_first_child(item); c; c = cmark_node_next(c)) block(c, li.blocks);
                    list.items.push_back(std::move(li));
                }
                --list_depth_;
                out.push_back({std::move(list), where});
                return;
            }
            case CMARK_NODE_BLOCK_QUOTE:
                for (auto* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) block(c, out);
                return;
            case CMARK_NODE_CODE_BLOCK: {
                const std::string info = cmark_node_get_fence_info(n);
                if (info == "table" || info == "tabell") data_table(n, out);
                else if (info == "chart" || info == "figur") chart(n, out);
                else if (info == "hovedfunn") key_findings(n, out);
                else if (info == "felt" || info == "fields") field_block(n, out);
                else out.push_back({CodeBlock{literal(n)}, where});
                return;
            }
            case CMARK_NODE_HTML_BLOCK: {
                const auto html = literal(n);
                if (html.find("<!-- sideskift -->") == 0 || html.find("<!-- pagebreak -->") == 0)
                    out.push_back({PageBreak{}, where});
                else if (html.find("<!--") != 0)
                    diagnostics_.warning(where, "HTML is ignored; write Markdown instead");
                return;
            }
            case CMARK_NODE_THEMATIC_BREAK: out.push_back({Rule{}, where}); return;
            case CMARK_NODE_FOOTNOTE_DEFINITION: {
                Inlines text;
                for (auto* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) {
                    if (!text.empty()) text.push_back({" "});
                    auto part = inlines(c);
                    text.insert(text.end(), part.begin(), part.end());
                }
                if (too_long(text, where, "note", "shorten the note, or write it as a paragraph")) text.clear();
                // cmark-gfm keeps only definitions that are referred to.
                note_texts_[note_numbers_[note_label(n)]] = std::move(text);
                return;
            }
            default:
                if (type_of(n) == "table") {
                    gfm_table(n, out);
                    return;
                }
                diagnostics_.warning(where, "unsupported Markdown element '" + type_of(n) + "' is ignored");
        }
    }

    /// Takes the attributes (`{- .innfelt #id}`) off the end of `heading`, reporting those it
    /// does not know at `where`.
    void read_attributes(Heading& heading, const SourceLocation& where) {
        const auto attributes = take_heading_attributes(heading.text);
        heading.numbered = !attributes.unnumbered;
        heading.run_in = attributes.run_in;
        heading.id = attributes.id;
        for (const auto& name : attributes.unknown)
        {
            const auto near = did_you_mean(name, heading_attribute_names());
            diagnostics_.error(where, "unknown heading attribute '" + name + "'",
                               !near.empty() ? near
                                             : "write {-} for no number, {.innfelt} for a run-in heading or {#id} for a reference id");
        }
        if (!attributes.bad_id.empty())
            diagnostics_.error(where, "the heading id '" + attributes.bad_id + "' may only use a-z, 0-9, - and _");
        if (heading.run_in && heading.text.empty()) diagnostics_.error(where, "a run-in heading needs text");
    }

    void gfm_table(cmark_node* n, std::vector<Block>& out) {
        Table table;
        const uint16_t columns = cmark_gfm_extensions_get_table_columns(n);
        const uint8_t* alignments = cmark_gfm_extensions_get_table_alignments(n);
        for (auto* row = cmark_node_first_child(n); row; row = cmark_node_next(row)) {
            TableRow r;
            int column = 0;
            for (auto* cell = cmark_node_first_child(row); cell; cell = cmark_node_next(cell), ++column) {
                TableCell c{inlines(cell)};
                if (too_long(c.text, at(cell), "table cell", "put long text in a paragraph under the table")) c.text.clear();
                const uint8_t a = column < columns && alignments ? alignments[column] : 0;
                c.align = a == 'r' ? Align::right : a == 'c' ? Align::center : Align::left;
                r.cells.push_back(std::move(c));
            }
            (cmark_gfm_extensions_get_table_row_is_header(row) ? table.header : table.body).push_back(std::move(r));
        }
        out.push_back({std::move(table), at(n)});
    }

    /// A ```chart block: TOML naming the chart type, the data, series and categories, and the
    /// text around it.
    /// ```hovedfunn: tittel, punkter (Markdown inline text each), figur (a chart id) and
    /// tabell (a table id).
    void key_findings(cmark_node* n, std::vector<Block>& out) {
        with_fence_toml(n, {"punkter"}, [&](TomlFields& f) {
            KeyFindings k;
            k.title = f.string("tittel", true).value_or("");
            for (const auto& point : f.strings("punkter")) k.points.push_back(inline_markdown(point, f.location("punkter")));
            if (k.points.empty()) diagnostics_.error(f.location(), "'hovedfunn' needs 'punkter', a list of findings");
            k.figure = f.string("figur").value_or("");
            k.figure_at = f.location("figur");
            k.table = f.string("tabell").value_or("");
            k.table_at = f.location("tabell");
            f.reject_unknown_keys();
            out.push_back({std::move(k), at(n)});
        });
    }

    /// A ```felt block: its fields (content/field_block.hpp), each value parsed as Markdown on
    /// its own with its locations shifted to where it stands in the chapter.
    void field_block(cmark_node* n, std::vector<Block>& out) {
        const int fence = cmark_node_get_start_line(n);
        const auto at_line = [&](int line, int column) { return at(fence + line, column); };
        const char* body = cmark_node_get_literal(n);
        FieldBlock fields;
        for (const auto& text : split_fields(body ? body : "", at_line, diagnostics_)) {
            Field field{expand_value_tokens(text.label, rendered_.values), {}, at_line(text.line, text.column)};
            shift_ = Shift{fence + text.line - 1, text.value_column - 1, text.indent};
            const NodePtr value = parse_gfm(text.value, CMARK_OPT_DEFAULT);  // a table is found, to be refused
            for (auto* c = cmark_node_first_child(value.get()); c; c = cmark_node_next(c)) block(c, field.blocks);
            shift_.reset();
            check_field_value(field.blocks, diagnostics_);
            fields.items.push_back(std::move(field));
        }
        if (!fields.items.empty()) out.push_back({std::move(fields), at(n)});
    }

    /// Inline Markdown (emphasis, links) of one line of text, a TOML string written at `where`
    /// (where its problems are reported).
    Inlines inline_markdown(const std::string& text, const SourceLocation& where) {
        string_at_ = where;
        const struct Reset {
            std::optional<SourceLocation>& at;
            ~Reset() { at.reset(); }
        } reset{string_at_};
        NodePtr document(cmark_parse_document(text.data(), text.size(), CMARK_OPT_DEFAULT), cmark_node_free);
        Inlines out;
        for (auto* block = cmark_node_first_child(document.get()); block; block = cmark_node_next(block)) {
            if (!out.empty()) out.push_back({" "});
            auto runs = inlines(block);
            out.insert(out.end(), runs.begin(), runs.end());
        }
        return out;
    }

    void chart(cmark_node* n, std::vector<Block>& out) {
        with_fence_toml(n, {}, [&](TomlFields& f) { chart(n, f, out); });
    }

    void chart(cmark_node* n, TomlFields& f, std::vector<Block>& out) {
        ChartRequest r;
        r.where = at(n);
        r.id = f.string("id").value_or("");
        const auto type = f.string("type", true).value_or("");
        r.data = f.string("data", true).value_or("");
        r.series = f.strings("series");
        r.categories = f.strings("categories");
        const auto series_in = f.string("series_in").value_or("rows");
        if (series_in != "rows" && series_in != "columns")
            diagnostics_.error(f.location("series_in"), "'series_in' must be \"rows\" or \"columns\"");
        r.series_in_columns = series_in == "columns";
        r.labels = f.strings("labels");
        const auto range = f.strings("range");
        if (!range.empty() && range.size() != 2)
            diagnostics_.error(f.location("range"), "'range' names two columns: the lowest and the highest value");
        if (range.size() == 2) {
            r.range_low = range[0];
            r.range_high = range[1];
        }
        r.reference = f.number("reference");
        if (const auto* target = f.node("target")) {
            if (const auto* reference = target->as_string()) r.target_ref = reference->get();
            else r.target = f.number("target");
        }
        r.target_label = f.string("target_label").value_or("");
        r.axis_label = f.string("axis_label").value_or("");
        r.caption = f.string("caption").value_or("");
        r.label = f.string("label");
        r.notes = f.strings("notes");
        r.source = f.string("source").value_or("");
        r.alt = f.string("alt").value_or("");
        const auto height = f.number("height");
        r.height = height.value_or(0);
        if (height && (r.height < kMinChartHeight || r.height > kMaxChartHeight)) {
            const auto points = [](double x) { return format_number(x, x == std::floor(x) ? 0 : 1); };
            diagnostics_.error(f.location("height"), "'height' must be from " + points(kMinChartHeight) + " to " +
                                                         points(kMaxChartHeight) + " points (the drawing must fit on a page), not " +
                                                         points(r.height));
            r.height = 0;
        }
        r.data_at = f.location("data");
        r.series_at = f.location("series");
        r.categories_at = f.location("categories");
        r.labels_at = f.location("labels");
        r.range_at = f.location("range");
        r.target_at = f.location("target");
        if (const auto parsed = parse_chart_type(type)) r.type = *parsed;
        else if (!type.empty()) unknown_chart_type(type, f.location("type"));
        f.reject_unknown_keys();
        const auto where = r.where;
        out.push_back({std::move(r), where});
    }

    /// The error for a chart type not in kChartTypes: the closest name, or all of them.
    void unknown_chart_type(const std::string& type, const SourceLocation& where) {
        const auto names = chart_type_names();
        const auto near = closest_match(type, names);
        std::string list;
        for (const auto& name : names) list += (list.empty() ? "" : ", ") + name;
        diagnostics_.error(where, "unknown chart type '" + type + "'", near.empty() ? "one of: " + list : "did you mean '" + near + "'?");
    }

    /// `groups = [["", 1], ["Bærum", 3], …]`: header groups, each a label and how many columns it spans.
    void read_groups(const toml::node& node, DataTableRequest& r, TomlFields& f) {
        const auto* array = node.as_array();
        int spanned = 0;
        bool valid = array != nullptr;
        for (std::size_t i = 0; valid && i < array->size(); ++i) {
            const auto* pair = (*array)[i].as_array();
            const auto label = pair && pair->size() == 2 ? (*pair)[0].value<std::string>() : std::nullopt;
            const auto span = pair && pair->size() == 2 ? (*pair)[1].value<int>() : std::nullopt;
            valid = label && span && *span >= 1;
            if (valid) {
                r.groups.emplace_back(*label, *span);
                spanned += *span;
            }
        }
        if (!valid)
            diagnostics_.error(f.location("groups"), "'groups' must be a list of [label, columns] pairs, e.g. [[\"Bærum\", 2]]");
        else if (spanned != static_cast<int>(r.columns.size()))
            diagnostics_.error(f.location("groups"), "'groups' spans " + std::to_string(spanned) + " columns but 'columns' has " +
                                                         std::to_string(r.columns.size()));
    }

    /// A ```table block: TOML naming the data, rows, columns, caption, notes and source.
    void data_table(cmark_node* n, std::vector<Block>& out) {
        with_fence_toml(n, {}, [&](TomlFields& f) { data_table(n, f, out); });
    }

    /// Parses the TOML inside a fenced block (reporting errors at their lines in the chapter)
    /// and hands its fields to `read`. Placeholder values are put into its strings after the
    /// TOML is parsed, except into the strings of `markdown_keys`, which are parsed as Markdown
    /// first.
    template <typename Read>
    void with_fence_toml(cmark_node* n, const std::set<std::string>& markdown_keys, Read read) {
        const int line_offset = at(cmark_node_get_start_line(n), 1).line;  // TOML line 1 is the line after the fence
        const char* body = cmark_node_get_literal(n);
        auto toml = parse_toml(body ? body : "", file_, diagnostics_, line_offset);
        if (!toml) return;
        for (auto&& [key, value] : *toml)
            if (!markdown_keys.count(std::string(key.str()))) expand_strings(value);
        TomlFields f(*toml, file_, diagnostics_, line_offset);
        read(f);
    }

    /// Puts placeholder values into every string in `node`.
    void expand_strings(toml::node& node) const {
        if (auto* s = node.as_string()) s->get() = expand_value_tokens(s->get(), rendered_.values);
        else if (auto* array = node.as_array()) for (auto& item : *array) expand_strings(item);
        else if (auto* table = node.as_table()) for (auto&& [key, value] : *table) expand_strings(value);
    }

    void data_table(cmark_node* n, TomlFields& f, std::vector<Block>& out) {
        DataTableRequest r;
        r.where = at(n);
        r.id = f.string("id").value_or("");
        r.data = f.string("data", true).value_or("");
        r.data_at = f.location("data");
        r.rows = f.strings("rows");
        r.rows_at = f.location("rows");
        for (const auto& c : f.strings("columns")) r.columns.push_back({c, std::nullopt});
        r.columns_at = f.location("columns");
        const auto headers = f.strings("headers");
        if (!headers.empty() && headers.size() != r.columns.size())
            diagnostics_.error(f.location("headers"), "'headers' has " + std::to_string(headers.size()) +
                                                          " entries but 'columns' has " + std::to_string(r.columns.size()));
        for (std::size_t i = 0; i < headers.size() && i < r.columns.size(); ++i) r.columns[i].label = headers[i];
        if (r.columns.empty()) diagnostics_.error(f.location(), "a table needs 'columns'");
        r.groups_at = f.location("groups");
        if (const auto* groups = f.node("groups")) read_groups(*groups, r, f);
        r.level_column = f.string("levels").value_or("");
        r.level_at = f.location("levels");
        r.caption = f.string("caption").value_or("");
        r.label = f.string("label");
        r.notes = f.strings("notes");
        r.source = f.string("source").value_or("");
        f.reject_unknown_keys();
        const auto where = r.where;
        out.push_back({std::move(r), where});
    }

    const RenderedText& rendered_;
    std::string file_;
    Diagnostics& diagnostics_;
    std::vector<std::string_view> rendered_lines_;  ///< the lines of rendered_.text
    std::vector<std::string_view> source_lines_;    ///< the lines of rendered_.source
    int list_depth_ = 0;     ///< lists open around the current block
    int nesting_ = 0;        ///< blocks and inlines open around the current node
    bool too_deep_reported_ = false;
    std::string span_lang_;  ///< language of an open <span lang>, "" = the report's
    std::optional<SourceLocation> string_at_;  ///< set while a TOML string is parsed as Markdown
    /// How the lines and columns of a field's value, parsed on its own, lie in the chapter.
    struct Shift {
        int lines = 0;         ///< the value's line 1 is chapter line 1 + lines
        int first_column = 0;  ///< added to columns of its first line (the label before it)
        int indent = 0;        ///< added to columns of its later lines (the indent taken off)
    };
    std::optional<Shift> shift_;  ///< set while a field's value is parsed
    std::map<std::string, int> note_numbers_;
    std::map<int, Inlines> note_texts_;
};

}  // namespace

Chapter parse_markdown(const RenderedText& rendered, const std::string& file, Diagnostics& diagnostics) {
    cmark_gfm_core_extensions_ensure_registered();
    NodePtr document = parse_gfm(rendered.text, CMARK_OPT_FOOTNOTES);
    return Converter(rendered, file, diagnostics).convert(document.get());
}

}  // namespace sats
