#include "content/list_traps.hpp"

#include <algorithm>
#include <map>

namespace sats {

namespace {

/// Line `n` (from 1) of `lines`, or "" past the end.
std::string_view line_at(const std::vector<std::string_view>& lines, int n) {
    return n >= 1 && n <= static_cast<int>(lines.size()) ? lines[static_cast<std::size_t>(n - 1)] : std::string_view{};
}

/// The list marker a line starts with after its indent and any '>' of block quotes ("" if
/// none), and the byte column where it starts.
std::string marker_of(std::string_view line, int& column) {
    std::size_t i = 0;
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t' || line[i] == '>')) ++i;
    column = static_cast<int>(i) + 1;
    std::size_t end = i;
    while (end < line.size() && end - i < 9 && line[end] >= '0' && line[end] <= '9') ++end;
    if (end > i) {
        if (end >= line.size() || (line[end] != '.' && line[end] != ')')) return "";
        ++end;
    } else if (i < line.size() && (line[i] == '-' || line[i] == '+' || line[i] == '*')) {
        end = i + 1;
    } else {
        return "";
    }
    if (end < line.size() && line[end] != ' ' && line[end] != '\t') return "";
    return std::string(line.substr(i, end - i));
}

/// Whether a line ends with ':' (spaces after it aside): it introduces a list.
bool introduces_list(std::string_view line) {
    while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
    return line.ends_with(':');
}

cmark_node_type type(cmark_node* n) { return n ? cmark_node_get_type(n) : CMARK_NODE_NONE; }

/// The last line of each paragraph that lists were joined to (cmark keeps the line it had).
using JoinedEnds = std::map<cmark_node*, int>;

/// Whether `list` interrupts the paragraph before it and can be made lines of it: each item
/// one paragraph, each on the line after the one before.
bool interrupts_paragraph(cmark_node* list, const std::vector<std::string_view>& lines, const JoinedEnds& joined) {
    cmark_node* paragraph = cmark_node_previous(list);
    if (type(paragraph) != CMARK_NODE_PARAGRAPH) return false;
    const auto end = joined.find(paragraph);
    int next_line = (end != joined.end() ? end->second : cmark_node_get_end_line(paragraph)) + 1;
    if (cmark_node_get_start_line(list) != next_line) return false;
    if (introduces_list(line_at(lines, next_line - 1))) return false;
    cmark_node* parent = cmark_node_parent(list);
    if (type(parent) == CMARK_NODE_ITEM && cmark_node_first_child(parent) == paragraph) return false;  // a nested list
    for (auto* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        cmark_node* only = cmark_node_first_child(item);
        if (type(only) != CMARK_NODE_PARAGRAPH || cmark_node_next(only)) return false;
        if (cmark_node_get_start_line(item) != next_line) return false;
        next_line = cmark_node_get_end_line(item) + 1;
    }
    return true;
}

/// Has every node under `n` own its text: cmark's inline text points into the block it was
/// parsed from, which is freed with the list.
void own_literals(cmark_node* n) {
    if (const char* literal = cmark_node_get_literal(n)) cmark_node_set_literal(n, std::string(literal).c_str());
    for (auto* c = cmark_node_first_child(n); c; c = cmark_node_next(c)) own_literals(c);
}

/// Moves the items of `list` into the paragraph before it, each as a new line starting with its
/// marker as text, and frees the list; returns the paragraph's last line now.
int join_paragraph(cmark_node* list, const std::vector<std::string_view>& lines) {
    cmark_node* paragraph = cmark_node_previous(list);
    int end = 0;
    for (auto* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
        int column = 0;
        const std::string marker = marker_of(line_at(lines, cmark_node_get_start_line(item)), column);
        cmark_node_append_child(paragraph, cmark_node_new(CMARK_NODE_SOFTBREAK));
        cmark_node* text = cmark_node_new(CMARK_NODE_TEXT);
        cmark_node_set_literal(text, (marker + " ").c_str());
        cmark_node_append_child(paragraph, text);
        cmark_node* content = cmark_node_first_child(item);
        while (cmark_node* inline_node = cmark_node_first_child(content)) {
            own_literals(inline_node);
            cmark_node_unlink(inline_node);
            cmark_node_append_child(paragraph, inline_node);
        }
        end = cmark_node_get_end_line(item);
    }
    cmark_node_free(list);  // unlinks it
    return end;
}

/// The first list in `document` that interrupts a paragraph, or null.
cmark_node* first_trap(cmark_node* document, const std::vector<std::string_view>& lines, const JoinedEnds& joined) {
    cmark_node* found = nullptr;
    cmark_iter* iter = cmark_iter_new(document);
    for (auto ev = cmark_iter_next(iter); !found && ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter)) {
        cmark_node* n = cmark_iter_get_node(iter);
        if (ev == CMARK_EVENT_ENTER && type(n) == CMARK_NODE_LIST && interrupts_paragraph(n, lines, joined)) found = n;
    }
    cmark_iter_free(iter);
    return found;
}

}  // namespace

std::vector<ParagraphMarker> keep_paragraph_lines(cmark_node* document, const std::vector<std::string_view>& lines) {
    std::vector<ParagraphMarker> markers;
    JoinedEnds joined;
    cmark_iter* iter = cmark_iter_new(document);
    for (auto ev = cmark_iter_next(iter); ev != CMARK_EVENT_DONE; ev = cmark_iter_next(iter)) {
        if (ev != CMARK_EVENT_ENTER) continue;
        cmark_node* n = cmark_iter_get_node(iter);
        if (type(n) == CMARK_NODE_PARAGRAPH) {
            for (int line = cmark_node_get_start_line(n) + 1; line <= cmark_node_get_end_line(n); ++line) {
                ParagraphMarker m{line, 0, {}};
                m.marker = marker_of(line_at(lines, line), m.column);
                if (!m.marker.empty() && m.marker.size() <= 3) markers.push_back(std::move(m));  // "2024." is a year
            }
        }
    }
    cmark_iter_free(iter);
    // One at a time: a list joined to a paragraph may bring the next list right under it.
    while (cmark_node* list = first_trap(document, lines, joined)) {
        for (auto* item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
            ParagraphMarker m{cmark_node_get_start_line(item), 0, {}};
            m.marker = marker_of(line_at(lines, m.line), m.column);
            markers.push_back(std::move(m));
        }
        cmark_node* paragraph = cmark_node_previous(list);
        joined[paragraph] = join_paragraph(list, lines);
    }
    std::sort(markers.begin(), markers.end(), [](const auto& a, const auto& b) { return a.line < b.line; });
    return markers;
}

}  // namespace sats
