#include "frames/frames.hpp"

#include <algorithm>
#include <cstdio>
#include <type_traits>

namespace sats {

namespace {

std::string num(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

/// Writes one item as one line, indented by the depth of the groups it is in, and a group as
/// its role and marks with its items below it.
struct ItemDumper {
    std::string& out;
    std::string indent = "  ";

    void enter(const Group& g) {
        out += indent + "<" + role_name(g.role) + (g.alt.empty() ? "" : " alt=\"" + g.alt + "\"") +
               (g.lang.empty() ? "" : " lang=" + g.lang) + (g.role == Role::th_row ? " scope=Row" : "") + (g.continued ? " continued" : "") +
               (g.continues ? " continues" : "") + ">\n";
        indent += "  ";
    }
    void leave(const Group&) { indent.resize(indent.size() - 2); }
    void operator()(const GlyphRun& r) {
        out += indent + "text " + num(r.x) + "," + num(r.y) + " " + r.font->name + " " + num(r.size) + " " + hex(r.color) +
               " \"" + r.text() + "\"\n";
    }
    void operator()(const FilledRect& r) {
        out += indent + "rect " + num(r.x) + "," + num(r.y) + " " + num(r.width) + "x" + num(r.height) + " " + hex(r.color) + "\n";
    }
    void operator()(const Line& l) {
        out += indent + "line " + num(l.x1) + "," + num(l.y1) + " " + num(l.x2) + "," + num(l.y2) + " w" + num(l.width) + " " +
               hex(l.color) + "\n";
    }
    void operator()(const Path& p) {
        out += indent + "path";
        if (p.fill) out += " fill " + hex(*p.fill);
        if (p.stroke) out += " stroke " + hex(*p.stroke) + " w" + num(p.width);
        if (!p.dash.empty()) out += " dashed";
        out += " :";
        for (const auto& s : p.steps) {
            switch (s.kind) {
                case PathStep::move: out += " M" + num(s.x) + "," + num(s.y); break;
                case PathStep::line: out += " L" + num(s.x) + "," + num(s.y); break;
                case PathStep::arc:
                    out += " A" + num(s.x) + "," + num(s.y) + " r" + num(s.radius) + " " + num(s.angle1) + ".." + num(s.angle2);
                    break;
                case PathStep::close: out += " Z"; break;
            }
        }
        out += "\n";
    }
    void operator()(const ImageItem& i) {
        out += indent + "image " + num(i.x) + "," + num(i.y) + " " + num(i.width) + "x" + num(i.height) + " " + i.name + "\n";
    }
    void operator()(const LinkArea& l) {
        out += indent + "link " + num(l.x) + "," + num(l.y) + " " + num(l.width) + "x" + num(l.height) + " " + l.uri + " \"" +
               l.description + "\"\n";
    }
    void operator()(const Anchor& a) { out += indent + "anchor " + a.name + " " + num(a.y) + "\n"; }
};

}  // namespace

std::string dump_frames(const FrameDocument& document) {
    std::string out = "document \"" + document.info.title + "\" lang=" + document.info.language + "\n";
    for (const auto& entry : document.outline)
        out += "outline " + std::to_string(entry.level) + " \"" + entry.title + "\" -> " + entry.anchor + "\n";
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        const auto& page = document.pages[p];
        out += "page " + std::to_string(p + 1) + " " + num(page.width) + "x" + num(page.height) + "\n";
        walk(page.items, ItemDumper{out});
    }
    return out;
}

std::string hex(const Color& c) {
    char buffer[8];
    auto byte = [](double v) { return static_cast<unsigned>(v * 255.0 + 0.5); };
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    return buffer;
}

const char* role_name(Role role) {
    switch (role) {
        case Role::artifact: return "Artifact";
        case Role::p: return "P";
        case Role::h1: return "H1";
        case Role::h2: return "H2";
        case Role::h3: return "H3";
        case Role::h4: return "H4";
        case Role::h5: return "H5";
        case Role::h6: return "H6";
        case Role::l: return "L";
        case Role::li: return "LI";
        case Role::lbl: return "Lbl";
        case Role::lbody: return "LBody";
        case Role::table: return "Table";
        case Role::thead: return "THead";
        case Role::tbody: return "TBody";
        case Role::tr: return "TR";
        case Role::th: return "TH";
        case Role::td: return "TD";
        case Role::figure: return "Figure";
        case Role::caption: return "Caption";
        case Role::note: return "Note";
        case Role::toc: return "TOC";
        case Role::toci: return "TOCI";
        case Role::span: return "Span";
        case Role::code: return "Code";
        case Role::th_row: return "TH";
    }
    return "Artifact";
}

Role heading_role(int level) {
    static constexpr Role roles[] = {Role::h1, Role::h2, Role::h3, Role::h4, Role::h5, Role::h6};
    return roles[std::clamp(level, 1, 6) - 1];
}

int heading_level(Role role) {
    const int level = static_cast<int>(role) - static_cast<int>(Role::h1) + 1;
    return level >= 1 && level <= 6 ? level : 0;
}

void translate(FrameItem& item, double dx, double dy) {
    std::visit(
        [dx, dy](auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, Group>) {
                for (auto& child : i.items) translate(child, dx, dy);
            } else if constexpr (std::is_same_v<T, Line>) {
                i.x1 += dx;
                i.x2 += dx;
                i.y1 += dy;
                i.y2 += dy;
            } else if constexpr (std::is_same_v<T, Path>) {
                for (auto& step : i.steps) {
                    step.x += dx;
                    step.y += dy;
                }
            } else if constexpr (std::is_same_v<T, Anchor>) {
                i.y += dy;
            } else {
                i.x += dx;
                i.y += dy;
            }
        },
        static_cast<FrameItem::variant&>(item));
}

}  // namespace sats
