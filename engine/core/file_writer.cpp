#include "core/file_writer.hpp"

#include <atomic>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <fcntl.h>
#include <memory>
#include <set>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

namespace sats {

namespace fs = std::filesystem;

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

/// Whether the open file `fd` is the file at `path` (not one put there since).
bool same_file(int fd, const fs::path& path) {
    struct stat open {}, named {};
    return ::fstat(fd, &open) == 0 && ::lstat(path.c_str(), &named) == 0 && open.st_dev == named.st_dev &&
           open.st_ino == named.st_ino;
}

/// Removes the temporary files of `filename` in `folder` that a killed run left: those named
/// `.<filename>.sats-XXXXXX` whose lock nobody holds. A live run holds its lock, and a user's
/// file with another name is never touched.
void remove_stale_temporaries(const fs::path& folder, const std::string& filename) {
    const std::string prefix = "." + filename + kTemporaryMark;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(folder, ec)) {
        const std::string name = entry.path().filename().string();
        if (name.size() != prefix.size() + 6 || name.rfind(prefix, 0) != 0) continue;
        const int fd = ::open(entry.path().c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC);
        if (fd < 0) continue;
        if (::flock(fd, LOCK_EX | LOCK_NB) == 0 && same_file(fd, entry.path())) ::unlink(entry.path().c_str());
        ::close(fd);
    }
}

/// A file written next to its target under a temporary name, renamed into place by place();
/// removed when destroyed before that. It stays open and locked while this object lives, so
/// that other runs know it is live. While it exists, a stopping signal removes it (if more are
/// open at once than the table holds, the next run removes the rest).
class TemporaryFile {
public:
    explicit TemporaryFile(fs::path target) : target_(std::move(target)) {}
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    ~TemporaryFile() {
        if (!path_.empty() && !placed_) ::unlink(path_.c_str());
        if (fd_ >= 0) ::close(fd_);
        if (slot_) slot_->state.store(0);
    }

    /// Creates the file and writes and flushes `bytes`; what failed, if anything did.
    std::optional<WriteFailure> write(const std::string& bytes) {
        const fs::path folder = target_.has_parent_path() ? target_.parent_path() : fs::path(".");
        std::error_code ec;
        fs::create_directories(folder, ec);
        remove_stale_temporaries(folder, target_.filename().string());
        if (auto failure = create(folder)) return failure;
        std::size_t done = 0;
        while (done < bytes.size()) {
            const auto n = ::write(fd_, bytes.data() + done, bytes.size() - done);
            if (n <= 0) break;
            done += static_cast<std::size_t>(n);
        }
        if (done != bytes.size() || ::fchmod(fd_, 0644) != 0 || ::fsync(fd_) != 0)
            return WriteFailure{target_, "cannot write the file (is the disk full?)"};
        return std::nullopt;
    }

    /// Renames the written file to its target.
    bool place() {
        placed_ = std::rename(path_.c_str(), target_.c_str()) == 0;
        return placed_;
    }

private:
    /// Creates and locks the temporary file. Another run's cleaning could take a file between
    /// its creation and its lock, so the lock is checked to be on the file that has the name.
    std::optional<WriteFailure> create(const fs::path& folder) {
        for (int attempt = 0; attempt < 8; ++attempt) {
            std::string temp = (folder / ("." + target_.filename().string() + kTemporaryMark + "XXXXXX")).string();
            if (temp.size() >= sizeof TempSlot::path) return WriteFailure{target_, "the output path is too long"};
            const int fd = ::mkostemp(temp.data(), O_CLOEXEC);
            if (fd < 0) return WriteFailure{target_, "cannot create a file in the folder " + folder.string()};
            if (::flock(fd, LOCK_EX) == 0 && same_file(fd, temp)) {
                fd_ = fd;
                path_ = temp;
                hold_slot();
                return std::nullopt;
            }
            ::close(fd);
        }
        return WriteFailure{target_, "cannot create a file in the folder " + folder.string() + " (another run keeps removing it)"};
    }

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
    int fd_ = -1;
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

/// The folders that writing a set of files creates, removed again (when empty) unless kept: a
/// set that is not written leaves no new folder either.
class NewFolders {
public:
    /// Notes the folders above `file` that do not exist yet.
    void note(const fs::path& file) {
        std::error_code ec;
        for (fs::path folder = file.parent_path(); !folder.empty() && !fs::exists(folder, ec); folder = folder.parent_path()) {
            folders_.insert(folder);
            if (folder == folder.parent_path()) break;
        }
    }
    void keep() { folders_.clear(); }
    ~NewFolders() {
        std::error_code ec;
        for (auto it = folders_.rbegin(); it != folders_.rend(); ++it) fs::remove(*it, ec);  // a folder before its parent
    }

private:
    std::set<fs::path> folders_;
};

}  // namespace

void remove_temporary_files_on_signals() {
    for (const int s : {SIGINT, SIGTERM, SIGHUP}) std::signal(s, remove_temps_and_exit);
}

std::optional<WriteFailure> write_all_or_none(const std::vector<FileContent>& files) {
    if (auto refused = refuse_targets(files)) return refused;
    NewFolders folders;  // removed on return unless kept, after the temporary files in them
    for (const auto& file : files) folders.note(file.path);
    std::vector<std::unique_ptr<TemporaryFile>> written;  // removed on return unless placed
    for (const auto& file : files) {
        written.push_back(std::make_unique<TemporaryFile>(file.path));
        if (auto failure = written.back()->write(file.bytes)) return failure;
    }
    for (std::size_t i = 0; i < files.size(); ++i)
        if (!written[i]->place()) return WriteFailure{files[i].path, "cannot replace the file"};
    folders.keep();
    return std::nullopt;
}

}  // namespace sats
