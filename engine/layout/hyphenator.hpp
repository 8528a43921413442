#pragma once
// Norwegian hyphenation with libhyphen and the hyphen-no patterns: soft hyphens (U+00AD)
// at the break points of a word, which pango uses and shows as "-" when it breaks there.

#include <map>
#include <memory>
#include <set>
#include <vector>
#include <string>

typedef struct _HyphenDict HyphenDict;

namespace sats {

/// Finds hyphenation points with a libhyphen pattern dictionary (ISO-8859-1, lower case).
class Hyphenator {
public:
    /// Loads the dictionary; throws std::runtime_error if it cannot be read.
    /// Words in `exceptions` (lower case) are never hyphenated; `words` written with hyphens
    /// ("kom-mu-ne-di-rek-tø-rens") give the break points of words the patterns miss.
    Hyphenator(const std::string& dictionary, std::set<std::string> exceptions = {},
               const std::vector<std::string>& words = {});
    ~Hyphenator();
    Hyphenator(const Hyphenator&) = delete;
    Hyphenator& operator=(const Hyphenator&) = delete;

    /// `word` (letters only, UTF-8) with U+00AD at each break point, at least `edge`
    /// characters from either end; unchanged if it cannot be hyphenated.
    std::string hyphenate(const std::string& word, int edge = 3) const;

private:
    HyphenDict* dict_;
    std::set<std::string> exceptions_;
    std::map<std::string, std::vector<bool>> words_;  ///< lower-case word → break after character i
};

/// The hyphenator for these settings, loaded once per process and shared (hyphenate() only
/// reads the dictionary, so threads and the reports of a batch can use one). Loading the
/// Norwegian patterns takes about 40 ms. Throws like the constructor.
std::shared_ptr<const Hyphenator> shared_hyphenator(const std::string& dictionary, const std::vector<std::string>& exceptions,
                                                    const std::vector<std::string>& words);

}  // namespace sats
