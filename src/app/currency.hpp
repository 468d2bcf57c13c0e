#pragma once
// The reporting currency and the rate of every currency seen (SPEC §1 --currency, --fx).

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "clientscore/ingest.hpp"

namespace clientscore {

struct CurrencyChoice {
    std::string reporting;     ///< empty when no currency was given or seen
    std::vector<double> rates;  ///< by the aggregator's currency id
};

/// Settles the reporting currency and the rates. Throws UsageError when several currencies are
/// seen with --fx but no --currency; InputError for mixed currencies without --fx and for a
/// currency without a rate (naming a file that holds it).
CurrencyChoice choose_currency(const std::string& requested, const std::vector<std::string>& seen_by_id,
                               const std::vector<std::pair<std::string, double>>& fx,
                               const std::optional<std::string>& fx_file, const std::vector<FileReport>& reports);

}  // namespace clientscore
