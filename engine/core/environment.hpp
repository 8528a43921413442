#pragma once
// All I/O of the engine goes through this one interface (files, resources, clock), so tests
// and reproducible builds can pin them.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

namespace sats {

/// Input files larger than this are refused (bounded memory); see docs/content-format.md.
inline constexpr std::uintmax_t kMaxInputFile = 64ull * 1024 * 1024;

/// Whether `path` exists but is larger than kMaxInputFile.
bool file_too_large(const std::filesystem::path& path);

/// Removes the temporary output files when the run is stopped by SIGINT, SIGTERM or SIGHUP,
/// so no half-written file is left behind (earlier outputs stay as they were).
void remove_temporary_files_on_signals();

/// A file to write: where, and its bytes.
struct FileContent {
    std::filesystem::path path;
    std::string bytes;
};

/// Why a set of files was not written: the file that failed, and what went wrong with it.
struct WriteFailure {
    std::filesystem::path path;
    std::string message;
};

/// Whether `relative` (a path written in content) stays inside the folder it is relative to:
/// not absolute, and no `..` that climbs out. Content may not reach other files on the machine.
bool stays_inside(const std::filesystem::path& relative);

/// A file of a content project as Environment::read_project_file() found it: its bytes, or
/// why there are none.
struct ProjectFile {
    /// Why a project file cannot be read.
    enum class Problem { none, missing, folder, outside, too_large };
    Problem problem = Problem::none;
    std::string bytes;  ///< the whole content, when there is no problem

    /// The error for a problem, naming the file as `what` ("data file 'data/t.csv'").
    std::string message(const std::string& what) const;
};

/// Files, resource folders and the clock, as the engine sees them.
class Environment {
public:
    virtual ~Environment() = default;

    /// The whole content of a file, or nothing if it cannot be read.
    virtual std::optional<std::string> read_file(const std::filesystem::path& path) const = 0;


    /// The file `relative` (as content names it) of the project folder `project`. The one way
    /// to read a project's file: a path that leaves the folder, also through a symbolic link,
    /// is `outside`, and the check and the read are one step, so a link put in place between
    /// them cannot escape either. This version checks the path's text and reads with
    /// read_file(); the system environment resolves it beneath the folder.
    virtual ProjectFile read_project_file(const std::filesystem::path& project, const std::filesystem::path& relative) const;

    /// The whole content of an installed font file (found by fontconfig), or nothing.
    virtual std::optional<std::string> read_font(const std::filesystem::path& path) const = 0;

    /// Writes every one of `files` or none: each to a temporary file in its folder, flushed;
    /// only when all are written are they renamed into place. On failure returns what failed,
    /// removes the temporary files and leaves every earlier file untouched. May be called from
    /// several threads at once.
    virtual std::optional<WriteFailure> write_files(const std::vector<FileContent>& files) = 0;

    /// write_files() of one file; on failure a message naming it.
    std::optional<std::string> write_file(const std::filesystem::path& path, const std::string& bytes) {
        const auto failure = write_files({{path, bytes}});
        if (!failure) return std::nullopt;
        return failure->path.string() + ": " + failure->message;
    }

    /// The names of the regular files directly in `folder` (none if it cannot be read).
    virtual std::vector<std::string> files_in(const std::filesystem::path& folder) const = 0;

    /// Removes every one of `files`; the first that could not be removed, if any.
    virtual std::optional<WriteFailure> remove_files(const std::vector<std::filesystem::path>& files) = 0;

    /// The folder holding `layouts/` and `fonts/`.
    virtual std::filesystem::path resource_dir() const = 0;

    /// The current time; pinned by SOURCE_DATE_EPOCH for reproducible builds.
    virtual std::chrono::system_clock::time_point now() const = 0;

    /// Whether now() is pinned (SOURCE_DATE_EPOCH, or a test clock) rather than the wall clock.
    virtual bool pinned_time() const = 0;
};

/// The real file system and clock. Honours SOURCE_DATE_EPOCH.
class SystemEnvironment : public Environment {
public:
    explicit SystemEnvironment(std::filesystem::path resource_dir);
    std::optional<std::string> read_file(const std::filesystem::path& path) const override;
    ProjectFile read_project_file(const std::filesystem::path& project, const std::filesystem::path& relative) const override;
    std::optional<std::string> read_font(const std::filesystem::path& path) const override;
    std::optional<WriteFailure> write_files(const std::vector<FileContent>& files) override;
    std::vector<std::string> files_in(const std::filesystem::path& folder) const override;
    std::optional<WriteFailure> remove_files(const std::vector<std::filesystem::path>& files) override;
    std::filesystem::path resource_dir() const override { return resource_dir_; }
    std::chrono::system_clock::time_point now() const override;
    bool pinned_time() const override;

private:
    std::filesystem::path resource_dir_;
};

/// An in-memory file system with a fixed clock, for tests: written files can be read back.
/// Resources (the files under `resource_dir`) and installed fonts are read from disk, as the
/// system environment reads them.
class MemoryEnvironment : public SystemEnvironment {
public:
    explicit MemoryEnvironment(std::filesystem::path resource_dir = {});
    /// Puts a file with `content` at `path`.
    void add_file(const std::filesystem::path& path, std::string content);

    std::optional<std::string> read_file(const std::filesystem::path& path) const override;
    /// Environment::read_project_file(): the path's text is checked (there are no links).
    ProjectFile read_project_file(const std::filesystem::path& project, const std::filesystem::path& relative) const override {
        return Environment::read_project_file(project, relative);
    }
    std::optional<WriteFailure> write_files(const std::vector<FileContent>& files) override;
    std::vector<std::string> files_in(const std::filesystem::path& folder) const override;
    std::optional<WriteFailure> remove_files(const std::vector<std::filesystem::path>& files) override;
    std::chrono::system_clock::time_point now() const override;
    bool pinned_time() const override { return true; }

private:
    mutable std::mutex lock_;  ///< write_files() may be called from several threads
    std::map<std::string, std::string> files_;
};

}  // namespace sats
