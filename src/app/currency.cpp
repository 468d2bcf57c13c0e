#include "app/currency.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "clientscore/error.hpp"

namespace clientscore {

namespace {

// The first file that holds a currency: errors about it point there.
std::string file_with(const std::string& code, const std::vector<FileReport>& reports) {
    for (const FileReport& r : reports) {
        if (std::find(r.currencies.begin(), r.currencies.end(), code) != r.currencies.end()) {
            return r.file.display_name;
        }
    }
    return {};
}

}  // namespace

CurrencyChoice choose_currency(const std::string& requested, const std::vector<std::string>& seen_by_id,
                               const std::vector<std::pair<std::string, double>>& fx,
                               const std::optional<std::string>& fx_file, const std::vector<FileReport>& reports) {
    std::vector<std::string> seen;
    for (const std::string& code : seen_by_id) {
        if (!code.empty() && std::find(seen.begin(), seen.end(), code) == seen.end()) {
            seen.push_back(code);
        }
    }
    std::sort(seen.begin(), seen.end());

    CurrencyChoice choice;
    if (requested.empty()) {
        if (seen.size() > 1 && fx_file) {
            throw UsageError(fmt::format("the exports hold several currencies ({}): --fx needs --currency to say "
                                         "which one to report in",
                                         fmt::join(seen, ", ")),
                             fmt::format("add --currency {}", seen.front()));
        }
        if (seen.size() > 1) {
            throw InputError({file_with(seen[1], reports), 0, ""},
                             fmt::format("the exports mix currencies ({}) and no --fx file gives their rates",
                                         fmt::join(seen, ", ")),
                             "add --fx FILE (a CSV `currency,rate`) and --currency CODE");
        }
        choice.reporting = seen.empty() ? std::string() : seen.front();
        choice.rates.assign(seen_by_id.size(), 1.0);
        return choice;
    }

    choice.reporting = requested;
    for (const std::string& code : seen_by_id) {
        if (code.empty() || code == requested) {
            choice.rates.push_back(1.0);
            continue;
        }
        auto rate = std::find_if(fx.begin(), fx.end(), [&](const auto& entry) { return entry.first == code; });
        if (rate != fx.end()) {
            choice.rates.push_back(rate->second);
            continue;
        }
        if (!fx_file) {
            throw InputError({file_with(code, reports), 0, ""},
                             fmt::format("amounts in {} cannot be reported in {} without an --fx file", code, requested),
                             "add --fx FILE (a CSV `currency,rate`)");
        }
        throw InputError({*fx_file, 0, ""}, fmt::format("no rate for {} (seen in {})", code, file_with(code, reports)),
                         fmt::format("add a line `{},RATE` giving 1 {} in {}", code, code, requested));
    }
    return choice;
}

}  // namespace clientscore
