#include "ingest/presets/preset_detect.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/header_match.hpp"

namespace clientscore::ingest {

namespace {

constexpr std::string_view k_none = "none";

}  // namespace

SignatureMatch match_signature(const Preset& preset, const std::vector<std::string>& header) {
    SignatureMatch match;
    std::vector<bool> matched(header.size(), false);
    bool musts = true;
    for (std::string_view entry : split_names(preset.signature)) {
        const bool must = !entry.empty() && entry.front() == '!';
        const bool absent = !entry.empty() && entry.front() == '-';
        if (must || absent) {
            entry.remove_prefix(1);
        }
        bool found = false;
        while (!entry.empty() && !found) {
            const std::size_t bar = entry.find('|');
            const int at = preset_column(header, entry.substr(0, bar));
            entry = bar == std::string_view::npos ? std::string_view{} : entry.substr(bar + 1);
            if (at >= 0) {
                found = true;
                if (!absent) {
                    matched[static_cast<std::size_t>(at)] = true;
                }
            }
        }
        if (absent) {
            musts = musts && !found;
            continue;
        }
        match.count += found ? 1 : 0;
        musts = musts && (found || !must);
    }
    match.detected = musts && match.count >= preset.needed;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (matched[i]) {
            match.columns.push_back(header[i]);
        }
    }
    return match;
}

void check_preset_setting(std::string_view setting) {
    if (setting.empty() || setting == k_none) {
        return;
    }
    const std::vector<std::string_view> names = preset_names();
    if (std::find(names.begin(), names.end(), setting) == names.end()) {
        throw UsageError(fmt::format("--preset {}: unknown preset", setting),
                         fmt::format("presets: {}, or none to turn detection off", fmt::join(names, ", ")));
    }
}

PresetChoice choose_preset(Kind kind, const std::vector<std::string>& header, std::string_view setting) {
    PresetChoice choice;
    if (setting == k_none) {
        return choice;
    }
    if (!setting.empty()) {
        choice.preset = find_preset(setting, kind);
        choice.forced = true;
        if (choice.preset != nullptr) {
            choice.columns = match_signature(*choice.preset, header).columns;
        }
        return choice;
    }
    std::size_t best = 0;
    for (const Preset& preset : preset_table()) {
        if (preset.kind != kind) {
            continue;
        }
        SignatureMatch match = match_signature(preset, header);
        if (match.detected && match.count > best) {
            best = match.count;
            choice.preset = &preset;
            choice.columns = std::move(match.columns);
        }
    }
    return choice;
}

bool needs_whole_file(const Preset& preset) { return !preset.once_per.empty(); }

}  // namespace clientscore::ingest
