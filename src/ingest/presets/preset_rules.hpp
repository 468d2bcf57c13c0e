#pragma once
// A preset applied to one file: its extra columns resolved against the header, and the rows
// and values its conventions change (see presets.hpp). One per file read; keeps the keys of
// `once_per` seen so far.

#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/header_match.hpp"
#include "ingest/presets/presets.hpp"

namespace clientscore::ingest {

class PresetRules {
public:
    PresetRules(const Preset& preset, const std::vector<std::string>& header, const HeaderMatch& match);

    const Preset& preset() const { return m_preset; }
    /// The column of a PresetColumn key, or -1 when the header has none.
    int column(std::string_view key) const;

    /// A title, section or total row (the `ignore_without` cell empty or absent), whatever its
    /// field count.
    bool is_title_row(CsvRecord& record) const;
    /// A row with an `ignore_row` word, or one whose `once_per` value an earlier row had.
    bool is_ignored_row(CsvRecord& record);
    /// The row carries a `credit` word.
    bool is_credit(CsvRecord& record) const;
    /// The row carries a `paid_in_full` word.
    bool is_paid_in_full(CsvRecord& record) const;
    /// The column `field` is read from on this row: `own` when its cell is set or no fill
    /// applies, else the column of the first fill whose named column is set; `constant` is
    /// then that fill's value (empty: read the column's cell).
    int fill(std::string_view field, int own, CsvRecord& record, std::string_view& constant) const;
    /// Rows ignored for an empty `ignore_empty` field so far.
    std::int64_t ignored_empty() const { return m_ignored_empty; }
    /// The column `ignore_empty` names (-1 when none).
    int ignore_empty_column() const { return m_ignore_empty; }
    /// The generic word a `means` word of `column` stands for, or `value` itself.
    std::string_view word(int column, std::string_view value) const;

    /// The conventions this file is read with, one line each, naming its own header spellings
    /// (what `check` shows under the preset).
    std::vector<std::string> describe(const std::vector<std::string>& header) const;

private:
    struct Word {
        int column;
        const ValueWord* word;
    };
    int resolve(std::string_view field_or_key) const;
    static std::string_view cell(CsvRecord& record, int column);

    const Preset& m_preset;
    const HeaderMatch& m_match;
    std::vector<std::pair<std::string_view, int>> m_columns;
    std::vector<Word> m_words;
    struct Fill {
        std::string_view field;
        std::vector<int> columns;
        std::string_view value;
    };
    bool has_word(CsvRecord& record, WordAction action) const;

    std::vector<Fill> m_fills;
    int m_once_per = -1;
    int m_ignore_without = -1;
    int m_ignore_empty = -1;
    std::int64_t m_ignored_empty = 0;
    std::unordered_set<std::string> m_seen;
};

}  // namespace clientscore::ingest
