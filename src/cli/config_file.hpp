#pragma once
// The --config TOML file: CLI11's own reader (set_config), wrapped with the checks SPEC §1 needs
// and the reader lacks. Internal to src/cli (includes CLI11).

#include <CLI/CLI.hpp>
#include <iosfwd>
#include <string>
#include <string_view>
#include <vector>

namespace clientscore::cli {

/// CLI11's TOML reader (CLI::ConfigBase), plus: an unknown key, a key set twice, a [section]
/// or dotted key, and a '#' inside a quoted value (which CLI11 would silently cut there) are
/// UsageErrors naming the file and the key; --month in the file yields to --from/--to on the
/// command line, and the reverse, so that "the command line wins" holds for the period too.
class ConfigReader : public CLI::ConfigBase {
  public:
    explicit ConfigReader(const CLI::App& app) : m_app(app) {}
    std::vector<CLI::ConfigItem> from_config(std::istream& input) const override;

  private:
    const CLI::App& m_app;
};


/// The configurable long option of `app` closest to `name` (edit distance at most 2, or a
/// prefix), for "did you mean" hints; empty when none is close or `name` is under 3 letters.
std::string closest_option(const CLI::App& app, std::string_view name);

}  // namespace clientscore::cli
