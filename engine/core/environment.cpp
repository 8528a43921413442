#include "core/environment.hpp"

#include <algorithm>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <unistd.h>

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

std::optional<std::string> SystemEnvironment::read_font(const fs::path& path) const { return read_file(path); }

bool SystemEnvironment::file_exists(const fs::path& path) const {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

namespace {

/// The temporary file being written, removed by the signal handler if the run is stopped.
char g_temp_file[4096] = {};

extern "C" void remove_temp_and_exit(int signal) {
    if (g_temp_file[0] != '\0') ::unlink(g_temp_file);  // async-signal-safe
    ::_exit(128 + signal);
}

/// Removes temporary files of `path` left by a run that was killed (SIGKILL cannot be caught).
void remove_stale_temporaries(const fs::path& folder, const std::string& filename) {
    const std::string prefix = "." + filename + ".";
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() == prefix.size() + 6 && name.rfind(prefix, 0) == 0) fs::remove(entry.path(), ec);
    }
}

}  // namespace

void remove_temporary_files_on_signals() {
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, remove_temp_and_exit);
}

std::optional<std::string> SystemEnvironment::write_file(const fs::path& path, const std::string& bytes) {
    const fs::path folder = path.has_parent_path() ? path.parent_path() : fs::path(".");
    std::error_code ec;
    fs::create_directories(folder, ec);
    remove_stale_temporaries(folder, path.filename().string());
    std::string temp = (folder / ("." + path.filename().string() + ".XXXXXX")).string();
    if (temp.size() >= sizeof g_temp_file) return "the output path is too long: " + path.string();
    const int fd = mkstemp(temp.data());
    if (fd < 0) return "cannot create a temporary file in " + folder.string();
    std::copy(temp.begin(), temp.end(), g_temp_file);
    g_temp_file[temp.size()] = '\0';
    std::size_t done = 0;
    while (done < bytes.size()) {
        const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n <= 0) break;
        done += static_cast<std::size_t>(n);
    }
    const bool ok = done == bytes.size() && ::fsync(fd) == 0;
    ::close(fd);
    const bool renamed = ok && std::rename(temp.c_str(), path.c_str()) == 0;
    if (!renamed) std::remove(temp.c_str());
    g_temp_file[0] = '\0';
    if (!renamed) return "cannot write " + path.string();
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

std::optional<std::string> MemoryEnvironment::read_font(const fs::path& path) const {
    return SystemEnvironment(resource_dir_).read_file(path);
}

std::optional<std::string> MemoryEnvironment::write_file(const fs::path& path, const std::string& bytes) {
    files_[path.lexically_normal().string()] = bytes;
    return std::nullopt;
}

std::chrono::system_clock::time_point MemoryEnvironment::now() const {
    return std::chrono::system_clock::time_point(std::chrono::seconds(1764028800));  // 2025-11-25
}

}  // namespace sats
