#include "core/diagnostics.hpp"

#include "core/text_file.hpp"

#include <algorithm>
#include <optional>

#include "core/environment.hpp"
#include <ostream>

namespace sats {

std::string Diagnostic::headline() const {
    std::string s = where.file.empty() ? std::string("sats") : where.file;
    if (where.line > 0) {
        s += ':' + std::to_string(where.line);
        if (where.column > 0) s += ':' + std::to_string(where.column);
    }
    s += severity == Severity::error ? ": error: " : severity == Severity::warning ? ": warning: " : ": note: ";
    s += message;
    return s;
}

void Diagnostics::error(SourceLocation where, std::string message, std::string hint) {
    add({Severity::error, std::move(where), std::move(message), std::move(hint)});
}

void Diagnostics::warning(SourceLocation where, std::string message, std::string hint) {
    add({Severity::warning, std::move(where), std::move(message), std::move(hint)});
}

void Diagnostics::note(SourceLocation where, std::string message, std::string hint) {
    add({Severity::note, std::move(where), std::move(message), std::move(hint)});
}

void Diagnostics::add(Diagnostic d) { items_.push_back(std::move(d)); }

bool Diagnostics::has_errors() const { return error_count() > 0; }

void Diagnostics::promote_warnings() {
    for (auto& d : items_)
        if (d.severity == Severity::warning) d.severity = Severity::error;
}

std::size_t Diagnostics::error_count() const {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) {
        return d.severity == Severity::error;
    }));
}

namespace {

/// Line `number` (from 1) of `text`, without its line break.
std::string line_of(const std::string& text, int number) {
    std::size_t start = 0;
    for (int i = 1; i < number; ++i) {
        start = text.find('\n', start);
        if (start == std::string::npos) return "";
        ++start;
    }
    const auto end = text.find('\n', start);
    std::string line = text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
}

}  // namespace

namespace {
/// The text of `file` as its lines are counted (every line end one), or nothing if it cannot be
/// read or is not text (its lines are then not shown).
std::optional<std::string> shown_text(const Environment& env, const std::string& file) {
    const auto bytes = env.read_file(file);
    Diagnostics ignored;
    return bytes ? decoded_text(*bytes, file, TextEncoding::automatic, ignored) : std::nullopt;
}
}  // namespace

void Diagnostics::print(std::ostream& out, const Environment* env) const {
    std::map<std::string, std::optional<std::string>> files;  // read once each
    std::vector<const Diagnostic*> ordered;                    // errors first, then warnings, then notes
    for (const auto severity : {Severity::error, Severity::warning, Severity::note})
        for (const auto& d : items_)
            if (d.severity == severity) ordered.push_back(&d);
    for (const auto* item : ordered) {
        const Diagnostic& d = *item;
        out << d.headline() << '\n';
        if (env && d.where.line > 0 && !d.where.file.empty()) {
            auto it = files.find(d.where.file);
            if (it == files.end()) it = files.emplace(d.where.file, shown_text(*env, d.where.file)).first;
            const std::string line = it->second ? line_of(*it->second, d.where.line) : "";
            if (!line.empty() && line.size() < 300) {
                out << "  | " << line << '\n';
                if (d.where.column > 0) {
                    // The marker sits under the column, counting characters (tabs kept as tabs).
                    std::string pad;
                    int column = 1;
                    for (std::size_t i = 0; i < line.size() && column < d.where.column; ++i) {
                        if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
                        pad += line[i] == '\t' ? '\t' : ' ';
                        ++column;
                    }
                    out << "  | " << pad << "^\n";
                }
            }
        }
        if (!d.hint.empty()) out << "  hint: " << d.hint << '\n';
    }
    const auto errors = error_count();
    const auto warnings = static_cast<std::size_t>(
        std::count_if(items_.begin(), items_.end(), [](const Diagnostic& d) { return d.severity == Severity::warning; }));
    if (errors > 0 || warnings > 0)
        out << errors << (errors == 1 ? " error" : " errors") << ", " << warnings
            << (warnings == 1 ? " warning" : " warnings") << '\n';
}

std::size_t edit_distance(const std::string& a, const std::string& b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

std::string closest_match(const std::string& word, const std::vector<std::string>& candidates) {
    std::string best;
    std::size_t best_distance = std::max<std::size_t>(2, word.size() / 3) + 1;
    for (const auto& c : candidates) {
        const auto d = edit_distance(word, c);
        if (d < best_distance) {
            best_distance = d;
            best = c;
        }
    }
    return best;
}

std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates) {
    const auto near = closest_match(word, candidates);
    return near.empty() ? "" : "did you mean '" + near + "'?";
}

}  // namespace sats
