// Who carries the load (SPEC ◆9): the people table of rank and the people of one client.

#include <algorithm>
#include <cmath>

#include "clientscore/score.hpp"

namespace clientscore {

std::vector<PersonRow> people_table(const PeopleByClient& people, const std::vector<std::string>& ids,
                                    std::span<const double> toxicity, double email_minutes, double fire_at) {
    (void)ids;
    // Integer sums per person, turned into hours once: the figures do not depend on the order
    // the threads read the files in, and no sort of every pair is needed.
    struct Sums {
        PersonLoad all;
        PersonLoad toxic;
        std::int64_t clients = 0;
    };
    std::vector<Sums> sums(people.names().size());
    for (const ClientPerson& entry : people.all()) {
        Sums& s = sums[entry.person];
        s.all.add(entry.load);
        ++s.clients;
        const double tox = entry.client < toxicity.size() ? toxicity[entry.client] : NAN;
        if (!std::isnan(tox) && tox >= fire_at) {
            s.toxic.add(entry.load);
        }
    }
    std::vector<PersonRow> rows;
    for (std::size_t p = 0; p < sums.size(); ++p) {
        if (sums[p].clients == 0) {
            continue;
        }
        PersonRow row;
        row.person = people.names()[p];
        row.hours = sums[p].all.hours(email_minutes);
        row.clients = sums[p].clients;
        row.toxic_hours = sums[p].toxic.hours(email_minutes);
        row.after_hours_contacts = sums[p].all.after_hours_in;
        if (row.hours != 0) {
            row.toxic_share = row.toxic_hours / row.hours;
        }
        rows.push_back(std::move(row));
    }
    std::sort(rows.begin(), rows.end(), [](const PersonRow& a, const PersonRow& b) {
        if (a.hours != b.hours) {
            return a.hours > b.hours;
        }
        return a.person < b.person;
    });
    return rows;
}

std::vector<ClientPersonRow> client_people(const ClientPeople& people, double hours, double email_minutes) {
    std::vector<ClientPersonRow> rows;
    for (const ClientPerson& entry : people.loads) {
        ClientPersonRow row;
        row.person = (*people.names)[entry.person];
        row.hours = entry.load.hours(email_minutes);
        if (hours != 0) {
            row.share = row.hours / hours;
        }
        rows.push_back(std::move(row));
    }
    // The loads come by name: a stable sort keeps that order among equal hours.
    std::stable_sort(rows.begin(), rows.end(),
                     [](const ClientPersonRow& a, const ClientPersonRow& b) { return a.hours > b.hours; });
    return rows;
}

}  // namespace clientscore
