#pragma once
// Counters written as the layout's patterns ask: heading numbers ("1.2.3", "A.", "iv)") and
// the labels of numbered lists ("1.", "a)").

#include <string>
#include <vector>

namespace sats {

/// Whether `c` stands for a counter in a pattern: 1 (arabic), a/A (letters), i/I (roman).
bool is_counter_mark(char c);

/// `n` written as `mark` asks: 1 → "3", a → "c", A → "C", i → "iii", I → "III". Letters go
/// on past z as aa, ab, …; roman numerals past 3999 fall back to arabic.
std::string counter_text(int n, char mark);

/// `pattern` with its counter marks replaced: the last mark is `counters.back()`, the mark
/// before it the counter before that, and so on ("1.1" with {2, 5} → "2.5", "a)" with
/// {1, 3} → "c)"). Any other character is kept. Counters the pattern has no mark for are
/// not shown; marks with no counter show 0.
std::string pattern_text(const std::string& pattern, const std::vector<int>& counters);

/// The number of counter marks in `pattern`.
int counter_marks(const std::string& pattern);

}  // namespace sats
