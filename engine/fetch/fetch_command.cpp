#include "fetch/fetch_command.hpp"

#include <cstdlib>
#include <ostream>

namespace sats {

std::optional<FetchRequest> parse_fetch_arguments(const std::vector<std::string>& args, std::string& error) {
    FetchRequest request;
    error.clear();
    if (const char* api = std::getenv("SATS_SSB_API"); api && *api) request.api = api;
    std::vector<std::string> projects;
    for (std::size_t i = 0; i < args.size() && error.empty(); ++i) {
        const auto& a = args[i];
        const bool option = !a.empty() && a[0] == '-', valued = a == "--source" || a == "--api";
        if (valued && i + 1 < args.size()) (a == "--api" ? request.api : request.sources.emplace_back()) = args[++i];
        else if (valued) error = "'" + a + "' needs a value";
        else if (option) error = "unknown option '" + a + "' for 'data fetch'";
        else projects.push_back(a);
    }
    if (error.empty() && projects.size() != 1)
        error = projects.empty() ? "'data fetch' needs a project folder" : "only one project at a time ('" + projects[1] + "' is one too many)";
    if (!error.empty()) return std::nullopt;
    request.project = projects[0];
    while (request.api.size() > 1 && request.api.back() == '/') request.api.pop_back();
    return request;
}

int run_fetch(Environment& env, const FetchRequest& request, std::ostream& out) {
    Diagnostics diagnostics;
    const auto lines = fetch_sources(env, request, diagnostics);
    diagnostics.print(out, &env);
    for (const auto& line : lines) out << line << '\n';
    return diagnostics.has_errors() ? 1 : 0;
}

}  // namespace sats
