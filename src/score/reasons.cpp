// The sentences a user reads: why a client scored as it did, and what to do about it.

#include <fmt/compile.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

#include "clientscore/normalize.hpp"
#include "clientscore/numbers.hpp"
#include "clientscore/score.hpp"
#include "score/reasons.hpp"

namespace clientscore {

namespace {

constexpr double k_reason_floor = 0.5;

std::string percent(double share) {
    return fmt::format(FMT_COMPILE("{:.0f}%"), round_half_away(share * 100, 0));
}

std::string money(double amount, const Settings& s) {
    return s.currency.empty() ? format_money(amount)
                              : fmt::format(FMT_COMPILE("{} {}"), format_money(amount), s.currency);
}

std::string one_decimal(double x) { return fmt::format(FMT_COMPILE("{:.1f}"), round_half_away(x, 1)); }

std::string reason_for(Component c, const ClientMetrics& m, const ScoreContext& context) {
    const Settings& s = *context.settings;
    const double months = context.period.months();
    switch (c) {
        case Component::communication:
            return fmt::format(FMT_COMPILE("{} inbound contacts a week ({} calls, {} emails in)"),
                               one_decimal(m.contacts_per_week), m.calls_in, m.emails_in);
        case Component::after_hours: {
            std::string text =
                fmt::format(FMT_COMPILE("{} of inbound contacts after hours"), percent(m.after_hours_share));
            if (m.off_day_share > 0) {
                text += fmt::format(FMT_COMPILE(", {} on weekends or holidays"), percent(m.off_day_share));
            }
            return text;
        }
        case Component::discounts: {
            const auto& th = s.thresholds[static_cast<std::size_t>(Component::discounts)];
            double by_share = scale(m.discount_share, th.ok, th.bad);
            double by_requests = scale(static_cast<double>(m.discount_requests) / months, k_discount_requests_per_month.ok,
                                       k_discount_requests_per_month.bad);
            std::string share_text =
                fmt::format(FMT_COMPILE("discounts are {} of list price"), percent(m.discount_share));
            std::string request_text =
                fmt::format(FMT_COMPILE("{} discount requests a month"),
                            one_decimal(static_cast<double>(m.discount_requests) / months));
            return by_share >= by_requests ? share_text + ", " + request_text
                                           : request_text + ", " + share_text;
        }
        case Component::payment:
            return fmt::format(FMT_COMPILE("pays {:.0f} days late on average (worst {} days)"),
                               round_half_away(m.avg_days_late, 0), m.max_days_late);
        case Component::hostility: {
            std::vector<std::string> parts;
            for (std::size_t i = 0; i < k_hostile_tag_count; ++i) {
                if (m.tags[i] > 0) {
                    parts.push_back(fmt::format(FMT_COMPILE("{} {}"), k_hostile_tag_names[i], m.tags[i]));
                }
            }
            if (m.disputed_invoices > 0) {
                parts.push_back(fmt::format(FMT_COMPILE("{} disputed invoice{}"), m.disputed_invoices,
                                            m.disputed_invoices == 1 ? "" : "s"));
            }
            return fmt::format(
                FMT_COMPILE("{} hostile contacts or disputes a month ({})"),
                one_decimal(static_cast<double>(m.flagged_contacts + m.disputed_invoices) / months),
                fmt::join(parts, ", "));
        }
    }
    return {};
}

}  // namespace

std::vector<std::string> reasons_for(const std::array<std::optional<double>, k_component_count>& components,
                                     const ClientMetrics& m, const ScoreContext& context) {
    std::vector<std::size_t> order;
    for (std::size_t i = 0; i < k_component_count; ++i) {
        if (components[i] && *components[i] > k_reason_floor) {
            order.push_back(i);
        }
    }
    // Strongest first; equal strengths keep the component order of SPEC §4.
    std::stable_sort(order.begin(), order.end(),
                     [&](std::size_t a, std::size_t b) { return *components[a] > *components[b]; });
    std::vector<std::string> out;
    for (std::size_t i : order) {
        out.push_back(reason_for(static_cast<Component>(i), m, context));
    }
    return out;
}

// Without time entries the hours are the support hours of calls and emails, and say so.
static std::string_view hours_word(const ScoreContext& context) {
    return context.supplied.time ? "hours" : "support hours";
}

std::string action_for(Verdict v, double toxicity, MarginState margin, const ClientMetrics& m,
                       const ScoreContext& context) {
    const Settings& s = *context.settings;
    switch (v) {
        case Verdict::fire: {
            // SPEC §4 ◆2: what was never read is said to be unknown, not 0.
            const std::string loses = context.supplied.invoices
                                          ? fmt::format(FMT_COMPILE("this loses {} of revenue"), money(m.net_revenue, s))
                                          : std::string("revenue unknown: no invoices were read");
            const bool both = context.supplied.margin();
            const std::string frees =
                context.supplied.hours()
                    ? fmt::format(FMT_COMPILE("{}frees {} {}"), both ? "" : "it ", one_decimal(m.hours),
                                  hours_word(context))
                    : std::string("hours unknown: no calls, emails or time entries were read");
            return fmt::format(FMT_COMPILE("Fire: give three months' notice in writing, ending {} (as of + "
                                           "{} days), with the evidence log; {}{}{}."),
                               format_date(context.period.as_of + k_notice_days), k_notice_days, loses,
                               both ? " and " : "; ", frees);
        }
        case Verdict::chase:
            return fmt::format(FMT_COMPILE("Chase: stop work until {} overdue is paid; the oldest unpaid "
                                           "invoice is {} days overdue."),
                               money(m.overdue, s), m.oldest_overdue_days);
        case Verdict::reprice:
            if (round_half_away(m.net_revenue, 2) <= 0) {
                return fmt::format(FMT_COMPILE("Reprice: bill the {} {} ({} at {} an hour); they "
                                               "brought no revenue this period."),
                                   one_decimal(m.hours), hours_word(context), money(m.cost_to_serve, s),
                                   money(s.hourly_cost, s));
            }
            if (margin == MarginState::weak && m.price_increase_needed > 0) {
                int quarters = quarters_of_ten_percent(m.price_increase_needed);
                return fmt::format(FMT_COMPILE("Reprice: raise prices by {} to reach a {} margin, with 30 "
                                               "days' notice, or by 10% a quarter for "
                                               "{} quarter{}."),
                                   percent(m.price_increase_needed), percent(s.target_margin), quarters,
                                   quarters == 1 ? "" : "s");
            }
            return fmt::format(FMT_COMPILE("Reprice: add a headache tax to the contract (toxicity {} with a "
                                           "{} margin), with 30 days' notice."),
                               one_decimal(toxicity),
                               m.margin_pct ? percent(*m.margin_pct) : std::string("healthy"));
        case Verdict::watch:
            return fmt::format(FMT_COMPILE("Watch: toxicity {} is at or above {}; review again next month."),
                               one_decimal(toxicity), one_decimal(s.watch_at));
        case Verdict::keep:
            break;
    }
    if (margin == MarginState::healthy && m.margin_pct) {
        return fmt::format(FMT_COMPILE("Keep: {} margin and no warning sign at the watch level."),
                           percent(*m.margin_pct));
    }
    return "Keep: no warning sign at the watch level.";
}

namespace {

// 30% and 19.5%: one decimal where it says something.
std::string share_text(double share) {
    const double r = round_half_away(share * 100, 1);
    return r == std::floor(r) ? fmt::format(FMT_COMPILE("{:.0f}%"), r) : fmt::format(FMT_COMPILE("{:.1f}%"), r);
}

std::string number_text(double x) {
    const double r = round_half_away(x, 1);
    return r == std::floor(r) ? fmt::format(FMT_COMPILE("{:.0f}"), r) : fmt::format(FMT_COMPILE("{:.1f}"), r);
}

// The margin against the target, or why there is none to compare (SPEC §4 ◆2).
std::string margin_text(MarginState margin, const ClientMetrics& m, const ScoreContext& context) {
    const Settings& s = *context.settings;
    if (!context.supplied.invoices) {
        return "the margin unknown: no invoices were read";
    }
    if (!context.supplied.hours()) {
        return "the margin unknown: no calls, emails or time entries were read";
    }
    if (margin == MarginState::unknown) {
        return "the margin unknown: no revenue and no hours in the period";
    }
    if (!m.margin_pct) {
        return fmt::format(FMT_COMPILE("no revenue against {} {}"), one_decimal(m.hours), hours_word(context));
    }
    return fmt::format(FMT_COMPILE("a {} margin, {} the {} target"), share_text(*m.margin_pct),
                       margin == MarginState::weak ? "below" : "at or above", share_text(s.target_margin));
}

}  // namespace

std::string cause_for(Verdict v, const ClientScore& score, MarginState margin, const ClientMetrics& m,
                      const ScoreContext& context) {
    const Settings& s = *context.settings;
    switch (v) {
        case Verdict::fire:
            return fmt::format(FMT_COMPILE("toxicity {} ≥ {} with {}"), one_decimal(score.toxicity),
                               number_text(s.fire_at), margin_text(margin, m, context));
        case Verdict::chase:
            return fmt::format(FMT_COMPILE("{} overdue, the oldest invoice {} days (≥ {})"), money(m.overdue, s),
                               m.oldest_overdue_days, number_text(s.chase_days));
        case Verdict::reprice:
            if (margin == MarginState::weak) {
                return margin_text(margin, m, context);
            }
            return fmt::format(FMT_COMPILE("toxicity {} ≥ {} with a healthy {} margin: the headache tax"),
                               one_decimal(score.toxicity), number_text(s.fire_at),
                               m.margin_pct ? share_text(*m.margin_pct) : std::string("—"));
        case Verdict::watch: {
            std::optional<std::size_t> strongest;
            for (std::size_t i = 0; i < k_component_count; ++i) {
                if (score.components[i] && (!strongest || *score.components[i] > *score.components[*strongest])) {
                    strongest = i;
                }
            }
            std::string text = fmt::format(FMT_COMPILE("toxicity {} ≥ {}"), one_decimal(score.toxicity),
                                           number_text(s.watch_at));
            if (strongest) {
                std::string name(k_component_names[*strongest]);
                std::replace(name.begin(), name.end(), '_', ' ');
                text += fmt::format(FMT_COMPILE(", mostly {} ({:.2f})"), name,
                                    round_half_away(*score.components[*strongest], 2));
            }
            return text;
        }
        case Verdict::keep:
            break;
    }
    return {};
}

}  // namespace clientscore
