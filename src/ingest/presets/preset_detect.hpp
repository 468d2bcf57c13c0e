#pragma once
// Choosing a file's preset (SPEC §2 "Presets"): its header signature, --preset forcing one or
// turning detection off.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/bytes/byte_source.hpp"
#include "ingest/presets/presets.hpp"

namespace clientscore::ingest {

/// How much of a header a preset's signature found.
struct SignatureMatch {
    std::size_t count = 0;             ///< signature entries present
    bool detected = false;             ///< every `!` entry present and at least `needed` in all
    std::vector<std::string> columns;  ///< the header names that matched, in header order
};

/// Matches `header` against the signature of `preset` (names normalised as SPEC §2 says).
SignatureMatch match_signature(const Preset& preset, const std::vector<std::string>& header);

/// The preset chosen for one file, and why.
struct PresetChoice {
    const Preset* preset = nullptr;    ///< none: the generic rules
    std::vector<std::string> columns;  ///< header columns that matched its signature
    bool forced = false;               ///< chosen with --preset rather than detected
};

/// Throws UsageError when `setting` (the --preset value) is neither empty, `none`, nor the name
/// of a preset; the hint lists the names.
void check_preset_setting(std::string_view setting);

/// The preset of a file of `kind` with this header: `setting` empty detects (the preset whose
/// signature finds the most entries, ties in table order), `none` chooses none, a name forces
/// that preset's entry for the kind (none when it reads no file of that kind).
PresetChoice choose_preset(Kind kind, const std::vector<std::string>& header, std::string_view setting);

/// True when the preset's conventions need the whole file in one pass: rows merged per key
/// across the file (`once_per`). Such a file must not be cut into slices read apart.
bool needs_whole_file(const Preset& preset);

}  // namespace clientscore::ingest
