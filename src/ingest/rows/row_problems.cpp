#include "ingest/rows/row_problems.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

#include "clientscore/error.hpp"

namespace clientscore::ingest {

namespace {
constexpr std::size_t k_value_shown = 60;
}

std::string quote_value(std::string_view value) {
    if (value.size() <= k_value_shown) {
        return fmt::format("\"{}\"", value);
    }
    std::size_t cut = k_value_shown;
    // Back off over continuation bytes so that the shortened text is still valid UTF-8.
    while (cut > 0 && (static_cast<unsigned char>(value[cut]) & 0xC0) == 0x80) {
        --cut;
    }
    return fmt::format("\"{}...\" ({} bytes)", value.substr(0, cut), value.size());
}

RowProblems::RowProblems(FileReport& report, bool strict) : m_report(report), m_strict(strict) {}

void RowProblems::add(std::int64_t line, const std::string& column, const std::string& message,
                      const std::string& kind) {
    if (m_strict) {
        throw InputError(Location{m_report.file.display_name, line, column}, message,
                         "without --strict, bad rows are skipped and counted");
    }
    m_report.bad_rows.add(Problem{line, column, message, kind});
}

}  // namespace clientscore::ingest

namespace clientscore {

std::int64_t BadRowLimit::allowed(std::int64_t data_rows) const {
    // The small epsilon keeps 1% of 1,000 at 10 where the product lands just under it.
    const auto share = static_cast<std::int64_t>(std::floor(percent * static_cast<double>(data_rows) / 100 + 1e-9));
    return std::max(rows, share);
}

void ProblemLog::add(Problem problem) {
    ++count;
    tally(problem, 1);
    if (kept.size() == k_kept && problem.line >= kept.back().line) {
        return;
    }
    // Rows arrive in line order within a reader; slices and the aggregator's finds merge in
    // out of order, so a later find may still be among the first lines.
    auto at = std::upper_bound(kept.begin(), kept.end(), problem.line,
                               [](std::int64_t line, const Problem& p) { return line < p.line; });
    kept.insert(at, std::move(problem));
    if (kept.size() > k_kept) {
        kept.pop_back();
    }
}

void ProblemLog::tally(const Problem& problem, std::int64_t rows) {
    const std::string_view kind = problem.kind.empty() ? std::string_view(problem.message) : problem.kind;
    for (Tally& t : tallies) {
        if (t.column == problem.column && t.kind == kind) {
            t.count += rows;
            if (problem.line < t.first.line) {
                t.first = problem;
            }
            return;
        }
    }
    if (tallies.size() < k_tallies) {
        tallies.push_back(Tally{problem.column, std::string(kind), rows, problem});
    }
}

void ProblemLog::merge(const ProblemLog& other) {
    const std::int64_t total = count + other.count;
    const std::vector<Problem> theirs = other.kept;
    std::vector<Tally> their_tallies = other.tallies;
    for (const Problem& p : theirs) {
        // kept, not add: the tallies come whole from the other log below.
        auto at = std::upper_bound(kept.begin(), kept.end(), p.line,
                                   [](std::int64_t line, const Problem& q) { return line < q.line; });
        kept.insert(at, p);
    }
    if (kept.size() > k_kept) {
        kept.resize(k_kept);
    }
    for (const Tally& t : their_tallies) {
        tally(t.first, t.count);
    }
    count = total;
}

const ProblemLog::Tally* ProblemLog::most_frequent() const {
    const Tally* best = nullptr;
    for (const Tally& t : tallies) {
        if (best == nullptr || t.count > best->count || (t.count == best->count && t.first.line < best->first.line)) {
            best = &t;
        }
    }
    return best;
}

std::vector<std::string> ProblemLog::warnings(std::string_view file) const {
    std::vector<std::string> lines;
    for (std::size_t i = 0; i < kept.size() && i < k_warned; ++i) {
        lines.push_back(format_location_message(Location{std::string(file), kept[i].line, kept[i].column},
                                                kept[i].message));
    }
    const auto shown = static_cast<std::int64_t>(lines.size());
    if (count > shown) {
        lines.push_back(fmt::format("{}: {} more bad rows skipped", file, count - shown));
    }
    return lines;
}

}  // namespace clientscore

namespace clientscore {

namespace {

// The canonical field read from `header`, for a `--map KIND.FIELD=` the user can copy.
std::string field_of(const FileReport& report, const std::string& header) {
    for (const auto& [field, column] : report.mapping) {
        if (column == header) {
            return field;
        }
    }
    return "FIELD";
}

// The hint fixes the most frequent problem where one option does; every hint also says how
// to accept the loss, since a file may be known to hold rows that are not records.
std::string bad_row_hint(const FileReport& report, const ProblemLog::Tally& most, std::int64_t count) {
    const std::string accept = fmt::format("or accept the loss with --max-bad-rows {}", count);
    const std::string map = fmt::format("--map {}.{}=HEADER", k_kind_names[static_cast<std::size_t>(report.file.kind)],
                                        most.column.empty() ? std::string("FIELD") : field_of(report, most.column));
    const std::string_view kind = most.kind;
    if (most.column.empty()) {
        return fmt::format("the rows do not split into the header's columns: check the file's delimiter and quotes, {}",
                           accept);
    }
    if (kind.starts_with("is an ambiguous date") || kind.find("--date-order") != std::string_view::npos) {
        return fmt::format("say the order of the slash dates with --date-order dmy or --date-order mdy, read "
                           "another column with {}, {}",
                           map, accept);
    }
    if (kind.starts_with("is not a date")) {
        // SPEC §2 ◆7: a form none of the built-in ones reads is described with --date-format.
        return fmt::format("describe the form of column \"{}\" with --date-format (strftime-style, e.g. "
                           "--date-format \"%d/%m/%y %H:%M\" or \"%b %d %Y\"), read another column with {}, {}",
                           most.column, map, accept);
    }
    if (kind.starts_with("is not an amount")) {
        return fmt::format("set --decimal . or --decimal , for the amounts' decimal separator, read another column "
                           "with {}, {}",
                           map, accept);
    }
    if (kind == "is empty") {
        return fmt::format("if another column holds it, read it with {}; {}", map, accept);
    }
    return fmt::format("if column \"{}\" is not the right one, read another with {}; {}", most.column, map, accept);
}

}  // namespace

void enforce_bad_row_limit(const FileReport& report, const BadRowLimit& limit) {
    const std::int64_t allowed = limit.allowed(report.rows);
    const ProblemLog& log = report.bad_rows;
    if (log.count <= allowed) {
        return;
    }
    std::string most_often;
    std::string hint = fmt::format("accept the loss with --max-bad-rows {}", log.count);
    if (const ProblemLog::Tally* most = log.most_frequent()) {
        most_often = most->column.empty()
                         ? fmt::format("; most often the row {}, first at line {}", most->first.message, most->first.line)
                         : fmt::format("; most often column \"{}\": {}, first at line {}", most->column,
                                       most->first.message, most->first.line);
        hint = bad_row_hint(report, *most, log.count);
    }
    throw InputError(Location{report.file.display_name, 0, {}},
                     fmt::format("{} of {} rows could not be read (limit {}){}", log.count, report.rows, allowed,
                                 most_often),
                     hint);
}

}  // namespace clientscore
