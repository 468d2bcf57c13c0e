#include "ingest/presets/preset_rules.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "clientscore/normalize.hpp"

namespace clientscore::ingest {

namespace {

bool same_word(std::string_view cell, std::string_view word) {
    if (cell.size() != word.size()) {
        return false;
    }
    for (std::size_t i = 0; i < cell.size(); ++i) {
        const auto lower = [](char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; };
        if (lower(cell[i]) != lower(word[i])) {
            return false;
        }
    }
    return true;
}

std::string_view date_order_name(DateOrder order) {
    return order == DateOrder::mdy ? "month-first (M/D/YYYY)" : "day-first (D/M/YYYY)";
}

std::string_view unit_name(DurationUnit unit) {
    switch (unit) {
        case DurationUnit::milliseconds:
            return "milliseconds";
        case DurationUnit::minutes:
            return "minutes";
        case DurationUnit::hours:
            return "hours";
        case DurationUnit::seconds:
            break;
    }
    return "seconds";
}

}  // namespace

PresetRules::PresetRules(const Preset& preset, const std::vector<std::string>& header, const HeaderMatch& match)
    : m_preset(preset), m_match(match) {
    auto find = [&](std::string_view name) { return preset_column(header, name); };
    for (const PresetColumn& extra : preset.columns) {
        int found = -1;
        for (const std::string_view name : split_names(extra.names)) {
            found = find(name);
            if (found >= 0) {
                break;
            }
        }
        m_columns.emplace_back(extra.key, found);
    }
    for (const PresetFill& fill : preset.fills) {
        Fill resolved{fill.field, {}, fill.value};
        for (const std::string_view name : split_names(fill.names)) {
            if (const int column = find(name); column >= 0) {
                resolved.columns.push_back(column);
            }
        }
        if (!resolved.columns.empty()) {
            m_fills.push_back(std::move(resolved));
        }
    }
    for (const ValueWord& word : preset.words) {
        const int column = resolve(word.column);
        if (column >= 0) {
            m_words.push_back(Word{column, &word});
        }
    }
    m_once_per = preset.once_per.empty() ? -1 : resolve(preset.once_per);
    m_ignore_without = preset.ignore_without.empty() ? -1 : resolve(preset.ignore_without);
    m_ignore_empty = preset.ignore_empty.empty() ? -1 : resolve(preset.ignore_empty);
}

int PresetRules::column(std::string_view key) const {
    for (const auto& [name, index] : m_columns) {
        if (name == key) {
            return index;
        }
    }
    return -1;
}

int PresetRules::resolve(std::string_view field_or_key) const {
    const int field = m_match.column(field_or_key);
    return field >= 0 ? field : column(field_or_key);
}

std::string_view PresetRules::cell(CsvRecord& record, int column) {
    if (column < 0 || static_cast<std::size_t>(column) >= record.size()) {
        return {};
    }
    const std::string_view value = trim(record.field(static_cast<std::size_t>(column)));
    return is_missing(value) ? std::string_view{} : value;
}

bool PresetRules::is_title_row(CsvRecord& record) const {
    return m_ignore_without >= 0 && cell(record, m_ignore_without).empty();
}

bool PresetRules::is_ignored_row(CsvRecord& record) {
    for (const Word& w : m_words) {
        if (w.word->action == WordAction::ignore_row && same_word(cell(record, w.column), w.word->word)) {
            return true;
        }
    }
    // Keep words name every value a column may hold: a row with any other is not read.
    for (const Word& w : m_words) {
        if (w.word->action != WordAction::keep_row) {
            continue;
        }
        const std::string_view value = cell(record, w.column);
        const bool kept = std::any_of(m_words.begin(), m_words.end(), [&](const Word& other) {
            return other.column == w.column && other.word->action == WordAction::keep_row &&
                   same_word(value, other.word->word);
        });
        if (!kept) {
            return true;
        }
    }
    if (m_ignore_empty >= 0) {
        std::string_view constant;
        const int from = fill(m_preset.ignore_empty, m_ignore_empty, record, constant);
        if (constant.empty() && cell(record, from).empty()) {
            ++m_ignored_empty;
            return true;
        }
    }
    if (m_once_per >= 0) {
        const std::string_view key = cell(record, m_once_per);
        // The first row of a key stands for it even when it turns out bad: a later repeat is
        // an update of the same thing, not a new one.
        if (!key.empty() && !m_seen.emplace(key).second) {
            return true;
        }
    }
    return false;
}

bool PresetRules::has_word(CsvRecord& record, WordAction action) const {
    for (const Word& w : m_words) {
        if (w.word->action == action && same_word(cell(record, w.column), w.word->word)) {
            return true;
        }
    }
    return false;
}

bool PresetRules::is_credit(CsvRecord& record) const { return has_word(record, WordAction::credit); }

bool PresetRules::is_paid_in_full(CsvRecord& record) const {
    return has_word(record, WordAction::paid_in_full);
}

int PresetRules::fill(std::string_view field, int own, CsvRecord& record, std::string_view& constant) const {
    constant = {};
    if (!cell(record, own).empty()) {
        return own;
    }
    for (const Fill& f : m_fills) {
        if (f.field != field) {
            continue;
        }
        for (const int column : f.columns) {
            if (!cell(record, column).empty()) {
                constant = f.value;
                return column;
            }
        }
    }
    return own;
}

std::string_view PresetRules::word(int column, std::string_view value) const {
    for (const Word& w : m_words) {
        if (w.column == column && w.word->action == WordAction::means && same_word(value, w.word->word)) {
            return w.word->means;
        }
    }
    return value;
}

std::vector<std::string> PresetRules::describe(const std::vector<std::string>& header) const {
    auto name_of = [&](int column) { return fmt::format("\"{}\"", header[static_cast<std::size_t>(column)]); };
    std::vector<std::string> out;
    const int time_of_day = column("time_of_day");
    const int started = m_match.column(m_match.kind == Kind::emails ? "sent_at" : "started_at");
    if (time_of_day >= 0 && started >= 0) {
        out.push_back(fmt::format("the time of day of a date-only {} comes from {}", name_of(started),
                                  name_of(time_of_day)));
    }
    const int person = m_match.column("person");
    const int person_more = column("person_more");
    if (person >= 0 && person_more >= 0) {
        out.push_back(fmt::format("the person is {} and {} joined with a space", name_of(person), name_of(person_more)));
    }
    const int balance = column("balance");
    const int amount = m_match.column("amount");
    if (balance >= 0 && amount >= 0) {
        out.push_back(fmt::format("amount paid = {} − {}", name_of(amount), name_of(balance)));
    }
    const int discount = column("discount");
    if (discount >= 0) {
        out.push_back(fmt::format("{} above 0 is a granted discount on the invoice date", name_of(discount)));
    }
    if (m_once_per >= 0) {
        out.push_back(fmt::format("rows repeating an earlier {} are merged into it (ignored)", name_of(m_once_per)));
    }
    if (m_ignore_without >= 0) {
        out.push_back(fmt::format("rows without {} (titles, sections, totals) are ignored", name_of(m_ignore_without)));
    }
    for (const Fill& f : m_fills) {
        std::vector<std::string> names;
        for (const int column : f.columns) {
            names.push_back(name_of(column));
        }
        const int own = resolve(f.field);
        const std::string target = own >= 0 ? name_of(own) : std::string(f.field);
        out.push_back(f.value.empty()
                          ? fmt::format("an empty {} is read from {}", target, fmt::join(names, " or "))
                          : fmt::format("an empty {} is {} when {} is set", target, f.value, fmt::join(names, " or ")));
    }
    if (m_ignore_empty >= 0) {
        out.push_back(fmt::format("rows with an empty {} are ignored ({})", name_of(m_ignore_empty),
                                  m_preset.ignore_empty_means));
    }
    const int when = m_match.column(m_match.kind == Kind::emails ? "sent_at" : "started_at");
    if (m_preset.start_is_date && when >= 0) {
        out.push_back(fmt::format("{} is a date: a midnight time there is no time of day", name_of(when)));
    }
    if (m_preset.email_direction) {
        out.push_back(fmt::format("an email without a direction is {}",
                                  *m_preset.email_direction == Direction::outbound ? "outbound" : "inbound"));
    }
    if (m_preset.rows_are_payments) {
        out.emplace_back("every row is a payment: an invoice due and paid in full on its date");
    }
    const int refund = column("refund");
    if (refund >= 0) {
        out.push_back(fmt::format("{} above 0 is a credit note on the row's date", name_of(refund)));
    }
    for (const Word& w : m_words) {
        switch (w.word->action) {
            case WordAction::means:
                out.push_back(fmt::format("{} {} means {}", name_of(w.column), w.word->word, w.word->means));
                break;
            case WordAction::ignore_row:
                out.push_back(fmt::format("{} {}: row ignored", name_of(w.column), w.word->word));
                break;
            case WordAction::credit:
                out.push_back(fmt::format("{} {}: a credit note", name_of(w.column), w.word->word));
                break;
            case WordAction::keep_row:
                out.push_back(
                    fmt::format("{} {}: read (any other value: row ignored)", name_of(w.column), w.word->word));
                break;
            case WordAction::paid_in_full:
                out.push_back(
                    fmt::format("{} {}: paid in full (no payment date)", name_of(w.column), w.word->word));
                break;
        }
    }
    if (m_preset.date_order != DateOrder::automatic) {
        out.push_back(fmt::format("slash dates are {} unless --date-order says otherwise",
                                  date_order_name(m_preset.date_order)));
    }
    if (m_preset.month_name_dates) {
        out.push_back("dates may be written 15 Jul 2026");
    }
    if (m_preset.utc) {
        out.push_back("times without an offset are UTC");
    }
    const int duration = m_match.column("duration");
    if (duration >= 0 && m_preset.duration_unit) {
        out.push_back(fmt::format("{} is in {}", name_of(duration), unit_name(*m_preset.duration_unit)));
    }
    if (duration >= 0 && m_preset.duration_hours_minutes) {
        out.push_back(fmt::format("{} H:MM is hours and minutes", name_of(duration)));
    }
    for (const std::string_view field : split_names(m_preset.optional_fields)) {
        if (m_match.column(field) < 0 && field == "due_at") {
            out.emplace_back("no due date column: due on the issue date");
        }
    }
    return out;
}

}  // namespace clientscore::ingest
