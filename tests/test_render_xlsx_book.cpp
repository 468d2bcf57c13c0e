// XlsxBook and XlsxSheet (src/render/xlsx_book.cpp): typed cells, text never a formula, the
// same bytes for the same workbook.

#include <catch2/catch.hpp>
#include <zip.h>

#include "cli_runner.hpp"
#include "render/xlsx_book.hpp"

using namespace clientscore;
using namespace clientscore::render;
using namespace clientscore::testing;

namespace {

std::string book_bytes() {
    XlsxBook book(20000);
    XlsxSheet sheet = book.add_sheet("Clients");
    sheet.header({"client", "net_revenue", "share", "day"});
    sheet.text(1, 0, "=HYPERLINK(\"http://x\",\"y\")");
    sheet.number(1, 1, 1234.5, XlsxStyle::money);
    sheet.number(1, 2, 0.275, XlsxStyle::percent);
    sheet.date(1, 3, 20000);
    sheet.finish(1);
    StringWriter out;
    book.write_to(out);
    return out.text();
}

std::string zip_entry(const std::string& bytes, const std::string& name) {
    zip_error_t error;
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    REQUIRE(source != nullptr);
    zip_t* archive = zip_open_from_source(source, ZIP_RDONLY, &error);
    REQUIRE(archive != nullptr);
    zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
    REQUIRE(file != nullptr);
    std::string text;
    char buffer[4096];
    zip_int64_t n = 0;
    while ((n = zip_fread(file, buffer, sizeof buffer)) > 0) {
        text.append(buffer, static_cast<std::size_t>(n));
    }
    zip_fclose(file);
    zip_close(archive);
    return text;
}

}  // namespace

TEST_CASE("render::XlsxBook writes typed cells and never a formula", "[render][xlsx]") {
    const std::string bytes = book_bytes();
    REQUIRE(bytes.rfind("PK", 0) == 0);
    const std::string sheet = zip_entry(bytes, "xl/worksheets/sheet1.xml");
    CHECK(sheet.find("<f>") == std::string::npos);
    CHECK(sheet.find("=HYPERLINK") != std::string::npos);  // as an inline string
    CHECK(sheet.find("t=\"inlineStr\"") != std::string::npos);
    CHECK(sheet.find("<v>1234.5</v>") != std::string::npos);
    CHECK(sheet.find("<v>45569</v>") != std::string::npos);  // 2024-10-04 as an Excel day
    CHECK(sheet.find("<pane ySplit=\"1\"") != std::string::npos);
    CHECK(sheet.find("<autoFilter ref=\"A1:D2\"") != std::string::npos);
    CHECK(sheet.find("<col ") != std::string::npos);
    const std::string styles = zip_entry(bytes, "xl/styles.xml");
    CHECK(styles.find("formatCode=\"#,##0.00\"") != std::string::npos);
    CHECK(styles.find("formatCode=\"0.00%\"") != std::string::npos);
    CHECK(styles.find("formatCode=\"yyyy-mm-dd\"") != std::string::npos);
}

TEST_CASE("render::XlsxBook gives the same bytes for the same workbook", "[render][xlsx]") {
    const std::string first = book_bytes();
    CHECK(first == book_bytes());
    CHECK(zip_entry(first, "docProps/core.xml").find("2024-10-04T00:00:00Z") != std::string::npos);
}
