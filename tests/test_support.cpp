#include "test_support.hpp"

#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <sys/wait.h>

namespace sats::test {

std::filesystem::path source_dir() { return SATS_SOURCE_DIR; }

int run(const std::string& command, std::string* output) {
    FILE* pipe = popen((command + " 2>&1").c_str(), "r");
    if (!pipe) return -1;
    std::array<char, 4096> buffer{};
    std::string text;
    while (const auto n = fread(buffer.data(), 1, buffer.size(), pipe)) text.append(buffer.data(), n);
    const int status = pclose(pipe);
    if (output) *output = text;
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

int run_sats(const std::string& arguments, std::string* output) {
    return run(std::string("'") + SATS_BINARY + "' " + arguments, output);
}

std::filesystem::path temp_dir() {
    std::string pattern = (std::filesystem::temp_directory_path() / "sats-test-XXXXXX").string();
    return mkdtemp(pattern.data());
}

std::string read(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

}  // namespace sats::test
