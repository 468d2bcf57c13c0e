#include "app/analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <cstdlib>
#include <deque>
#include <exception>
#include <filesystem>
#include <mutex>
#include <set>
#include <thread>

#include "app/currency.hpp"
#include "clientscore/error.hpp"
#include "clientscore/indirect_sort.hpp"
#include "clientscore/parallel.hpp"

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

std::uintmax_t size_of(const InputFile& f) {
    std::error_code ignored;
    std::uintmax_t size = f.path == "-" ? 0 : std::filesystem::file_size(f.path, ignored);
    return size == static_cast<std::uintmax_t>(-1) ? 0 : size;
}

// The size of the slices a large file is cut into. A slice is a unit of work: small enough
// that the workers finish within a slice of each other, large enough that its fixed cost (a
// reader, its header, the file's preset) is a rounding error. CLIENTSCORE_SLICE_BYTES changes
// it, for the tests that cut small files into many slices.
std::uint64_t slice_bytes() {
    if (const char* env = std::getenv("CLIENTSCORE_SLICE_BYTES")) {
        long long n = std::atoll(env);
        if (n > 0) {
            return static_cast<std::uint64_t>(n);
        }
    }
    return 16ull << 20;
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
std::vector<std::uint32_t> read_units(Analysis& a, const AggregateSettings& agg, const ReadSettings& read,
                                      std::uint32_t first, const std::vector<std::string>& names,
                                      const std::vector<std::uint32_t>& keep_whole) {
    const auto& files = a.discovery.files;
    const unsigned threads = worker_threads();
    const std::uint64_t slice_target = slice_bytes();

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
        partial.push_back(std::make_unique<Aggregator>(agg, a.directory, names));
    }
    auto work = [&](unsigned w) {
        while (Unit* unit = queue.take()) {
            try {
                for (std::size_t f = 0; f < unit->files.size(); ++f) {
                    unit->reports.push_back(read_export(unit->files[f], unit->indices[f], read, *partial[w]));
                }
            } catch (...) {
                unit->failure = std::current_exception();
            }
        }
    };
    std::vector<std::thread> pool;
    if (threads > 1) {
        pool.emplace_back(plan);
    } else {
        plan();
    }
    for (unsigned w = 1; w < threads; ++w) {
        pool.emplace_back(work, w);
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
        a.reports[i] =
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
    a.aggregator = std::move(partial[base]);
    for (unsigned w = 0; w < partial.size(); ++w) {
        if (w != base) {
            a.aggregator->merge(std::move(*partial[w]));
            partial[w].reset();
        }
    }
    return {};
}

void read_in_parallel(Analysis& a, const AggregateSettings& agg, const ReadSettings& read,
                      std::uint32_t first, const std::vector<std::string>& names) {
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
    if (const std::optional<std::string> client = a.aggregator->too_large_client()) {
        throw InputError(
            Location{},
            fmt::format("the call time or discounts of client \"{}\" add up to more than 64-bit "
                        "milliseconds or minor units, or its calls and emails to more than {}",
                        *client, ContactTotals::k_max_contacts),
            "one of its durations or discount amounts is far too large: check its rows in the exports");
    }
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

    // The clients' metrics, in parallel: the invoices are measured here, against the period
    // and as_of that only the whole data settles, and they are the bulk of the work after
    // reading. Clients go in chunks, taken by whichever worker is free (a few clients hold
    // most of the invoices); each chunk's results have their place fixed by the chunks before
    // it, so the order is that of the aggregator whatever the number of threads.
    const std::size_t client_count = ag.client_ids().size();
    constexpr std::size_t k_chunk = 1024;
    const std::size_t chunks = (client_count + k_chunk - 1) / k_chunk;
    const std::size_t workers = std::min<std::size_t>(worker_threads(), chunks);
    auto for_each_chunk = [&](const auto& task) {
        std::atomic<std::size_t> next{0};
        in_parallel(workers, [&](std::size_t) {
            for (std::size_t k = next++; k < chunks; k = next++) {
                task(k, k * k_chunk, std::min(client_count, (k + 1) * k_chunk));
            }
        });
    };
    std::vector<std::uint8_t> listed(client_count);
    std::vector<std::size_t> listed_before(chunks + 1, 0);
    std::vector<std::uint8_t> chunk_has_event(chunks, 0);
    for_each_chunk([&](std::size_t k, std::size_t begin, std::size_t end) {
        for (std::size_t c = begin; c < end; ++c) {
            listed[c] = is_listed(ag.totals()[c], a.invoices_by_client[c], a.context);
            listed_before[k + 1] += listed[c];
        }
    });
    for (std::size_t k = 0; k < chunks; ++k) {
        listed_before[k + 1] += listed_before[k];
    }
    const ScoreContext score_context{&a.settings, a.supplied, a.settings.period};
    a.ranked.resize(listed_before[chunks]);
    for_each_chunk([&](std::size_t k, std::size_t begin, std::size_t end) {
        std::size_t at = listed_before[k];
        for (std::size_t c = begin; c < end; ++c) {
            if (listed[c] == 0) {
                continue;
            }
            // revenue_share needs every client's revenue first; the score does not use it.
            const ClientMetrics m = compute_metrics(ag.totals()[c], a.invoices_by_client[c], a.context);
            const ClientScore score = score_client(m, score_context, ScoreText::later);
            Analysis::Ranked& r = a.ranked[at++];
            r.index = static_cast<std::uint32_t>(c);
            r.verdict = score.verdict;
            r.toxicity = score.toxicity;
            r.net_revenue = m.net_revenue;
            r.cost_to_serve = m.cost_to_serve;
            r.support_hours = m.support_hours;
            r.margin = m.margin;
            chunk_has_event[k] |= ag.totals()[c].has_event || m.invoices > 0;
        }
    });
    listed = {};
    const bool any_event =
        std::any_of(chunk_has_event.begin(), chunk_has_event.end(), [](std::uint8_t e) { return e != 0; });
    if (!any_event) {
        emit(fmt::format(
            "clientscore: warning: no call, email, invoice or discount is dated in the period {} to {}; "
            "only clients with open receivables are listed",
            format_date(a.settings.period.from), format_date(a.settings.period.to)));
    }
    // Summed in client-id order: the aggregator's client order depends on which thread
    // read what, and a floating-point sum must not.
    const auto& ids = ag.client_ids();
    sort_indirect(a.ranked, [&ids](const Analysis::Ranked& x, const Analysis::Ranked& y) {
        return ids[x.index] < ids[y.index];
    });
    for (const Analysis::Ranked& r : a.ranked) {
        a.total_revenue += r.net_revenue;
    }
    sort_indirect(a.ranked, [&ids](const Analysis::Ranked& x, const Analysis::Ranked& y) {
        return ranks_before(x.toxicity, x.margin, ids[x.index], y.toxicity, y.margin, ids[y.index]);
    });
    PortfolioSum portfolio;
    for (const Analysis::Ranked& r : a.ranked) {
        ClientMetrics m;
        m.net_revenue = r.net_revenue;
        m.cost_to_serve = r.cost_to_serve;
        m.margin = r.margin;
        m.support_hours = r.support_hours;
        if (round_half_away(a.total_revenue, 2) > 0) {
            m.revenue_share = r.net_revenue / a.total_revenue;
        }
        portfolio.add(m, r.verdict);
    }
    a.portfolio = portfolio.result();
    return a;
}

ClientResult Analysis::row(std::size_t position) const {
    const Ranked& ranked_client = ranked.at(position);
    const std::uint32_t c = ranked_client.index;
    ClientResult r;
    r.rank = static_cast<std::int64_t>(position) + 1;
    r.client = aggregator->client_ids()[c];
    r.name = directory.name_of(r.client);
    r.metrics = compute_metrics(aggregator->totals()[c], invoices_by_client[c], context);
    if (round_half_away(total_revenue, 2) > 0) {
        r.metrics.revenue_share = r.metrics.net_revenue / total_revenue;
    }
    r.score = score_client(r.metrics, ScoreContext{&settings, supplied, settings.period}, ScoreText::later);
    return r;
}

bool fails(const Analysis& a, const std::optional<Verdict>& fail_on) {
    return fail_on && std::any_of(a.ranked.begin(), a.ranked.end(),
                                  [&](const Analysis::Ranked& r) { return r.verdict >= *fail_on; });
}

RankReport build_rank_report(Analysis&& a) {
    RankReport r;
    r.settings = a.settings;
    r.supplied = a.supplied;
    r.portfolio = a.portfolio;
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
    auto kept = std::make_shared<const Analysis>(std::move(a));
    r.clients = ClientRows(kept->ranked.size(), [kept](std::size_t position) { return kept->row(position); });
    return r;
}

std::size_t find_client(const Analysis& a, const std::string& typed) {
    std::string id(a.directory.resolve(typed));
    for (std::size_t position = 0; position < a.ranked.size(); ++position) {
        if (a.client_id(a.ranked[position]) == id) {
            return position;
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
        throw InputError(
            {},
            fmt::format("client \"{}\" has no activity or receivable in the period {} to {}", typed,
                        format_date(a.settings.period.from), format_date(a.settings.period.to)),
            "widen the period with --from/--to");
    }
    throw InputError({}, fmt::format("unknown client \"{}\"", typed), hint);
}

}  // namespace clientscore
