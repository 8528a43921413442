#pragma once
// The outcome of one step: what it made, or the located errors that kept it from making it.
// A step returns a Result instead of writing to the run's Diagnostics and letting its caller
// compare error counts; the caller decides where the errors go (Result::report).

#include <optional>
#include <string>
#include <utility>
#include <variant>
#include <vector>

#include "core/diagnostics.hpp"

namespace sats {

/// Located problems found by one step, in the order found.
using Errors = std::vector<Diagnostic>;

/// The error `message` at `where`, with optional advice, for an Errors list.
inline Diagnostic error_at(SourceLocation where, std::string message, std::string hint = {}) {
    return {Severity::error, std::move(where), std::move(message), std::move(hint)};
}

/// Moves `errors` into `sink`, in order.
inline void report(Errors&& errors, Diagnostics& sink) {
    for (auto& error : errors) sink.add(std::move(error));
    errors.clear();
}

/// A `T`, or the errors that kept a step from making it. A failure carries at least one
/// error, except one made by already_reported(): its cause was reported elsewhere (a broken
/// data source every use of which would otherwise repeat the error).
template <typename T>
class [[nodiscard]] Result {
public:
    /// Success.
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
    /// Failure with `errors` (not empty).
    Result(Errors errors) : state_(std::in_place_index<1>, std::move(errors)) {}
    /// Failure with one error.
    Result(Diagnostic error) : Result(Errors{std::move(error)}) {}

    /// A failure whose error was already reported elsewhere.
    static Result already_reported() { return Result(Errors{}); }

    /// Whether the step made its value.
    bool ok() const { return state_.index() == 0; }

    /// The value; only when ok().
    const T& value() const& { return std::get<0>(state_); }
    T& value() & { return std::get<0>(state_); }
    const T* operator->() const { return &value(); }

    /// The errors; empty when ok() (and after already_reported()).
    const Errors& errors() const {
        static const Errors none;
        return ok() ? none : std::get<1>(state_);
    }

    /// Moves the errors into `sink`; the value, or nothing on failure.
    std::optional<T> report(Diagnostics& sink) && {
        if (ok()) return std::move(std::get<0>(state_));
        sats::report(std::move(std::get<1>(state_)), sink);
        return std::nullopt;
    }

    /// Moves the errors onto the end of `errors`; the value, or nothing on failure.
    std::optional<T> collect(Errors& errors) && {
        if (ok()) return std::move(std::get<0>(state_));
        auto& mine = std::get<1>(state_);
        errors.insert(errors.end(), std::make_move_iterator(mine.begin()), std::make_move_iterator(mine.end()));
        return std::nullopt;
    }

private:
    std::variant<T, Errors> state_;
};

}  // namespace sats
