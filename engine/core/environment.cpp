#include "core/environment.hpp"

#include <algorithm>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <sys/stat.h>
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

std::optional<std::string> SystemEnvironment::read_font(const fs::path& path) const { return SystemEnvironment::read_file(path); }

bool SystemEnvironment::file_exists(const fs::path& path) const {
    std::error_code ec;
    return fs::is_regular_file(path, ec);
}

namespace {

/// A temporary file being written, for the signal handler. A fixed table, so that the
/// handler reads it without locks or allocation and several threads can write at once.
struct TempSlot {
    std::atomic<int> state{0};  ///< 0 free, 1 being filled in, 2 holds the path of a temporary file
    char path[4096] = {};
};
TempSlot g_temps[256];

extern "C" void remove_temps_and_exit(int signal) {
    for (auto& slot : g_temps)
        if (slot.state.load() == 2) ::unlink(slot.path);  // async-signal-safe
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

/// A file written next to its target under a temporary name (`.name.XXXXXX`), renamed into
/// place by place(); removed when destroyed before that. While it exists, a stopping signal
/// removes it (if more are open at once than the table holds, the next run removes the rest).
class TemporaryFile {
public:
    explicit TemporaryFile(fs::path target) : target_(std::move(target)) {}
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        if (!path_.empty() && !placed_) std::remove(path_.c_str());
        if (slot_) slot_->state.store(0);
    }

    /// Creates the file and writes and flushes `bytes`; what failed, if anything did.
    std::optional<WriteFailure> write(const std::string& bytes) {
        const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
        std::error_code ec;
        fs::create_directories(folder, ec);
        remove_stale_temporaries(folder, target_.filename().string());
        std::string temp = (folder / ("." + target_.filename().string() + ".XXXXXX")).string();
        if (temp.size() >= sizeof TempSlot::path) return WriteFailure{target_, "the output path is too long"};
        const int fd = mkstemp(temp.data());
        if (fd < 0) return WriteFailure{target_, "cannot create a file in the folder " + folder.string()};
        path_ = temp;
        hold_slot();
        std::size_t done = 0;
        while (done < bytes.size()) {
            const auto n = ::write(fd, bytes.data() + done, bytes.size() - done);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        const bool ok = done == bytes.size() && ::fchmod(fd, 0644) == 0 && ::fsync(fd) == 0;
        ::close(fd);
        if (!ok) return WriteFailure{target_, "cannot write the file (is the disk full?)"};
        return std::nullopt;
    }

    /// Renames the written file to its target.
    bool place() {
        placed_ = std::rename(path_.c_str(), target_.c_str()) == 0;
        return placed_;
    }

private:
    /// Records the path in a free slot of the signal handler's table, if one is free.
    void hold_slot() {
        for (auto& slot : g_temps) {
            int free = 0;
            if (!slot.state.compare_exchange_strong(free, 1)) continue;
            std::copy(path_.begin(), path_.end(), slot.path);
            slot.path[path_.size()] = '\0';
            slot.state.store(2);
            slot_ = &slot;
            return;
        }
    }

    fs::path target_;
    std::string path_;
    TempSlot* slot_ = nullptr;
    bool placed_ = false;
};

/// Why `files` cannot be written as a set: a target that is a folder, or two files with one path.
std::optional<WriteFailure> refuse_targets(const std::vector<FileContent>& files) {
    std::set<fs::path> seen;
    for (const auto& file : files) {
        std::error_code ec;
        if (fs::is_directory(file.path, ec)) return WriteFailure{file.path, "cannot write the output here: this is a folder"};
        if (!seen.insert(fs::absolute(file.path, ec).lexically_normal()).second)
            return WriteFailure{file.path, "two outputs would be written to this file"};
    }
    return std::nullopt;
}

}  // namespace

void remove_temporary_files_on_signals() {
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, remove_temps_and_exit);
}

std::optional<WriteFailure> SystemEnvironment::write_files(const std::vector<FileContent>& files) {
    if (auto refused = refuse_targets(files)) return refused;
    std::vector<std::unique_ptr<TemporaryFile>> written;  // removed on return unless placed
    for (const auto& file : files) {
        written.push_back(std::make_unique<TemporaryFile>(file.path));
        if (auto failure = written.back()->write(file.bytes)) return failure;
    }
    for (std::size_t i = 0; i < files.size(); ++i)
        if (!written[i]->place()) return WriteFailure{files[i].path, "cannot replace the file"};
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

bool MemoryEnvironment::file_exists(const fs::path& path) const { return read_file(path).has_value(); }

std::optional<WriteFailure> MemoryEnvironment::write_files(const std::vector<FileContent>& files) {
    const std::lock_guard<std::mutex> lock(lock_);
    for (const auto& file : files) files_[file.path.lexically_normal().string()] = file.bytes;
    return std::nullopt;
}

std::chrono::system_clock::time_point MemoryEnvironment::now() const {
    return std::chrono::system_clock::time_point(std::chrono::seconds(1764028800));  // 2025-11-25
}

}  // namespace sats
