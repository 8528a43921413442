#include "fetch/http_get.hpp"

#include <cctype>
#include <cstdlib>
#include <memory>
#include <string_view>

#include <curl/curl.h>

namespace sats {

namespace {

/// The answer being received, for libcurl's callbacks.
struct Receiving {
    HttpAnswer answer;
    std::uintmax_t max_body = 0;
    bool too_large = false;
};

std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) {
    auto& r = *static_cast<Receiving*>(user);
    const std::size_t n = size * count;
    if (r.answer.body.size() + n > r.max_body) {
        r.too_large = true;
        return 0;  // libcurl stops with CURLE_WRITE_ERROR
    }
    r.answer.body.append(data, n);
    return n;
}

/// Reads `Retry-After: <seconds>` among the header lines.
std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) {
    auto& r = *static_cast<Receiving*>(user);
    const std::size_t n = size * count;
    const std::string_view line(data, n), name = "retry-after:";
    if (line.size() > name.size()) {
        bool match = true;
        for (std::size_t i = 0; i < name.size() && match; ++i)
            match = std::tolower(static_cast<unsigned char>(line[i])) == name[i];
        char* end = nullptr;
        const std::string value(line.substr(name.size()));
        const long seconds = std::strtol(value.c_str(), &end, 10);
        if (match && end != value.c_str() && seconds >= 0) r.answer.retry_after = seconds;
    }
    return n;
}

HttpAnswer::Failure failure_of(CURLcode code, bool too_large) {
    switch (code) {
        case CURLE_OK: return HttpAnswer::Failure::none;
        case CURLE_COULDNT_CONNECT:
        case CURLE_COULDNT_RESOLVE_HOST:
        case CURLE_COULDNT_RESOLVE_PROXY: return HttpAnswer::Failure::unreachable;
        case CURLE_OPERATION_TIMEDOUT: return HttpAnswer::Failure::timed_out;
        case CURLE_PARTIAL_FILE:
        case CURLE_RECV_ERROR:
        case CURLE_GOT_NOTHING: return HttpAnswer::Failure::cut_off;
        case CURLE_FILESIZE_EXCEEDED: return HttpAnswer::Failure::too_large;
        default: return too_large ? HttpAnswer::Failure::too_large : HttpAnswer::Failure::other;
    }
}

}  // namespace

HttpAnswer http_get(const std::string& url, const HttpLimits& limits) {
    static const bool initialised = curl_global_init(CURL_GLOBAL_DEFAULT) == CURLE_OK;
    Receiving r;
    r.max_body = limits.max_body;
    const std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(initialised ? curl_easy_init() : nullptr, curl_easy_cleanup);
    if (!curl) return {HttpAnswer::Failure::other, "libcurl could not be started"};
    char error[CURL_ERROR_SIZE] = {};
    CURL* c = curl.get();
    curl_easy_setopt(c, CURLOPT_URL, url.c_str());
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "sats/" SATS_VERSION " (libcurl)");
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, "");  // whatever libcurl can decode (gzip)
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, static_cast<long>(limits.connect_timeout.count()));
    curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(limits.timeout.count()));
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_body));
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &r);
    curl_easy_setopt(c, CURLOPT_HEADERFUNCTION, on_header);
    curl_easy_setopt(c, CURLOPT_HEADERDATA, &r);
    const CURLcode code = curl_easy_perform(c);
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &r.answer.status);
    r.answer.failure = failure_of(code, r.too_large);
    if (code != CURLE_OK) r.answer.error = error[0] ? error : curl_easy_strerror(code);
    return std::move(r.answer);
}

}  // namespace sats
