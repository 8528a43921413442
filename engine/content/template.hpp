#pragma once
// Mustache placeholders in chapter text. Every placeholder is resolved strictly: a name the
// data does not know is an error at the line and column where it was written.

#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "core/diagnostics.hpp"

namespace sats {

/// What a placeholder stands for: text to insert, or a flag for a section `{{#x}}…{{/x}}`.
using PlaceholderValue = std::variant<std::string, bool>;

/// Answers placeholder names; the data stage implements it over the loaded data.
class PlaceholderResolver {
public:
    virtual ~PlaceholderResolver() = default;
    /// The value of `name`, or nothing if the name is unknown.
    virtual std::optional<PlaceholderValue> resolve(const std::string& name) const = 0;
    /// A known name close to `name` for a "did you mean" hint, or "".
    virtual std::string nearest(const std::string& name) const = 0;
    /// Whether `name` refers to something declared but broken, whose error was already
    /// reported (a data file that failed to load): no second error for each use of it.
    virtual bool already_reported(const std::string& name) const { return name.empty(); }
};

/// How deep Mustache sections may nest ({{#a}}{{#b}}…); deeper is an error (kainjow renders
/// sections recursively, so depth costs stack).
inline constexpr int kMaxSectionNesting = 20;

/// Template output with, for each output line, the source line it came from (1-based). The text
/// holds each placeholder's value as a token (value_tokens.hpp); `values` holds their text, put
/// in after Markdown is parsed so that data is never read as Markdown. `source` is the template
/// as written, for source_column().
struct RenderedText {
    std::string text;
    std::vector<int> source_lines;
    std::vector<std::string> values;
    std::string source;
};

/// The column (in characters, 1-based) in `source_line`, as written, of byte `byte_column`
/// (1-based) of `rendered_line`, the text that line rendered to: tags are skipped in the source
/// and their value tokens in the rendered text, and so is a section that rendered to nothing.
int source_column(std::string_view rendered_line, std::string_view source_line, int byte_column);

/// Renders the Mustache template `source` (read from `file`). Unknown names and template
/// syntax errors are reported with their location.
RenderedText render_template(const std::string& source, const std::string& file, const PlaceholderResolver& resolver,
                             Diagnostics& diagnostics);

}  // namespace sats
