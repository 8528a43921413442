// Writing outputs all or none: a temporary file is removed by a later run only if it is ours
// (the name pattern) and its run is gone (its lock is free); a user's file and a live run's
// temporary file are kept.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

#include <fstream>
#include <set>

#include "core/file_writer.hpp"
#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

std::set<std::string> names_in(const fs::path& dir) {
    std::set<std::string> names;
    for (const auto& entry : fs::directory_iterator(dir)) names.insert(entry.path().filename().string());
    return names;
}

TEST(FileWriter, RemovesOnlyTheTemporaryFilesOfRunsThatAreGone) {
    const auto dir = test::temp_dir();
    // A user's files that look like temporaries, and one a killed run left.
    for (const char* name : {".r.pdf.backup", ".r.pdf.sats-old", ".r.pdf.sats-ABCDEFG", ".r.pdf.XYZ123", ".r.pdf.sats-STALE1"})
        std::ofstream(dir / name) << "kept?";
    // A temporary file of a run that is still writing: it holds the lock.
    const auto live = dir / ".r.pdf.sats-LIVE01";
    std::ofstream(live) << "live";
    const int fd = ::open(live.c_str(), O_RDONLY);
    ASSERT_GE(fd, 0);
    ASSERT_EQ(0, ::flock(fd, LOCK_EX));

    ASSERT_FALSE(write_all_or_none({{dir / "r.pdf", "%PDF-1.7"}}));
    ::close(fd);
    EXPECT_EQ((std::set<std::string>{"r.pdf", ".r.pdf.backup", ".r.pdf.sats-old", ".r.pdf.sats-ABCDEFG", ".r.pdf.XYZ123",
                                     ".r.pdf.sats-LIVE01"}),
              names_in(dir));
    EXPECT_EQ("%PDF-1.7", test::read(dir / "r.pdf"));
}

TEST(FileWriter, AFailedSetReplacesNothingAndLeavesNoTemporaryFile) {
    const auto dir = test::temp_dir();
    std::ofstream(dir / "a.pdf") << "old a";
    fs::create_directory(dir / "b.html");  // a folder where a file should go
    const auto failure = write_all_or_none({{dir / "a.pdf", "new a"}, {dir / "b.html", "new b"}});
    ASSERT_TRUE(failure);
    EXPECT_EQ(dir / "b.html", failure->path);
    EXPECT_EQ("old a", test::read(dir / "a.pdf"));
    EXPECT_EQ((std::set<std::string>{"a.pdf", "b.html"}), names_in(dir));
}

}  // namespace
}  // namespace sats
