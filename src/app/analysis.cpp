#include "app/analysis.hpp"

#include <algorithm>
#include <cstdlib>
#include <exception>
#include <filesystem>
#include <numeric>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "app/currency.hpp"
#include "clientscore/error.hpp"
#include "clientscore/indirect_sort.hpp"

namespace clientscore {

namespace {

constexpr std::size_t k_warnings_per_file = 10;

bool is_contact_kind(Kind k) { return k == Kind::calls || k == Kind::emails || k == Kind::contacts; }

Settings make_settings(const Options& o) {
    Settings s;
    s.time_zone = o.time_zone;
    s.business_hours = o.business_hours;
    s.business_days = o.business_days;
    s.hourly_cost = o.hourly_cost;
    s.email_minutes = o.email_minutes;
    s.target_margin = o.target_margin;
    s.fire_at = o.fire_at;
    s.watch_at = o.watch_at;
    s.chase_days = o.chase_days;
    s.thresholds = o.thresholds;
    s.weights = o.weights;
    return s;
}

// SPEC §3: a missing bound is taken from the data; neither bound ever cuts an event off when it
// comes from the data, so the aggregator can filter on the given bounds alone while it streams.
Period settle_period(const Options& o, std::optional<Days> first, std::optional<Days> last) {
    Period p;
    if (o.from && o.to) {
        p.from = *o.from;
        p.to = *o.to;
    } else if (o.from) {
        p.from = *o.from;
        p.to = last ? std::max(*last, *o.from) : *o.from;
    } else if (o.to) {
        p.to = *o.to;
        p.from = first ? std::min(*first, *o.to) : *o.to;
    } else if (first && last) {
        p.from = *first;
        p.to = *last;
    } else {
        // No event anywhere and no dates given: an empty period on the as-of day (or the epoch).
        p.from = p.to = o.as_of.value_or(0);
    }
    p.as_of = o.as_of.value_or(p.to);
    return p;
}

void add_count(FileCounts& counts, const std::string& name, std::int64_t n) {
    for (auto& [file, count] : counts) {
        if (file == name) {
            count += n;
            return;
        }
    }
    counts.emplace_back(name, n);
}


// How many files are read at once: the machine's cores (CLIENTSCORE_THREADS overrides, for
// the tests that compare a single-threaded run with a parallel one).
unsigned reader_threads() {
    if (const char* env = std::getenv("CLIENTSCORE_THREADS")) {
        int n = std::atoi(env);
        if (n >= 1) {
            return static_cast<unsigned>(n);
        }
    }
    return std::max(1u, std::min(4u, std::thread::hardware_concurrency()));
}

std::uintmax_t size_of(const InputFile& f) {
    std::error_code ignored;
    std::uintmax_t size = f.path == "-" ? 0 : std::filesystem::file_size(f.path, ignored);
    return size == static_cast<std::uintmax_t>(-1) ? 0 : size;
}

// The size of the slices a large file is cut into. A reader holds fast-cpp-csv-parser's 48 MiB
// buffer but touches only what it reads: a slice under its first 32 MiB read keeps a reader's
// memory to the slice's size, so two readers at once stay under 50 MB. A slice costs a header
// scan and fresh pages, a few milliseconds. CLIENTSCORE_SLICE_BYTES changes it, for the tests
// that cut small files into many slices.
std::uint64_t slice_bytes() {
    if (const char* env = std::getenv("CLIENTSCORE_SLICE_BYTES")) {
        long long n = std::atoll(env);
        if (n > 0) {
            return static_cast<std::uint64_t>(n);
        }
    }
    return 24ull << 20;
}

// What one worker reads in one go: a whole file, a slice of one, or every invoices file (lines
// of one invoice join across those files, in file order, so one aggregator reads them all).
struct Unit {
    std::vector<InputFile> files;
    std::vector<std::uint32_t> indices;
    std::uint64_t bytes = 0;
    std::vector<FileReport> reports;
    std::exception_ptr failure;
};

// Reads the files from `first` on, spread over worker threads, each worker into its own
// aggregator; the aggregators are merged in worker order. Large files are cut into slices
// (plan_slices) so that both cores share them. Returns the files whose slices could not stand
// for the whole file (their date order needed settling, or a slice failed): the caller reads
// again with those files whole, so the result never depends on the cut.
std::vector<std::uint32_t> read_units(Analysis& a, const AggregateSettings& agg, const ReadSettings& read,
                                      std::uint32_t first, const std::vector<std::string>& names,
                                      const std::vector<std::uint32_t>& keep_whole) {
    const auto& files = a.discovery.files;
    const unsigned threads = reader_threads();
    const std::uint64_t slice_target = slice_bytes();

    std::vector<Unit> units;
    Unit invoices;
    for (std::uint32_t i = first; i < files.size(); ++i) {
        const std::uint64_t bytes = size_of(files[i]);
        if (files[i].kind == Kind::invoices) {
            invoices.files.push_back(files[i]);
            invoices.indices.push_back(i);
            invoices.bytes += bytes;
            continue;
        }
        std::vector<FileSlice> slices;
        const bool whole = std::find(keep_whole.begin(), keep_whole.end(), i) != keep_whole.end();
        if (threads > 1 && !whole) {
            const auto parts = static_cast<std::size_t>((bytes + slice_target - 1) / slice_target);
            slices = plan_slices(files[i], parts, slice_target, read);
        }
        if (slices.empty()) {
            units.push_back(Unit{{files[i]}, {i}, bytes, {}, nullptr});
        }
        for (const FileSlice& slice : slices) {
            InputFile part = files[i];
            part.slice = slice;
            units.push_back(Unit{{part}, {i}, slice.end - slice.begin, {}, nullptr});
        }
    }
    if (!invoices.files.empty()) {
        units.insert(units.begin(), std::move(invoices));
    }

    // Largest first onto the least loaded worker; ties keep unit order, so the plan is fixed.
    const unsigned workers = std::max(1u, std::min<unsigned>(threads, static_cast<unsigned>(units.size())));
    std::vector<std::size_t> order(units.size());
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t x, std::size_t y) { return units[x].bytes > units[y].bytes; });
    std::vector<std::vector<std::size_t>> assigned(workers);
    std::vector<std::uint64_t> load(workers, 0);
    for (std::size_t u : order) {
        auto lightest = static_cast<std::size_t>(std::min_element(load.begin(), load.end()) - load.begin());
        assigned[lightest].push_back(u);
        load[lightest] += units[u].bytes;
    }

    std::vector<std::unique_ptr<Aggregator>> partial;
    for (unsigned w = 0; w < workers; ++w) {
        partial.push_back(std::make_unique<Aggregator>(agg, a.directory, names));
        std::sort(assigned[w].begin(), assigned[w].end());
    }
    auto work = [&](unsigned w) {
        for (std::size_t u : assigned[w]) {
            Unit& unit = units[u];
            try {
                for (std::size_t f = 0; f < unit.files.size(); ++f) {
                    unit.reports.push_back(read_export(unit.files[f], unit.indices[f], read, *partial[w]));
                }
            } catch (...) {
                unit.failure = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    for (unsigned w = 1; w < workers; ++w) {
        pool.emplace_back(work, w);
    }
    work(0);
    for (std::thread& t : pool) {
        t.join();
    }

    // Slices stand for their file only when none failed and none had to settle a date order.
    std::vector<std::uint32_t> redo;
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
        a.reports[i] = slices_of[i].size() == 1 ? std::move(slices_of[i][0]) : merge_slice_reports(slices_of[i]);
    }
    // The others merge into the worker that read the invoices: they are the bulk of what an
    // aggregator holds, and moving them would hold them twice. The plan fixes which worker
    // that is, and the totals are integers, so the order of merging changes nothing.
    unsigned base = 0;
    for (unsigned w = 0; w < workers; ++w) {
        if (!partial[w]->invoices().empty()) {
            base = w;
        }
    }
    a.aggregator = std::move(partial[base]);
    for (unsigned w = 0; w < workers; ++w) {
        if (w != base) {
            a.aggregator->merge(std::move(*partial[w]));
            partial[w].reset();
        }
    }
    return {};
}

void read_in_parallel(Analysis& a, const AggregateSettings& agg, const ReadSettings& read, std::uint32_t first,
                      const std::vector<std::string>& names) {
    std::vector<std::uint32_t> whole;
    for (;;) {
        std::vector<std::uint32_t> redo = read_units(a, agg, read, first, names, whole);
        if (redo.empty()) {
            return;
        }
        whole.insert(whole.end(), redo.begin(), redo.end());
    }
}

}  // namespace

ReadSettings make_read_settings(const Options& o) {
    ReadSettings r;
    r.encoding = o.encoding;
    r.date_order = o.date_order;
    r.decimal = o.decimal;
    r.mappings = o.mappings;
    if (!o.time_zone.empty()) {
        r.time_zone = LocalTimeConverter(o.time_zone);
    }
    r.strict = o.strict;
    r.preset = o.preset;
    return r;
}

void Analysis::InvoicesByClient::build(const Aggregator& aggregator) {
    // A counting sort by client keeps each client's invoices in reading order.
    m_start.assign(aggregator.client_ids().size() + 1, 0);
    for (const Invoice& inv : aggregator.invoices()) {
        ++m_start[inv.client + 1];
    }
    for (std::size_t c = 1; c < m_start.size(); ++c) {
        m_start[c] += m_start[c - 1];
    }
    m_invoices.assign(aggregator.invoices().size(), nullptr);
    std::vector<std::size_t> next(m_start.begin(), m_start.end() - 1);
    for (const Invoice& inv : aggregator.invoices()) {
        m_invoices[next[inv.client]++] = &inv;
    }
}

Analysis analyse(const Options& o, const std::optional<std::string>& focus, const WarningSink& warn) {
    Analysis a;
    ReadSettings read = make_read_settings(o);
    a.settings = make_settings(o);
    std::vector<Days> holidays;
    if (o.holidays_file) {
        holidays = read_holidays(*o.holidays_file, read);
    }
    a.settings.holidays = holidays.size();
    std::vector<std::pair<std::string, double>> fx;
    if (o.fx_file) {
        fx = read_fx_rates(*o.fx_file, read);
    }
    a.discovery = discover_inputs(o.dir, o.files);

    std::vector<std::string> names;
    for (const InputFile& f : a.discovery.files) {
        names.push_back(f.display_name);
        a.supplied.contacts |= is_contact_kind(f.kind);
        a.supplied.discounts |= f.kind == Kind::discounts;
        a.supplied.invoices |= f.kind == Kind::invoices;
    }

    auto emit = [&](const std::string& line) {
        a.warnings.push_back(line);
        warn(line);
    };

    // The clients files come first in discovery order: ids and names must be known before any
    // record is attributed.
    AggregateSettings agg;
    agg.from = o.from;
    agg.to = o.to;
    agg.calendar = BusinessCalendar(o.business_hours, o.business_days, holidays);
    agg.strict = o.strict;
    a.reports.resize(a.discovery.files.size());
    std::uint32_t index = 0;
    for (; index < a.discovery.files.size() && a.discovery.files[index].kind == Kind::clients; ++index) {
        a.reports[index] = read_export(a.discovery.files[index], index, read, a.directory);
    }
    if (focus) {
        agg.focus = std::string(a.directory.resolve(*focus));
    }
    read_in_parallel(a, agg, read, index, names);
    a.aggregator->release_lookups();
    if (!focus) {
        a.aggregator->release_invoice_texts();  // rank names no invoice
    }
    for (std::size_t i = 0; i < a.reports.size(); ++i) {
        for (const auto& line : a.reports[i].warnings) {
            emit(line);
        }
        a.supplied.hostility |= a.reports[i].has_tags || a.reports[i].has_disputed;
        a.supplied.discounts |= a.reports[i].derives_discounts;
    }
    for (std::size_t i = 0; i < a.aggregator->file_extras().size(); ++i) {
        const FileExtras& extras = a.aggregator->file_extras()[i];
        for (const auto& line : extras.warnings) {
            emit(line);
        }
        if (extras.skipped > static_cast<std::int64_t>(k_warnings_per_file)) {
            emit(fmt::format("clientscore: {}: {} more bad rows skipped", names[i],
                             extras.skipped - static_cast<std::int64_t>(k_warnings_per_file)));
        }
    }

    const Aggregator& ag = *a.aggregator;
    a.settings.period = settle_period(o, ag.first_event(), ag.last_event());
    a.context.period = a.settings.period;
    a.context.hourly_cost = o.hourly_cost;
    a.context.email_minutes = o.email_minutes;
    a.context.target_margin = o.target_margin;
    CurrencyChoice currency = choose_currency(o.currency, ag.currencies(), fx, o.fx_file, a.reports);
    a.settings.currency = currency.reporting;
    a.context.rates = currency.rates;

    a.invoices_by_client.build(ag);

    bool any_event = false;
    // Reserved: growing by doubling would briefly hold half a million results twice.
    a.clients.reserve(ag.client_ids().size());
    for (std::uint32_t c = 0; c < ag.client_ids().size(); ++c) {
        const ClientTotals& totals = ag.totals()[c];
        const auto& invoices = a.invoices_by_client[c];
        if (!is_listed(totals, invoices, a.context)) {
            continue;
        }
        ClientResult result;
        result.client = ag.client_ids()[c];
        result.name = a.directory.name_of(result.client);
        result.metrics = compute_metrics(totals, invoices, a.context);
        any_event |= totals.has_event || result.metrics.invoices > 0;
        a.clients.push_back(std::move(result));
    }
    if (!any_event) {
        emit(fmt::format("clientscore: warning: no call, email, invoice or discount is dated in the period {} to {}; "
                         "only clients with open receivables are listed",
                         format_date(a.settings.period.from), format_date(a.settings.period.to)));
    }
    // Summed in client-id order: the aggregator's client order depends on which thread
    // read what, and a floating-point sum must not.
    sort_indirect(a.clients, [](const ClientResult& x, const ClientResult& y) { return x.client < y.client; });
    double total_revenue = 0;
    for (const ClientResult& r : a.clients) {
        total_revenue += r.metrics.net_revenue;
    }
    ScoreContext score_context{&a.settings, a.supplied, a.settings.period};
    for (ClientResult& r : a.clients) {
        if (round_half_away(total_revenue, 2) > 0) {
            r.metrics.revenue_share = r.metrics.net_revenue / total_revenue;
        }
        r.score = score_client(r.metrics, score_context, ScoreText::later);
    }
    rank_clients(a.clients);
    return a;
}

RankReport build_rank_report(Analysis&& a) {
    RankReport r;
    r.settings = a.settings;
    r.supplied = a.supplied;
    r.portfolio = compute_portfolio(a.clients);
    r.clients = std::move(a.clients);
    for (std::size_t i = 0; i < a.reports.size(); ++i) {
        const FileReport& f = a.reports[i];
        std::int64_t skipped = f.skipped;
        std::int64_t ignored = f.ignored;
        if (i < a.aggregator->file_extras().size()) {
            skipped += a.aggregator->file_extras()[i].skipped;
            ignored += a.aggregator->file_extras()[i].ignored;
        }
        add_count(r.skipped_rows, f.file.display_name, skipped);
        add_count(r.ignored_rows, f.file.display_name, ignored);
    }
    r.warnings = std::move(a.warnings);
    return r;
}

const ClientResult& find_client(const Analysis& a, const std::string& typed) {
    std::string id(a.directory.resolve(typed));
    for (const ClientResult& c : a.clients) {
        if (c.client == id) {
            return c;
        }
    }
    std::set<std::string> known(a.aggregator->client_ids().begin(), a.aggregator->client_ids().end());
    std::vector<std::pair<std::size_t, std::string>> scored;
    for (const std::string& k : known) {
        scored.emplace_back(edit_distance(typed, k), k);
    }
    std::sort(scored.begin(), scored.end());
    std::vector<std::string> closest;
    for (std::size_t i = 0; i < scored.size() && i < 3; ++i) {
        closest.push_back(scored[i].second);
    }
    std::string hint = closest.empty() ? std::string("the exports name no client")
                                       : fmt::format("the closest ids are: {}", fmt::join(closest, ", "));
    if (known.count(id) != 0) {
        throw InputError({}, fmt::format("client \"{}\" has no activity or receivable in the period {} to {}", typed,
                                         format_date(a.settings.period.from), format_date(a.settings.period.to)),
                         "widen the period with --from/--to");
    }
    throw InputError({}, fmt::format("unknown client \"{}\"", typed), hint);
}

}  // namespace clientscore
