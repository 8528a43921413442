// test::snapshot_tree() and test::tree_changes(), which the bad-input suite relies on to prove
// that sats changed no file: each kind of change is seen, and an untouched tree has none.
#include <gtest/gtest.h>

#include <fstream>

#include "test_support.hpp"

namespace sats {
namespace {

namespace fs = std::filesystem;

class TreeSnapshot : public ::testing::Test {
protected:
    TreeSnapshot() : root_(test::temp_dir()) {
        fs::create_directory(root_ / "mappe");
        std::ofstream(root_ / "mappe" / "fil.txt") << "tekst";
        fs::create_symlink("/etc/hostname", root_ / "lenke");
        before_ = test::snapshot_tree(root_);
    }
    ~TreeSnapshot() override { fs::remove_all(root_); }

    /// The changes since the constructor's snapshot.
    std::string changes() const { return test::tree_changes(before_, test::snapshot_tree(root_)); }

    fs::path root_;
    test::TreeSnapshot before_;
};

TEST_F(TreeSnapshot, AnUntouchedTreeHasNoChanges) { EXPECT_EQ("", changes()); }

TEST_F(TreeSnapshot, SeesAFileWritten) {
    std::ofstream(root_ / "mappe" / "fil.txt") << "teksT";
    EXPECT_EQ("changed: mappe/fil.txt\n", changes());
}

TEST_F(TreeSnapshot, SeesAnEmptyFolderAndAHiddenFileAdded) {
    fs::create_directory(root_ / "ny");
    std::ofstream(root_ / "mappe" / ".fil.txt.sats-abcdef");
    EXPECT_EQ("added: mappe/.fil.txt.sats-abcdef\nadded: ny\n", changes());
}

TEST_F(TreeSnapshot, SeesAFileRemoved) {
    fs::remove(root_ / "mappe" / "fil.txt");
    EXPECT_EQ("removed: mappe/fil.txt\n", changes());
}

TEST_F(TreeSnapshot, SeesALinkRetargetedAndPermissionsChanged) {
    fs::remove(root_ / "lenke");
    fs::create_symlink("/etc/passwd", root_ / "lenke");
    fs::permissions(root_ / "mappe", fs::perms::owner_write, fs::perm_options::remove);
    EXPECT_EQ("changed: lenke\nchanged: mappe\n", changes());
    fs::permissions(root_ / "mappe", fs::perms::owner_write, fs::perm_options::add);
}

}  // namespace
}  // namespace sats
