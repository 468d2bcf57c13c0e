#pragma once
// The few ways the stages use both cores: how many threads, and running a task once per
// worker. Results never depend on either (each stage says how it keeps its order).

#include <algorithm>
#include <cstddef>
#include <exception>
#include <thread>
#include <vector>

namespace clientscore {

/// How many threads the stages use unless told (Options::threads): the machine's cores, at
/// most 4.
inline unsigned default_worker_threads() { return std::max(1u, std::min(4u, std::thread::hardware_concurrency())); }

/// Runs task(0) ... task(count - 1), each on its own thread but the first, which runs on the
/// calling one; rethrows the exception of the first task that threw, in task order, once all
/// have ended.
template <class Task>
void in_parallel(std::size_t count, const Task& task) {
    std::vector<std::exception_ptr> failures(count);
    auto run = [&](std::size_t i) {
        try {
            task(i);
        } catch (...) {
            failures[i] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t i = 1; i < count; ++i) {
        pool.emplace_back(run, i);
    }
    if (count > 0) {
        run(0);
    }
    for (std::thread& t : pool) {
        t.join();
    }
    for (const std::exception_ptr& failure : failures) {
        if (failure) {
            std::rethrow_exception(failure);
        }
    }
}

}  // namespace clientscore
