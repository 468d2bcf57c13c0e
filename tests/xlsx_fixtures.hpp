#pragma once
// Small .xlsx workbooks written by the tests themselves with libzip: the parts Excel writes
// (content types, relationships, workbook, styles, shared strings, sheets), each given as XML
// so that a test says exactly which cells, types and formats it reads.

#include <zip.h>

#include <cstdint>
#include <filesystem>
#include <stdexcept>
#include <string>
#include <vector>

#include "cli_runner.hpp"

namespace clientscore::testing {

struct ZipPart {
    std::string name;
    std::string bytes;
};

/// Writes `parts` as a zip archive at `path` (deflated, or stored with `store`).
inline void write_zip(const std::filesystem::path& path, const std::vector<ZipPart>& parts, bool store = false) {
    int code = 0;
    zip_t* zip = zip_open(path.c_str(), ZIP_CREATE | ZIP_TRUNCATE, &code);
    if (zip == nullptr) {
        throw std::runtime_error("cannot create " + path.string());
    }
    for (const ZipPart& part : parts) {
        zip_source_t* source = zip_source_buffer(zip, part.bytes.data(), part.bytes.size(), 0);
        const zip_int64_t index = source != nullptr ? zip_file_add(zip, part.name.c_str(), source, ZIP_FL_OVERWRITE) : -1;
        if (index < 0) {
            zip_source_free(source);
            zip_discard(zip);
            throw std::runtime_error("cannot add " + part.name);
        }
        zip_set_file_compression(zip, static_cast<zip_uint64_t>(index), store ? ZIP_CM_STORE : ZIP_CM_DEFLATE, 0);
    }
    if (zip_close(zip) != 0) {
        zip_discard(zip);
        throw std::runtime_error("cannot write " + path.string());
    }
}

struct SheetSpec {
    std::string name;
    /// The content of <sheetData>: `<row r="1"><c r="A1" t="inlineStr"><is><t>client</t></is></c></row>`.
    std::string rows;
    std::string state = {};  ///< `hidden` for a hidden sheet
    std::string dimension = "A1";  ///< the used range Excel writes before the rows
};

struct WorkbookSpec {
    std::vector<SheetSpec> sheets;
    /// The shared strings, as the text of each <si> (XML, so `<r><t>a</t></r><r><t>b</t></r>` works).
    std::vector<std::string> shared = {};
    /// <numFmts> entries (`<numFmt numFmtId="164" formatCode="yyyy-mm-dd"/>`).
    std::string number_formats = {};
    /// The numFmtId of each cellXfs entry, so that `s="N"` of a cell picks entry N.
    std::vector<int> cell_formats = {0};
    bool date1904 = false;
};

/// An inline-string cell.
inline std::string text_cell(const std::string& ref, const std::string& text) {
    return "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + text + "</t></is></c>";
}

/// A numeric cell, with a style when `style` >= 0.
inline std::string number_cell(const std::string& ref, const std::string& value, int style = -1) {
    return "<c r=\"" + ref + "\"" + (style >= 0 ? " s=\"" + std::to_string(style) + "\"" : "") + "><v>" + value +
           "</v></c>";
}

inline std::string row_xml(int r, const std::string& cells) {
    return "<row r=\"" + std::to_string(r) + "\">" + cells + "</row>";
}

/// The parts of a workbook as Excel lays them out.
inline std::vector<ZipPart> workbook_parts(const WorkbookSpec& spec) {
    const std::string ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
    const std::string rel_ns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
    std::vector<ZipPart> parts;
    std::string types = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                        R"(<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">)"
                        R"(<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>)"
                        R"(<Default Extension="xml" ContentType="application/xml"/></Types>)";
    parts.push_back({"[Content_Types].xml", types});
    parts.push_back({"_rels/.rels", R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                                    R"(<Relationship Id="rId1" Type=")" + rel_ns + R"(/officeDocument" Target="xl/workbook.xml"/></Relationships>)"});
    std::string workbook = R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns=")" + ns + R"(" xmlns:r=")" + rel_ns + R"(">)";
    workbook += spec.date1904 ? R"(<workbookPr date1904="1"/>)" : "<workbookPr/>";
    workbook += "<sheets>";
    std::string rels = R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    for (std::size_t i = 0; i < spec.sheets.size(); ++i) {
        const std::string n = std::to_string(i + 1);
        workbook += "<sheet name=\"" + spec.sheets[i].name + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"" +
                    (spec.sheets[i].state.empty() ? "" : " state=\"" + spec.sheets[i].state + "\"") + "/>";
        rels += "<Relationship Id=\"rId" + n + "\" Type=\"" + rel_ns + "/worksheet\" Target=\"worksheets/sheet" + n + ".xml\"/>";
        parts.push_back({"xl/worksheets/sheet" + n + ".xml",
                         R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns=")" + ns +
                             R"("><dimension ref=")" + spec.sheets[i].dimension + R"("/><sheetData>)" + spec.sheets[i].rows + "</sheetData></worksheet>"});
    }
    workbook += "</sheets></workbook>";
    rels += R"(<Relationship Id="rIdS" Type=")" + rel_ns + R"(/styles" Target="styles.xml"/>)";
    if (!spec.shared.empty()) {
        rels += R"(<Relationship Id="rIdT" Type=")" + rel_ns + R"(/sharedStrings" Target="/xl/sharedStrings.xml"/>)";
        std::string strings = R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns=")" + ns + R"(">)";
        for (const std::string& s : spec.shared) {
            strings += s.starts_with("<") ? "<si>" + s + "</si>" : "<si><t xml:space=\"preserve\">" + s + "</t></si>";
        }
        parts.push_back({"xl/sharedStrings.xml", strings + "</sst>"});
    }
    rels += "</Relationships>";
    std::string styles = R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns=")" + ns + R"(">)";
    if (!spec.number_formats.empty()) {
        styles += "<numFmts>" + spec.number_formats + "</numFmts>";
    }
    styles += R"(<cellStyleXfs count="1"><xf numFmtId="14"/></cellStyleXfs><cellXfs>)";
    for (const int id : spec.cell_formats) {
        styles += "<xf numFmtId=\"" + std::to_string(id) + "\" applyNumberFormat=\"1\"/>";
    }
    styles += "</cellXfs></styleSheet>";
    parts.push_back({"xl/workbook.xml", workbook});
    parts.push_back({"xl/_rels/workbook.xml.rels", rels});
    parts.push_back({"xl/styles.xml", styles});
    return parts;
}

inline void write_workbook(const std::filesystem::path& path, const WorkbookSpec& spec) {
    write_zip(path, workbook_parts(spec));
}

/// A one-sheet workbook of inline strings, one CSV-like row per entry of `rows` (cells split at
/// `,`; no quoting): the quickest way to an export as .xlsx.
inline void write_text_workbook(const std::filesystem::path& path, const std::string& sheet_name,
                                const std::vector<std::string>& rows) {
    std::string xml;
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string cells;
        std::size_t from = 0;
        char column = 'A';
        while (from <= rows[r].size()) {
            std::size_t to = rows[r].find(',', from);
            if (to == std::string::npos) {
                to = rows[r].size();
            }
            const std::string value = rows[r].substr(from, to - from);
            if (!value.empty()) {
                cells += text_cell(std::string(1, column) + std::to_string(r + 1), value);
            }
            ++column;
            from = to + 1;
        }
        xml += row_xml(static_cast<int>(r + 1), cells);
    }
    write_workbook(path, WorkbookSpec{{SheetSpec{sheet_name, xml}}});
}

}  // namespace clientscore::testing
