#pragma once
// The first links of the byte chain of SPEC §1-2: an export's raw bytes (a file, or standard
// input spooled so that it can be read twice), gzip decompression, and --encoding conversion.
// Every source fills the whole buffer it is given unless the input ends: fast-cpp-csv-parser
// takes a short read for the end of the file.

#include <cstddef>
#include <cstdio>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "clientscore/ingest.hpp"

namespace clientscore::ingest {

class Workbook;

/// A stream of bytes read front to back.
class ByteSource {
public:
    virtual ~ByteSource() = default;
    /// Fills `buffer` with `size` bytes, or fewer only at the end of the input (0 after it).
    /// Throws InputError when the bytes cannot be read or are not what they claim to be.
    virtual std::size_t read(char* buffer, std::size_t size) = 0;
};

/// An export file opened for reading, any number of times from its first byte. Standard input
/// (`-`) is copied to a temporary file first, because auto date order may need a second pass.
class RawInput {
public:
    /// Opens `path` (`-` for standard input); `display_name` is used in messages. A zip archive,
    /// or a file named `.xlsx`, is a workbook: its sheet named `preferred_sheet` (the kind) or
    /// else its first is read as CSV text (see Workbook). Throws InputError when the file does
    /// not exist, is a folder, cannot be read, or is not a valid workbook.
    RawInput(const std::string& path, std::string display_name, std::string_view preferred_sheet = {});
    /// Test helper: an input holding `text`, spooled to a temporary file (a workbook too, when
    /// `text` is a zip archive).
    static RawInput from_text(const std::string& text, std::string display_name,
                              std::string_view preferred_sheet = {});

    RawInput(RawInput&&) noexcept;
    RawInput& operator=(RawInput&&) noexcept;
    RawInput(const RawInput&) = delete;
    RawInput& operator=(const RawInput&) = delete;
    ~RawInput();

    /// A new, independent reader from the first byte; gzip data is decompressed (plain files
    /// pass through), a workbook's sheet is CSV text. A truncated or corrupt gzip stream, or a
    /// worksheet that breaks, throws InputError when it is reached.
    std::unique_ptr<ByteSource> open() const;

    /// The file is an `.xlsx` workbook (its bytes are UTF-8 CSV text whatever --encoding says).
    bool is_workbook() const { return m_workbook != nullptr; }
    /// The name of the workbook's sheet that is read; empty for a text file.
    std::string sheet_name() const;

    const std::string& display_name() const { return m_display_name; }
    /// The path as the user gave it (`-` for standard input), for hints.
    const std::string& path() const { return m_path; }
    /// Reads only `slice` of the file from now on (a plain file, never standard input).
    void set_slice(const FileSlice& slice) { m_slice = slice; }
    /// Reads the whole file again from now on.
    void clear_slice() { m_slice.reset(); }
    const std::optional<FileSlice>& slice() const { return m_slice; }

private:
    RawInput() = default;
    static RawInput spool(std::FILE* from, std::string path, std::string display_name);
    // Makes this input a workbook when its bytes (or its name) say it is one.
    void detect_workbook(const std::string& name, std::string_view preferred_sheet);

    std::string m_path;
    std::string m_display_name;
    std::string m_open_path;       // what open() opens: the file, or /proc/self/fd/N of the spool
    std::FILE* m_spool = nullptr;  // the temporary copy of standard input, if any
    std::optional<FileSlice> m_slice;
    std::shared_ptr<const Workbook> m_workbook;  // shared by moves; immutable once read
};

/// True when `encoding` names UTF-8 (`utf-8`, `UTF8`, ...): no conversion is needed.
bool is_utf8_name(const std::string& encoding);

/// Converts `upstream` from `encoding` to UTF-8 with iconv. Throws UsageError for an encoding
/// iconv does not know; the returned source throws InputError at the line of a byte that is not
/// valid in `encoding`.
std::unique_ptr<ByteSource> make_iconv_source(std::unique_ptr<ByteSource> upstream, const std::string& encoding,
                                              const std::string& display_name, const std::string& path);

}  // namespace clientscore::ingest
