#pragma once
// A checker of our own for the PDF/A-2a and PDF/UA-1 rules that can be tested mechanically
// (no PDF/A validator is packaged for Debian). docs/accessibility.md lists the rules checked
// and the ones that are not.

#include <string>
#include <vector>

namespace sats {

/// One broken rule: its id (e.g. "figure-alt") and what is wrong.
struct RuleFailure {
    std::string rule;
    std::string message;
};

/// The ids of every rule verify_pdf() checks, in the order it checks them.
const std::vector<std::string>& verified_rules();

/// Checks the PDF `bytes`; returns the failures (empty = it passes every rule).
/// A file that is not a readable PDF fails the rule "readable".
std::vector<RuleFailure> verify_pdf(const std::string& bytes);

}  // namespace sats
