#include "core/environment.hpp"

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

namespace sats {

namespace fs = std::filesystem;

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
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream buffer;
    buffer << in.rdbuf();
    return buffer.str();
}

bool SystemEnvironment::file_exists(const fs::path& path) const {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

std::optional<std::string> SystemEnvironment::write_file(const fs::path& path, const std::string& bytes) {
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(folder, ec);
    std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) return "cannot create a temporary file in " + folder.string();
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = done == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    if (!ok || std::rename(temp.c_str(), path.c_str()) != 0) {
        std::remove(temp.c_str());
        return "cannot write " + path.string();
    }
    fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read |
                              fs::perms::others_read, ec);
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

MemoryEnvironment::MemoryEnvironment(fs::path resource_dir) : resource_dir_(std::move(resource_dir)) {}

void MemoryEnvironment::add_file(const fs::path& path, std::string content) {
    files_[path.lexically_normal().string()] = std::move(content);
}

std::optional<std::string> MemoryEnvironment::read_file(const fs::path& path) const {
    const auto it = files_.find(path.lexically_normal().string());
    if (it != files_.end()) return it->second;
    if (!resource_dir_.empty() && path.string().starts_with(resource_dir_.string())) {
        return SystemEnvironment(resource_dir_).read_file(path);
    }
    return std::nullopt;
}

bool MemoryEnvironment::file_exists(const fs::path& path) const { return read_file(path).has_value(); }

std::optional<std::string> MemoryEnvironment::write_file(const fs::path& path, const std::string& bytes) {
    written_[path.lexically_normal().string()] = bytes;
    return std::nullopt;
}

std::chrono::system_clock::time_point MemoryEnvironment::now() const {
    return std::chrono::system_clock::time_point(std::chrono::seconds(1764028800));  // 2025-11-25
}

}  // namespace sats
