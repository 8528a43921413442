#include "content/template.hpp"

#include <map>
#include <regex>
#include <sstream>

#include <kainjow/mustache.hpp>

#include "core/text_position.hpp"

namespace sats {

namespace mustache = kainjow::mustache;

namespace {

/// Line markers ride along through rendering so each output line knows its source line.
constexpr char kMarkBegin = '\x01';
constexpr char kMarkEnd = '\x02';

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

/// Reports every tag whose name the resolver does not know, at its source position.
void check_names(const std::string& source, const std::string& file, const PlaceholderResolver& resolver,
                 Diagnostics& diagnostics) {
    static const std::regex tag(R"(\{\{(\{?)\s*([#^/&>!=]?)\s*([^}]*?)\s*\}?\}\})");
    for (auto it = std::sregex_iterator(source.begin(), source.end(), tag); it != std::sregex_iterator(); ++it) {
        const std::string kind = (*it)[2];
        const std::string name = (*it)[3];
        if (kind == "!" || kind == "/" || kind == "=" || name == ".") continue;
        const auto at = line_column_at(source, static_cast<std::size_t>(it->position(3)));
        const SourceLocation where{file, at.line, at.column};
        if (kind == ">") {
            diagnostics.error(where, "partials ({{> name}}) are not supported");
            continue;
        }
        if (resolver.resolve(name)) continue;
        const auto near = resolver.nearest(name);
        diagnostics.error(where, "unknown placeholder '" + name + "'", near.empty() ? "" : "did you mean '" + near + "'?");
    }
}

/// Mustache reports syntax errors as "... at <byte offset>"; turn that into a location.
void report_syntax_error(const std::string& message, const std::string& source, const std::string& file,
                         Diagnostics& diagnostics) {
    static const std::regex at(R"((.*) at ([0-9]+)$)");
    std::smatch m;
    if (std::regex_match(message, m, at)) {
        const auto lc = line_column_at(source, std::stoul(m[2]));
        diagnostics.error({file, lc.line, lc.column}, "template error: " + std::string(m[1]));
    } else {
        diagnostics.error({file}, "template error: " + message);
    }
}

bool is_standalone_tag_line(const std::string& line) {
    static const std::regex standalone(R"(\s*\{\{[#^/!=][^}]*\}\}\s*)");
    return std::regex_match(line, standalone);
}

/// The source with a line marker at the start of every line that is not a standalone tag
/// (those vanish in rendering, and a marker would keep them).
std::string add_line_markers(const std::string& source) {
    std::string out;
    std::istringstream in(source);
    std::string line;
    int number = 0;
    while (std::getline(in, line)) {
        ++number;
        if (!is_standalone_tag_line(line)) out += kMarkBegin + std::to_string(number) + kMarkEnd;
        out += line;
        if (!in.eof()) out += '\n';
    }
    if (!source.empty() && source.back() == '\n') out += '\n';
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
                clean += line[i];
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
    mustache::mustache plain(source);
    if (!plain.is_valid()) {
        report_syntax_error(plain.error_message(), source, file, diagnostics);
        return {};
    }
    const auto errors_before = diagnostics.error_count();
    check_names(source, file, resolver, diagnostics);
    if (diagnostics.error_count() > errors_before) return {};

    mustache::mustache marked(add_line_markers(source));
    marked.set_custom_escape([](const std::string& s) { return s; });
    ResolvingContext context(resolver);
    return strip_line_markers(marked.render(context));
}

}  // namespace sats
