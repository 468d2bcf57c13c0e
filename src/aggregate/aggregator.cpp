#include <fmt/format.h>

#include <stdexcept>
#include <utility>

#include "clientscore/aggregate.hpp"
#include "clientscore/error.hpp"
#include "aggregate/held_contacts.hpp"

namespace clientscore {

namespace {

int month_key(Days date) {
    CivilDate c = civil_from_days(date);
    return c.year * 12 + static_cast<int>(c.month) - 1;
}

std::uint64_t client_month_key(std::uint32_t client, int month) {
    return static_cast<std::uint64_t>(client) << 32 | static_cast<std::uint32_t>(month);
}

// Sums of durations and amounts are int64: a value near the limit, read fine on its own, must
// not overflow them when added (found by fuzz_pipeline; signed overflow is undefined).
bool fits_sum(std::int64_t sum, std::int64_t value) {
    std::int64_t ignored = 0;
    return !__builtin_add_overflow(sum, value, &ignored);
}

}  // namespace

Aggregator::Aggregator(AggregateSettings settings, const ClientDirectory& directory,
                       std::vector<std::string> file_names)
    : m_settings(std::move(settings)),
      m_directory(directory),
      m_file_names(std::move(file_names)),
      m_extras(m_file_names.size()),
      m_held(std::make_unique<HeldContacts>()) {}

Aggregator::~Aggregator() = default;

std::uint32_t Aggregator::intern(std::string_view raw_client, std::uint64_t hash, const SourceRef* source) {
    // One lookup per record: the raw value remembers the client it was attributed to, so the
    // directory is asked only once per distinct value.
    if (std::optional<std::uint32_t> cached = m_raw_index.find(raw_client, hash)) {
        if (source != nullptr && !m_unlisted_slot.empty()) {
            note_row(*cached, *source);
        }
        return *cached;
    }
    std::string_view id = m_directory.resolve(raw_client);
    auto key_of = [this](std::uint32_t at) { return std::string_view(m_client_ids[at]); };
    std::uint32_t index = 0;
    // Without a clients file every value is its own id: the raw values' index is the ids'
    // index, and a value not in it is a new client (a million of them cost a second index).
    if (m_directory.empty()) {
        index = static_cast<std::uint32_t>(m_client_ids.size());
        m_client_ids.emplace_back(id);
        m_totals.emplace_back();
        m_raw_index.insert(raw_client, index);
        return index;
    }
    if (std::optional<std::uint32_t> found = m_index.find(id, key_of)) {
        index = *found;
    } else {
        index = static_cast<std::uint32_t>(m_client_ids.size());
        m_client_ids.emplace_back(id);
        m_totals.emplace_back();
        m_index.insert(m_client_ids.back(), index);
        if (m_directory.knows(id)) {
            m_unlisted_slot.push_back(k_listed);
        } else {
            m_unlisted_slot.push_back(static_cast<std::uint32_t>(m_unlisted_first.size()));
            m_unlisted_first.emplace_back(index, k_no_row);
        }
    }
    m_raw_index.insert(raw_client, index);
    if (source != nullptr) {
        note_row(index, *source);
    }
    return index;
}

void Aggregator::note_row(std::uint32_t index, const SourceRef& source) {
    const std::uint32_t slot = m_unlisted_slot[index];
    if (slot == k_listed) {
        return;
    }
    // The earliest row by file order, then line: the same whatever thread read which part.
    SourceRef& first = m_unlisted_first[slot].second;
    if (std::pair(source.file_index, source.line) < std::pair(first.file_index, first.line)) {
        first = source;
    }
}

std::vector<std::pair<std::uint32_t, std::string>> Aggregator::unlisted_first_seen() const {
    std::vector<std::pair<std::uint32_t, std::string>> out;
    for (const auto& [client, first] : m_unlisted_first) {
        if (first.file_index != k_no_row.file_index) {
            out.emplace_back(client, fmt::format("{} line {}", m_file_names.at(first.file_index), first.line));
        }
    }
    return out;
}

std::uint16_t Aggregator::currency_id(std::string_view code) {
    for (std::size_t i = 0; i < m_currencies.size(); ++i) {
        if (m_currencies[i] == code) {
            return static_cast<std::uint16_t>(i);
        }
    }
    m_currencies.emplace_back(code);
    return static_cast<std::uint16_t>(m_currencies.size() - 1);
}

void Aggregator::note_event_date(Days date) {
    if (!m_first_event || date < *m_first_event) {
        m_first_event = date;
    }
    if (!m_last_event || date > *m_last_event) {
        m_last_event = date;
    }
}

void Aggregator::note_activity_date(Days date) {
    note_event_date(date);
    if (!m_first_activity || date < *m_first_activity) {
        m_first_activity = date;
    }
    if (!m_last_activity || date > *m_last_activity) {
        m_last_activity = date;
    }
}

bool Aggregator::in_period(Days date) const {
    return (!m_settings.from || date >= *m_settings.from) && (!m_settings.to || date <= *m_settings.to);
}

const ClientTotals* Aggregator::client_month(std::uint32_t client, int month) const {
    const auto found = m_client_months.find(client_month_key(client, month));
    return found == m_client_months.end() ? nullptr : &found->second;
}

std::optional<std::uint32_t> Aggregator::focus_index() const {
    if (!m_settings.focus) {
        return std::nullopt;
    }
    // Once, for explain and evidence: a scan, so that it still works after release_lookups().
    for (std::size_t i = 0; i < m_client_ids.size(); ++i) {
        if (m_client_ids[i] == *m_settings.focus) {
            return static_cast<std::uint32_t>(i);
        }
    }
    return std::nullopt;
}

std::optional<std::string> Aggregator::too_large_client() const {
    std::optional<std::string> first;
    for (std::size_t i = 0; i < m_totals.size(); ++i) {
        if (m_totals[i].too_large && (!first || m_client_ids[i] < *first)) {
            first = m_client_ids[i];
        }
    }
    return first;
}

void Aggregator::release_invoice_texts() {
    m_invoice_ids = std::string();
    m_statuses = {};
    m_invoice_texts_released = true;
}

void Aggregator::check_invoice_texts() const {
    if (m_invoice_texts_released) {
        throw std::logic_error("invoice ids and statuses were released (release_invoice_texts)");
    }
}

void Aggregator::release_lookups() {
    count_all_held();
    m_index = PositionIndex();
    m_raw_index = StringIndex();
    m_invoice_by_id = PositionIndex();
    m_status_index = StringIndex();
    m_unlisted_slot = {};
}

void Aggregator::bad_row(const SourceRef& source, const std::string& column, const std::string& message,
                         const std::string& kind) {
    if (m_settings.strict) {
        throw InputError(Location{m_file_names.at(source.file_index), source.line, column}, message,
                         "without --strict, bad rows are skipped and counted");
    }
    m_extras.at(source.file_index).bad_rows.add(Problem{source.line, column, message, kind});
}

void Aggregator::begin_records() {
    // explain and evidence keep the focused client's texts, which do not outlive the call.
    m_held->holding = !m_settings.focus.has_value();
}

void Aggregator::end_records() {
    count_all_held();
    m_held->holding = false;
}

void Aggregator::count_all_held() {
    while (m_held->any_unresolved()) {
        resolve_held();
    }
    while (m_held->any_uncounted()) {
        count_held();
    }
}

void Aggregator::hold_contact(const ContactRecord& r, bool time) {
    if (m_held->full()) {
        count_held();  // the oldest, resolved k_hold records ago, frees its place
    }
    HeldContact& held = m_held->push();
    held.record = r;
    held.time = time;
    held.client.assign(r.client);
    held.person.assign(r.person);
    held.record.client = {};
    held.record.person = {};
    held.record.tags_text = {};
    held.record.text = {};
    held.hash = StringIndex::hash_of(held.client);
    m_raw_index.prefetch(held.hash);
    if (m_held->resolve_due()) {
        resolve_held();
    }
}

void Aggregator::resolve_held() {
    HeldContact& held = m_held->next_to_resolve();
    held.index = intern(held.client, held.hash, &held.record.source);
    const auto* first = reinterpret_cast<const char*>(&m_totals[held.index]);
    for (std::size_t at = 0; at < sizeof(ClientTotals); at += 64) {
        __builtin_prefetch(first + at, 1);
    }
    if (!held.person.empty()) {
        held.person_id = m_people.person_id(held.person);
        m_people.prefetch(held.index, held.person_id);
    }
}

void Aggregator::count_held() {
    HeldContact& held = m_held->next_to_count();
    held.record.client = held.client;
    held.record.person = held.person;
    const std::uint32_t person = held.person.empty() ? k_unknown_person : held.person_id;
    if (held.time) {
        TimeRecord t;
        t.client = held.client;
        t.when = held.record.when;
        t.duration_ms = held.record.duration_ms;
        t.person = held.person;
        t.source = held.record.source;
        count_time(t, held.index, person);
        return;
    }
    count_contact(held.record, held.index, person);
}

void Aggregator::on_contact(const ContactRecord& r) {
    if (m_held->holding) {
        hold_contact(r);
        return;
    }
    count_contact(r, intern(r.client, &r.source));
}

void Aggregator::count_contact(const ContactRecord& r, std::uint32_t index, std::uint32_t person) {
    note_activity_date(r.when.date);
    if (!in_period(r.when.date)) {
        return;
    }
    const bool off_day = m_settings.calendar.off_day(r.when.date);
    const bool after_hours = m_settings.calendar.after_hours(r.when);
    const bool inbound = r.direction == Direction::inbound;
    auto apply = [&](ClientTotals& t) {
        t.has_event = true;
        ContactTotals& c = t.contacts;
        // Every other count is at most the calls and emails together.
        if (c.calls + c.emails == ContactTotals::k_max_contacts) {
            t.too_large = true;
            return;
        }
        if (r.channel == Channel::call) {
            ++c.calls;
            c.calls_in += inbound;
            t.too_large |= !add_saturating(c.call_ms, r.duration_ms);
        } else {
            ++c.emails;
            c.emails_in += inbound;
        }
        if (inbound) {
            c.after_hours_in += after_hours;
            c.off_day_in += off_day;
        }
        if (r.tags != 0) {
            ++c.flagged;
            for (std::size_t i = 0; i < k_hostile_tag_count; ++i) {
                c.tags[i] += (r.tags >> i) & 1u;
            }
        }
    };
    apply(m_totals[index]);
    if (!r.person.empty()) {
        PersonLoad load;
        if (r.channel == Channel::call) {
            load.ms = r.duration_ms;
        } else {
            load.emails = 1;
        }
        load.after_hours_in = inbound && after_hours;
        count_person(index, person == k_unknown_person ? m_people.person_id(r.person) : person, r.person, load,
                     r.when.date);
    }
    if (m_settings.months_for_all) {
        apply(m_client_months[client_month_key(index, month_key(r.when.date))]);
    }
    if (m_settings.focus && m_client_ids[index] == *m_settings.focus) {
        apply(m_focus_months[month_key(r.when.date)]);
        FocusEvent e;
        e.person = std::string(r.person);
        e.when = r.when;
        e.kind = r.channel == Channel::call ? EventKind::call : EventKind::email;
        e.direction = r.direction;
        e.duration_ms = r.duration_ms;
        e.after_hours = after_hours;
        e.off_day = off_day;
        e.tags = std::string(r.tags_text);
        e.text = std::string(r.text);
        e.source = r.source;
        m_focus_events.push_back(std::move(e));
    }
}

void Aggregator::count_person(std::uint32_t client, std::uint32_t person, std::string_view name,
                              const PersonLoad& load, Days date) {
    m_totals[client].too_large |= !m_people.add(client, person, load);
    if (m_settings.focus && m_client_ids[client] == *m_settings.focus) {
        PeopleLedger& month = m_focus_month_people[month_key(date)];
        month.add(0, month.person_id(name), load);
    }
}

void Aggregator::on_time(const TimeRecord& r) {
    if (m_held->holding) {
        ContactRecord c;
        c.client = r.client;
        c.when = r.when;
        c.duration_ms = r.duration_ms;
        c.person = r.person;
        c.source = r.source;
        hold_contact(c, true);
        return;
    }
    count_time(r, intern(r.client, &r.source));
}

void Aggregator::count_time(const TimeRecord& r, std::uint32_t index, std::uint32_t person) {
    note_activity_date(r.when.date);
    if (!in_period(r.when.date)) {
        return;
    }
    auto apply = [&](ClientTotals& t) {
        t.has_event = true;
        t.too_large |= !add_saturating(t.logged_ms, r.duration_ms);
    };
    apply(m_totals[index]);
    if (m_settings.months_for_all) {
        apply(m_client_months[client_month_key(index, month_key(r.when.date))]);
    }
    if (!r.person.empty()) {
        PersonLoad load;
        load.ms = r.duration_ms;
        count_person(index, person == k_unknown_person ? m_people.person_id(r.person) : person, r.person, load,
                     r.when.date);
    }
    if (m_settings.focus && m_client_ids[index] == *m_settings.focus) {
        apply(m_focus_months[month_key(r.when.date)]);
        FocusEvent e;
        e.when = r.when;
        e.kind = EventKind::time;
        e.duration_ms = r.duration_ms;
        e.person = std::string(r.person);
        e.text = std::string(r.text);
        e.source = r.source;
        m_focus_events.push_back(std::move(e));
    }
}

void Aggregator::on_discount(const DiscountRecord& r) {
    count_all_held();
    note_activity_date(r.when.date);
    std::uint32_t index = intern(r.client, &r.source);
    if (!in_period(r.when.date)) {
        return;
    }
    std::uint16_t currency = currency_id(r.currency);
    auto apply = [&](ClientTotals& t) {
        t.has_event = true;
        ++t.discounts.requests;
        if (r.status == DiscountStatus::granted) {
            t.too_large |= !t.discounts.add_granted(currency, r.amount);
        }
    };
    apply(m_totals[index]);
    if (m_settings.months_for_all) {
        apply(m_client_months[client_month_key(index, month_key(r.when.date))]);
    }
    if (m_settings.focus && m_client_ids[index] == *m_settings.focus) {
        apply(m_focus_months[month_key(r.when.date)]);
        FocusEvent e;
        e.when = r.when;
        e.kind = EventKind::discount;
        e.amount = r.amount;
        e.currency = currency;
        e.status = std::string(r.status_text);
        e.text = std::string(r.reason);
        e.source = r.source;
        m_focus_events.push_back(std::move(e));
    }
}

std::uint32_t Aggregator::status_id(std::string_view status) {
    if (std::optional<std::uint32_t> found = m_status_index.find(status)) {
        return *found;
    }
    const auto id = static_cast<std::uint32_t>(m_statuses.size());
    m_statuses.emplace_back(status);
    m_status_index.insert(status, id);
    return id;
}

std::optional<std::uint32_t> Aggregator::find_invoice(std::string_view id) const {
    return m_invoice_by_id.find(id, [this](std::uint32_t at) { return invoice_id(m_invoices[at]); });
}

void Aggregator::add_invoice(Invoice invoice, std::string_view id, std::string_view status) {
    if (m_invoice_ids.size() + id.size() > UINT32_MAX || m_invoices.size() >= UINT32_MAX) {
        throw InputError(Location{}, "more invoices than one run can hold (4 GB of invoice ids, or 4 billion invoices)");
    }
    invoice.m_id_offset = static_cast<std::uint32_t>(m_invoice_ids.size());
    invoice.m_id_length = static_cast<std::uint32_t>(id.size());
    invoice.m_status = status_id(status);
    m_invoice_ids.append(id);
    const auto position = static_cast<std::uint32_t>(m_invoices.size());
    m_invoices.push_back(invoice);
    if (!id.empty()) {
        m_invoice_by_id.insert(id, position);
    }
}

void Aggregator::on_invoice(const InvoiceRecord& r) {
    count_all_held();
    std::uint32_t index = intern(r.client, &r.source);
    std::uint16_t currency = currency_id(r.currency);
    if (!r.invoice_id.empty()) {
        if (std::optional<std::uint32_t> found = find_invoice(r.invoice_id)) {
            Invoice& first = m_invoices[*found];
            if (first.client != index) {
                bad_row(r.source, "client",
                        fmt::format("invoice \"{}\" belongs to client \"{}\" on an earlier line, not \"{}\"",
                                    r.invoice_id, m_client_ids[first.client], m_client_ids[index]),
                        "belongs to another client on an earlier line");
                return;
            }
            // An empty currency cell means the reporting currency: it agrees with any line.
            if (first.currency != currency && first.currency != 0 && currency != 0) {
                bad_row(r.source, "currency",
                        fmt::format("invoice \"{}\" is in {} on an earlier line, not {}", r.invoice_id,
                                    m_currencies[first.currency].empty() ? "the reporting currency"
                                                                         : m_currencies[first.currency],
                                    r.currency.empty() ? "the reporting currency" : std::string(r.currency)),
                        "is in another currency on an earlier line");
                return;
            }
            const std::optional<Money> paid_so_far = first.amount_paid();
            if (!fits_sum(first.amount, r.amount) ||
                (r.amount_paid && !fits_sum(paid_so_far.value_or(0), *r.amount_paid))) {
                bad_row(r.source, r.amount_paid && fits_sum(first.amount, r.amount) ? "amount_paid" : "amount",
                        fmt::format("is too large: the lines of invoice \"{}\" would add up to more than "
                                    "64-bit minor units",
                                    r.invoice_id),
                        "is too large");
                return;
            }
            first.amount += r.amount;
            if (r.amount_paid) {
                first.set_amount_paid(paid_so_far.value_or(0) + *r.amount_paid);
            }
            if (first.ignored) {
                ++m_extras.at(r.source.file_index).ignored;
            }
            return;
        }
    }
    Invoice inv;
    inv.client = index;
    inv.issued = r.issued;
    inv.due = r.due;
    inv.set_paid(r.paid);
    inv.amount = r.amount;
    inv.set_amount_paid(r.amount_paid);
    inv.currency = currency;
    inv.ignored = r.ignored;
    inv.disputed = r.disputed;
    inv.source = r.source;
    if (inv.ignored) {
        ++m_extras.at(r.source.file_index).ignored;
    } else {
        note_event_date(inv.issued.date);
    }
    add_invoice(inv, r.invoice_id, r.status);
}

void Aggregator::merge(Aggregator&& other) {
    count_all_held();
    other.release_lookups();  // not needed to merge: freed before this side's lookups grow
    // Currency ids differ between aggregators: map them by code.
    auto add_totals = [&](ClientTotals& mine, const ClientTotals& theirs) {
        mine.too_large |= theirs.too_large || !mine.contacts.add(theirs.contacts);
        mine.has_event |= theirs.has_event;
        mine.too_large |= !add_saturating(mine.logged_ms, theirs.logged_ms);
        mine.discounts.requests += theirs.discounts.requests;
        for (const auto& [currency, sum] : theirs.discounts.granted) {
            mine.too_large |= !mine.discounts.add_granted(currency_id(other.m_currencies[currency]), sum);
        }
    };
    std::vector<std::uint32_t> client_map(other.m_client_ids.size());
    for (std::size_t i = 0; i < other.m_client_ids.size(); ++i) {
        std::uint32_t index = intern(other.m_client_ids[i], nullptr);
        client_map[i] = index;
        add_totals(m_totals[index], other.m_totals[i]);
    }
    for (const auto& [client, first] : other.m_unlisted_first) {
        note_row(client_map[client], first);
    }
    // A person's sums are parts of their client's: the client's own check above catches a
    // sum past its limit.
    m_people.merge(other.m_people, client_map);
    for (const auto& [month, people] : other.m_focus_month_people) {
        const std::uint32_t zero = 0;
        m_focus_month_people[month].merge(people, std::span<const std::uint32_t>(&zero, 1));
    }
    for (Invoice inv : other.m_invoices) {
        inv.client = client_map[inv.client];
        inv.currency = currency_id(other.m_currencies[inv.currency]);
        add_invoice(inv, other.invoice_id(inv), other.invoice_status(inv));
    }
    if (other.m_first_event) {
        note_event_date(*other.m_first_event);
        note_event_date(*other.m_last_event);
    }
    if (other.m_first_activity) {
        note_activity_date(*other.m_first_activity);
        note_activity_date(*other.m_last_activity);
    }
    for (std::size_t f = 0; f < m_extras.size() && f < other.m_extras.size(); ++f) {
        FileExtras& mine = m_extras[f];
        FileExtras& theirs = other.m_extras[f];
        mine.bad_rows.merge(theirs.bad_rows);
        mine.ignored += theirs.ignored;
    }
    for (const auto& [key, totals] : other.m_client_months) {
        const auto client = static_cast<std::uint32_t>(key >> 32);
        add_totals(m_client_months[client_month_key(client_map[client], static_cast<int>(key & 0xFFFFFFFFu))],
                   totals);
    }
    for (const auto& [month, totals] : other.m_focus_months) {
        add_totals(m_focus_months[month], totals);
    }
    for (FocusEvent& e : other.m_focus_events) {
        e.currency = currency_id(other.m_currencies[e.currency]);
        m_focus_events.push_back(std::move(e));
    }
}

}  // namespace clientscore
