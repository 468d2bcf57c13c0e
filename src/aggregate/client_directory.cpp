#include "clientscore/aggregate.hpp"

namespace clientscore {

void ClientDirectory::on_client(const ClientRecord& record) {
    std::string id(record.id);
    if (m_names.find(id) != m_names.end()) {
        return;  // the first row of an id stands for it
    }
    m_names.emplace(id, std::string(record.name));
    if (record.name.empty()) {
        return;
    }
    auto found = m_by_name.find(record.name);
    if (found == m_by_name.end()) {
        m_by_name.emplace(std::string(record.name), id);
    } else if (found->second && *found->second != id) {
        found->second.reset();  // two ids share this name: a record with it stays unattributed
    }
}

std::string_view ClientDirectory::resolve(std::string_view client) const {
    if (m_names.find(client) != m_names.end()) {
        return client;
    }
    auto found = m_by_name.find(client);
    if (found != m_by_name.end() && found->second) {
        return *found->second;
    }
    return client;
}

std::optional<std::string> ClientDirectory::name_of(std::string_view id) const {
    auto found = m_names.find(id);
    if (found == m_names.end() || found->second.empty()) {
        return std::nullopt;
    }
    return found->second;
}

}  // namespace clientscore
