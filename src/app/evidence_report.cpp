#include <algorithm>
#include <tuple>

#include "app/analysis.hpp"

namespace clientscore {

EvidenceReport build_evidence_report(const Analysis& a, const std::string& typed) {
    const RankedClient& client = a.ranking.clients[find_client(a, typed)];
    EvidenceReport r;
    r.settings = a.settings;
    r.client = a.aggregator->client_ids()[client.index];
    r.name = a.directory.name_of(r.client);
    r.warnings = a.warnings;

    const Aggregator& ag = *a.aggregator;
    for (const FocusEvent& f : ag.focus_events()) {
        EvidenceEvent e;
        e.date = f.when.date;
        e.seconds = f.when.seconds;
        e.kind = f.kind;
        e.tags = f.tags;
        e.status = f.status;
        e.text = f.text;
        e.person = f.person;
        e.source = f.source;
        if (f.kind == EventKind::discount) {
            e.amount = to_reporting(f.amount, f.currency, a.context);
        } else if (f.kind == EventKind::time) {
            e.minutes = static_cast<double>(f.duration_ms) / 60000.0;
        } else {
            e.direction = f.direction;
            e.after_hours = f.after_hours;
            e.off_day = f.off_day;
            if (f.kind == EventKind::call) {
                e.minutes = static_cast<double>(f.duration_ms) / 60000.0;
            }
        }
        r.events.push_back(std::move(e));
    }

    const std::uint32_t index = client.index;
    for (const Invoice* inv : a.invoices_by_client[index]) {
        InvoiceFacts f = invoice_facts(*inv, a.context);
        // Events of the period, and the receivables issued before it (SPEC §5 evidence).
        if (!f.in_period && !(f.receivable && inv->issued.date < a.settings.period.from)) {
            continue;
        }
        EvidenceEvent e;
        e.date = inv->issued.date;
        e.seconds = inv->issued.seconds;
        e.kind = EventKind::invoice;
        e.amount = f.amount;
        e.status = ag.invoice_status(*inv);
        e.days_late = f.days_late;
        e.paid_at = inv->paid();
        e.paid = f.paid_part;  // SPEC §3: as of as_of, so a payment after it shows as 0
        e.text = ag.invoice_id(*inv);
        e.source = inv->source;
        r.events.push_back(std::move(e));
    }

    std::sort(r.events.begin(), r.events.end(), [](const EvidenceEvent& x, const EvidenceEvent& y) {
        return std::tie(x.date, x.seconds, x.kind, x.source.file_index, x.source.line) <
               std::tie(y.date, y.seconds, y.kind, y.source.file_index, y.source.line);
    });
    return r;
}

}  // namespace clientscore
