#include "core/environment.hpp"

#include <algorithm>

#include "core/file_writer.hpp"

#include <cstdlib>
#include <fstream>
#include <sstream>

namespace sats {

namespace fs = std::filesystem;

bool file_too_large(const fs::path& path) {
    std::error_code ec;
    return fs::is_regular_file(path, ec) && fs::file_size(path, ec) > kMaxInputFile;
}

bool stays_inside(const fs::path& relative) {
    if (relative.is_absolute() || relative.has_root_name()) return false;
    int depth = 0;
    for (const auto& part : relative) {
        if (part == "..") --depth;
        else if (part != "." && !part.empty()) ++depth;
        if (depth < 0) return false;
    }
    return true;
}

SystemEnvironment::SystemEnvironment(fs::path resource_dir) : resource_dir_(std::move(resource_dir)) {}

std::optional<std::string> SystemEnvironment::read_file(const fs::path& path) const {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) return std::nullopt;
    if (fs::file_size(path, ec) > kMaxInputFile) return std::nullopt;  // see file_too_large()
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

std::optional<std::string> SystemEnvironment::read_font(const fs::path& path) const { return SystemEnvironment::read_file(path); }

std::optional<WriteFailure> SystemEnvironment::write_files(const std::vector<FileContent>& files) {
    return write_all_or_none(files);
}

std::vector<std::string> SystemEnvironment::files_in(const fs::path& folder) const {
    std::vector<std::string> names;
    std::error_code ec;
    for (fs::directory_iterator it(folder.empty() ? fs::path(".") : folder, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec) && !it->is_symlink(ec)) names.push_back(it->path().filename().string());
    std::sort(names.begin(), names.end());
    return names;
}

std::optional<WriteFailure> SystemEnvironment::remove_files(const std::vector<fs::path>& files) {
    for (const auto& file : files) {
        std::error_code ec;
        if (!fs::remove(file, ec) && ec) return WriteFailure{file, "cannot remove it: " + ec.message()};
    }
    return std::nullopt;
}

namespace {
/// SOURCE_DATE_EPOCH as a time, if it is set to a number.
std::optional<std::chrono::system_clock::time_point> source_date_epoch() {
    const char* epoch = std::getenv("SOURCE_DATE_EPOCH");
    if (!epoch) return std::nullopt;
    char* end = nullptr;
    const long long seconds = std::strtoll(epoch, &end, 10);
    if (end == epoch || *end != '\0') return std::nullopt;
    return std::chrono::system_clock::time_point(std::chrono::seconds(seconds));
}
}  // namespace

std::chrono::system_clock::time_point SystemEnvironment::now() const {
    return source_date_epoch().value_or(std::chrono::system_clock::now());
}

bool SystemEnvironment::pinned_time() const { return source_date_epoch().has_value(); }

MemoryEnvironment::MemoryEnvironment(fs::path resource_dir) : SystemEnvironment(std::move(resource_dir)) {}

void MemoryEnvironment::add_file(const fs::path& path, std::string content) {
    files_[path.lexically_normal().string()] = std::move(content);
}

std::optional<std::string> MemoryEnvironment::read_file(const fs::path& path) const {
    const std::lock_guard<std::mutex> lock(lock_);
    const auto it = files_.find(path.lexically_normal().string());
    if (it != files_.end()) return it->second;
    const auto resources = resource_dir().string();
    if (!resources.empty() && path.string().starts_with(resources)) return SystemEnvironment::read_file(path);
    return std::nullopt;
}

std::optional<WriteFailure> MemoryEnvironment::write_files(const std::vector<FileContent>& files) {
    const std::lock_guard<std::mutex> lock(lock_);
    for (const auto& file : files) files_[file.path.lexically_normal().string()] = file.bytes;
    return std::nullopt;
}

std::vector<std::string> MemoryEnvironment::files_in(const fs::path& folder) const {
    const std::lock_guard<std::mutex> lock(lock_);
    std::vector<std::string> names;
    const auto parent = folder.lexically_normal();
    for (const auto& [path, bytes] : files_)
        if (fs::path(path).parent_path() == parent) names.push_back(fs::path(path).filename().string());
    return names;
}

std::optional<WriteFailure> MemoryEnvironment::remove_files(const std::vector<fs::path>& files) {
    const std::lock_guard<std::mutex> lock(lock_);
    for (const auto& file : files) files_.erase(file.lexically_normal().string());
    return std::nullopt;
}

std::chrono::system_clock::time_point MemoryEnvironment::now() const {
    return std::chrono::system_clock::time_point(std::chrono::seconds(1764028800));  // 2025-11-25
}

}  // namespace sats
