#include "fetch/fetch_command.hpp"

#include <cstdlib>
#include <ostream>

namespace sats {

std::optional<FetchRequest> parse_fetch_arguments(const std::vector<std::string>& args, std::string& error) {
    FetchRequest request;
    if (const char* api = std::getenv("SATS_SSB_API"); api && *api) request.api = api;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const auto& a = args[i];
        if (a == "--source" || a == "--api") {
            if (i + 1 >= args.size()) {
                error = "'" + a + "' needs a value";
                return std::nullopt;
            }
            (a == "--api" ? request.api : request.sources.emplace_back()) = args[++i];
        } else if (!a.empty() && a[0] == '-') {
            error = "unknown option '" + a + "' for 'data fetch'";
            return std::nullopt;
        } else if (request.project.empty()) {
            request.project = a;
        } else {
            error = "only one project at a time ('" + a + "' is one too many)";
            return std::nullopt;
        }
    }
    if (request.project.empty()) {
        error = "'data fetch' needs a project folder";
        return std::nullopt;
    }
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
