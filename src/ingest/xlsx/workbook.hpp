#pragma once
// An `.xlsx` workbook read as an export (SPEC §1): one worksheet of it handed to the CSV layer
// as CSV text, one line per sheet row (an empty line for a row the sheet leaves out), so that
// every line number is the sheet's row number and every later stage reads it as it reads a CSV
// file. The zip archive is read with libzip and its XML with expat, the worksheet streamed:
// memory holds the shared strings and the styles, never the sheet.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/bytes/byte_source.hpp"

namespace clientscore::ingest {

/// What is read from a workbook at most: beyond these it is an input error, never an
/// exhausted memory or a run without end (a zip bomb).
struct WorkbookLimits {
    /// Uncompressed bytes of the worksheet's XML.
    std::uint64_t sheet_bytes = std::uint64_t{1} << 30;
    /// Uncompressed bytes of the shared strings' XML, and the text of them held in memory.
    std::uint64_t shared_strings_bytes = std::uint64_t{512} << 20;
    std::uint64_t shared_text_bytes = std::uint64_t{128} << 20;
    /// How many shared strings are held (4 bytes each besides their text).
    std::uint64_t shared_strings = std::uint64_t{4} << 20;
    /// Uncompressed bytes of any other part read (relationships, workbook, styles).
    std::uint64_t part_bytes = std::uint64_t{64} << 20;
    /// A part that declares more than `ratio_floor` bytes may be at most `max_ratio` times its
    /// compressed size: even a worksheet of empty styled cells compresses far less.
    std::uint64_t ratio_floor = std::uint64_t{16} << 20;
    std::uint64_t max_ratio = 400;
};

/// True when `bytes` start like a zip archive (`PK\3\4`, or `PK\5\6` for an empty one).
bool is_zip_signature(const unsigned char* bytes, std::size_t size);

/// The parts of a workbook that every pass over its sheet needs, read once.
class Workbook : public std::enable_shared_from_this<Workbook> {
public:
    /// Opens the workbook at `open_path` (`display_name` in messages) and chooses its sheet: the
    /// worksheet named `preferred_sheet` (case-insensitively), else the first visible one.
    /// Throws InputError naming the file when it is not a zip archive, not a workbook, has no
    /// worksheet, breaks a limit, or its XML is malformed.
    static std::shared_ptr<const Workbook> open(const std::string& open_path, const std::string& display_name,
                                                std::string_view preferred_sheet, const WorkbookLimits& limits = {});

    /// The name of the sheet read, as the workbook spells it.
    const std::string& sheet_name() const { return m_sheet_name; }
    /// The names of every worksheet, in workbook order.
    const std::vector<std::string>& sheet_names() const { return m_sheet_names; }
    bool date1904() const { return m_date1904; }

    /// A new pass over the chosen sheet as CSV text (RFC 4180 quoting; `;`, tab and `|` are
    /// quoted too, so that the delimiter is always sniffed as `,`). Throws InputError, at the
    /// row where it is met, for malformed XML, a row or cell out of order or beyond Excel's
    /// grid, a shared string that does not exist, or a part larger than declared or the limits.
    std::unique_ptr<ByteSource> open_sheet() const;

    struct Impl;
    Workbook(const Workbook&) = delete;
    Workbook& operator=(const Workbook&) = delete;
    ~Workbook();

private:
    Workbook();

    friend struct Impl;
    std::string m_open_path;
    std::string m_display_name;
    WorkbookLimits m_limits;
    std::string m_sheet_name;
    std::string m_sheet_part;  ///< zip entry of the chosen sheet
    std::vector<std::string> m_sheet_names;
    bool m_date1904 = false;
    /// Per cell style (cellXfs index): what its number format makes of a number.
    std::vector<std::uint8_t> m_styles;
    /// Shared strings: their text back to back, and where each one ends.
    std::string m_shared_text;
    std::vector<std::uint32_t> m_shared_ends;
};

}  // namespace clientscore::ingest
