#pragma once
// A parallel for-loop: a fixed number of threads take the next index as they finish one. The
// work of each index goes where the index says, so the result does not depend on the threads.

#include <cstddef>
#include <functional>

namespace sats {

/// Calls `work(worker, index)` once for every index in [0, count), on `threads` threads (at
/// most `count`, at least one); the calling thread is worker 0, the others 1, 2, … Each thread
/// takes the next index when it has finished one. Returns when every index is done; an
/// exception thrown by `work` stops that thread and is thrown again here (the first one).
void parallel_for(std::size_t count, int threads, const std::function<void(int worker, std::size_t index)>& work);

}  // namespace sats
