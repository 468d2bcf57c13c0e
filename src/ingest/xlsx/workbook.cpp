#include "ingest/xlsx/workbook.hpp"

#include <expat.h>
#include <zip.h>

#include <algorithm>
#include <charconv>
#include <cstring>
#include <limits>
#include <optional>
#include <unordered_map>
#include <utility>

#include <fmt/format.h>

#include "clientscore/error.hpp"
#include "clientscore/normalize.hpp"
#include "ingest/xlsx/cell_text.hpp"

namespace clientscore::ingest {

namespace {

constexpr std::size_t k_chunk = std::size_t{1} << 18;
// Excel's grid: a row or column beyond it is not a worksheet Excel wrote, and would let a few
// bytes of XML ask for billions of empty lines or fields.
constexpr std::int64_t k_max_rows = 1048576;
constexpr std::int64_t k_max_columns = 16384;
// Rows are padded with empty fields to this many columns at most (see SheetSource::end_row).
constexpr std::int64_t k_max_padded_columns = 1024;
// The CSV layer's longest record (text_guard.hpp), refused here before it is made: a cell of
// a few bytes can name a long shared string, and thousands of them would otherwise be copied.
constexpr std::size_t k_max_row_bytes = std::size_t{1} << 24;

constexpr const char* k_resave_hint = "open it in Excel or LibreOffice and save it again as .xlsx, or save it as CSV";

std::string_view local_name(const char* name) {
    const char* colon = std::strrchr(name, ':');
    return colon != nullptr ? std::string_view(colon + 1) : std::string_view(name);
}

// An attribute by its local name (`r:id` is found as "id" with `prefixed`).
const char* attribute(const char** attributes, std::string_view name, bool prefixed = false) {
    for (const char** a = attributes; *a != nullptr; a += 2) {
        const std::string_view full(a[0]);
        if (prefixed ? (full.size() > name.size() && full.ends_with(name) && full[full.size() - name.size() - 1] == ':')
                     : full == name) {
            return a[1];
        }
    }
    return nullptr;
}

std::optional<std::int64_t> parse_count(std::string_view text) {
    std::int64_t value = 0;
    const auto result = std::from_chars(text.data(), text.data() + text.size(), value);
    if (result.ec != std::errc() || result.ptr != text.data() + text.size() || value < 0) {
        return std::nullopt;
    }
    return value;
}

// A limit as people read it: MiB when it is a whole number of them.
std::string size_text(std::uint64_t bytes) {
    return bytes % (std::uint64_t{1} << 20) == 0 ? fmt::format("{} MiB", bytes >> 20) : fmt::format("{} bytes", bytes);
}

[[noreturn]] void throw_invalid(const std::string& display_name, const std::string& why, std::int64_t line = 0) {
    throw InputError(Location{display_name, line, {}}, "is not a valid .xlsx workbook: " + why, k_resave_hint);
}

// One open archive; libzip keeps a descriptor and the central directory.
class Archive {
public:
    Archive(const std::string& open_path, const std::string& display_name) : m_display_name(display_name) {
        int code = 0;
        m_zip = zip_open(open_path.c_str(), ZIP_RDONLY | ZIP_CHECKCONS, &code);
        if (m_zip == nullptr) {
            if (code == ZIP_ER_NOZIP) {
                throw_invalid(display_name, "it is not a zip archive");
            }
            zip_error_t error;
            zip_error_init_with_code(&error, code);
            const std::string why = zip_error_strerror(&error);
            zip_error_fini(&error);
            throw_invalid(display_name, "its zip archive cannot be read (" + why + ")");
        }
    }
    Archive(const Archive&) = delete;
    Archive& operator=(const Archive&) = delete;
    ~Archive() { zip_discard(m_zip); }

    /// The entry's index, found without case as OPC part names are; none when absent.
    std::optional<zip_uint64_t> find(const std::string& name) const {
        const zip_int64_t index = zip_name_locate(m_zip, name.c_str(), ZIP_FL_NOCASE);
        return index < 0 ? std::nullopt : std::optional<zip_uint64_t>(static_cast<zip_uint64_t>(index));
    }
    zip_t* get() const { return m_zip; }
    const std::string& display_name() const { return m_display_name; }

private:
    zip_t* m_zip = nullptr;
    std::string m_display_name;
};

zip_uint64_t locate(const Archive& archive, const std::string& part) {
    const auto index = archive.find(part);
    if (!index) {
        throw_invalid(archive.display_name(), fmt::format("{} is missing", part));
    }
    return *index;
}

// The bytes of one entry, never more than it declares nor than `cap`: a zip bomb is stopped by
// what its directory says before a byte is inflated, and a directory that lies, by the count.
class Entry {
public:
    Entry(const Archive& archive, zip_uint64_t index, std::string name, std::uint64_t cap, const WorkbookLimits& limits)
        : m_archive(archive), m_name(std::move(name)) {
        zip_stat_t stat;
        zip_stat_init(&stat);
        if (zip_stat_index(archive.get(), index, 0, &stat) != 0 || (stat.valid & ZIP_STAT_SIZE) == 0 ||
            (stat.valid & ZIP_STAT_COMP_SIZE) == 0) {
            fail("its directory entry cannot be read");
        }
        m_declared = stat.size;
        if (m_declared > cap) {
            throw InputError(Location{archive.display_name(), 0, {}},
                             fmt::format("{} is {} uncompressed, more than the {} read from it", m_name,
                                         size_text(m_declared), size_text(cap)),
                             "save the sheet as CSV: CSV files are read whatever their size");
        }
        if (m_declared > limits.ratio_floor && m_declared / std::max<zip_uint64_t>(stat.comp_size, 1) > limits.max_ratio) {
            throw InputError(Location{archive.display_name(), 0, {}},
                             fmt::format("{} inflates {} bytes to {}: a zip bomb, not a workbook", m_name,
                                         stat.comp_size, m_declared),
                             k_resave_hint);
        }
        m_file = zip_fopen_index(archive.get(), index, 0);
        if (m_file == nullptr) {
            fail(zip_strerror(archive.get()));
        }
    }
    Entry(const Entry&) = delete;
    Entry& operator=(const Entry&) = delete;
    ~Entry() {
        if (m_file != nullptr) {
            zip_fclose(m_file);
        }
    }

    /// Up to `size` bytes; 0 at the end, after checking that the entry was as long as declared.
    std::size_t read(char* buffer, std::size_t size) {
        if (m_done == m_declared) {
            // One byte more shows an entry longer than its directory says.
            char extra = 0;
            if (!m_checked_end) {
                m_checked_end = true;
                const zip_int64_t more = zip_fread(m_file, &extra, 1);
                if (more > 0) {
                    fail("it holds more bytes than its directory declares");
                }
                if (more < 0) {
                    fail(zip_file_strerror(m_file));
                }
            }
            return 0;
        }
        const auto want = static_cast<zip_uint64_t>(std::min<std::uint64_t>(size, m_declared - m_done));
        const zip_int64_t got = zip_fread(m_file, buffer, want);
        if (got < 0) {
            fail(zip_file_strerror(m_file));
        }
        if (got == 0) {
            fail("it ends before the size its directory declares");
        }
        m_done += static_cast<std::uint64_t>(got);
        return static_cast<std::size_t>(got);
    }

    const std::string& name() const { return m_name; }

private:
    [[noreturn]] void fail(const std::string& why) {
        throw_invalid(m_archive.display_name(), fmt::format("{} cannot be read: {}", m_name, why));
    }

    const Archive& m_archive;
    std::string m_name;
    zip_file_t* m_file = nullptr;
    std::uint64_t m_declared = 0;
    std::uint64_t m_done = 0;
    bool m_checked_end = false;
};

// expat around a handler with start(name, attributes), end(name), text(data, size) and a
// `failure` string: a handler never throws through expat's C frames, it stops the parser with
// the reason and the reason is thrown here.
template <typename Handler>
class Parser {
public:
    Parser(Handler& handler, const std::string& display_name, std::string part)
        : m_handler(handler), m_display_name(display_name), m_part(std::move(part)) {
        m_parser = XML_ParserCreate(nullptr);
        if (m_parser == nullptr) {
            throw std::bad_alloc();
        }
        XML_SetUserData(m_parser, this);
        XML_SetElementHandler(m_parser, &Parser::on_start, &Parser::on_end);
        XML_SetCharacterDataHandler(m_parser, &Parser::on_text);
        // No part of a workbook has a DTD; refusing one shuts out entity expansion entirely.
        XML_SetStartDoctypeDeclHandler(m_parser, &Parser::on_doctype);
    }
    Parser(const Parser&) = delete;
    Parser& operator=(const Parser&) = delete;
    ~Parser() { XML_ParserFree(m_parser); }

    /// Parses the next `size` bytes from `fill` (which writes into the buffer it is given and
    /// returns how many); false once the entry ended.
    template <typename Fill>
    bool step(Fill&& fill) {
        void* buffer = XML_GetBuffer(m_parser, static_cast<int>(k_chunk));
        if (buffer == nullptr) {
            throw std::bad_alloc();
        }
        const std::size_t got = fill(static_cast<char*>(buffer), k_chunk);
        if (XML_ParseBuffer(m_parser, static_cast<int>(got), got == 0 ? XML_TRUE : XML_FALSE) != XML_STATUS_OK) {
            if (!m_handler.failure.empty()) {
                throw_invalid(m_display_name, m_handler.failure, m_handler.failure_line);
            }
            throw_invalid(m_display_name,
                          fmt::format("{} is not well-formed XML (line {}: {})", m_part,
                                      XML_GetCurrentLineNumber(m_parser), XML_ErrorString(XML_GetErrorCode(m_parser))),
                          m_handler.failure_line);
        }
        return got != 0;
    }

    /// Stops the parse from a handler with `why` (thrown by step).
    void stop() { XML_StopParser(m_parser, XML_FALSE); }

private:
    static void on_start(void* self, const char* name, const char** attributes) {
        auto* p = static_cast<Parser*>(self);
        if (!p->m_handler.start(local_name(name), attributes)) {
            p->stop();
        }
    }
    static void on_end(void* self, const char* name) {
        auto* p = static_cast<Parser*>(self);
        if (!p->m_handler.end(local_name(name))) {
            p->stop();
        }
    }
    static void on_text(void* self, const char* text, int size) {
        auto* p = static_cast<Parser*>(self);
        if (!p->m_handler.text(text, static_cast<std::size_t>(size))) {
            p->stop();
        }
    }
    static void on_doctype(void* self, const char*, const char*, const char*, int) {
        auto* p = static_cast<Parser*>(self);
        p->m_handler.failure = p->m_part + " has a document type declaration, which no workbook part has";
        p->stop();
    }

    Handler& m_handler;
    const std::string& m_display_name;
    std::string m_part;
    XML_Parser m_parser = nullptr;
};

// Parses a whole entry with `handler`.
template <typename Handler>
void parse_entry(const Archive& archive, zip_uint64_t index, const std::string& name, std::uint64_t cap,
                 const WorkbookLimits& limits, Handler& handler) {
    Entry entry(archive, index, name, cap, limits);
    Parser<Handler> parser(handler, archive.display_name(), name);
    while (parser.step([&](char* buffer, std::size_t size) { return entry.read(buffer, size); })) {
    }
}

struct HandlerBase {
    std::string failure;
    std::int64_t failure_line = 0;
    bool text(const char*, std::size_t) { return true; }
    bool end(std::string_view) { return true; }
};

struct Relationship {
    std::string id;
    std::string type;  // the last segment of the type URI: officeDocument, worksheet, styles, ...
    std::string target;
};

struct RelationshipsHandler : HandlerBase {
    std::vector<Relationship> relationships;
    bool start(std::string_view name, const char** attributes) {
        if (name == "Relationship") {
            const char* id = attribute(attributes, "Id");
            const char* type = attribute(attributes, "Type");
            const char* target = attribute(attributes, "Target");
            const char* mode = attribute(attributes, "TargetMode");
            if (id != nullptr && type != nullptr && target != nullptr && (mode == nullptr || std::strcmp(mode, "External") != 0)) {
                const std::string_view t(type);
                const std::size_t slash = t.rfind('/');
                relationships.push_back(
                    {id, std::string(slash == std::string_view::npos ? t : t.substr(slash + 1)), target});
            }
        }
        return true;
    }
};

struct SheetEntry {
    std::string name;
    std::string relationship;
    bool visible = true;
};

struct WorkbookHandler : HandlerBase {
    std::vector<SheetEntry> sheets;
    bool date1904 = false;
    bool start(std::string_view name, const char** attributes) {
        if (name == "workbookPr") {
            const char* value = attribute(attributes, "date1904");
            date1904 = value != nullptr && (std::strcmp(value, "1") == 0 || std::strcmp(value, "true") == 0);
        } else if (name == "sheet") {
            const char* sheet_name = attribute(attributes, "name");
            const char* id = attribute(attributes, "id", true);
            const char* state = attribute(attributes, "state");
            if (sheet_name != nullptr && id != nullptr) {
                sheets.push_back({sheet_name, id, state == nullptr || std::strcmp(state, "visible") == 0});
            }
        }
        return true;
    }
};

struct StylesHandler : HandlerBase {
    std::vector<std::pair<int, std::string>> formats;  // custom numFmts: id, code
    std::vector<int> cell_formats;                     // numFmtId of each cellXfs xf
    std::size_t max_styles = 0;
    bool in_cell_xfs = false;
    bool start(std::string_view name, const char** attributes) {
        if (name == "numFmt") {
            const char* id = attribute(attributes, "numFmtId");
            const char* code = attribute(attributes, "formatCode");
            const auto parsed = id != nullptr ? parse_count(id) : std::nullopt;
            if (parsed && *parsed <= std::numeric_limits<int>::max() && code != nullptr) {
                formats.emplace_back(static_cast<int>(*parsed), code);
            }
        } else if (name == "cellXfs") {
            in_cell_xfs = true;
        } else if (name == "xf" && in_cell_xfs) {
            const char* id = attribute(attributes, "numFmtId");
            const auto parsed = id != nullptr ? parse_count(id) : std::nullopt;
            cell_formats.push_back(parsed && *parsed <= std::numeric_limits<int>::max() ? static_cast<int>(*parsed) : 0);
        }
        return true;
    }
    bool end(std::string_view name) {
        if (name == "cellXfs") {
            in_cell_xfs = false;
        }
        return true;
    }
};

// The shared strings, stored as they are read: the text of every <t> of an <si> but those of
// phonetic runs (<rPh>), with its escapes decoded.
struct SharedStringsHandler : HandlerBase {
    std::string& text_store;
    std::vector<std::uint32_t>& ends;
    const WorkbookLimits& limits;
    bool in_si = false;
    bool in_t = false;
    int phonetic = 0;
    std::size_t t_begin = 0;
    std::string decoded;

    SharedStringsHandler(std::string& t, std::vector<std::uint32_t>& e, const WorkbookLimits& l)
        : text_store(t), ends(e), limits(l) {}

    bool start(std::string_view name, const char**) {
        if (name == "si") {
            in_si = true;
        } else if (name == "rPh") {
            ++phonetic;
        } else if (name == "t" && in_si && phonetic == 0) {
            in_t = true;
            t_begin = text_store.size();
        }
        return true;
    }
    bool end(std::string_view name) {
        if (name == "t" && in_t) {
            in_t = false;
            if (text_store.find('_', t_begin) != std::string::npos) {
                decoded.clear();
                append_ooxml_text(std::string_view(text_store).substr(t_begin), decoded);
                text_store.resize(t_begin);
                text_store += decoded;
            }
        } else if (name == "rPh") {
            --phonetic;
        } else if (name == "si" && in_si) {
            in_si = false;
            if (ends.size() >= limits.shared_strings) {
                failure = fmt::format("it has more than {} shared strings", limits.shared_strings);
                return false;
            }
            ends.push_back(static_cast<std::uint32_t>(text_store.size()));
        }
        return true;
    }
    bool text(const char* data, std::size_t size) {
        if (in_t) {
            // The ends are 32-bit: no limit lets the text outgrow them.
            if (text_store.size() + size > std::min<std::uint64_t>(limits.shared_text_bytes, UINT32_MAX)) {
                failure = fmt::format("its shared strings hold more than {} of text", size_text(limits.shared_text_bytes));
                return false;
            }
            text_store.append(data, size);
        }
        return true;
    }
};

// A relationship target as a part name: relative to the folder of the part that names it,
// or absolute (`/xl/...`); `..` steps up.
std::string resolve_target(const std::string& source_part, const std::string& target) {
    std::vector<std::string> segments;
    std::string path = target;
    if (!target.empty() && target.front() == '/') {
        path = target.substr(1);
    } else {
        const std::size_t slash = source_part.rfind('/');
        path = (slash == std::string::npos ? std::string() : source_part.substr(0, slash + 1)) + target;
    }
    std::size_t from = 0;
    while (from <= path.size()) {
        std::size_t to = path.find('/', from);
        if (to == std::string::npos) {
            to = path.size();
        }
        const std::string segment = path.substr(from, to - from);
        if (segment == "..") {
            if (!segments.empty()) {
                segments.pop_back();
            }
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        from = to + 1;
    }
    std::string out;
    for (const std::string& segment : segments) {
        out += out.empty() ? "" : "/";
        out += segment;
    }
    return out;
}

std::string relationships_part(const std::string& part) {
    const std::size_t slash = part.rfind('/');
    return slash == std::string::npos ? "_rels/" + part + ".rels"
                                      : part.substr(0, slash + 1) + "_rels/" + part.substr(slash + 1) + ".rels";
}

std::vector<Relationship> read_relationships(const Archive& archive, const std::string& part, const WorkbookLimits& limits) {
    RelationshipsHandler handler;
    const std::string name = relationships_part(part);
    if (const auto index = archive.find(name)) {
        parse_entry(archive, *index, name, limits.part_bytes, limits, handler);
    }
    return std::move(handler.relationships);
}

// ---- the sheet as CSV text --------------------------------------------------------------------

// Cell types (the `t` attribute).
enum class CellType : std::uint8_t { number, shared, inline_string, formula_string, boolean, error, date };

class SheetSource;

struct SheetHandler {
    SheetSource& source;
    std::string failure;
    std::int64_t failure_line = 0;
    bool start(std::string_view name, const char** attributes);
    bool end(std::string_view name);
    bool text(const char* data, std::size_t size);
};

class SheetSource final : public ByteSource {
public:
    SheetSource(std::shared_ptr<const Workbook> workbook, const std::string& open_path, const std::string& display_name,
                const std::string& part, const WorkbookLimits& limits, const std::vector<std::uint8_t>& styles,
                const std::string& shared_text, const std::vector<std::uint32_t>& shared_ends, bool date1904)
        : m_workbook(std::move(workbook)),
          m_archive(open_path, display_name),
          m_entry(m_archive, locate(m_archive, part), part, limits.sheet_bytes, limits),
          m_handler{*this, {}, 0},
          m_parser(m_handler, m_archive.display_name(), part),
          m_styles(styles),
          m_shared_text(shared_text),
          m_shared_ends(shared_ends),
          m_date1904(date1904) {}

    std::size_t read(char* buffer, std::size_t size) override {
        if (m_out.size() - m_out_at < size && m_out_at > 0) {
            // What was handed out goes before more is made: the text held stays one chunk's.
            m_out.erase(0, m_out_at);
            m_out_at = 0;
        }
        while (m_out.size() - m_out_at < size && !m_done) {
            m_done = !m_parser.step([&](char* into, std::size_t room) { return m_entry.read(into, room); });
        }
        const std::size_t n = std::min(size, m_out.size() - m_out_at);
        std::memcpy(buffer, m_out.data() + m_out_at, n);
        m_out_at += n;
        if (m_out_at == m_out.size()) {
            m_out.clear();
            m_out_at = 0;
        }
        return n;
    }

private:
    friend struct SheetHandler;

    bool fail(std::string why) {
        m_handler.failure = std::move(why);
        m_handler.failure_line = m_row;
        return false;
    }

    // The used range `A1:E200`: its last column is the width of every row (see end_row).
    void start_dimension(const char** attributes) {
        const char* ref = attribute(attributes, "ref");
        if (ref == nullptr) {
            return;
        }
        const char* colon = std::strchr(ref, ':');
        std::int64_t column = 0;
        for (const char* p = colon != nullptr ? colon + 1 : ref; *p >= 'A' && *p <= 'Z' && column <= k_max_columns; ++p) {
            column = column * 26 + (*p - 'A' + 1);
        }
        m_widest = std::min(column, k_max_padded_columns);
    }

    bool start_row(const char** attributes) {
        std::int64_t row = m_row + 1;
        if (const char* r = attribute(attributes, "r")) {
            const auto parsed = parse_count(r);
            if (!parsed) {
                return fail(fmt::format("a row's number \"{}\" is not a number", r));
            }
            row = *parsed;
        }
        if (row <= m_row || row > k_max_rows) {
            return fail(row <= m_row ? fmt::format("row {} comes after row {}", row, m_row)
                                     : fmt::format("row {} is beyond Excel's last row, {}", row, k_max_rows));
        }
        // One line per row: the rows the sheet leaves out are empty lines.
        m_out.append(static_cast<std::size_t>(row - m_row - 1), '\n');
        m_row = row;
        m_in_row = true;
        m_column = 0;
        m_written_column = 0;
        m_row_bytes = 0;
        return true;
    }

    bool start_cell(const char** attributes) {
        std::int64_t column = m_column + 1;
        m_type = CellType::number;
        m_style = 0;
        for (const char** a = attributes; *a != nullptr; a += 2) {
            const char* name = a[0];
            const char* value = a[1];
            if (name[0] == 'r' && name[1] == '\0') {
                std::int64_t letters = 0;
                const char* p = value;
                for (; (*p >= 'A' && *p <= 'Z') && letters <= k_max_columns; ++p) {
                    letters = letters * 26 + (*p - 'A' + 1);
                }
                if (p == value) {
                    return fail(fmt::format("a cell's reference \"{}\" names no column", value));
                }
                column = letters;
            } else if (name[0] == 't' && name[1] == '\0') {
                const std::string_view t(value);
                m_type = t == "s" ? CellType::shared
                         : t == "inlineStr" ? CellType::inline_string
                         : t == "str" ? CellType::formula_string
                         : t == "b" ? CellType::boolean
                         : t == "e" ? CellType::error
                         : t == "d" ? CellType::date
                                    : CellType::number;
            } else if (name[0] == 's' && name[1] == '\0') {
                std::uint32_t style = 0;
                const std::size_t length = std::strlen(value);
                const auto parsed = std::from_chars(value, value + length, style);
                m_style = parsed.ec == std::errc() ? style : 0;
            }
        }
        if (column <= m_column || column > k_max_columns) {
            return fail(column <= m_column ? fmt::format("row {} has two cells in column {}, or cells out of order",
                                                         m_row, column)
                                           : fmt::format("a cell of row {} is beyond Excel's last column, XFD", m_row));
        }
        m_column = column;
        m_in_cell = true;
        m_value.clear();
        return true;
    }

    bool end_cell() {
        m_in_cell = false;
        m_field.clear();
        switch (m_type) {
            case CellType::shared: {
                const auto index = parse_count(m_value);
                if (!index || static_cast<std::uint64_t>(*index) >= m_shared_ends.size()) {
                    if (m_value.empty()) {
                        return true;
                    }
                    return fail(fmt::format("a cell of row {} names shared string {}, which the workbook does not have",
                                            m_row, m_value));
                }
                const auto i = static_cast<std::size_t>(*index);
                const std::uint32_t begin = i == 0 ? 0 : m_shared_ends[i - 1];
                if (m_row_bytes + m_shared_ends[i] - begin > k_max_row_bytes) {
                    return fail(fmt::format("row {} is longer than 16 MiB as text", m_row));
                }
                m_field.assign(m_shared_text, begin, m_shared_ends[i] - begin);
                break;
            }
            case CellType::inline_string:
            case CellType::formula_string:
                append_ooxml_text(m_value, m_field);
                break;
            case CellType::boolean:
                m_field = m_value.empty() ? "" : m_value == "0" ? "FALSE" : "TRUE";
                break;
            case CellType::error:
                m_field = m_value;
                break;
            case CellType::date:
                // An ISO 8601 cell (`t="d"`, rare): the same text with a space for the `T`.
                m_field = m_value;
                std::replace(m_field.begin(), m_field.end(), 'T', ' ');
                break;
            case CellType::number:
                append_number();
                break;
        }
        if (m_field.empty()) {
            return true;
        }
        // A field costs at most twice its text (quotes doubled), and the commas before it.
        m_row_bytes += 2 * m_field.size() + 2 + static_cast<std::size_t>(m_column - m_written_column);
        if (m_row_bytes > k_max_row_bytes) {
            return fail(fmt::format("row {} is longer than 16 MiB as text", m_row));
        }
        write_field();
        return true;
    }

    void append_number() {
        if (m_value.empty()) {
            return;  // a styled empty cell
        }
        double value = 0;
        const auto parsed = std::from_chars(m_value.data(), m_value.data() + m_value.size(), value);
        if (parsed.ec != std::errc() || parsed.ptr != m_value.data() + m_value.size()) {
            m_field = m_value;  // not a number after all: shown as written
            return;
        }
        const NumberShow show = m_style < m_styles.size() ? static_cast<NumberShow>(m_styles[m_style])
                                                          : NumberShow::general;
        if (show == NumberShow::general || !append_date_serial(value, show, m_date1904, m_field)) {
            append_general_number(value, m_field);
        }
    }

    void write_field() {
        // Fields before it that the sheet left out, or left empty, are empty fields.
        m_out.append(static_cast<std::size_t>(m_written_column == 0 ? m_column - 1 : m_column - m_written_column), ',');
        m_written_column = m_column;
        if (m_field.find_first_of(",\"\n\r;\t|") == std::string::npos) {
            m_out += m_field;
            return;
        }
        m_out += '"';
        for (std::size_t i = 0; i < m_field.size(); ++i) {
            const char c = m_field[i];
            if (c == '"') {
                m_out += "\"\"";
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < m_field.size() && m_field[i + 1] == '\n') {
                    ++i;
                }
                // A line break in a cell must not add a physical line, or the rows below would
                // lose their sheet row numbers. The CSV layer counts LF only once a file's
                // lines end with LF, so a break is a CR from then on; on the first line, where
                // it would still count, it is a space.
                m_out += m_lf_seen ? '\r' : ' ';
            } else {
                m_out += c;
            }
        }
        m_out += '"';
    }

    // Every row with a value has as many fields as the widest row so far, or as the sheet's
    // used range (<dimension>, which Excel writes first) says: Excel's own CSV pads rows so, and
    // the CSV layer takes a row with fewer fields than its header for a bad row. Padding stops
    // at k_max_padded_columns, so that no few bytes of XML ask for more than 1 KiB of commas.
    void end_row() {
        if (m_written_column > 0) {
            m_widest = std::max(m_widest, std::min(m_written_column, k_max_padded_columns));
            if (m_written_column < m_widest) {
                m_out.append(static_cast<std::size_t>(m_widest - m_written_column), ',');
            }
        }
        m_out += '\n';
        m_lf_seen = true;
        m_in_row = false;
    }

    std::shared_ptr<const Workbook> m_workbook;  // keeps the styles and shared strings below alive
    Archive m_archive;
    Entry m_entry;
    SheetHandler m_handler;
    Parser<SheetHandler> m_parser;
    const std::vector<std::uint8_t>& m_styles;
    const std::string& m_shared_text;
    const std::vector<std::uint32_t>& m_shared_ends;
    bool m_date1904;

    std::string m_out;
    std::size_t m_out_at = 0;
    bool m_done = false;
    bool m_lf_seen = false;

    bool m_in_sheet_data = false;
    bool m_in_row = false;
    bool m_in_cell = false;
    bool m_in_value = false;
    bool m_in_inline = false;
    bool m_in_inline_t = false;
    int m_phonetic = 0;
    std::int64_t m_row = 0;
    std::int64_t m_column = 0;
    std::int64_t m_written_column = 0;
    std::int64_t m_widest = 0;  // the fields every row with a value has at least
    std::size_t m_row_bytes = 0;  // an upper bound of the current row's text so far
    CellType m_type = CellType::number;
    std::uint32_t m_style = 0;
    std::string m_value;
    std::string m_field;
};

bool SheetHandler::start(std::string_view name, const char** attributes) {
    SheetSource& s = source;
    if (!s.m_in_sheet_data) {
        if (name == "dimension") {
            s.start_dimension(attributes);
        }
        s.m_in_sheet_data = name == "sheetData";
        return true;
    }
    if (s.m_in_cell) {
        if (name == "v") {
            s.m_in_value = true;
        } else if (name == "is") {
            s.m_in_inline = true;
        } else if (name == "rPh") {
            ++s.m_phonetic;
        } else if (name == "t" && s.m_in_inline && s.m_phonetic == 0) {
            s.m_in_inline_t = true;
        }
        return true;
    }
    if (name == "c" && s.m_in_row) {
        return s.start_cell(attributes);
    }
    if (name == "row") {
        return s.start_row(attributes);
    }
    return true;
}

bool SheetHandler::end(std::string_view name) {
    SheetSource& s = source;
    if (!s.m_in_sheet_data) {
        return true;
    }
    if (s.m_in_cell) {
        if (name == "v") {
            s.m_in_value = false;
        } else if (name == "is") {
            s.m_in_inline = false;
        } else if (name == "rPh") {
            --s.m_phonetic;
        } else if (name == "t") {
            s.m_in_inline_t = false;
        } else if (name == "c") {
            return s.end_cell();
        }
        return true;
    }
    if (name == "row" && s.m_in_row) {
        s.end_row();
    } else if (name == "sheetData") {
        s.m_in_sheet_data = false;
    }
    return true;
}

bool SheetHandler::text(const char* data, std::size_t size) {
    SheetSource& s = source;
    // The value of a typed cell is its <v>; an inline string's, the <t> of its <is>.
    if ((s.m_in_value && s.m_type != CellType::inline_string) || s.m_in_inline_t) {
        if (s.m_value.size() + size > (std::size_t{1} << 24)) {
            return s.fail(fmt::format("a cell of row {} holds more than 16 MiB", s.m_row));
        }
        s.m_value.append(data, size);
    }
    return true;
}

}  // namespace

struct Workbook::Impl {
    static void read(Workbook& book, const Archive& archive, std::string_view preferred_sheet);
};

bool is_zip_signature(const unsigned char* bytes, std::size_t size) {
    return size >= 4 && bytes[0] == 'P' && bytes[1] == 'K' &&
           ((bytes[2] == 3 && bytes[3] == 4) || (bytes[2] == 5 && bytes[3] == 6));
}

Workbook::Workbook() = default;
Workbook::~Workbook() = default;

std::shared_ptr<const Workbook> Workbook::open(const std::string& open_path, const std::string& display_name,
                                               std::string_view preferred_sheet, const WorkbookLimits& limits) {
    std::shared_ptr<Workbook> book(new Workbook());
    book->m_open_path = open_path;
    book->m_display_name = display_name;
    book->m_limits = limits;
    const Archive archive(open_path, display_name);
    Impl::read(*book, archive, preferred_sheet);
    return book;
}

void Workbook::Impl::read(Workbook& book, const Archive& archive, std::string_view preferred_sheet) {
    const WorkbookLimits& limits = book.m_limits;
    const std::string& name = book.m_display_name;
    // The workbook part is the package's officeDocument; files that skip the package
    // relationships still keep it at its usual place.
    std::string workbook_part = "xl/workbook.xml";
    for (const Relationship& r : read_relationships(archive, "", limits)) {
        if (r.type == "officeDocument") {
            workbook_part = resolve_target("", r.target);
            break;
        }
    }
    const auto workbook_index = archive.find(workbook_part);
    if (!workbook_index) {
        throw_invalid(name, fmt::format("it is a zip archive without a workbook ({} is missing)", workbook_part));
    }
    WorkbookHandler workbook;
    parse_entry(archive, *workbook_index, workbook_part, limits.part_bytes, limits, workbook);
    book.m_date1904 = workbook.date1904;

    const std::vector<Relationship> relationships = read_relationships(archive, workbook_part, limits);
    // Indexed, not searched per sheet: a hostile workbook may hold a million of each.
    std::unordered_map<std::string, const Relationship*> by_id;
    std::unordered_map<std::string, const Relationship*> by_type;
    for (const Relationship& r : relationships) {
        by_id.emplace(r.id, &r);
        by_type.emplace(r.type, &r);
    }
    auto target_of = [&](const std::string& id, const std::string& type) -> std::optional<std::string> {
        const auto& index = id.empty() ? by_type : by_id;
        const auto it = index.find(id.empty() ? type : id);
        if (it == index.end() || it->second->type != type) {
            return std::nullopt;
        }
        return resolve_target(workbook_part, it->second->target);
    };

    // The worksheets (chart sheets and dialog sheets hold no rows) in workbook order.
    std::vector<std::pair<SheetEntry, std::string>> worksheets;
    for (const SheetEntry& sheet : workbook.sheets) {
        if (const auto part = target_of(sheet.relationship, "worksheet")) {
            worksheets.emplace_back(sheet, *part);
            book.m_sheet_names.push_back(sheet.name);
        }
    }
    if (worksheets.empty()) {
        throw_invalid(name, "it has no worksheet");
    }
    const std::pair<SheetEntry, std::string>* chosen = nullptr;
    const std::string wanted = ascii_lower(preferred_sheet);
    for (const auto& sheet : worksheets) {
        if (!wanted.empty() && ascii_lower(sheet.first.name) == wanted) {
            chosen = &sheet;
            break;
        }
    }
    for (const auto& sheet : worksheets) {
        if (chosen == nullptr && sheet.first.visible) {
            chosen = &sheet;
        }
    }
    if (chosen == nullptr) {
        chosen = &worksheets.front();
    }
    book.m_sheet_name = chosen->first.name;
    book.m_sheet_part = chosen->second;
    if (!archive.find(book.m_sheet_part)) {
        throw_invalid(name, fmt::format("its sheet \"{}\" ({}) is missing", book.m_sheet_name, book.m_sheet_part));
    }

    if (const auto styles_part = target_of("", "styles")) {
        if (const auto index = archive.find(*styles_part)) {
            StylesHandler styles;
            parse_entry(archive, *index, *styles_part, limits.part_bytes, limits, styles);
            std::unordered_map<int, std::string_view> codes;
            for (const auto& [format_id, format_code] : styles.formats) {
                codes[format_id] = format_code;  // the last definition of an id wins
            }
            book.m_styles.reserve(styles.cell_formats.size());
            for (const int id : styles.cell_formats) {
                const auto it = codes.find(id);
                book.m_styles.push_back(static_cast<std::uint8_t>(
                    classify_number_format(id, it == codes.end() ? std::string_view() : it->second)));
            }
        }
    }
    if (const auto strings_part = target_of("", "sharedStrings")) {
        if (const auto index = archive.find(*strings_part)) {
            SharedStringsHandler strings(book.m_shared_text, book.m_shared_ends, limits);
            parse_entry(archive, *index, *strings_part, limits.shared_strings_bytes, limits, strings);
            book.m_shared_text.shrink_to_fit();
            book.m_shared_ends.shrink_to_fit();
        }
    }
}

std::unique_ptr<ByteSource> Workbook::open_sheet() const {
    return std::make_unique<SheetSource>(shared_from_this(), m_open_path, m_display_name, m_sheet_part, m_limits,
                                         m_styles, m_shared_text, m_shared_ends, m_date1904);
}

}  // namespace clientscore::ingest
