#pragma once
// The xlsx workbooks of rank, explain and evidence (SPEC §5 ◆12), and the sheets they share.

#include <cstddef>
#include <functional>
#include <vector>

#include "clientscore/render.hpp"
#include "render/xlsx_book.hpp"

namespace clientscore::render {

/// The sheet `Clients`: the CSV header and one row per client, typed; `row(i)` is the i-th
/// client shown, made on `threads` workers a batch at a time.
void add_clients_sheet(XlsxBook& book, const ClientTable& table, std::size_t count,
                       const std::function<ClientResult(std::size_t)>& row, unsigned threads);
/// The sheet `Settings`: each setting as JSON names it (nested keys joined by `.`), dates as dates.
void add_settings_sheet(XlsxBook& book, const Settings& settings);

/// rank's workbook: Clients, Portfolio, People (when any person is known), Settings.
void write_rank_xlsx(const RankReport& report, const ClientTable& table, const std::vector<std::size_t>& shown,
                     unsigned threads, Writer& out);
/// explain's workbook: Clients (the one client), Months, Settings (explain_output.cpp).
void write_explain_xlsx(const ExplainReport& report, const ClientTable& table, Writer& out);
/// evidence's workbook: Evidence, Settings (evidence_output.cpp).
void write_evidence_xlsx(const EvidenceReport& report, Writer& out);

}  // namespace clientscore::render
