#include "data/csv_reader.hpp"

#include "core/text_position.hpp"

namespace sats {

namespace {

/// Walks the text record by record, keeping line and column of each field.
class CsvScanner {
public:
    CsvScanner(const std::string& text, std::size_t start, const std::string& file, Diagnostics& diagnostics)
        : text_(text), pos_(start), file_(file), diagnostics_(diagnostics) {}

    bool done() const { return pos_ >= text_.size(); }

    /// Reads one record; returns false at the end of input.
    bool next(char separator, std::vector<CsvField>& fields) {
        fields.clear();
        unclosed_ = false;
        if (done()) return false;
        while (true) {
            CsvField field;
            const auto lc = line_column_at_cached(pos_);
            field.line = lc.line;
            field.column = lc.column;
            if (pos_ < text_.size() && text_[pos_] == '"') {
                ++pos_;
                bool closed = false;
                while (pos_ < text_.size()) {
                    const char c = text_[pos_++];
                    if (c == '"') {
                        if (pos_ < text_.size() && text_[pos_] == '"') {
                            field.text += '"';
                            ++pos_;
                        } else {
                            closed = true;
                            break;
                        }
                    } else {
                        field.text += c;
                    }
                }
                if (!closed) {
                    diagnostics_.error({file_, field.line, field.column}, "quoted field is never closed");
                    unclosed_ = true;
                }
                while (pos_ < text_.size() && text_[pos_] != separator && text_[pos_] != '\n' && text_[pos_] != '\r')
                    ++pos_;  // ignore anything between the closing quote and the separator
            } else {
                while (pos_ < text_.size() && text_[pos_] != separator && text_[pos_] != '\n' && text_[pos_] != '\r')
                    field.text += text_[pos_++];
            }
            fields.push_back(std::move(field));
            if (pos_ < text_.size() && text_[pos_] == separator) {
                ++pos_;
                continue;
            }
            if (pos_ < text_.size() && text_[pos_] == '\r') ++pos_;
            if (pos_ < text_.size() && text_[pos_] == '\n') ++pos_;
            return true;
        }
    }

    /// Whether the record read last has a quoted field that is never closed (it ran to the end
    /// of the file, so its count of fields says nothing more).
    bool unclosed() const { return unclosed_; }

private:
    /// line_column_at from the last position, so scanning stays linear.
    LineColumn line_column_at_cached(std::size_t offset) {
        while (scanned_ < offset) {
            if (text_[scanned_] == '\n') {
                ++line_;
                line_start_ = scanned_ + 1;
            }
            ++scanned_;
        }
        return {line_, static_cast<int>(utf8_length(std::string_view(text_).substr(line_start_, offset - line_start_))) + 1};
    }

    const std::string& text_;
    std::size_t pos_;
    const std::string& file_;
    Diagnostics& diagnostics_;
    bool unclosed_ = false;
    std::size_t scanned_ = 0;
    std::size_t line_start_ = 0;
    int line_ = 1;
};

bool blank(const std::vector<CsvField>& fields) { return fields.size() == 1 && fields[0].text.find_first_not_of(" \t") == std::string::npos; }

/// The separators a header may use, in the order they are preferred.
constexpr char kSeparators[] = {';', '\t', ','};

/// How many fields `line` has with `separator` (separators inside quotes do not count).
std::size_t field_count(std::string_view line, char separator) {
    std::size_t count = 1;
    bool quoted = false;
    for (const char c : line) {
        if (c == '"') quoted = !quoted;
        else if (c == separator && !quoted) ++count;
    }
    return count;
}

/// The lines from `start` on, without their line ends (at most `limit`), each with its offset.
std::vector<std::pair<std::size_t, std::string_view>> lines_from(const std::string& text, std::size_t start, std::size_t limit) {
    std::vector<std::pair<std::size_t, std::string_view>> lines;
    while (start < text.size() && lines.size() < limit) {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines.emplace_back(start, line);
        start = end + 1;
    }
    return lines;
}

bool blank_line(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

/// The separator a line uses: `;` if it has one, else a tab if it has one, else `,`.
char separator_of(std::string_view line) {
    for (const char separator : kSeparators)
        if (field_count(line, separator) > 1) return separator;
    return ',';
}

/// The header among the first lines and its separator (separator_of() the header): the first
/// non-blank line, or the second if the first is a title line. The first is a title line (as in
/// SSB's downloads "med overskrift") when it does not split into as many fields as the line
/// after it but the second does into as many as the third, and it is one field with the
/// second's separator, or the file is not comma-separated (a comma title is quoted, as SSB
/// writes it). Returns the header's index in `lines`.
std::pair<std::size_t, char> find_header(const std::vector<std::pair<std::size_t, std::string_view>>& lines) {
    std::vector<std::size_t> filled;
    for (std::size_t i = 0; i < lines.size(); ++i)
        if (!blank_line(lines[i].second)) filled.push_back(i);
    if (filled.empty()) return {0, ','};
    auto pairs = [&](std::size_t k, char separator) {
        const auto count = field_count(lines[filled[k]].second, separator);
        return k + 1 < filled.size() && count >= 2 && count == field_count(lines[filled[k + 1]].second, separator);
    };
    const char first = separator_of(lines[filled[0]].second);
    if (filled.size() >= 3 && !pairs(0, first)) {
        const char second = separator_of(lines[filled[1]].second);
        const bool title = field_count(lines[filled[0]].second, second) == 1 || second != ',';
        if (title && pairs(1, second)) return {filled[1], second};
    }
    return {filled[0], first};
}

/// A title line's text without the quotes SSB puts around it and separators after it.
std::string title_text(std::string_view line, char separator) {
    while (!line.empty() && (line.back() == separator || line.back() == ' ')) line.remove_suffix(1);
    if (line.size() >= 2 && line.front() == '"' && line.back() == '"') line = line.substr(1, line.size() - 2);
    return std::string(line);
}

}  // namespace

CsvFile read_csv(const std::string& text, const std::string& file, Diagnostics& diagnostics) {
    CsvFile csv;
    std::size_t start = text.compare(0, 3, "\xEF\xBB\xBF") == 0 ? 3 : 0;
    // Leading comment lines.
    while (start < text.size() && text[start] == '#') {
        auto end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        std::string line = text.substr(start + 1, end - start - 1);
        if (!line.empty() && line.back() == '\r') line.pop_back();
        if (!line.empty() && line.front() == ' ') line.erase(0, 1);
        csv.comments.push_back(line);
        start = end + 1;
    }
    constexpr std::size_t kFirstLines = 8;  // where the header is looked for: a title line, blank lines
    const auto lines = lines_from(text, start, kFirstLines);
    const auto [header, separator] = find_header(lines);
    if (lines.empty() || blank_line(lines[header].second)) {
        diagnostics.error({file, static_cast<int>(csv.comments.size()) + 1, 1}, "the data file has no header row",
                          "write the column names on the first line after the # comments");
        return csv;
    }
    for (std::size_t i = 0; i < header; ++i)
        if (!blank_line(lines[i].second) && csv.title.empty()) csv.title = title_text(lines[i].second, separator);
    csv.separator = separator;
    start = lines[header].first;

    CsvScanner scanner(text, start, file, diagnostics);
    scanner.next(csv.separator, csv.header);
    for (std::size_t c = 0; c < csv.header.size(); ++c)
        if (csv.header[c].text.find_first_not_of(" \t") == std::string::npos)
            diagnostics.error({file, csv.header[c].line, csv.header[c].column},
                              "column " + std::to_string(c + 1) + " of the header has no name",
                              "name every column; a separator at the end of the line makes an empty one");
    std::vector<CsvField> fields;
    while (scanner.next(csv.separator, fields)) {
        if (blank(fields)) continue;
        if (fields.size() != csv.header.size()) {
            if (!scanner.unclosed())
                diagnostics.error({file, fields[0].line, 1}, "row has " + std::to_string(fields.size()) +
                                                                 " fields, but the header has " + std::to_string(csv.header.size()));
            continue;
        }
        csv.rows.push_back(fields);
    }
    return csv;
}

}  // namespace sats
