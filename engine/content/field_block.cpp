#include "content/field_block.hpp"

#include <algorithm>
#include <cctype>
#include <set>

#include "core/text_position.hpp"

namespace sats {

namespace {

bool blank(std::string_view line) {
    return std::all_of(line.begin(), line.end(), [](unsigned char c) { return std::isspace(c); });
}

std::size_t leading_spaces(std::string_view line) {
    const auto first = line.find_first_not_of(" \t");
    return first == std::string_view::npos ? line.size() : first;
}

/// Whether `line` starts like a Markdown block (a list item, a quote, a heading, a table row,
/// a fence), which is never a label.
bool starts_like_markdown(std::string_view line) {
    if (line.empty() || std::string_view("-*+>#|`~").find(line[0]) != std::string_view::npos) return true;
    std::size_t digits = 0;
    while (digits < line.size() && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
    return digits > 0 && digits < line.size() && (line[digits] == '.' || line[digits] == ')');
}

/// The colon ending a label at the start of `line` (followed by a space, a tab or the line's
/// end, not escaped), or npos if the line does not open a field. An empty label counts: its
/// error is reported by the caller.
std::size_t label_colon(std::string_view line) {
    if (line.empty() || std::isspace(static_cast<unsigned char>(line[0]))) return std::string_view::npos;
    if (line[0] != ':' && starts_like_markdown(line)) return std::string_view::npos;
    for (std::size_t i = 0; i < line.size(); ++i) {
        if (line[i] != ':') continue;
        const bool ends = i + 1 == line.size() || line[i + 1] == ' ' || line[i + 1] == '\t';
        if (!ends || (i > 0 && line[i - 1] == '\\')) continue;
        return utf8_length(line.substr(0, i)) <= kMaxFieldLabel ? i : std::string_view::npos;
    }
    return std::string_view::npos;
}

std::string_view trimmed(std::string_view text) {
    const auto first = text.find_first_not_of(" \t");
    if (first == std::string_view::npos) return {};
    return text.substr(first, text.find_last_not_of(" \t") - first + 1);
}

/// Where a backslash keeps the text on a label's line from starting a list, a heading or a
/// quote ("1. juni" is a date): before a list number's `.` or `)`, or at the start; npos if
/// the text starts like none of them.
std::size_t markup_start(std::string_view first) {
    std::size_t digits = 0;
    while (digits < first.size() && std::isdigit(static_cast<unsigned char>(first[digits]))) ++digits;
    const auto spaced = [&](std::size_t i) { return i >= first.size() || first[i] == ' ' || first[i] == '\t'; };
    if (digits > 0 && digits < first.size() && (first[digits] == '.' || first[digits] == ')') && spaced(digits + 1)) return digits;
    if (!first.empty() && std::string_view("-+*>").find(first[0]) != std::string_view::npos && spaced(1)) return 0;
    if (first.starts_with('#')) return 0;
    return std::string_view::npos;
}

/// The value of a field from the rest of its label's line and its `lines`: blank lines at the
/// end dropped, the later lines' common indent taken off (recorded in `field.indent`).
void set_value(FieldText& field, std::string_view first, std::vector<std::string_view> lines) {
    while (!lines.empty() && blank(lines.back())) lines.pop_back();
    std::size_t indent = std::string_view::npos;
    for (const auto line : lines)
        if (!blank(line)) indent = std::min(indent, leading_spaces(line));
    if (indent == std::string_view::npos) indent = 0;
    field.indent = static_cast<int>(indent);
    field.value = std::string(first);
    if (const auto at = markup_start(first); at != std::string_view::npos) {
        field.value.insert(at, "\\");
        --field.value_column;  // the text after the backslash stays where it was written
    }
    for (const auto line : lines) field.value += "\n" + std::string(line.substr(std::min(indent, line.size())));
}

}  // namespace

std::vector<FieldText> split_fields(std::string_view body, const FieldLocator& at, Diagnostics& diagnostics) {
    std::vector<std::string_view> lines;
    for (std::size_t start = 0; start < body.size();) {
        const auto end = std::min(body.find('\n', start), body.size());
        lines.push_back(body.substr(start, end - start));
        start = end + 1;
    }
    std::vector<FieldText> fields;
    std::string_view first_line;               // the rest of the open field's label line
    std::vector<std::string_view> value_lines;  // the open field's later lines
    const auto close_field = [&] {
        if (fields.empty()) return;
        set_value(fields.back(), first_line, value_lines);
        if (blank(fields.back().value) && !fields.back().label.empty())
            diagnostics.error(at(fields.back().line, fields.back().column), "the field '" + fields.back().label + "' has no value",
                              "write the value after the colon or on the lines below it, or leave the field out");
    };
    std::set<std::string> labels;
    bool text_before = false;
    for (std::size_t i = 0; i < lines.size(); ++i) {
        const auto line = lines[i];
        const int number = static_cast<int>(i) + 1;
        const auto colon = label_colon(line);
        if (colon == std::string_view::npos) {
            if (!fields.empty()) value_lines.push_back(line);
            else if (!blank(line) && !text_before) {
                text_before = true;
                diagnostics.error(at(number, static_cast<int>(leading_spaces(line)) + 1), "text before the first field of a field block",
                                  "begin each field with its label and a colon, e.g. 'Tiltak: Nytt fagsystem'");
            }
            continue;
        }
        close_field();
        FieldText field;
        field.label = std::string(trimmed(line.substr(0, colon)));
        field.line = number;
        const auto rest = line.substr(colon + 1);
        first_line = trimmed(rest);
        field.value_column = static_cast<int>(colon + 2 + leading_spaces(rest));
        value_lines.clear();
        if (field.label.empty())
            diagnostics.error(at(number, 1), "a field needs a label before its colon",
                              "write the label first, e.g. 'Status: Pågående'; to begin a line of text with a colon, indent it");
        else if (!labels.insert(field.label).second)
            diagnostics.warning(at(number, 1), "the label '" + field.label + "' is used twice in this field block",
                                "give each field its own label, or join the two values");
        fields.push_back(std::move(field));
    }
    close_field();
    if (fields.empty() && !text_before)
        diagnostics.error(at(0, 1), "this field block has no fields",
                          "write one field a line: a label, a colon and its value, e.g. 'Tiltak: Nytt fagsystem'");
    return fields;
}

namespace {

/// What a block that a field cannot hold is called in its error; "" for paragraphs and lists.
struct ForbiddenName {
    std::string operator()(const Paragraph&) const { return ""; }
    std::string operator()(const List&) const { return ""; }
    std::string operator()(const Heading&) const { return "a heading (a line under '---' or '===' is one)"; }
    std::string operator()(const Image&) const { return "an image"; }
    std::string operator()(const Table&) const { return "a table"; }
    std::string operator()(const CodeBlock&) const { return "code"; }
    std::string operator()(const Rule&) const { return "a rule ('---')"; }
    std::string operator()(const PageBreak&) const { return "a page break"; }
    template <typename Other>
    std::string operator()(const Other&) const {
        return "a table, chart or other block";
    }
};

}  // namespace

void check_field_value(const std::vector<Block>& blocks, Diagnostics& diagnostics) {
    for (const auto& block : blocks) {
        if (const auto* list = std::get_if<List>(&block.content)) {
            for (const auto& item : list->items) check_field_value(item.blocks, diagnostics);
            continue;
        }
        const std::string name = std::visit(ForbiddenName{}, block.content);
        if (!name.empty())
            diagnostics.error(block.where, "a field holds paragraphs and lists, not " + name,
                              "put it after the field block, or write it as text");
    }
}

}  // namespace sats
