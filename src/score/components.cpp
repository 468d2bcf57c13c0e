#include <algorithm>

#include "clientscore/numbers.hpp"
#include "clientscore/score.hpp"

namespace clientscore {

double scale(double x, double ok, double bad) { return std::min(1.0, std::max(0.0, (x - ok) / (bad - ok))); }

std::array<std::optional<double>, k_component_count> compute_components(const ClientMetrics& m,
                                                                        const ScoreContext& context) {
    const auto& th = context.settings->thresholds;
    const double months = context.period.months();
    auto at = [&](Component c) { return th[static_cast<std::size_t>(c)]; };
    std::array<std::optional<double>, k_component_count> out{};
    if (context.supplied.contacts) {
        out[0] = scale(m.contacts_per_week, at(Component::communication).ok, at(Component::communication).bad);
        out[1] = scale(m.after_hours_share, at(Component::after_hours).ok, at(Component::after_hours).bad);
    }
    if (context.supplied.discounts) {
        double share = scale(m.discount_share, at(Component::discounts).ok, at(Component::discounts).bad);
        double requests = scale(static_cast<double>(m.discount_requests) / months,
                                k_discount_requests_per_month.ok, k_discount_requests_per_month.bad);
        out[2] = std::max(share, requests);
    }
    if (context.supplied.invoices) {
        out[3] = scale(m.avg_days_late, at(Component::payment).ok, at(Component::payment).bad);
    }
    if (context.supplied.hostility) {
        out[4] = scale(static_cast<double>(m.flagged_contacts + m.disputed_invoices) / months,
                       at(Component::hostility).ok, at(Component::hostility).bad);
    }
    return out;
}

double compute_toxicity(const std::array<std::optional<double>, k_component_count>& components,
                        const std::array<double, k_component_count>& weights) {
    double sum = 0;
    double weight_sum = 0;
    for (std::size_t i = 0; i < k_component_count; ++i) {
        if (components[i]) {
            sum += weights[i] * *components[i];
            weight_sum += weights[i];
        }
    }
    if (weight_sum == 0) {
        return 0;
    }
    return round_half_away(100.0 * sum / weight_sum, 1);
}

}  // namespace clientscore
