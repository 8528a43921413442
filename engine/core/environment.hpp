#pragma once
// All I/O of the engine goes through this one interface (files, resources, clock), so tests
// and reproducible builds can pin them.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace sats {

/// Input files larger than this are refused (bounded memory); see docs/content-format.md.
inline constexpr std::uintmax_t kMaxInputFile = 64ull * 1024 * 1024;

/// Whether `path` exists but is larger than kMaxInputFile.
bool file_too_large(const std::filesystem::path& path);

/// Removes the temporary output file when the run is stopped by SIGINT, SIGTERM or SIGHUP,
/// so no half-written file is left behind (an earlier output stays as it was).
void remove_temporary_files_on_signals();

/// Whether `relative` (a path written in content) stays inside the folder it is relative to:
/// not absolute, and no `..` that climbs out. Content may not reach other files on the machine.
bool stays_inside(const std::filesystem::path& relative);

/// Files, resource folders and the clock, as the engine sees them.
class Environment {
public:
    virtual ~Environment() = default;

    /// The whole content of a file, or nothing if it cannot be read.
    virtual std::optional<std::string> read_file(const std::filesystem::path& path) const = 0;

    /// Whether a regular file exists at `path`.
    virtual bool file_exists(const std::filesystem::path& path) const = 0;

    /// The whole content of an installed font file (found by fontconfig), or nothing.
    virtual std::optional<std::string> read_font(const std::filesystem::path& path) const = 0;

    /// Writes `bytes` to `path` atomically (temporary file in the same folder, flushed, renamed).
    /// On failure returns a message and leaves any earlier file at `path` untouched.
    virtual std::optional<std::string> write_file(const std::filesystem::path& path, const std::string& bytes) = 0;

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
    bool file_exists(const std::filesystem::path& path) const override;
    std::optional<std::string> read_font(const std::filesystem::path& path) const override;
    std::optional<std::string> write_file(const std::filesystem::path& path, const std::string& bytes) override;
    std::filesystem::path resource_dir() const override { return resource_dir_; }
    std::chrono::system_clock::time_point now() const override;
    bool pinned_time() const override;

private:
    std::filesystem::path resource_dir_;
};

/// An in-memory file system with a fixed clock, for tests: written files can be read back.
/// Resources and installed fonts are read from disk.
class MemoryEnvironment : public Environment {
public:
    explicit MemoryEnvironment(std::filesystem::path resource_dir = {});
    void add_file(const std::filesystem::path& path, std::string content);

    std::optional<std::string> read_file(const std::filesystem::path& path) const override;
    bool file_exists(const std::filesystem::path& path) const override;
    std::optional<std::string> read_font(const std::filesystem::path& path) const override;
    std::optional<std::string> write_file(const std::filesystem::path& path, const std::string& bytes) override;
    std::filesystem::path resource_dir() const override { return resource_dir_; }
    std::chrono::system_clock::time_point now() const override;
    bool pinned_time() const override { return true; }

private:
    std::filesystem::path resource_dir_;
    std::map<std::string, std::string> files_;
};

}  // namespace sats
