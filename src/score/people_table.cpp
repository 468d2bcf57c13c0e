// Who carries the load (SPEC ◆9): the people table of rank and the people of one client.

#include <algorithm>
#include <cmath>
#include <tuple>

#include "clientscore/score.hpp"

namespace clientscore {

std::vector<PersonRow> people_table(const PeopleByClient& people, const std::vector<std::string>& ids,
                                    std::span<const double> toxicity, double email_minutes, double fire_at) {
    // Client indices follow the order the threads read the files in: summing in id order
    // keeps every figure the same whatever the threads.
    std::vector<const ClientPerson*> loads;
    loads.reserve(people.all().size());
    for (const ClientPerson& entry : people.all()) {
        loads.push_back(&entry);
    }
    std::sort(loads.begin(), loads.end(), [&ids](const ClientPerson* a, const ClientPerson* b) {
        return std::tie(a->person, ids[a->client]) < std::tie(b->person, ids[b->client]);
    });
    std::vector<PersonRow> rows;
    for (std::size_t i = 0; i < loads.size();) {
        PersonRow row;
        row.person = people.names()[loads[i]->person];
        const std::uint32_t person = loads[i]->person;
        for (; i < loads.size() && loads[i]->person == person; ++i) {
            const ClientPerson& entry = *loads[i];
            const double hours = entry.load.hours(email_minutes);
            row.hours += hours;
            ++row.clients;
            const double tox = entry.client < toxicity.size() ? toxicity[entry.client] : NAN;
            if (!std::isnan(tox) && tox >= fire_at) {
                row.toxic_hours += hours;
            }
            row.after_hours_contacts += entry.load.after_hours_in;
        }
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
