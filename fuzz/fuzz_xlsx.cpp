// libFuzzer target: .xlsx workbooks read as exports (src/ingest/xlsx/).
//
// The first byte of the input chooses what the rest is:
//   0  a whole file (a zip archive, or not), read with read_export as an invoices export;
//   1  the XML of the sheet, packed with fixed shared strings and styles into a workbook;
//   2  the XML of the shared strings, with a fixed sheet that uses them;
//   3  the XML of the styles, with a fixed sheet of numbers in every style.
// Modes 1-3 put the XML where the fuzzer can change it byte by byte (a mutated deflate stream
// would only fail its checksum). Each workbook's sheet is read as text and must be valid UTF-8
// without NUL bytes (what the CSV layer needs of it); then the whole reading stage runs on it.
// InputError is an expected outcome; any other exception, a crash or a sanitizer report is a
// finding.

#include <zip.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"
#include "ingest/xlsx/workbook.hpp"

namespace {

using namespace clientscore;
namespace fs = std::filesystem;

fs::path g_dir;

const char* const k_ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const char* const k_rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

std::string workbook_xml() {
    return std::string("<?xml version=\"1.0\"?><workbook xmlns=\"") + k_ns + "\" xmlns:r=\"" + k_rel +
           "\"><workbookPr date1904=\"0\"/><sheets><sheet name=\"invoices\" sheetId=\"1\" r:id=\"rId1\"/></sheets></workbook>";
}

std::string workbook_rels() {
    return std::string("<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">") +
           "<Relationship Id=\"rId1\" Type=\"" + k_rel + "/worksheet\" Target=\"worksheets/sheet1.xml\"/>" +
           "<Relationship Id=\"rId2\" Type=\"" + k_rel + "/styles\" Target=\"styles.xml\"/>" +
           "<Relationship Id=\"rId3\" Type=\"" + k_rel + "/sharedStrings\" Target=\"sharedStrings.xml\"/></Relationships>";
}

const std::string k_strings = std::string("<sst xmlns=\"") + k_ns +
                              "\"><si><t>client</t></si><si><t>issued_at</t></si><si><t>amount</t></si>"
                              "<si><r><t>Ac</t></r><r><t>me_x000D_</t></r></si></sst>";
const std::string k_styles = std::string("<styleSheet xmlns=\"") + k_ns +
                             "\"><numFmts><numFmt numFmtId=\"164\" formatCode=\"yyyy-mm-dd hh:mm\"/></numFmts>"
                             "<cellXfs><xf numFmtId=\"0\"/><xf numFmtId=\"14\"/><xf numFmtId=\"164\"/>"
                             "<xf numFmtId=\"46\"/><xf numFmtId=\"4\"/></cellXfs></styleSheet>";
const std::string k_sheet = std::string("<worksheet xmlns=\"") + k_ns +
                            "\"><dimension ref=\"A1:D3\"/><sheetData>"
                            "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"B1\" t=\"s\"><v>1</v></c>"
                            "<c r=\"C1\" t=\"s\"><v>2</v></c><c r=\"D1\" t=\"s\"><v>3</v></c></row>"
                            "<row r=\"2\"><c r=\"A2\" t=\"s\"><v>3</v></c><c r=\"B2\" s=\"1\"><v>46266</v></c>"
                            "<c r=\"C2\" s=\"4\"><v>12.5</v></c><c r=\"D2\" s=\"2\"><v>46266.25</v></c></row>"
                            "<row r=\"3\"><c r=\"A3\" s=\"3\"><v>1.5</v></c><c r=\"B3\" s=\"5\"><v>7</v></c>"
                            "<c r=\"C3\" t=\"b\"><v>1</v></c><c r=\"D3\" t=\"e\"><v>#N/A</v></c></row>"
                            "</sheetData></worksheet>";

bool write_workbook(const fs::path& path, const std::string& sheet, const std::string& strings,
                    const std::string& styles) {
    int code = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (zip == nullptr) {
        return false;
    }
    const std::vector<std::pair<std::string, std::string>> parts = {
        {"xl/workbook.xml", workbook_xml()},
        {"xl/_rels/workbook.xml.rels", workbook_rels()},
        {"xl/worksheets/sheet1.xml", sheet},
        {"xl/sharedStrings.xml", strings},
        {"xl/styles.xml", styles}};
    for (const auto& [name, bytes] : parts) {
        zip_source_t* source = zip_source_buffer(zip, bytes.data(), bytes.size(), 0);
        const zip_int64_t index = source != nullptr ? zip_file_add(zip, name.c_str(), source, 0) : -1;
        if (index < 0) {
            zip_source_free(source);
            zip_discard(zip);
            return false;
        }
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), ZIP_CM_STORE, 0);
    }
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        return false;
    }
    return true;
}

// What TextGuard demands of the bytes: UTF-8 (no overlong forms, surrogates or values past
// U+10FFFF) and no NUL.
bool valid_text(const std::string& s) {
    std::size_t i = 0;
    while (i < s.size()) {
        const auto c = static_cast<unsigned char>(s[i]);
        if (c == 0) {
            return false;
        }
        if (c < 0x80) {
            ++i;
            continue;
        }
        int need = 0;
        unsigned low = 0x80;
        unsigned high = 0xBF;
        if (c >= 0xC2 && c <= 0xDF) {
            need = 1;
        } else if (c >= 0xE0 && c <= 0xEF) {
            need = 2;
            low = c == 0xE0 ? 0xA0 : 0x80;
            high = c == 0xED ? 0x9F : 0xBF;
        } else if (c >= 0xF0 && c <= 0xF4) {
            need = 3;
            low = c == 0xF0 ? 0x90 : 0x80;
            high = c == 0xF4 ? 0x8F : 0xBF;
        } else {
            return false;
        }
        for (int k = 1; k <= need; ++k) {
            if (i + static_cast<std::size_t>(k) >= s.size()) {
                return false;
            }
            const auto b = static_cast<unsigned char>(s[i + static_cast<std::size_t>(k)]);
            if (b < (k == 1 ? low : 0x80) || b > (k == 1 ? high : 0xBF)) {
                return false;
            }
        }
        i += static_cast<std::size_t>(need) + 1;
    }
    return true;
}

struct Sink : RecordSink {
    std::size_t records = 0;
    void on_contact(const ContactRecord&) override { ++records; }
    void on_invoice(const InvoiceRecord&) override { ++records; }
    void on_discount(const DiscountRecord&) override { ++records; }
    void on_client(const ClientRecord&) override { ++records; }
};

// Small limits: the fuzzer's inputs are small, and a limit is a path worth reaching.
ingest::WorkbookLimits limits() {
    ingest::WorkbookLimits l;
    l.sheet_bytes = 1u << 22;
    l.shared_strings_bytes = 1u << 20;
    l.shared_text_bytes = 1u << 16;
    l.shared_strings = 4096;
    l.part_bytes = 1u << 20;
    l.ratio_floor = 1u << 16;
    return l;
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
    std::string pattern = (fs::temp_directory_path() / "clientscore-fuzz-xlsx-XXXXXX").string();
    if (mkdtemp(pattern.data()) == nullptr) {
        std::abort();
    }
    g_dir = pattern;
    std::atexit([] {
        std::error_code ignored;
        fs::remove_all(g_dir, ignored);
    });
    return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) {
        return 0;
    }
    const int mode = data[0] % 4;
    const std::string rest(reinterpret_cast<const char*>(data + 1), size - 1);
    const fs::path path = g_dir / "invoices.xlsx";
    if (mode == 0) {
        std::ofstream(path, std::ios::binary | std::ios::trunc) << rest;
    } else if (!write_workbook(path, mode == 1 ? rest : k_sheet, mode == 2 ? rest : k_strings,
                               mode == 3 ? rest : k_styles)) {
        return 0;
    }
    if (mode != 0) {
        try {
            const auto book = ingest::Workbook::open(path.string(), "invoices.xlsx", "invoices", limits());
            auto source = book->open_sheet();
            std::string text;
            std::vector<char> buffer(4096);
            for (;;) {
                const std::size_t got = source->read(buffer.data(), buffer.size());
                text.append(buffer.data(), got);
                if (got < buffer.size()) {
                    break;
                }
            }
            if (!valid_text(text)) {
                std::abort();  // the CSV layer would refuse the file for bytes it never had
            }
        } catch (const InputError&) {
        }
    }
    try {
        Sink sink;
        ReadSettings settings;
        read_export(InputFile{path.string(), data[0] & 4 ? Kind::calls : Kind::invoices, "invoices.xlsx", std::nullopt},
                    0, settings, sink);
    } catch (const InputError&) {
    } catch (const UsageError&) {
    }
    return 0;
}
