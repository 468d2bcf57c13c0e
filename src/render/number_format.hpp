#pragma once
// Numbers and widths as the renderers print them. Every printed number goes through here so
// that one value always becomes the same bytes, whatever the format.

#include <cstddef>
#include <string>
#include <string_view>

#include "clientscore/metrics.hpp"
#include "clientscore/report.hpp"
#include "render/text_width.hpp"  // display_width and shorten_to_width, used with these everywhere

namespace clientscore::render {

/// A value already rounded: integral values as integers (`100`), others in the shortest form
/// that reads back as the same double (`0.1`); `-0` as `0`; empty for NaN or infinity.
std::string format_number(double value);
/// Appends format_number(value) to `out` without an allocation; false, appending nothing, for
/// NaN or infinity.
bool append_number(std::string& out, double value);

/// round_half_away(value, decimals), then format_number.
std::string format_rounded(double value, int decimals);
/// Appends format_rounded(value, decimals) to `out`, without its allocation and mostly without
/// the shortest-digits search (a million clients × 30 numbers); false, appending nothing, when
/// the value is not finite.
bool append_rounded(std::string& out, double value, int decimals);

/// round_half_away(value, decimals) with exactly `decimals` digits after the point (`3.50`).
std::string format_fixed(double value, int decimals);

/// A share as a percentage with one decimal: 0.2745 → `27.5%`.
std::string format_percent(double share);

/// A date `YYYY-MM-DD`.
std::string format_day(Days day);

/// SPEC §5 ◆12: `Period 2026-09-01 to 2026-10-31 (61 days), as of 2026-10-31`, the first line
/// of the table and markdown reports and of explain.
std::string period_line(const Period& period);

/// The text of a CSV/JSON cell that is not text: empty for null, the rounded number otherwise.
/// Text and list cells are returned as is (lists joined by ` | `).
std::string cell_plain_text(const Cell& cell, int decimals);

/// Joins a list cell with ` | ` (SPEC §5 reasons).
std::string join_list(const std::vector<std::string>& items);

/// Replaces line breaks with `line_break` and tabs with a space, and shows every other control
/// character and invalid UTF-8 as an escape (visible_text), so that a cell stays on one line
/// and cannot move a terminal's cursor.
std::string one_line(std::string_view text, std::string_view line_break = " ");

}  // namespace clientscore::render
