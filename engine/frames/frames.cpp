#include "frames/frames.hpp"

#include <type_traits>

#include <cstdio>
#include <filesystem>

namespace sats {

namespace {

std::string num(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

std::string hex(const Color& c) {
    char buffer[8];
    auto byte = [](double v) { return static_cast<unsigned>(v * 255.0 + 0.5); };
    std::snprintf(buffer, sizeof buffer, "#%02x%02x%02x", byte(c.r), byte(c.g), byte(c.b));
    return buffer;
}

/// Writes one item as one line.
struct ItemDumper {
    std::string& out;
    void operator()(const GlyphRun& r) const {
        out += "  text " + num(r.x) + "," + num(r.y) + " " + r.font->name + " " + num(r.size) + " " + hex(r.color) + " \"" +
               r.text() + "\"\n";
    }
    void operator()(const FilledRect& r) const {
        out += "  rect " + num(r.x) + "," + num(r.y) + " " + num(r.width) + "x" + num(r.height) + " " + hex(r.color) + "\n";
    }
    void operator()(const Line& l) const {
        out += "  line " + num(l.x1) + "," + num(l.y1) + " " + num(l.x2) + "," + num(l.y2) + " w" + num(l.width) + " " +
               hex(l.color) + "\n";
    }
    void operator()(const Path& p) const {
        out += "  path";
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
    void operator()(const ImageItem& i) const {
        out += "  image " + num(i.x) + "," + num(i.y) + " " + num(i.width) + "x" + num(i.height) + " " +
               std::filesystem::path(i.file).filename().string() + "\n";
    }
    void operator()(const LinkArea& l) const {
        out += "  link " + num(l.x) + "," + num(l.y) + " " + num(l.width) + "x" + num(l.height) + " " + l.uri + " \"" +
               l.description + "\"\n";
    }
    void operator()(const TagBegin& t) const {
        out += "  <" + t.role + (t.alt.empty() ? "" : " alt=\"" + t.alt + "\"") + (t.lang.empty() ? "" : " lang=" + t.lang) + ">\n";
    }
    void operator()(const TagEnd&) const { out += "  </>\n"; }
    void operator()(const Anchor& a) const { out += "  anchor " + a.name + " " + num(a.y) + "\n"; }
};

}  // namespace

std::string dump_frames(const FrameDocument& document) {
    std::string out = "document \"" + document.info.title + "\" lang=" + document.info.language + "\n";
    for (const auto& entry : document.outline)
        out += "outline " + std::to_string(entry.level) + " \"" + entry.title + "\" -> " + entry.anchor + "\n";
    for (std::size_t p = 0; p < document.pages.size(); ++p) {
        const auto& page = document.pages[p];
        out += "page " + std::to_string(p + 1) + " " + num(page.width) + "x" + num(page.height) + "\n";
        for (const auto& item : page.items) std::visit(ItemDumper{out}, item);
    }
    return out;
}

void shift(FrameItem& item, double dy) {
    std::visit(
        [dy](auto& i) {
            using T = std::decay_t<decltype(i)>;
            if constexpr (std::is_same_v<T, Line>) {
                i.y1 += dy;
                i.y2 += dy;
            } else if constexpr (std::is_same_v<T, Path>) {
                for (auto& step : i.steps) step.y += dy;
            } else if constexpr (requires { i.y; }) {
                i.y += dy;
            }
        },
        item);
}

}  // namespace sats
