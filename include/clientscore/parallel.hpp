#pragma once
// The few ways the stages use both cores: how many threads, and running a task once per
// worker. Results never depend on either (each stage says how it keeps its order).

#include <algorithm>
#include <cstddef>
#include <exception>
#include <system_error>
#include <utility>
#include <thread>
#include <vector>

namespace clientscore {

/// How many threads the stages use unless told (Options::threads): the machine's cores, at
/// most 4.
inline unsigned default_worker_threads() { return std::max(1u, std::min(4u, std::thread::hardware_concurrency())); }

/// Starts `task` on a new thread in `pool`; false (and nothing started) when the system
/// refuses the thread, so that the caller can do the work itself instead of failing the run.
template <class Task>
bool start_thread(std::vector<std::thread>& pool, Task&& task) {
    try {
        pool.emplace_back(std::forward<Task>(task));
        return true;
    } catch (const std::system_error&) {
        return false;
    }
}

/// Runs task(0) ... task(count - 1), each on its own thread but the first, which runs on the
/// calling one (as does a task whose thread the system refuses); rethrows the exception of the
/// first task that threw, in task order, once all have ended.
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
    std::vector<std::size_t> refused;
    for (std::size_t i = 1; i < count; ++i) {
        if (!start_thread(pool, [&run, i] { run(i); })) {
            refused.push_back(i);
        }
    }
    for (const std::size_t i : refused) {
        run(i);
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
