#include "content/template.hpp"

#include <map>
#include <regex>
#include <sstream>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "core/result.hpp"
#include "core/text_position.hpp"

namespace sats {

namespace mustache = kainjow::mustache;

namespace {

/// Line markers ride along through rendering so each output line knows its source line.
constexpr char kMarkBegin = '\x01';
constexpr char kMarkEnd = '\x02';
// Spaces and tabs outside tags travel through Mustache as these bytes: kainjow's parser makes
// a component per whitespace run (about 100 bytes of memory per byte of text), so a 5 MB
// paragraph would take gigabytes; without whitespace it makes one component per line.
constexpr char kSpace = '\x1f';
constexpr char kTab = '\x1e';

/// A Mustache context that looks every name up through the resolver.
class ResolvingContext : public mustache::basic_context<std::string> {
public:
    explicit ResolvingContext(const PlaceholderResolver& resolver) : resolver_(resolver) {}

    void push(const mustache::data* data) override { stack_.push_back(data); }
    void pop() override { stack_.pop_back(); }

    const mustache::data* get(const std::string& name) const override {
        if (name == ".") return stack_.empty() ? nullptr : stack_.back();
        const auto cached = cache_.find(name);
        if (cached != cache_.end()) return &cached->second;
        const auto value = resolver_.resolve(name);
        if (!value) return nullptr;
        mustache::data data = std::holds_alternative<bool>(*value)
                                  ? mustache::data(std::get<bool>(*value) ? mustache::data::type::bool_true
                                                                          : mustache::data::type::bool_false)
                                  : mustache::data(std::get<std::string>(*value));
        return &cache_.emplace(name, std::move(data)).first->second;
    }

    const mustache::data* get_partial(const std::string&) const override { return nullptr; }

private:
    const PlaceholderResolver& resolver_;
    std::vector<const mustache::data*> stack_;
    mutable std::map<std::string, mustache::data> cache_;
};

/// "did you mean 'x'?" for a resolver's nearest name, or "" if it has none.
std::string did_you_mean_hint(const std::string& near) { return near.empty() ? "" : "did you mean '" + near + "'?"; }

/// Whether `c` is white space (as `\s` in a regular expression).
bool is_space(char c) { return std::string_view(" \t\n\v\f\r").find(c) != std::string_view::npos; }

/// One `{{…}}` (or `{{{…}}}`) tag of a template.
struct Tag {
    char kind = 0;              ///< one of `#^/&>!=`, or 0 for a plain `{{name}}`
    std::string name;           ///< without the white space around it
    std::size_t name_at = 0;    ///< the byte offset of the name in the template
};

/// Every tag of `source`, in order: `{{`, an optional `{`, an optional kind, the name up to the
/// first `}`, then `}}` or `}}}`. Scanned by hand in one pass: std::regex recurses per character,
/// and a tag of 60 000 characters overflowed the stack.
std::vector<Tag> tags(const std::string& source) {
    std::vector<Tag> found;
    for (auto open = source.find("{{"); open != std::string::npos; open = source.find("{{", open + 1)) {
        auto at = open + 2;
        if (at < source.size() && source[at] == '{') ++at;
        while (at < source.size() && is_space(source[at])) ++at;
        Tag tag;
        if (at < source.size() && std::string_view("#^/&>!=").find(source[at]) != std::string_view::npos) tag.kind = source[at++];
        while (at < source.size() && is_space(source[at])) ++at;
        const auto close = source.find('}', at);
        if (close == std::string::npos) break;
        if (source.compare(close, 2, "}}") != 0) continue;  // a lone '}': no tag starts at this "{{"
        auto end = close;
        while (end > at && is_space(source[end - 1])) --end;
        tag.name = source.substr(at, end - at);
        tag.name_at = at;
        found.push_back(std::move(tag));
        open = source.compare(close, 3, "}}}") == 0 ? close + 2 : close + 1;
    }
    return found;
}

/// An error for every tag whose name the resolver does not know (or misuses), at its source position.
Errors check_names(const std::string& source, const std::string& file, const PlaceholderResolver& resolver) {
    Errors errors;
    for (const auto& [kind, name, name_at] : tags(source)) {
        if (kind == '!' || kind == '/' || kind == '=' || name == ".") continue;
        // The position is worked out only for a tag with a problem (it scans from the start).
        const auto where = [&, name_at = name_at] {
            const auto at = line_column_at(source, name_at);
            return SourceLocation{file, at.line, at.column};
        };
        if (kind == '>') {
            errors.push_back(error_at(where(), "partials ({{> name}}) are not supported"));
            continue;
        }
        if (const auto value = resolver.resolve(name)) {
            if (std::holds_alternative<bool>(*value) && kind != '#' && kind != '^')
                errors.push_back(
                    error_at(where(), "'" + name + "' is a yes/no flag; use it as a section: {{#" + name + "}}…{{/" + name + "}}"));
            continue;
        }
        if (resolver.already_reported(name)) continue;
        const auto near = resolver.nearest(name);
        errors.push_back(error_at(where(), "unknown placeholder '" + name + "'", did_you_mean_hint(near)));
    }
    return errors;
}

/// Mustache reports syntax errors as "... at <byte offset>"; turn that into a location. (The
/// message may hold a section's name, of any length, so it is not read with std::regex, which
/// recurses per character.)
void report_syntax_error(const std::string& message, const std::string& source, const std::string& file,
                         Diagnostics& diagnostics) {
    const auto at = message.rfind(" at ");
    const auto digits = at == std::string::npos ? std::string_view() : std::string_view(message).substr(at + 4);
    if (!digits.empty() && digits.size() < 16 && digits.find_first_not_of("0123456789") == std::string_view::npos) {
        // Mustache points at the tag's "{{"; point at the name, as for unknown names.
        std::size_t offset = std::stoul(std::string(digits));
        if (source.compare(offset, 2, "{{") == 0) offset += 2;
        while (offset < source.size() && std::string_view("#^/&{ ").find(source[offset]) != std::string_view::npos) ++offset;
        const auto lc = line_column_at(source, offset);
        diagnostics.error({file, lc.line, lc.column}, "template error: " + message.substr(0, at));
    } else {
        diagnostics.error({file}, "template error: " + message);
    }
}

bool is_standalone_tag_line(const std::string& line) {
    // A cheap test first: std::regex recurses per character, which costs much on long lines.
    if (line.size() > 200 || line.find("{{") == std::string::npos) return false;
    static const std::regex standalone(R"(\s*\{\{[#^/!=][^}]*\}\}\s*)");
    return std::regex_match(line, standalone);
}

/// `text` with spaces and tabs outside `{{ }}` tags replaced by kSpace and kTab.
std::string hide_whitespace(std::string text) {
    bool in_tag = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (!in_tag && text.compare(i, 2, "{{") == 0) in_tag = true;
        else if (in_tag && text.compare(i, 2, "}}") == 0) in_tag = false;
        else if (!in_tag && text[i] == ' ') text[i] = kSpace;
        else if (!in_tag && text[i] == '\t') text[i] = kTab;
    }
    return text;
}

/// The source with a line marker at the start of every line. A line holding only a section
/// tag is joined to the next line instead, so it leaves no blank line behind (kainjow's own
/// standalone-tag handling leaves one when a section is false, which would split paragraphs
/// and lists).
std::string add_line_markers(const std::string& source) {
    std::string out;
    std::size_t start = 0;
    for (int number = 1; start < source.size(); ++number) {
        auto end = source.find('\n', start);
        if (end == std::string::npos) end = source.size();
        const std::string line = source.substr(start, end - start);
        if (is_standalone_tag_line(line)) {
            const auto first = line.find("{{"), last = line.rfind("}}");
            out += line.substr(first, last + 2 - first);
        } else {
            out += kMarkBegin + std::to_string(number) + kMarkEnd + hide_whitespace(line);
            if (end < source.size()) out += '\n';
        }
        start = end + 1;
    }
    return out;
}

RenderedText strip_line_markers(const std::string& marked) {
    RenderedText result;
    std::istringstream in(marked);
    std::string line;
    int previous = 0;
    while (std::getline(in, line)) {
        int source_line = previous + 1;
        std::string clean;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] != kMarkBegin) {
                clean += line[i] == kSpace ? ' ' : line[i] == kTab ? '\t' : line[i];
                continue;
            }
            const auto end = line.find(kMarkEnd, i);
            if (end == std::string::npos) break;
            if (i == 0) source_line = std::stoi(line.substr(i + 1, end - i - 1));
            i = end;
        }
        result.text += clean + '\n';
        result.source_lines.push_back(source_line);
        previous = source_line;
    }
    return result;
}

}  // namespace

RenderedText render_template(const std::string& source, const std::string& file, const PlaceholderResolver& resolver,
                             Diagnostics& diagnostics) {
    mustache::mustache plain(hide_whitespace(source));  // same length: error offsets still fit `source`
    if (!plain.is_valid()) {
        report_syntax_error(plain.error_message(), source, file, diagnostics);
        return {};
    }
    if (auto errors = check_names(source, file, resolver); !errors.empty()) {
        report(std::move(errors), diagnostics);
        return {};
    }

    mustache::mustache marked(add_line_markers(source));
    marked.set_custom_escape([](const std::string& s) { return s; });
    ResolvingContext context(resolver);
    return strip_line_markers(marked.render(context));
}

}  // namespace sats
