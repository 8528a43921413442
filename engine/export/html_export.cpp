#include "export/html_export.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <map>
#include <optional>
#include <locale>
#include <sstream>
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

/// Takes in the extent of every drawing item of a figure.
struct ExtentVisitor {
    Box& box;
    void enter(const Group&) {}
    void leave(const Group&) {}
    void operator()(const GlyphRun& r) {
        const double end = r.glyphs().empty() ? 0 : r.glyphs().back().x + r.size;
        box.take(r.x, r.y - r.size);
        box.take(r.x + end, r.y + r.size * 0.3);
    }
    void operator()(const FilledRect& f) {
        box.take(f.x, f.y);
        box.take(f.x + f.width, f.y + f.height);
    }
    void operator()(const Line& l) {
        box.take(l.x1, l.y1);
        box.take(l.x2, l.y2);
    }
    void operator()(const Path& p) {
        for (const auto& s : p.steps) {
            if (s.kind == PathStep::close) continue;  // a close step has no point
            box.take(s.x - s.radius, s.y - s.radius);
            box.take(s.x + s.radius, s.y + s.radius);
        }
    }
    void operator()(const ImageItem& i) {
        box.take(i.x, i.y);
        box.take(i.x + i.width, i.y + i.height);
    }
    void operator()(const LinkArea&) {}
    void operator()(const Anchor&) {}
};

Box extent(const std::vector<FrameItem>& items) {
    Box box;
    walk(items, ExtentVisitor{box});
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
    walk(items, drawer);
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

/// Writes the HTML of one page of the deck, element by element: a visitor for walk().
class PageWriter {
public:
    PageWriter(std::string& out, int& figures) : out_(out), figures_(figures) {}

    void enter(const Group& g) {
        open_.push_back(g.role);
        if (g.role == Role::figure) figure_ = Figure{&g, {}, {}, {}};
        if (figure_) return;
        if (g.role == Role::l) out_ += "<ul>\n";
        else if (g.role == Role::li) out_ += "<li>";
        else if (g.role == Role::table) out_ += "<table>\n";
        else if (g.role == Role::tr) out_ += "<tr>";
        else if (g.role == Role::td) out_ += "<td>";  // a field's value holds paragraphs and lists
    }

    void leave(const Group& g) {
        open_.pop_back();
        if (figure_) return leave_in_figure(g);
        if (g.role == Role::artifact || g.role == Role::lbl) {
            text_.take();  // bullets and page furniture are not text
            return;
        }
        const std::string text = xml_escape(text_.take());
        if (const int level = heading_level(g.role)) {
            const std::string h = std::to_string(std::min(6, level + 1));  // h1 is the page's title
            out_ += "<h" + h + ">" + text + "</h" + h + ">\n";
        } else if (g.role == Role::p && in(Role::td)) {
            out_ += in(Role::li) ? text : "<p>" + text + "</p>";  // a paragraph of a field's value
        } else if ((g.role == Role::p || g.role == Role::note) && in(Role::table)) {
            table_notes_ += "<p>" + text + "</p>\n";  // after the table
        } else if (g.role == Role::p || g.role == Role::note) {
            out_ += text.empty() ? "" : (in(Role::li) ? text : "<p>" + text + "</p>\n");
        } else if (g.role == Role::li) {
            out_ += text + "</li>\n";
        } else if (g.role == Role::l) {
            out_ += "</ul>\n";
        } else if (g.role == Role::caption) {
            out_ += in(Role::table) ? "<caption>" + text + "</caption>\n" : "<p>" + text + "</p>\n";
        } else if (g.role == Role::th) {
            out_ += "<th scope=\"col\">" + text + "</th>";
        } else if (g.role == Role::th_row) {
            out_ += "<th scope=\"row\">" + text + "</th>";
        } else if (g.role == Role::td) {
            out_ += text + "</td>";
        } else if (g.role == Role::tr) {
            out_ += "</tr>\n";
        } else if (g.role == Role::table) {
            out_ += "</table>\n" + table_notes_;
            table_notes_.clear();
        }
    }

    void operator()(const GlyphRun& run) {
        if (figure_ && !in_figure_text()) figure_->drawing.push_back(run);
        else if (!in(Role::artifact)) text_.add(run);
    }
    template <typename Drawn>
    void operator()(const Drawn& item) {
        if (figure_ && !in_figure_text()) figure_->drawing.push_back(item);
    }

private:
    /// The figure being read: its drawing (everything but its caption and notes) and text.
    struct Figure {
        const Group* group;
        std::vector<FrameItem> drawing;
        std::string caption, notes;
    };

    /// Inside a figure, its caption and notes are text; when the figure ends it is written where
    /// it stands: the drawing as SVG, the caption as <figcaption>, notes and source line after it.
    void leave_in_figure(const Group& g) {
        if (g.role == Role::caption) figure_->caption = text_.take();
        else if (g.role == Role::note) figure_->notes += "<p>" + xml_escape(text_.take()) + "</p>\n";
        if (&g != figure_->group) return;
        out_ += "<figure>" + figure_svg(figure_->drawing, g.alt, ++figures_);
        if (!figure_->caption.empty()) out_ += "<figcaption>" + xml_escape(figure_->caption) + "</figcaption>";
        out_ += "</figure>\n" + figure_->notes;
        figure_.reset();
    }

    bool in_figure_text() const { return in(Role::caption) || in(Role::note); }
    bool in(Role role) const { return std::find(open_.begin(), open_.end(), role) != open_.end(); }

    std::string& out_;
    int& figures_;
    std::vector<Role> open_;
    std::optional<Figure> figure_;
    TextCollector text_;
    std::string table_notes_;  ///< notes and source lines of the open table, written after it
};

/// The title slide's paragraphs: title, subtitle, and the municipality line (a visitor for walk()).
struct TitleLines {
    std::vector<std::string> lines;
    TextCollector text;
    int artifacts = 0;

    void enter(const Group& g) { artifacts += g.role == Role::artifact; }
    void leave(const Group& g) {
        artifacts -= g.role == Role::artifact;
        std::string line = text.take();
        if (g.role != Role::artifact && artifacts == 0 && !line.empty()) lines.push_back(std::move(line));
    }
    void operator()(const GlyphRun& run) {
        if (artifacts == 0) text.add(run);
    }
    template <typename Other>
    void operator()(const Other&) {}
};

/// The page's style sheet in the layout's fonts, colours and sizes.
std::string style_sheet(const WebLook& w) {
    auto n = [](double v) {
        std::ostringstream out;
        out.imbue(std::locale::classic());
        out << v;
        return out.str();
    };
    return "body{font-family:" + w.font + ",system-ui,sans-serif;line-height:" + n(w.line_height) + ";color:" + hex(w.text) +
           ";margin:0}header{background:" + hex(w.accent) + ";color:" + hex(w.header_color) + ";padding:2rem 1rem}header>*{max-width:" +
           n(w.width) + "rem;margin:0 auto}h1{font-size:" + n(w.title_size) + "rem;margin:0 auto .5rem}main{max-width:" + n(w.width) +
           "rem;margin:0 auto;padding:1rem}h2{color:" + hex(w.heading) + ";margin-top:2rem}figure{margin:1rem 0 .25rem}"
           "figcaption,figure+p{font-size:" + n(w.caption_size) + "rem;color:" + hex(w.caption) + "}a{color:" + hex(w.link) +
           "}table{border-collapse:collapse}th,td{padding:.25rem .5rem;border-bottom:1px solid " + hex(w.rule) + "}th{background:" +
           hex(w.header_background) + ";color:" + hex(w.header_color) + ";text-align:left}";
}

/// A relative link to the file `name` in the same folder: "./" and the name with every byte
/// outside letters, digits and `-._~` percent-encoded, so no file name reads as a scheme
/// (`javascript:…`) or as a path.
std::string file_link(const std::string& name) {
    static const char* digits = "0123456789ABCDEF";
    std::string out = "./";
    for (const unsigned char c : name) {
        if (std::isalnum(c) && c < 0x80) out += static_cast<char>(c);
        else if (c == '-' || c == '.' || c == '_' || c == '~') out += static_cast<char>(c);
        else out += {'%', digits[c >> 4], digits[c & 15]};
    }
    return out;
}

}  // namespace

std::string export_html(const FrameDocument& slides, const std::string& report_link) {
    const auto& info = slides.info;
    const std::string lang = info.language.substr(0, info.language.find('-'));
    std::string out = "<!DOCTYPE html>\n<html lang=\"" + xml_escape(lang) + "\">\n<head>\n<meta charset=\"utf-8\">\n"
                      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" +
                      xml_escape(info.title) + " – " + xml_escape(info.author) + "</title>\n<style>" + style_sheet(info.web) + "</style>\n</head>\n<body>\n";
    out += "<header>\n";
    TitleLines title;
    if (!slides.pages.empty()) walk(slides.pages.front().items, title);
    const auto& lines = title.lines;
    for (std::size_t i = 0; i < lines.size(); ++i) out += i == 0 ? "<h1>" + xml_escape(lines[i]) + "</h1>\n" : "<p>" + xml_escape(lines[i]) + "</p>\n";
    out += "</header>\n<main>\n";
    int figures = 0;
    for (std::size_t p = 1; p < slides.pages.size(); ++p) {
        out += "<section>\n";
        walk(slides.pages[p].items, PageWriter(out, figures));
        out += "</section>\n";
    }
    out += "<p><a href=\"" + file_link(report_link) + "\">" + xml_escape(info.web.full_report) + ": " + xml_escape(info.title) + " (PDF)</a></p>\n";
    out += "</main>\n</body>\n</html>\n";
    return out;
}

}  // namespace sats
