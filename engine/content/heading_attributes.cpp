#include "content/heading_attributes.hpp"

#include <sstream>

namespace sats {

const std::vector<std::string>& heading_attribute_names() {
    static const std::vector<std::string> names{"-", ".unummerert", ".unnumbered", ".innfelt", ".run-in"};
    return names;
}

namespace {

/// Whether `id` may name an anchor: a–z, 0–9, '-' and '_', not empty.
bool valid_id(const std::string& id) {
    if (id.empty()) return false;
    for (const char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' || c == '_')) return false;
    return true;
}

}  // namespace

HeadingAttributes take_heading_attributes(Inlines& text) {
    HeadingAttributes out;
    if (text.empty() || text.back().code || text.back().link.size()) return out;
    std::string& last = text.back().text;
    if (last.empty() || last.back() != '}') return out;
    const auto open = last.rfind('{');
    if (open == std::string::npos || open + 2 >= last.size()) return out;
    std::istringstream words(last.substr(open + 1, last.size() - open - 2));
    std::vector<std::string> parts;
    for (std::string word; words >> word;) parts.push_back(word);
    if (parts.empty()) return out;
    for (const auto& part : parts) {
        if (part == "-" || part == ".unummerert" || part == ".unnumbered") out.unnumbered = true;
        else if (part == ".innfelt" || part == ".run-in") out.run_in = true;
        else if (part[0] == '#') {
            out.id = part.substr(1);
            if (!valid_id(out.id)) out.bad_id = part;
        } else out.unknown.push_back(part);
    }
    std::size_t end = open;
    while (end > 0 && last[end - 1] == ' ') --end;
    last.erase(end);
    if (last.empty()) text.pop_back();
    return out;
}

}  // namespace sats
