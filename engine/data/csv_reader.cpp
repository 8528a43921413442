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
                if (!closed) diagnostics_.error({file_, field.line, field.column}, "quoted field is never closed");
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
    std::size_t scanned_ = 0;
    std::size_t line_start_ = 0;
    int line_ = 1;
};

bool blank(const std::vector<CsvField>& fields) { return fields.size() == 1 && fields[0].text.find_first_not_of(" \t") == std::string::npos; }

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
    if (start >= text.size()) {
        diagnostics.error({file, 1, 1}, "the data file has no header row");
        return csv;
    }
    const auto header_end = text.find('\n', start);
    const std::string header_line = text.substr(start, header_end == std::string::npos ? std::string::npos : header_end - start);
    csv.separator = header_line.find(';') != std::string::npos ? ';' : ',';

    CsvScanner scanner(text, start, file, diagnostics);
    scanner.next(csv.separator, csv.header);
    std::vector<CsvField> fields;
    while (scanner.next(csv.separator, fields)) {
        if (blank(fields)) continue;
        if (fields.size() != csv.header.size()) {
            diagnostics.error({file, fields[0].line, 1}, "row has " + std::to_string(fields.size()) + " fields, but the header has " +
                                                             std::to_string(csv.header.size()));
            continue;
        }
        csv.rows.push_back(fields);
    }
    return csv;
}

}  // namespace sats
