// parallel_for: every index is done once, on the workers asked for, and an exception thrown on
// a helper thread reaches the caller.
#include <gtest/gtest.h>

#include <atomic>
#include <mutex>
#include <set>
#include <stdexcept>
#include <thread>
#include <vector>

#include "core/parallel.hpp"

namespace sats {
namespace {

TEST(ParallelFor, DoesEveryIndexOnceOnTheWorkersAskedFor) {
    std::vector<std::atomic<int>> done(1000);
    std::set<int> workers;
    std::set<std::thread::id> threads;
    std::mutex lock;
    parallel_for(done.size(), 3, [&](int worker, std::size_t i) {
        ++done[i];
        const std::lock_guard<std::mutex> guard(lock);
        workers.insert(worker);
        threads.insert(std::this_thread::get_id());
    });
    for (std::size_t i = 0; i < done.size(); ++i) EXPECT_EQ(1, done[i].load()) << i;
    EXPECT_LE(*workers.rbegin(), 2);
    EXPECT_GE(*workers.begin(), 0);
    EXPECT_EQ(workers.size(), threads.size()) << "one worker number per thread";
}

TEST(ParallelFor, UsesNoMoreThreadsThanThereIsWorkAndTheCallersThreadForOne) {
    std::vector<std::atomic<int>> by_worker(8);
    parallel_for(2, 8, [&](int worker, std::size_t) { ++by_worker[static_cast<std::size_t>(worker)]; });
    EXPECT_EQ(2, by_worker[0] + by_worker[1]) << "two indices, two workers at most";
    std::thread::id ran_on;
    parallel_for(1, 1, [&](int, std::size_t) { ran_on = std::this_thread::get_id(); });
    EXPECT_EQ(std::this_thread::get_id(), ran_on);
    int calls = 0;
    parallel_for(0, 4, [&](int, std::size_t) { ++calls; });
    EXPECT_EQ(0, calls);
}

TEST(ParallelFor, AnExceptionOnAnyThreadReachesTheCaller) {
    try {
        parallel_for(50, 4, [](int, std::size_t i) {
            if (i == 17) throw std::runtime_error("seventeen");
        });
        ADD_FAILURE() << "no exception";
    } catch (const std::runtime_error& e) {
        EXPECT_STREQ("seventeen", e.what());
    }
}

}  // namespace
}  // namespace sats
