#include "fetch/source_note.hpp"

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <ctime>
#include <sstream>

namespace sats {

namespace {

constexpr const char* kRetrieved = "retrieved = ";

/// `text` as a TOML basic string: in quotes, with quotes, backslashes and control characters escaped.
std::string quoted(const std::string& text) {
    std::string out = "\"";
    for (const char c : text) {
        if (c == '"' || c == '\\') {
            out += '\\';
            out += c;
        } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) {
            char escaped[8];
            std::snprintf(escaped, sizeof escaped, "\\u%04X", static_cast<unsigned>(static_cast<unsigned char>(c)));
            out += escaped;
        } else {
            out += c;
        }
    }
    return out + '"';
}

/// `name` as a TOML key: bare if it can be, else quoted.
std::string key(const std::string& name) {
    const bool bare = !name.empty() && std::all_of(name.begin(), name.end(), [](unsigned char c) {
        return std::isalnum(c) || c == '_' || c == '-';
    });
    return bare ? name : quoted(name);
}

/// `time` as a TOML date-time in UTC, e.g. 2025-11-25T08:30:00Z.
std::string utc(std::chrono::system_clock::time_point time) {
    const std::time_t t = std::chrono::system_clock::to_time_t(time);
    std::tm parts{};
    gmtime_r(&t, &parts);
    char text[32];
    std::strftime(text, sizeof text, "%FT%TZ", &parts);
    return text;
}

/// `text` without its `retrieved` line.
std::string without_retrieved(const std::string& text) {
    std::istringstream lines(text);
    std::string kept, line;
    while (std::getline(lines, line))
        if (line.rfind(kRetrieved, 0) != 0) kept += line + '\n';
    return kept;
}

}  // namespace

std::filesystem::path note_path(const std::filesystem::path& file) { return file.string() + ".kilde.toml"; }

std::string note_text(const SourceNote& note, const std::string& file) {
    std::string text = "# Where " + file + " comes from, written by `sats data fetch` with the file. Do not edit.\n";
    text += "table = " + quoted(note.table) + "\n";
    if (!note.title.empty()) text += "title = " + quoted(note.title) + "\n";
    if (!note.updated.empty()) text += "updated = " + quoted(note.updated) + "\n";
    text += "url = " + quoted(note.url) + "\n";
    text += kRetrieved + utc(note.retrieved) + "\n";
    text += "licence = " + quoted(kSsbLicence) + "\n\n[query]\n";
    for (const auto& dimension : note.query) {
        std::string values;
        for (const auto& value : dimension.values) values += (values.empty() ? "" : ", ") + quoted(value);
        text += key(dimension.dimension) + " = [" + values + "]\n";
    }
    return text;
}

bool same_but_retrieved(const std::string& a, const std::string& b) { return without_retrieved(a) == without_retrieved(b); }

}  // namespace sats
