#include "app/parallel_read.hpp"

#include "app/progress.hpp"

#include "clientscore/parallel.hpp"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <thread>

namespace clientscore {

namespace {

std::uintmax_t size_of(const InputFile& f) {
    std::error_code ignored;
    std::uintmax_t size = f.path == "-" ? 0 : std::filesystem::file_size(f.path, ignored);
    return size == static_cast<std::uintmax_t>(-1) ? 0 : size;
}

// Once per file or slice, never per row: the progress line needs no finer grain.
void count_read(ReadProgress& progress, const InputFile& file, std::uint32_t index) {
    if (!file.slice) {
        progress.file_read(index);
        return;
    }
    // The first slice begins after the header, which it reads too.
    const FileSlice& slice = *file.slice;
    const std::uint64_t begin = slice.begin == slice.header_end ? 0 : slice.begin;
    progress.part_read(index, slice.end - std::min(begin, slice.end));
}

// What one worker reads in one go: a whole file, a slice of one, or every invoices file (lines
// of one invoice join across those files, in file order, so one aggregator reads them all).
struct Unit {
    std::vector<InputFile> files;
    std::vector<std::uint32_t> indices;
    std::vector<FileReport> reports;
    std::exception_ptr failure;
};

// Units in the order they were planned. Workers take the next one as they become free, so a
// slow unit never holds the others back; the planner adds slices while the first are read.
class UnitQueue {
  public:
    void push(Unit unit) {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_units.push_back(std::move(unit));
        }
        m_ready.notify_one();
    }
    void close() {
        {
            const std::lock_guard<std::mutex> lock(m_mutex);
            m_closed = true;
        }
        m_ready.notify_all();
    }
    // The next unit to read, or null once the queue is closed and every unit taken. Units
    // live in a deque: a pointer stays valid while others are added.
    Unit* take() {
        std::unique_lock<std::mutex> lock(m_mutex);
        m_ready.wait(lock, [this] { return m_next < m_units.size() || m_closed; });
        return m_next < m_units.size() ? &m_units[m_next++] : nullptr;
    }
    // After every worker has finished.
    std::deque<Unit>& units() { return m_units; }

  private:
    std::mutex m_mutex;
    std::condition_variable m_ready;
    std::deque<Unit> m_units;
    std::size_t m_next = 0;
    bool m_closed = false;
};

// Reads the files from `first` on, spread over worker threads, each worker into its own
// aggregator; the aggregators are merged at the end. Large files are cut into slices
// (SlicePlanner) so that both cores share them. Returns the files whose slices could not stand
// for the whole file (their date order needed settling, a slice failed, or the planner found
// them uncuttable late): the caller reads again with those files whole, so the result never
// depends on the cut.
std::vector<std::uint32_t> read_units(const std::vector<InputFile>& files, std::uint32_t first,
                                      const ClientDirectory& directory, const AggregateSettings& agg,
                                      const ReadSettings& read, const ReadPlan& read_plan,
                                      const std::vector<std::string>& names,
                                      const std::vector<std::uint32_t>& keep_whole,
                                      std::vector<FileReport>& reports, std::unique_ptr<Aggregator>& result,
                                      ReadProgress* progress) {
    const unsigned threads = std::max(1u, read_plan.threads);
    const std::uint64_t slice_target = std::max<std::uint64_t>(1, read_plan.slice_bytes);

    UnitQueue queue;
    // The invoices go first: they cost the most per byte and cannot be cut.
    Unit invoices;
    for (std::uint32_t i = first; i < files.size(); ++i) {
        if (files[i].kind == Kind::invoices) {
            invoices.files.push_back(files[i]);
            invoices.indices.push_back(i);
        }
    }
    if (!invoices.files.empty()) {
        queue.push(std::move(invoices));
    }
    // Then the files too small to cut, whole; then the slices of the others, as the planner
    // finds them: small units last would leave one worker reading while the other waits.
    std::vector<std::uint32_t> to_cut;
    for (std::uint32_t i = first; i < files.size(); ++i) {
        if (files[i].kind == Kind::invoices) {
            continue;
        }
        const bool whole =
            threads < 2 || std::find(keep_whole.begin(), keep_whole.end(), i) != keep_whole.end();
        if (!whole && size_of(files[i]) >= 2 * slice_target) {
            to_cut.push_back(i);
        } else {
            queue.push(Unit{{files[i]}, {i}, {}, nullptr});
        }
    }
    std::vector<std::uint32_t> uncut;  // files the planner gave up on after cutting
    auto plan = [&] {
        for (const std::uint32_t i : to_cut) {
            SlicePlanner planner(files[i], static_cast<std::size_t>(size_of(files[i]) / slice_target),
                                 slice_target, read);
            std::size_t sliced = 0;
            while (std::optional<FileSlice> slice = planner.next()) {
                InputFile part = files[i];
                part.slice = *slice;
                queue.push(Unit{{std::move(part)}, {i}, {}, nullptr});
                ++sliced;
            }
            if (sliced == 0) {
                queue.push(Unit{{files[i]}, {i}, {}, nullptr});
            } else if (planner.failed()) {
                uncut.push_back(i);
            }
        }
        queue.close();
    };

    std::vector<std::unique_ptr<Aggregator>> partial;
    for (unsigned w = 0; w < threads; ++w) {
        partial.push_back(std::make_unique<Aggregator>(agg, directory, names));
    }
    auto work = [&](unsigned w) {
        while (Unit* unit = queue.take()) {
            try {
                for (std::size_t f = 0; f < unit->files.size(); ++f) {
                    unit->reports.push_back(read_export(unit->files[f], unit->indices[f], read, *partial[w]));
                    if (progress != nullptr) {
                        count_read(*progress, unit->files[f], unit->indices[f]);
                    }
                }
            } catch (...) {
                unit->failure = std::current_exception();
            }
        }
    };
    // A thread the system will not start (limits, memory) costs speed, not the run: the
    // planner then plans first on this thread, and the started workers share the queue.
    std::vector<std::thread> pool;
    const bool plan_here = threads < 2 || !start_thread(pool, plan);
    if (plan_here) {
        plan();
    }
    for (unsigned w = 1; w < threads; ++w) {
        start_thread(pool, [&work, w] { work(w); });
    }
    work(0);
    for (std::thread& t : pool) {
        t.join();
    }
    std::deque<Unit>& units = queue.units();

    // Slices stand for their file only when none failed and none had to settle a date order.
    std::vector<std::uint32_t> redo = uncut;
    for (const Unit& unit : units) {
        const bool sliced = unit.files.size() == 1 && unit.files[0].slice.has_value();
        if (sliced && (unit.failure || (!unit.reports.empty() && !unit.reports[0].date_order.empty()))) {
            if (std::find(redo.begin(), redo.end(), unit.indices[0]) == redo.end()) {
                redo.push_back(unit.indices[0]);
            }
        }
    }
    if (!redo.empty()) {
        return redo;
    }
    // The first failing file in file order is the one reported, whatever thread met it first.
    std::exception_ptr first_failure;
    std::uint32_t first_failing = 0;
    for (const Unit& unit : units) {
        const std::uint32_t at = unit.indices[std::min(unit.reports.size(), unit.indices.size() - 1)];
        if (unit.failure && (!first_failure || at < first_failing)) {
            first_failure = unit.failure;
            first_failing = at;
        }
    }
    if (first_failure) {
        std::rethrow_exception(first_failure);
    }
    std::vector<std::vector<FileReport>> slices_of(files.size());
    for (Unit& unit : units) {
        for (std::size_t f = 0; f < unit.reports.size(); ++f) {
            slices_of[unit.indices[f]].push_back(std::move(unit.reports[f]));
        }
    }
    for (std::uint32_t i = first; i < files.size(); ++i) {
        reports[i] =
            slices_of[i].size() == 1 ? std::move(slices_of[i][0]) : merge_slice_reports(slices_of[i]);
    }
    // The others merge into the worker that read the invoices: they are the bulk of what an
    // aggregator holds, and moving them would hold them twice. Which worker that is depends on
    // timing, but the totals are integers and the invoices are read by one aggregator in file
    // order, so neither that nor the order of merging changes anything.
    unsigned base = 0;
    for (unsigned w = 0; w < partial.size(); ++w) {
        if (!partial[w]->invoices().empty()) {
            base = w;
        }
    }
    result = std::move(partial[base]);
    for (unsigned w = 0; w < partial.size(); ++w) {
        if (w != base) {
            result->merge(std::move(*partial[w]));
            partial[w].reset();
        }
    }
    return {};
}

}  // namespace

std::unique_ptr<Aggregator> read_in_parallel(const std::vector<InputFile>& files, std::uint32_t first,
                                             const ClientDirectory& directory, const AggregateSettings& agg,
                                             const ReadSettings& read, const ReadPlan& plan,
                                             std::vector<FileReport>& reports, ReadProgress* progress) {
    std::vector<std::string> names;
    for (const InputFile& f : files) {
        names.push_back(f.display_name);
    }
    std::vector<std::uint32_t> whole;
    for (;;) {
        std::unique_ptr<Aggregator> aggregator;
        std::vector<std::uint32_t> redo =
            read_units(files, first, directory, agg, read, plan, names, whole, reports, aggregator, progress);
        if (redo.empty()) {
            return aggregator;
        }
        if (progress != nullptr) {
            progress->restart(first);  // every file from `first` is read again
        }
        whole.insert(whole.end(), redo.begin(), redo.end());
    }
}

}  // namespace clientscore
