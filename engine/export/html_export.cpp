#include "export/html_export.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <stdexcept>
#include <vector>

#include <cairo-svg.h>

#include "core/text_position.hpp"
#include "export/cairo_drawer.hpp"

namespace sats {

namespace {

/// Joins the glyph runs of an element into its text: a space between lines, none after a
/// hyphen that only broke a word (U+00AD), and no U+2060 word joiners.
class TextCollector {
public:
    void add(const GlyphRun& run) {
        if (!text_.empty() && run.y != last_y_) {
            const std::string soft = "\u00AD";
            if (text_.size() >= soft.size() && text_.compare(text_.size() - soft.size(), soft.size(), soft) == 0)
                text_.erase(text_.size() - soft.size());
            else if (text_.back() != ' ')
                text_ += ' ';
        }
        text_ += run.text();
        last_y_ = run.y;
    }
    /// The text, trimmed, without invisible marks.
    std::string take() {
        std::string out;
        for (std::size_t i = 0; i < text_.size();) {
            if (text_.compare(i, 3, "\u2060") == 0 || text_.compare(i, 2, "\u00AD") == 0) {
                i += text_.compare(i, 3, "\u2060") == 0 ? 3 : 2;
                continue;
            }
            out += text_[i++];
        }
        text_.clear();
        while (!out.empty() && out.back() == ' ') out.pop_back();
        return out;
    }

private:
    std::string text_;
    double last_y_ = 0;
};

/// The box around the drawing items of a figure: left, top, right, bottom.
struct Box {
    double left = 1e9, top = 1e9, right = -1e9, bottom = -1e9;
    void take(double x, double y) {
        left = std::min(left, x);
        right = std::max(right, x);
        top = std::min(top, y);
        bottom = std::max(bottom, y);
    }
};

Box extent(const std::vector<FrameItem>& items) {
    Box box;
    for (const auto& item : items) {
        if (const auto* r = std::get_if<GlyphRun>(&item)) {
            const double end = r->glyphs().empty() ? 0 : r->glyphs().back().x + r->size;
            box.take(r->x, r->y - r->size);
            box.take(r->x + end, r->y + r->size * 0.3);
        } else if (const auto* f = std::get_if<FilledRect>(&item)) {
            box.take(f->x, f->y);
            box.take(f->x + f->width, f->y + f->height);
        } else if (const auto* l = std::get_if<Line>(&item)) {
            box.take(l->x1, l->y1);
            box.take(l->x2, l->y2);
        } else if (const auto* p = std::get_if<Path>(&item)) {
            for (const auto& s : p->steps) {
                if (s.kind == PathStep::close) continue;  // a close step has no point
                box.take(s.x - s.radius, s.y - s.radius);
                box.take(s.x + s.radius, s.y + s.radius);
            }
        }
    }
    box.left -= 2;
    box.top -= 2;
    box.right += 2;
    box.bottom += 2;
    return box;
}

/// cairo names SVG surfaces by a counter of the whole process ("surface77"), which depends on
/// what was drawn before and on other threads; they are numbered here in the order they
/// appear, so the same figure gives the same bytes however the run went.
void renumber_surfaces(std::string& svg) {
    std::map<std::string, std::string> numbers;
    const std::string word = "surface";
    for (auto at = svg.find(word); at != std::string::npos; at = svg.find(word, at + word.size())) {
        const auto digits = at + word.size();
        const auto end = svg.find_first_not_of("0123456789", digits);
        if (end == digits) continue;
        const auto found = numbers.emplace(svg.substr(digits, end - digits), std::to_string(numbers.size() + 1)).first;
        svg.replace(digits, end - digits, found->second);
    }
}

/// Inline SVG of a figure's items (cairo's SVG surface), ids prefixed so several can share
/// one page, with `alt` as title and description for screen readers.
std::string figure_svg(const std::vector<FrameItem>& items, const std::string& alt, int number) {
    const Box box = extent(items);
    std::string svg;
    cairo_surface_t* surface =
        cairo_svg_surface_create_for_stream(append_to_string, &svg, box.right - box.left, box.bottom - box.top);
    cairo_t* cr = cairo_create(surface);
    cairo_translate(cr, -box.left, -box.top);
    FontFaces fonts;
    PageDrawer drawer(cr, fonts);
    for (const auto& item : items) std::visit(drawer, item);
    cairo_destroy(cr);
    cairo_surface_finish(surface);
    const cairo_status_t status = cairo_surface_status(surface);
    cairo_surface_destroy(surface);
    if (status != CAIRO_STATUS_SUCCESS) throw std::runtime_error(std::string("SVG output failed: ") + cairo_status_to_string(status));
    renumber_surfaces(svg);
    const std::string prefix = "f" + std::to_string(number) + "-";
    auto replace_all = [&](const std::string& from, const std::string& to) {
        for (auto at = svg.find(from); at != std::string::npos; at = svg.find(from, at + to.size())) svg.replace(at, from.size(), to);
    };
    replace_all("id=\"", "id=\"" + prefix);
    replace_all("href=\"#", "href=\"#" + prefix);
    replace_all("url(#", "url(#" + prefix);
    svg.erase(0, svg.find("<svg"));  // no XML declaration inside HTML
    const auto open_end = svg.find('>');
    const std::string title = prefix + "title", desc = prefix + "desc";
    svg.insert(open_end, " role=\"img\" aria-labelledby=\"" + title + " " + desc + "\" style=\"width:100%;height:auto\"");
    svg.insert(svg.find('>') + 1, "<title id=\"" + title + "\">" + xml_escape(alt.substr(0, alt.find(". ") + 1)) + "</title><desc id=\"" +
                                      desc + "\">" + xml_escape(alt) + "</desc>");
    return svg;
}

/// Writes the HTML of one page of the deck, element by element.
class PageWriter {
public:
    PageWriter(std::string& out, const Page& page, int& figures) : out_(out), page_(page), figures_(figures) {}

    void write() {
        for (std::size_t i = 0; i < page_.items.size(); ++i) {
            const auto& item = page_.items[i];
            if (const auto* tag = std::get_if<TagBegin>(&item)) i = begin(*tag, i);
            else if (std::holds_alternative<TagEnd>(item)) end();
            else if (const auto* run = std::get_if<GlyphRun>(&item); run && !in("Artifact")) text_.add(*run);
        }
    }

private:
    /// Opens an element; a figure is drawn whole here, so returns the index of its end.
    std::size_t begin(const TagBegin& tag, std::size_t i) {
        if (tag.role == "Figure") return figure(tag, i);
        open_.push_back(tag.role);
        const std::string& r = tag.role;
        if (r == "L") out_ += "<ul>\n";
        else if (r == "LI") out_ += "<li>";
        else if (r == "Table") out_ += "<table>\n";
        else if (r == "TR") out_ += "<tr>";
        return i;
    }

    /// Writes the figure whose tag is at `i`, where it stands: its drawing as SVG, its caption
    /// as <figcaption>, its notes and source line as text after it. Returns the index of its end.
    std::size_t figure(const TagBegin& tag, std::size_t i) {
        std::vector<FrameItem> drawing;
        std::string text_role;  // "Caption" or "Note" while inside one
        std::string caption, notes;
        int depth = 1;
        for (++i; i < page_.items.size(); ++i) {
            const auto& item = page_.items[i];
            if (const auto* inner = std::get_if<TagBegin>(&item)) {
                if (++depth == 2 && (inner->role == "Caption" || inner->role == "Note")) {
                    text_role = inner->role;
                    continue;
                }
            } else if (std::holds_alternative<TagEnd>(item)) {
                if (--depth == 0) break;
                if (depth == 1 && !text_role.empty()) {
                    if (text_role == "Caption") caption = text_.take();
                    else notes += "<p>" + xml_escape(text_.take()) + "</p>\n";
                    text_role.clear();
                    continue;
                }
            } else if (const auto* run = std::get_if<GlyphRun>(&item); run && !text_role.empty()) {
                text_.add(*run);
                continue;
            }
            if (text_role.empty()) drawing.push_back(item);
        }
        out_ += "<figure>" + figure_svg(drawing, tag.alt, ++figures_);
        if (!caption.empty()) out_ += "<figcaption>" + xml_escape(caption) + "</figcaption>";
        out_ += "</figure>\n" + notes;
        return i;
    }

    void end() {
        if (open_.empty()) return;
        const std::string role = open_.back();
        open_.pop_back();
        if (role == "Artifact" || role == "Lbl") {
            text_.take();  // bullets and page furniture are not text
            return;
        }
        const std::string text = xml_escape(text_.take());
        if (role.size() == 2 && role[0] == 'H' && std::isdigit(static_cast<unsigned char>(role[1]))) {
            const std::string level = std::to_string(std::min(6, role[1] - '0' + 1));  // h1 is the page's title
            out_ += "<h" + level + ">" + text + "</h" + level + ">\n";
        }
        else if ((role == "P" || role == "Note") && in("Table")) table_notes_ += "<p>" + text + "</p>\n";  // after the table
        else if (role == "P" || role == "Note") out_ += text.empty() ? "" : (in("LI") ? text : "<p>" + text + "</p>\n");
        else if (role == "LI") out_ += text + "</li>\n";
        else if (role == "L") out_ += "</ul>\n";
        else if (role == "Caption" && in("Table")) out_ += "<caption>" + text + "</caption>\n";
        else if (role == "Caption") out_ += "<p>" + text + "</p>\n";
        else if (role == "TH") out_ += "<th scope=\"col\">" + text + "</th>";
        else if (role == "TD") out_ += "<td>" + text + "</td>";
        else if (role == "TR") out_ += "</tr>\n";
        else if (role == "Table") {
            out_ += "</table>\n" + table_notes_;
            table_notes_.clear();
        }
    }

    bool in(const std::string& role) const { return std::find(open_.begin(), open_.end(), role) != open_.end(); }

    std::string& out_;
    const Page& page_;
    int& figures_;
    std::vector<std::string> open_;
    TextCollector text_;
    std::string table_notes_;  ///< notes and source lines of the open table, written after it
};

/// The title slide's paragraphs: title, subtitle, and the municipality line.
std::vector<std::string> title_lines(const Page& page) {
    std::vector<std::string> lines, open;
    TextCollector text;
    auto in_artifact = [&] { return std::find(open.begin(), open.end(), "Artifact") != open.end(); };
    for (const auto& item : page.items) {
        if (const auto* tag = std::get_if<TagBegin>(&item)) {
            open.push_back(tag->role);
        } else if (std::holds_alternative<TagEnd>(item) && !open.empty()) {
            const bool artifact = in_artifact();
            open.pop_back();
            std::string line = text.take();
            if (!artifact && !line.empty()) lines.push_back(std::move(line));
        } else if (const auto* run = std::get_if<GlyphRun>(&item); run && !in_artifact()) {
            text.add(*run);
        }
    }
    return lines;
}

const char* const kStyle =
    "body{font-family:Inter,system-ui,sans-serif;line-height:1.5;color:#1a1a1a;margin:0}"
    "header{background:#00507d;color:#fff;padding:2rem 1rem}header>*{max-width:46rem;margin:0 auto}"
    "h1{font-size:2rem;margin:0 auto .5rem}main{max-width:46rem;margin:0 auto;padding:1rem}"
    "h2{color:#00507d;margin-top:2rem}figure{margin:1rem 0 .25rem}figcaption,figure+p{font-size:.85rem;color:#444}"
    "a{color:#005b9a}table{border-collapse:collapse}th,td{padding:.25rem .5rem;border-bottom:1px solid #9fb4c4}"
    "th{background:#00507d;color:#fff;text-align:left}";

}  // namespace

std::string export_html(const FrameDocument& slides, const std::string& report_link) {
    const auto& info = slides.info;
    const std::string lang = info.language.substr(0, info.language.find('-'));
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + xml_escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                      xml_escape(info.title) + " – " + xml_escape(info.author) + "</title>\n<style>" + kStyle + "</style>\n</head>\n<body>\n";
    out += "<header>\n";
    const auto lines = slides.pages.empty() ? std::vector<std::string>{} : title_lines(slides.pages.front());
    for (std::size_t i = 0; i < lines.size(); ++i) out += i == 0 ? "<h1>" + xml_escape(lines[i]) + "</h1>\n" : "<p>" + xml_escape(lines[i]) + "</p>\n";
    out += "</header>\n<main>\n";
    int figures = 0;
    for (std::size_t p = 1; p < slides.pages.size(); ++p) {
        out += "<section>\n";
        PageWriter(out, slides.pages[p], figures).write();
        out += "</section>\n";
    }
    out += "<p><a href=\"" + xml_escape(report_link) + "\">Les hele rapporten: " + xml_escape(info.title) + " (PDF)</a></p>\n";
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace sats
