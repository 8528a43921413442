#pragma once
// A stand-in for SSB's statistics bank API in the tests: an HTTP server on 127.0.0.1, on a port
// the system chooses, that answers with responses recorded in SSB's shape
// (tests/fixtures/ssb-api/<name>.http: status line, headers, a blank line, the body) and
// remembers what it was asked. No test reaches the internet.

#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace sats::test {

/// The server, running from construction to destruction.
class RecordedApi {
public:
    /// A response that never comes: the connection is held open until the client gives up.
    static constexpr const char* kNoAnswer = "";

    /// Answers each request with the next of `responses` (file names under
    /// tests/fixtures/ssb-api/, or kNoAnswer), the last one again when they run out. A recorded
    /// response gets `Content-Length` (unless it states one: a cut-off answer states more than
    /// it has) and `Connection: close`, and its header lines end in CR LF.
    explicit RecordedApi(std::vector<std::string> responses);
    ~RecordedApi();
    RecordedApi(const RecordedApi&) = delete;
    RecordedApi& operator=(const RecordedApi&) = delete;

    /// The API's address, e.g. `http://127.0.0.1:40123/api/pxwebapi/v2`.
    std::string url() const;
    /// The request targets so far, in order (`/api/pxwebapi/v2/tables/12362/data?lang=no&…`).
    std::vector<std::string> requests() const;

private:
    void serve();
    void answer(int client);

    std::vector<std::string> responses_;
    int listener_ = -1;
    int port_ = 0;
    std::atomic<bool> stop_{false};
    mutable std::mutex lock_;
    std::vector<std::string> requests_;
    std::thread thread_;
};

/// The body of the recorded response `name` (what a fetch of it writes).
std::string recorded_body(const std::string& name);

/// An API address on 127.0.0.1 where nothing listens: a call is refused.
std::string closed_url();

}  // namespace sats::test
