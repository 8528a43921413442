#include "layout/hyphenator.hpp"

#include <cstdlib>
#include <map>
#include <mutex>
#include <stdexcept>
#include <tuple>
#include <vector>

#include <hyphen.h>

#include "core/text_position.hpp"

namespace sats {

namespace {

/// Lower case in Latin-1 (A–Z and À–Þ except ×).
char32_t lower_latin1(char32_t c) {
    if ((c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7)) return c + 0x20;
    return c;
}

}  // namespace

Hyphenator::Hyphenator(const std::string& dictionary, std::set<std::string> exceptions,
                       const std::vector<std::string>& words)
    : dict_(hnj_hyphen_load(dictionary.c_str())) {
    if (!dict_) throw std::runtime_error("cannot read the hyphenation dictionary " + dictionary);
    for (const auto& word : exceptions) {  // compared in lower case, like the words looked up
        std::string lower;
        for (const char32_t c : utf8_decode(word)) lower += utf8_encode(c < 0x100 ? lower_latin1(c) : c);
        exceptions_.insert(lower);
    }
    for (const auto& written : words) {
        std::string word;
        std::vector<bool> breaks;
        for (const char32_t c : utf8_decode(written)) {
            if (c == '-') {
                if (!breaks.empty()) breaks.back() = true;
            } else {
                word += utf8_encode(c < 0x100 ? lower_latin1(c) : c);
                breaks.push_back(false);
            }
        }
        words_[word] = breaks;
    }
}

Hyphenator::~Hyphenator() { hnj_hyphen_free(dict_); }

std::string Hyphenator::hyphenate(const std::string& word, int edge) const {
    const auto chars = utf8_decode(word);
    if (chars.size() < static_cast<std::size_t>(2 * edge)) return word;
    std::string latin1;
    for (const char32_t c : chars) {
        if (c > 0xFF) return word;
        latin1 += static_cast<char>(lower_latin1(c));
    }
    std::string lower_utf8;
    for (const unsigned char c : latin1) lower_utf8 += utf8_encode(c);
    if (exceptions_.count(lower_utf8)) return word;
    if (const auto known = words_.find(lower_utf8); known != words_.end()) {
        std::string out;
        for (std::size_t i = 0; i < chars.size(); ++i) {
            out += utf8_encode(chars[i]);
            if (i < known->second.size() && known->second[i] && i + 1 < chars.size()) out += "\u00AD";
        }
        return out;
    }

    std::vector<char> hyphens(latin1.size() + 5, 0);
    char** rep = nullptr;
    int* pos = nullptr;
    int* cut = nullptr;
    const int failed = hnj_hyphen_hyphenate3(dict_, latin1.data(), static_cast<int>(latin1.size()), hyphens.data(), nullptr,
                                             &rep, &pos, &cut, edge, edge, edge, edge);
    std::string out;
    for (std::size_t i = 0; i < chars.size(); ++i) {
        out += utf8_encode(chars[i]);
        const bool standard = !rep || !rep[i];  // skip non-standard breaks that change spelling
        if (!failed && standard && (hyphens[i] & 1) && i + 1 < chars.size()) out += "\u00AD";
    }
    if (rep) {
        for (std::size_t i = 0; i < latin1.size(); ++i) std::free(rep[i]);
        std::free(rep);
    }
    std::free(pos);
    std::free(cut);
    return out;
}

std::shared_ptr<const Hyphenator> shared_hyphenator(const std::string& dictionary, const std::vector<std::string>& exceptions,
                                                    const std::vector<std::string>& words) {
    static std::mutex mutex;
    static std::map<std::tuple<std::string, std::vector<std::string>, std::vector<std::string>>,
                    std::shared_ptr<const Hyphenator>>
        loaded;
    std::lock_guard lock(mutex);
    auto& entry = loaded[{dictionary, exceptions, words}];
    if (!entry)
        entry = std::make_shared<const Hyphenator>(dictionary, std::set<std::string>(exceptions.begin(), exceptions.end()), words);
    return entry;
}

}  // namespace sats
