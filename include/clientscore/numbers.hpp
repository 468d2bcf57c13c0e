#pragma once
// SPEC §3's rounding and the money form every stage prints (reasons in score/, tables in
// render/): below the stages so that no stage reaches into a later one for them.

#include <string>

namespace clientscore {

/// Rounds half away from zero as SPEC §3 says: r(x, d); -0 becomes 0. Not-finite values pass.
double round_half_away(double x, int decimals);

/// `1,234,567.89`: money with thousands separators, two decimals; empty when not finite.
std::string format_money(double value);

}  // namespace clientscore
