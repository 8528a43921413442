// Reading a content project's files: the one way in, which keeps every read inside the
// project folder (Environment::read_project_file and the system environment's version).
#include "core/environment.hpp"

#include <cerrno>
#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

namespace sats {

namespace fs = std::filesystem;

std::string ProjectFile::message(const std::string& what) const {
    switch (problem) {
        case Problem::none: return "";
        case Problem::missing: return what + " does not exist";
        case Problem::folder: return what + " is a folder, not a file";
        case Problem::outside: return what + " lies outside the project folder";
        case Problem::too_large: return what + " is larger than sats reads (64 MB)";
    }
    return "";
}

ProjectFile Environment::read_project_file(const fs::path& project, const fs::path& relative) const {
    if (relative.empty() || !stays_inside(relative)) return {ProjectFile::Problem::outside, {}};
    const auto path = project / relative;
    if (auto bytes = read_file(path)) return {ProjectFile::Problem::none, std::move(*bytes)};
    return {file_too_large(path) ? ProjectFile::Problem::too_large : ProjectFile::Problem::missing, {}};
}

namespace {

/// A file descriptor closed when it goes.
class Descriptor {
public:
    explicit Descriptor(int fd) : fd_(fd) {}
    ~Descriptor() {
        if (fd_ >= 0) ::close(fd_);
    }
    Descriptor(const Descriptor&) = delete;
    Descriptor& operator=(const Descriptor&) = delete;
    int get() const { return fd_; }

private:
    int fd_;
};

/// Opens `relative` beneath the folder `dir` with openat2(RESOLVE_BENEATH): symbolic links are
/// followed only while they stay beneath it. Where the kernel lacks openat2, each part of the
/// path is opened without following links, so any link is refused. -1 with errno on failure
/// (EXDEV or ELOOP for a way out).
int open_beneath(int dir, const fs::path& relative) {
    open_how how{};
    how.flags = O_RDONLY | O_CLOEXEC;
    how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
    const long fd = ::syscall(SYS_openat2, dir, relative.c_str(), &how, sizeof how);
    if (fd >= 0 || (errno != ENOSYS && errno != EPERM)) return static_cast<int>(fd);
    int at = ::dup(dir);
    const std::vector<fs::path> parts(relative.begin(), relative.end());
    for (std::size_t i = 0; i < parts.size() && at >= 0; ++i) {
        const bool last = i + 1 == parts.size();
        struct stat link {};
        const bool is_link = ::fstatat(at, parts[i].c_str(), &link, AT_SYMLINK_NOFOLLOW) == 0 && S_ISLNK(link.st_mode);
        const int next = is_link ? -1 : ::openat(at, parts[i].c_str(), O_NOFOLLOW | O_CLOEXEC | (last ? O_RDONLY : O_PATH | O_DIRECTORY));
        const int saved = is_link ? ELOOP : errno;
        ::close(at);
        errno = saved;
        at = next;
    }
    return at;
}

}  // namespace

ProjectFile SystemEnvironment::read_project_file(const fs::path& project, const fs::path& relative) const {
    if (relative.empty() || !stays_inside(relative)) return {ProjectFile::Problem::outside, {}};
    const Descriptor dir(::open(project.empty() ? "." : project.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (dir.get() < 0) return {ProjectFile::Problem::missing, {}};
    const Descriptor file(open_beneath(dir.get(), relative.lexically_normal()));
    if (file.get() < 0) {
        const bool away = errno == EXDEV || errno == ELOOP;
        return {away ? ProjectFile::Problem::outside : ProjectFile::Problem::missing, {}};
    }
    struct stat info {};
    if (::fstat(file.get(), &info) != 0) return {ProjectFile::Problem::missing, {}};
    if (S_ISDIR(info.st_mode)) return {ProjectFile::Problem::folder, {}};
    if (!S_ISREG(info.st_mode)) return {ProjectFile::Problem::missing, {}};
    if (static_cast<std::uintmax_t>(info.st_size) > kMaxInputFile) return {ProjectFile::Problem::too_large, {}};
    std::string bytes;
    char buffer[65536];
    for (ssize_t n; (n = ::read(file.get(), buffer, sizeof buffer)) > 0;) {
        bytes.append(buffer, static_cast<std::size_t>(n));
        if (bytes.size() > kMaxInputFile) return {ProjectFile::Problem::too_large, {}};
    }
    return {ProjectFile::Problem::none, std::move(bytes)};
}

}  // namespace sats
