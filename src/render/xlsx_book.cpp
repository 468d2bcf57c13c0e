#include "render/xlsx_book.hpp"

#include <fmt/format.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <array>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>

#include "clientscore/error.hpp"
#include "clientscore/numbers.hpp"
#include "render/number_format.hpp"

namespace clientscore::render {

namespace {

// Excel's cell limit; a longer text (a call's notes) is cut rather than failing the workbook.
constexpr std::size_t k_max_text = 32767;
// Days from Excel's day 0 (1899-12-30, in the 1900 date system) to 1970-01-01.
constexpr double k_excel_epoch = 25569;

lxw_worksheet* as_sheet(void* sheet) { return static_cast<lxw_worksheet*>(sheet); }

}  // namespace

struct XlsxBook::Impl {
    std::string path;
    lxw_workbook* book = nullptr;
    std::array<lxw_format*, 8> styles{};
    std::array<lxw_format*, 5> verdicts{};
    bool closed = false;

    ~Impl() {
        if (book != nullptr && !closed) {
            workbook_close(book);
        }
        if (!path.empty()) {
            std::remove(path.c_str());
        }
    }
};

XlsxBook::XlsxBook(Days created) : m_impl(std::make_unique<Impl>()) {
    std::error_code ignored;
    std::string pattern = (std::filesystem::temp_directory_path(ignored) / "clientscore-XXXXXX").string();
    std::vector<char> name(pattern.begin(), pattern.end());
    name.push_back('\0');
    const int fd = ::mkstemp(name.data());
    if (fd < 0) {
        throw OutputError(fmt::format("cannot make a temporary file for the workbook: {}", std::strerror(errno)));
    }
    ::close(fd);
    m_impl->path = name.data();
    // constant_memory: rows go to disk as they are written, so 20,000 clients × 60 columns never
    // sit in memory as cells (their strings are written inline rather than shared).
    lxw_workbook_options options{};
    options.constant_memory = LXW_TRUE;
    m_impl->book = workbook_new_opt(m_impl->path.c_str(), &options);
    if (m_impl->book == nullptr) {
        throw OutputError("cannot start the workbook");
    }
    lxw_doc_properties properties{};
    static char title[] = "clientscore report";
    static char author[] = "clientscore";
    properties.title = title;
    properties.author = author;
    // libxlsxwriter takes the clock for 0: a day of the report keeps the bytes reproducible.
    properties.created = created > 0 ? static_cast<time_t>(created) * 86400 : 86400;
    workbook_set_properties(m_impl->book, &properties);

    auto styled = [&](const char* number_format) {
        lxw_format* f = workbook_add_format(m_impl->book);
        if (number_format != nullptr) {
            format_set_num_format(f, number_format);
        }
        return f;
    };
    m_impl->styles[static_cast<std::size_t>(XlsxStyle::integer)] = styled("0");
    m_impl->styles[static_cast<std::size_t>(XlsxStyle::decimal1)] = styled("0.0");
    m_impl->styles[static_cast<std::size_t>(XlsxStyle::decimal2)] = styled("0.00");
    m_impl->styles[static_cast<std::size_t>(XlsxStyle::decimal4)] = styled("0.0000");
    m_impl->styles[static_cast<std::size_t>(XlsxStyle::money)] = styled("#,##0.00");
    m_impl->styles[static_cast<std::size_t>(XlsxStyle::percent)] = styled("0.00%");
    m_impl->styles[static_cast<std::size_t>(XlsxStyle::date)] = styled("yyyy-mm-dd");
    lxw_format* header = styled(nullptr);
    format_set_bold(header);
    format_set_bg_color(header, 0xF2F2F2);
    format_set_bottom(header, LXW_BORDER_THIN);
    m_impl->styles[static_cast<std::size_t>(XlsxStyle::header)] = header;
    // The html page's colours (Okabe and Ito), on a light fill so that the word stays readable.
    constexpr std::array<std::pair<lxw_color_t, lxw_color_t>, 5> k_colors = {{
        {0x00694D, 0xD9F2EA}, {0x00507D, 0xD9EAF6}, {0x7A4F00, 0xFBEBCC}, {0x8C3F6E, 0xF6E3EE}, {0x9C3F00, 0xF9DDCC}}};
    for (std::size_t v = 0; v < k_colors.size(); ++v) {
        lxw_format* f = styled(nullptr);
        format_set_bold(f);
        format_set_font_color(f, k_colors[v].first);
        format_set_bg_color(f, k_colors[v].second);
        m_impl->verdicts[v] = f;
    }
}

XlsxBook::~XlsxBook() = default;

XlsxSheet XlsxBook::add_sheet(std::string_view name) {
    const std::string text(name);
    lxw_worksheet* sheet = workbook_add_worksheet(m_impl->book, text.c_str());
    if (sheet == nullptr) {
        throw OutputError(fmt::format("cannot add the worksheet {}", text));
    }
    return XlsxSheet(*m_impl, sheet);
}

void XlsxBook::write_to(Writer& out) {
    m_impl->closed = true;
    const lxw_error error = workbook_close(m_impl->book);
    m_impl->book = nullptr;
    if (error != LXW_NO_ERROR) {
        throw OutputError(fmt::format("cannot write the workbook: {}", lxw_strerror(error)));
    }
    std::FILE* file = std::fopen(m_impl->path.c_str(), "rb");
    if (file == nullptr) {
        throw OutputError(fmt::format("cannot read the workbook back: {}", std::strerror(errno)));
    }
    std::array<char, 1 << 16> buffer{};
    std::size_t n = 0;
    try {
        while ((n = std::fread(buffer.data(), 1, buffer.size(), file)) > 0) {
            out.write(std::string_view(buffer.data(), n));
        }
    } catch (...) {
        std::fclose(file);
        throw;
    }
    std::fclose(file);
}

void XlsxSheet::seen(std::uint16_t column, std::size_t width) {
    if (m_widths.size() <= column) {
        m_widths.resize(column + 1u, 0);
    }
    m_widths[column] = std::max(m_widths[column], width);
    m_columns = std::max<std::uint16_t>(m_columns, static_cast<std::uint16_t>(column + 1));
}

void XlsxSheet::header(const std::vector<std::string>& names) {
    for (std::size_t c = 0; c < names.size(); ++c) {
        worksheet_write_string(as_sheet(m_sheet), 0, static_cast<lxw_col_t>(c), names[c].c_str(),
                               m_book->styles[static_cast<std::size_t>(XlsxStyle::header)]);
        // The filter's arrow takes about two characters beside the header's text.
        seen(static_cast<std::uint16_t>(c), display_width(names[c]) + 3);
    }
    worksheet_freeze_panes(as_sheet(m_sheet), 1, 0);
    m_has_header = true;
}

void XlsxSheet::text(std::uint32_t row, std::uint16_t column, std::string_view value) {
    // worksheet_write_string: a leading `=` stays text; libxlsxwriter writes no formula from it.
    std::string cut(value.substr(0, k_max_text));
    worksheet_write_string(as_sheet(m_sheet), row, column, cut.c_str(), nullptr);
    seen(column, display_width(cut));
}

void XlsxSheet::number(std::uint32_t row, std::uint16_t column, double value, XlsxStyle style) {
    if (!std::isfinite(value)) {
        return;  // an empty cell, as null is in csv
    }
    worksheet_write_number(as_sheet(m_sheet), row, column, value, m_book->styles[static_cast<std::size_t>(style)]);
    std::string shown;
    switch (style) {
        case XlsxStyle::money:
            shown = format_money(value);
            break;
        case XlsxStyle::percent:
            shown = format_fixed(value * 100, 2) + "%";
            break;
        default:
            shown = format_number(value);
    }
    seen(column, shown.size());
}

void XlsxSheet::date(std::uint32_t row, std::uint16_t column, Days day) {
    worksheet_write_number(as_sheet(m_sheet), row, column, static_cast<double>(day) + k_excel_epoch,
                           m_book->styles[static_cast<std::size_t>(XlsxStyle::date)]);
    seen(column, 10);
}

void XlsxSheet::boolean(std::uint32_t row, std::uint16_t column, bool value) {
    worksheet_write_boolean(as_sheet(m_sheet), row, column, value ? 1 : 0, nullptr);
    seen(column, 5);
}

void XlsxSheet::verdict(std::uint32_t row, std::uint16_t column, Verdict verdict) {
    const std::string word(verdict_name(verdict));
    worksheet_write_string(as_sheet(m_sheet), row, column, word.c_str(),
                           m_book->verdicts[static_cast<std::size_t>(verdict)]);
    seen(column, word.size());
}

XlsxStyle xlsx_style(const ClientColumn& column) {
    switch (column.unit) {
        case Unit::money:
            return XlsxStyle::money;
        case Unit::share:
            return XlsxStyle::percent;
        case Unit::count:
            return XlsxStyle::integer;
        default:
            break;
    }
    switch (column.decimals) {
        case 0:
            return XlsxStyle::integer;
        case 1:
            return XlsxStyle::decimal1;
        case 2:
            return XlsxStyle::decimal2;
        default:
            return XlsxStyle::decimal4;
    }
}

void XlsxSheet::cell(std::uint32_t row, std::uint16_t column, const Cell& value, const ClientColumn& meta) {
    struct Visitor {
        XlsxSheet& sheet;
        std::uint32_t row;
        std::uint16_t column;
        const ClientColumn& meta;
        void operator()(std::monostate) const {}
        void operator()(std::int64_t v) const { sheet.number(row, column, static_cast<double>(v), XlsxStyle::integer); }
        void operator()(double v) const {
            sheet.number(row, column, round_half_away(v, meta.decimals), xlsx_style(meta));
        }
        void operator()(const std::string& v) const {
            if (meta.key == "verdict") {
                if (const std::optional<Verdict> verdict = parse_verdict(v)) {
                    sheet.verdict(row, column, *verdict);
                    return;
                }
            }
            sheet.text(row, column, v);
        }
        void operator()(const std::vector<std::string>& v) const { sheet.text(row, column, join_list(v)); }
    };
    std::visit(Visitor{*this, row, column, meta}, value);
}

void XlsxSheet::finish(std::uint32_t last_row) {
    for (std::size_t c = 0; c < m_widths.size(); ++c) {
        // Widths in characters, between a readable minimum and a cap for long texts (causes,
        // actions, notes), which wrap in the cell's own editor rather than push the sheet wide.
        const double width = static_cast<double>(std::clamp<std::size_t>(m_widths[c] + 1, 6, 60));
        worksheet_set_column(as_sheet(m_sheet), static_cast<lxw_col_t>(c), static_cast<lxw_col_t>(c), width, nullptr);
    }
    if (m_has_header && m_columns > 0) {
        worksheet_autofilter(as_sheet(m_sheet), 0, 0, std::max<std::uint32_t>(last_row, 1),
                             static_cast<lxw_col_t>(m_columns - 1));
    }
}

}  // namespace clientscore::render
