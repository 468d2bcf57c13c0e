// The aging buckets of SPEC §3 ◆10: which bucket an overdue invoice falls in, and their names.

#include <fmt/format.h>

#include <algorithm>

#include "clientscore/metrics.hpp"

namespace clientscore {

std::size_t AgingBuckets::bucket_of(std::int64_t days_overdue) const {
    // Bounds are inclusive upper ends: day 30 is in `1_30`, day 31 in `31_60`.
    return static_cast<std::size_t>(std::lower_bound(bounds.begin(), bounds.end(), days_overdue) - bounds.begin());
}

std::string AgingBuckets::name(std::size_t bucket) const {
    if (bucket >= bounds.size()) {
        return fmt::format("over_{}", bounds.empty() ? 0 : bounds.back());
    }
    const std::int64_t low = bucket == 0 ? 1 : bounds[bucket - 1] + 1;
    return fmt::format("{}_{}", low, bounds[bucket]);
}

std::string AgingBuckets::description(std::size_t bucket) const {
    if (bucket >= bounds.size()) {
        return fmt::format("overdue over {} days", bounds.empty() ? 0 : bounds.back());
    }
    const std::int64_t low = bucket == 0 ? 1 : bounds[bucket - 1] + 1;
    if (low == bounds[bucket]) {
        return fmt::format("overdue {} day{}", low, low == 1 ? "" : "s");
    }
    return fmt::format("overdue {}-{} days", low, bounds[bucket]);
}

std::string AgingBuckets::text() const { return fmt::format("{}", fmt::join(bounds, ",")); }

}  // namespace clientscore
