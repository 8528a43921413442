#pragma once
// Wall time per pipeline stage, for `sats build --timings` and the benchmark. Measuring does
// not touch the output: the times are printed, never written into a file.

#include <chrono>
#include <iosfwd>
#include <string>
#include <utility>
#include <vector>

namespace sats {

/// Seconds spent per named stage, in the order the stages first ran; repeated stages add up.
class Timings {
public:
    /// Adds `seconds` to `stage`.
    void add(const std::string& stage, double seconds);

    /// The stages and their seconds.
    const std::vector<std::pair<std::string, double>>& stages() const { return stages_; }

    /// Prints one line per stage (`layout    0.412 s`) and the total.
    void print(std::ostream& out) const;

private:
    std::vector<std::pair<std::string, double>> stages_;
};

/// Measures the time from construction to destruction and adds it to a stage; does nothing
/// when `timings` is null.
class StageTimer {
public:
    StageTimer(Timings* timings, std::string stage)
        : timings_(timings), stage_(std::move(stage)), start_(std::chrono::steady_clock::now()) {}
    ~StageTimer() {
        if (timings_)
            timings_->add(stage_, std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count());
    }
    StageTimer(const StageTimer&) = delete;
    StageTimer& operator=(const StageTimer&) = delete;

private:
    Timings* timings_;
    std::string stage_;
    std::chrono::steady_clock::time_point start_;
};

}  // namespace sats
