#include "content/template.hpp"

#include <algorithm>
#include <cctype>
#include <map>
#include <sstream>
#include <string_view>

#include <kainjow/mustache.hpp>

#include "content/value_tokens.hpp"
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

/// A Mustache context that looks every name up through the resolver. A text value is rendered
/// as a token (see value_tokens.hpp) and its text kept in `values`.
class ResolvingContext : public mustache::basic_context<std::string> {
public:
    ResolvingContext(const PlaceholderResolver& resolver, std::vector<std::string>& values)
        : resolver_(resolver), values_(values) {}

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
                                  : mustache::data(token_for(std::get<std::string>(*value)));
        return &cache_.emplace(name, std::move(data)).first->second;
    }

    const mustache::data* get_partial(const std::string&) const override { return nullptr; }

private:
    std::string token_for(const std::string& text) const {
        values_.push_back(one_line(text));
        return value_token(values_.size() - 1);
    }

    const PlaceholderResolver& resolver_;
    std::vector<std::string>& values_;
    std::vector<const mustache::data*> stack_;
    mutable std::map<std::string, mustache::data> cache_;
};

/// "did you mean 'x'?" for a resolver's nearest name, or "" if it has none.
std::string did_you_mean_hint(const std::string& near) { return near.empty() ? "" : "did you mean '" + near + "'?"; }

/// One `{{…}}` tag of a template: its kind (`#`, `^`, `/`, `&`, `>`, `!`, `=`, or 0 for a
/// value), its name, and where the name starts.
struct Tag {
    char kind = 0;
    std::string name;
    std::size_t name_at = 0;
};

/// Every tag of `source`, in order, read by hand (no std::regex: it recurses per character).
std::vector<Tag> scan_tags(const std::string& source) {
    std::vector<Tag> tags;
    const auto is_space = [](char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; };
    for (std::size_t pos = source.find("{{"); pos != std::string::npos; pos = source.find("{{", pos)) {
        std::size_t i = pos + 2;
        if (i < source.size() && source[i] == '{') ++i;
        while (i < source.size() && is_space(source[i])) ++i;
        Tag tag;
        if (i < source.size() && std::string_view("#^/&>!=").find(source[i]) != std::string_view::npos) tag.kind = source[i++];
        while (i < source.size() && is_space(source[i])) ++i;
        const auto close = source.find('}', i);
        if (close == std::string::npos) break;
        if (source.compare(close, 2, "}}") != 0) {  // no tag starting before this '}' can end well
            pos = close + 1;
            continue;
        }
        std::size_t end = close;
        while (end > i && is_space(source[end - 1])) --end;
        tag.name = source.substr(i, end - i);
        tag.name_at = i;
        tags.push_back(std::move(tag));
        pos = source.compare(close, 3, "}}}") == 0 ? close + 3 : close + 2;
    }
    return tags;
}

/// Where the name of `tag` starts in `file`.
SourceLocation tag_location(const Tag& tag, const std::string& source, const std::string& file) {
    const auto at = line_column_at(source, tag.name_at);
    return {file, at.line, at.column};
}

/// Errors for template structure sats does not take: a tag not closed on its line, a tag with
/// no name, a section closed under another name or never opened, sections nested deeper than
/// kMaxSectionNesting (Mustache renders them recursively) and changed delimiters.
Errors check_structure(const std::vector<Tag>& tags, const std::string& source, const std::string& file) {
    Errors errors;
    std::vector<const Tag*> open;  // sections not yet closed, innermost last
    for (const auto& tag : tags) {
        const auto where = [&] { return tag_location(tag, source, file); };
        if (tag.name.find('\n') != std::string::npos || tag.name.find("{{") != std::string::npos) {
            errors.push_back(error_at(where(), "this placeholder is not closed with }} on its line"));
            break;  // what follows is read as part of it
        }
        if (tag.kind == '=') {
            errors.push_back(error_at(where(), "changing the Mustache delimiters ({{=…=}}) is not supported"));
            break;  // the tags after it are written with other delimiters
        }
        if (tag.name.empty() && tag.kind != '!') {
            errors.push_back(error_at(where(), "this placeholder has no name"));
            continue;
        }
        if (tag.kind == '/') {
            if (open.empty()) {
                errors.push_back(error_at(where(), "this closes section '" + tag.name + "', which is not open"));
                break;
            }
            if (open.back()->name != tag.name) {
                errors.push_back(error_at(where(), "this closes section '" + tag.name + "', but the section open here is '" +
                                                       open.back()->name + "'",
                                          "close it with {{/" + open.back()->name + "}}"));
                break;
            }
            open.pop_back();
        }
        if (tag.kind != '#' && tag.kind != '^') continue;
        open.push_back(&tag);
        if (open.size() > static_cast<std::size_t>(kMaxSectionNesting)) {
            errors.push_back(error_at(where(), "sections nest more than " + std::to_string(kMaxSectionNesting) +
                                                   " deep here ({{#…}} inside {{#…}})"));
            break;
        }
    }
    return errors;
}

/// An error for every tag whose name the resolver does not know (or misuses), at its source position.
Errors check_names(const std::vector<Tag>& tags, const std::string& source, const std::string& file,
                   const PlaceholderResolver& resolver) {
    Errors errors;
    for (const auto& tag : tags) {
        if (tag.kind == '!' || tag.kind == '/' || tag.kind == '=' || tag.name == ".") continue;
        // The position is worked out only for a tag with a problem (it scans from the start).
        const auto where = [&] { return tag_location(tag, source, file); };
        if (tag.kind == '>') {
            errors.push_back(error_at(where(), "partials ({{> name}}) are not supported"));
            continue;
        }
        const std::string& name = tag.name;
        if (const auto value = resolver.resolve(name)) {
            if (std::holds_alternative<bool>(*value) && tag.kind != '#' && tag.kind != '^')
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

/// Mustache reports syntax errors as "... at <byte offset>"; turn that into a location.
void report_syntax_error(const std::string& message, const std::string& source, const std::string& file,
                         Diagnostics& diagnostics) {
    const auto at = message.rfind(" at ");
    const std::string digits = at == std::string::npos ? "" : message.substr(at + 4);
    if (!digits.empty() && digits.size() < 10 &&
        std::all_of(digits.begin(), digits.end(), [](unsigned char c) { return std::isdigit(c); })) {
        // Mustache points at the tag's "{{"; point at the name, as for unknown names.
        std::size_t offset = std::stoul(digits);
        if (source.compare(offset, 2, "{{") == 0) offset += 2;
        while (offset < source.size() && std::string_view("#^/&{ ").find(source[offset]) != std::string_view::npos) ++offset;
        const auto lc = line_column_at(source, offset);
        diagnostics.error({file, lc.line, lc.column}, "template error: " + message.substr(0, at));
    } else {
        diagnostics.error({file}, "template error: " + message);
    }
}

/// Whether `line` holds one section, inverted-section, end or comment tag and nothing else
/// but white space.
bool is_standalone_tag_line(const std::string& line) {
    const auto first = line.find_first_not_of(" \t\r\v\f");
    if (first == std::string::npos || line.compare(first, 2, "{{") != 0 || first + 2 >= line.size()) return false;
    if (std::string_view("#^/!=").find(line[first + 2]) == std::string_view::npos) return false;
    const auto close = line.find('}', first + 3);
    return close != std::string::npos && line.compare(close, 2, "}}") == 0 &&
           line.find_first_not_of(" \t\r\v\f", close + 2) == std::string::npos;
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
    const auto tags = scan_tags(source);
    if (auto errors = check_structure(tags, source, file); !errors.empty()) {
        report(std::move(errors), diagnostics);
        return {};
    }
    mustache::mustache plain(hide_whitespace(source));  // same length: error offsets still fit `source`
    if (!plain.is_valid()) {
        report_syntax_error(plain.error_message(), source, file, diagnostics);
        return {};
    }
    if (auto errors = check_names(tags, source, file, resolver); !errors.empty()) {
        report(std::move(errors), diagnostics);
        return {};
    }

    mustache::mustache marked(add_line_markers(source));
    marked.set_custom_escape([](const std::string& s) { return s; });
    std::vector<std::string> values;
    ResolvingContext context(resolver, values);
    RenderedText rendered = strip_line_markers(marked.render(context));
    rendered.values = std::move(values);
    rendered.source = source;
    return rendered;
}

int source_column(std::string_view rendered_line, std::string_view source_line, int byte_column) {
    const std::size_t target = byte_column > 0 ? static_cast<std::size_t>(byte_column - 1) : 0;
    std::size_t r = 0, s = 0;
    const auto skip_tag = [&] {
        const auto close = source_line.find("}}", s + 2);
        s = close == std::string_view::npos ? source_line.size() : close + (source_line.substr(close, 3) == "}}}" ? 3 : 2);
    };
    const auto to_next_tag = [&] {  // past text of a section that rendered to nothing
        const auto tag = source_line.find("{{", s);
        if (tag == std::string_view::npos) return false;
        s = tag;
        return true;
    };
    while (r < rendered_line.size()) {
        const bool at_tag = source_line.substr(s, 2) == "{{";
        const std::size_t after_token = skip_value_token(rendered_line, r);
        if (r >= target) {  // at the place: only skip what rendered to nothing before it
            if (at_tag && after_token == r) skip_tag();
            else if (!at_tag && s < source_line.size() && rendered_line[r] != source_line[s] && to_next_tag()) continue;
            else break;
        } else if (at_tag) {  // a tag: skip it, and the token it rendered to
            skip_tag();
            r = after_token;
        } else if (s < source_line.size() && rendered_line[r] == source_line[s]) {
            ++r, ++s;
        } else if (after_token != r) {
            r = after_token;
        } else if (!to_next_tag()) {
            break;
        }
    }
    return line_column_at(source_line, std::min(s, source_line.size())).column;
}

}  // namespace sats
