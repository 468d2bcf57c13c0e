// libFuzzer target: the CSV layer of src/ingest on arbitrary bytes. The input is one export
// file: RawInput (gzip is detected from the bytes), optionally iconv (chosen by the first byte:
// none, windows-1252, UTF-16LE or SHIFT_JIS, the last two multi-byte), TextGuard, CsvReader
// with every field of every record unescaped, and the header matched for every kind, once
// plainly and once with a --map to its last column. InputError and UsageError are the expected
// outcomes of bad input; anything else escapes and is a finding.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "ingest/bytes/byte_source.hpp"
#include "ingest/csv/csv_reader.hpp"
#include "ingest/header/header_match.hpp"

namespace {

using namespace clientscore;

void check(bool condition) {
    if (!condition) {
        std::abort();
    }
}

void read_all(const ingest::RawInput& raw, const std::string& encoding) {
    try {
        ingest::CsvReader reader(raw, encoding);
        if (!reader.has_header()) {
            ingest::CsvRecord none;
            check(!reader.next(none));
            return;
        }
        const std::vector<std::string>& header = reader.header();
        check(!header.empty());
        for (const Kind kind : {Kind::calls, Kind::emails, Kind::invoices, Kind::discounts, Kind::clients,
                                Kind::contacts}) {
            try {
                const ingest::HeaderMatch match = ingest::match_header(kind, header, {}, "fuzz.csv", 1);
                check(match.columns.size() == match.fields.size());
                for (const int column : match.columns) {
                    check(column >= -1 && column < static_cast<int>(header.size()));
                }
            } catch (const InputError&) {
            }
            try {
                const std::vector<FieldMapping> mapping = {FieldMapping{kind, "client", header.back()}};
                (void)ingest::match_header(kind, header, mapping, "fuzz.csv", 1);
            } catch (const InputError&) {
            }
        }
        ingest::CsvRecord record;
        std::int64_t last_line = reader.header_line();
        while (reader.next(record)) {
            check(record.line() > last_line);
            last_line = record.line();
            check(record.size() >= 1);
            for (std::size_t i = 0; i < record.size(); ++i) {
                const std::string_view first = record.field(i);
                const std::string_view second = record.field(i);
                check(first == second);
                (void)ingest::normalize_header(first);
            }
        }
    } catch (const InputError& e) {
        check(!e.located_message().empty());
    } catch (const UsageError&) {
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string text(reinterpret_cast<const char*>(data), size);
    const ingest::RawInput raw = ingest::RawInput::from_text(text, "fuzz.csv");
    read_all(raw, "utf-8");
    static const char* const k_encodings[] = {nullptr, "windows-1252", "UTF-16LE", "SHIFT_JIS"};
    if (size > 0 && k_encodings[data[0] % 4] != nullptr) {
        read_all(raw, k_encodings[data[0] % 4]);
    }
    (void)ingest::sniff_delimiter(text);
    return 0;
}
