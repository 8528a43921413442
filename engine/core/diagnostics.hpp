#pragma once
// Errors are data: every problem found in a content project is collected as a Diagnostic
// with the place it was written, and all of them are printed together at the end of a run.

#include <iosfwd>
#include <map>
#include <stdexcept>
#include <string>
#include <vector>

namespace sats {

class Environment;

/// A place in a source file; line and column count from 1 (0 = unknown).
struct SourceLocation {
    std::string file;
    int line = 0;
    int column = 0;
};

/// How serious a diagnostic is: errors stop the build, warnings do not (unless `--strict`), notes
/// only say what sats did (e.g. read a file as Windows-1252).
enum class Severity { error, warning, note };

/// One problem with its location, e.g. `report.toml:4:1: error: unknown key 'titel'`.
struct Diagnostic {
    Severity severity = Severity::error;
    SourceLocation where;
    std::string message;
    std::string hint;  ///< optional advice, printed on its own line ("did you mean ...")

    /// The one-line form `file:line:col: error: message`.
    std::string headline() const;
};

/// Collects diagnostics of a whole run so they can be reported together.
class Diagnostics {
public:
    /// Adds the error `message` at `where`, with optional advice.
    void error(SourceLocation where, std::string message, std::string hint = {});
    /// Adds the warning `message` at `where`, with optional advice.
    void warning(SourceLocation where, std::string message, std::string hint = {});
    /// Adds the note `message` at `where`, with optional advice.
    void note(SourceLocation where, std::string message, std::string hint = {});
    /// Adds `d` as it is.
    void add(Diagnostic d);

    /// Whether any error (not warning) was added. A step that must know whether it failed
    /// returns a Result (core/result.hpp) instead of comparing what is here before and after.
    bool has_errors() const;
    /// Every diagnostic, in the order added.
    const std::vector<Diagnostic>& all() const { return items_; }

    /// Prints the errors in the order found, then the warnings, then a summary line.
    /// With `env`, each is followed by its source line and a marker under the column.
    void print(std::ostream& out, const Environment* env = nullptr) const;

    /// Makes every warning an error (`--strict`).
    void promote_warnings();

private:
    std::size_t error_count() const;

    std::vector<Diagnostic> items_;
};

/// A failure with the place in the content it comes from, for stages that have no diagnostics
/// of their own (the exporters): the pipeline reports it as an error at `where()`.
class LocatedError : public std::runtime_error {
public:
    LocatedError(SourceLocation where, const std::string& message) : std::runtime_error(message), where_(std::move(where)) {}
    const SourceLocation& where() const { return where_; }

private:
    SourceLocation where_;
};

/// The number of byte insertions, deletions and substitutions that turn `a` into `b`.
std::size_t edit_distance(const std::string& a, const std::string& b);

/// Returns the candidate closest to `word` by edit distance, or "" if none is close enough
/// to be a plausible typo. Used for "did you mean" hints.
std::string closest_match(const std::string& word, const std::vector<std::string>& candidates);

/// The hint "did you mean 'x'?" for the closest candidate, or "" if none is close.
std::string did_you_mean(const std::string& word, const std::vector<std::string>& candidates);

}  // namespace sats
