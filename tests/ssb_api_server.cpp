#include "ssb_api_server.hpp"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <stdexcept>
#include <sys/socket.h>
#include <unistd.h>

#include "test_support.hpp"

namespace sats::test {

namespace {

constexpr const char* kPrefix = "/api/pxwebapi/v2";

/// A socket listening on 127.0.0.1 on a port the system chooses; its port in `port`.
int listen_on_loopback(int& port) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (fd < 0 || ::bind(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd, 16) != 0 ||
        ::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0)
        throw std::runtime_error("cannot listen on 127.0.0.1");
    port = ntohs(address.sin_port);
    return fd;
}

/// Whether `fd` has something to read within 100 ms.
bool readable(int fd) {
    pollfd p{fd, POLLIN, 0};
    return ::poll(&p, 1, 100) > 0;
}

/// The recorded response `name`: its status line and headers, each ending in a line feed, and its body.
std::pair<std::string, std::string> recorded(const std::string& name) {
    const std::string text = read(source_dir() / "tests" / "fixtures" / "ssb-api" / name);
    const auto blank = text.find("\n\n");
    if (blank == std::string::npos) throw std::runtime_error("no blank line after the headers in " + name);
    return {text.substr(0, blank + 1), text.substr(blank + 2)};
}

/// The recorded response `name` as it goes on the wire.
std::string wire_form(const std::string& name) {
    const auto [head, body] = recorded(name);
    std::string wire;
    for (std::size_t start = 0, end; (end = head.find('\n', start)) != std::string::npos; start = end + 1)
        wire += head.substr(start, end - start) + "\r\n";
    if (head.find("Content-Length:") == std::string::npos) wire += "Content-Length: " + std::to_string(body.size()) + "\r\n";
    return wire + "Connection: close\r\n\r\n" + body;
}

}  // namespace

RecordedApi::RecordedApi(std::vector<std::string> responses) : responses_(std::move(responses)) {
    listener_ = listen_on_loopback(port_);
    thread_ = std::thread([this] { serve(); });
}

RecordedApi::~RecordedApi() {
    stop_ = true;
    thread_.join();
    ::close(listener_);
}

std::string RecordedApi::url() const { return "http://127.0.0.1:" + std::to_string(port_) + kPrefix; }

std::vector<std::string> RecordedApi::requests() const {
    const std::lock_guard guard(lock_);
    return requests_;
}

void RecordedApi::serve() {
    while (!stop_) {
        if (!readable(listener_)) continue;
        const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        answer(client);
        ::close(client);
    }
}

void RecordedApi::answer(int client) {
    std::string request;
    char buffer[4096];
    while (!stop_ && request.find("\r\n\r\n") == std::string::npos) {
        if (!readable(client)) continue;
        const auto n = ::recv(client, buffer, sizeof buffer, 0);
        if (n <= 0) return;
        request.append(buffer, static_cast<std::size_t>(n));
    }
    const auto target_start = request.find(' ') + 1;
    std::size_t index = 0;
    {
        const std::lock_guard guard(lock_);
        requests_.push_back(request.substr(target_start, request.find(' ', target_start) - target_start));
        index = std::min(requests_.size(), responses_.size()) - 1;
    }
    if (responses_[index] == kNoAnswer) {
        while (!stop_ && !(readable(client) && ::recv(client, buffer, sizeof buffer, 0) <= 0)) {
        }
        return;
    }
    const std::string wire = wire_form(responses_[index]);
    for (std::size_t sent = 0; sent < wire.size();) {
        const auto n = ::send(client, wire.data() + sent, wire.size() - sent, MSG_NOSIGNAL);
        if (n <= 0) return;
        sent += static_cast<std::size_t>(n);
    }
    ::shutdown(client, SHUT_WR);
}

std::string recorded_body(const std::string& name) { return recorded(name).second; }

std::string closed_url() {
    int port = 0;
    const int fd = listen_on_loopback(port);
    ::close(fd);
    return "http://127.0.0.1:" + std::to_string(port) + kPrefix;
}

}  // namespace sats::test
