#include "scaffold/project_template.hpp"

#include <algorithm>
#include <cstdio>
#include <system_error>

namespace sats {

namespace fs = std::filesystem;

std::string toml_quoted(const std::string& text) {
    std::string quoted = "\"";
    for (const char c : text) {
        const auto byte = static_cast<unsigned char>(c);
        if (c == '"' || c == '\\') {
            quoted += '\\';
            quoted += c;
        } else if (byte < 0x20 || byte == 0x7f) {
            char escape[8];
            std::snprintf(escape, sizeof escape, "\\u%04X", byte);
            quoted += escape;
        } else {
            quoted += c;
        }
    }
    return quoted + '"';
}

namespace {

/// Sets the value of the top-level `key = …` line of `manifest` to `value`; false if there is
/// no line that starts with `key =`.
bool set_manifest_value(std::string& manifest, const std::string& key, const std::string& value) {
    const std::string start = key + " =";
    for (std::size_t line = 0; line < manifest.size();) {
        const auto end = std::min(manifest.find('\n', line), manifest.size());
        if (manifest.compare(line, start.size(), start) == 0) {
            manifest.replace(line, end - line, start + ' ' + toml_quoted(value));
            return true;
        }
        line = end + 1;
    }
    return false;
}

/// The relative paths of the regular files under `folder`, sorted; nothing if it cannot be read.
std::optional<std::vector<fs::path>> files_under(const fs::path& folder) {
    std::error_code ec;
    std::vector<fs::path> files;
    for (fs::recursive_directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file()) files.push_back(it->path().lexically_relative(folder));
    if (ec) return std::nullopt;
    std::sort(files.begin(), files.end());
    return files;
}

}  // namespace

Result<std::vector<FileContent>> project_from_template(const Environment& env, const fs::path& template_dir,
                                                       const ProjectFields& fields) {
    const SourceLocation where{template_dir.string()};
    const auto paths = files_under(template_dir);
    if (!paths || paths->empty())
        return error_at(where, "the project template is missing", "set SATS_RESOURCES to the folder that holds templates/ny");
    std::vector<FileContent> files;
    for (const auto& path : *paths) {
        auto bytes = env.read_file(template_dir / path);
        if (!bytes) return error_at({(template_dir / path).string()}, "cannot read this file of the project template");
        files.push_back({path, std::move(*bytes)});
    }
    const auto manifest = std::find_if(files.begin(), files.end(), [](const auto& f) { return f.path == "report.toml"; });
    if (manifest == files.end()) return error_at(where, "the project template has no report.toml");
    Errors errors;
    for (const auto& [key, value] : {std::pair{"title", fields.title}, std::pair{"municipality", fields.municipality}})
        if (!value.empty() && !set_manifest_value(manifest->bytes, key, value))
            errors.push_back(error_at({(template_dir / "report.toml").string()}, std::string("the template's manifest has no line '") + key + " = …' to set"));
    if (!errors.empty()) return errors;
    return files;
}

}  // namespace sats
