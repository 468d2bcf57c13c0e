#pragma once
// Reading the exports on every worker: whole files, the invoices together, and large files cut
// into slices, with the retry that reads a file whole again when its slices cannot stand for it.

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "clientscore/aggregate.hpp"
#include "clientscore/ingest.hpp"

namespace clientscore {

class ReadProgress;

/// How the reading is spread: worker threads, and the size of the slices large files are cut
/// into (Options::threads, Options::slice_bytes).
struct ReadPlan {
    unsigned threads = 1;
    std::uint64_t slice_bytes = 16ull << 20;
};


/// Reads files[first...] into one aggregator, spread over plan.threads workers, and sets
/// reports[i] for each of those files. The result never depends on the number of threads or
/// the cut: files whose slices could not stand for the whole file are read again whole.
/// Throws the error of the first failing file in file order. `progress`, when given, hears of
/// every file and slice as it is read.
std::unique_ptr<Aggregator> read_in_parallel(const std::vector<InputFile>& files, std::uint32_t first,
                                             const ClientDirectory& directory, const AggregateSettings& agg,
                                             const ReadSettings& read, const ReadPlan& plan,
                                             std::vector<FileReport>& reports, ReadProgress* progress = nullptr);

}  // namespace clientscore
