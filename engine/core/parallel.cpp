#include "core/parallel.hpp"

#include <algorithm>
#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace sats {

void parallel_for(std::size_t count, int threads, const std::function<void(int worker, std::size_t index)>& work) {
    std::atomic<std::size_t> next{0};
    std::exception_ptr failure;
    std::mutex failure_lock;
    auto run = [&](int worker) {
        try {
            for (std::size_t i = next++; i < count; i = next++) work(worker, i);
        } catch (...) {
            const std::lock_guard<std::mutex> lock(failure_lock);
            if (!failure) failure = std::current_exception();
        }
    };
    const int used = static_cast<int>(std::clamp<std::size_t>(static_cast<std::size_t>(std::max(threads, 1)), 1,
                                                               std::max<std::size_t>(count, 1)));
    std::vector<std::thread> helpers;
    for (int worker = 1; worker < used; ++worker) helpers.emplace_back(run, worker);
    run(0);
    for (auto& helper : helpers) helper.join();
    if (failure) std::rethrow_exception(failure);
}

}  // namespace sats
