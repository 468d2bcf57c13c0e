#include "render/html_page.hpp"

#include <fmt/format.h>

#include "render/html_text.hpp"

namespace clientscore::render {

namespace {

// Okabe and Ito's palette, told apart by the common colour-vision deficiencies; the verdicts
// carry a shape and their word as well, never the colour alone. In the documents' tables (all
// but rank's #clients, styled by column) only the long texts (td.t) wrap: a date or a name
// broken at its hyphen reads as two.
constexpr std::string_view k_style = R"css(
:root{--fg:#1b1b1b;--muted:#595959;--line:#d4d4d4;--head:#f3f3f3;--keep:#009E73;--watch:#0072B2;--reprice:#B87700;--chase:#CC79A7;--fire:#D55E00}
*{box-sizing:border-box}
body{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:#fff;margin:0 auto;padding:12px 16px;max-width:1500px}
h1{font-size:1.45em;margin:.2em 0 .3em}
h2{font-size:1.15em;margin:1.4em 0 .5em;padding-bottom:2px;border-bottom:1px solid var(--line)}
p{margin:.4em 0;max-width:60em}
.muted{color:var(--muted)}
dl{display:grid;grid-template-columns:max-content 1fr;gap:2px 14px;margin:.3em 0}
dt{color:var(--muted)}
dd{margin:0}
.cards{display:grid;grid-template-columns:repeat(auto-fill,minmax(170px,1fr));gap:8px;margin:.5em 0}
.card{border:1px solid var(--line);border-radius:6px;padding:6px 10px}
.card span{display:block;color:var(--muted);font-size:.85em}
.card b{font-size:1.1em;font-variant-numeric:tabular-nums}
.scroll{overflow-x:auto;-webkit-overflow-scrolling:touch;max-width:100%}
table{border-collapse:collapse;font-size:13px}
th,td{padding:3px 7px;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:var(--head);position:sticky;top:0;white-space:nowrap;z-index:1}
th button{font:inherit;font-weight:600;color:inherit;background:none;border:0;padding:0;cursor:pointer}
th[aria-sort=ascending] button::after{content:" \25B2"}
th[aria-sort=descending] button::after{content:" \25BC"}
.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
td.t{min-width:22em;max-width:34em}
table.sortable:not(#clients) td:not(.t){white-space:nowrap}
tbody tr:nth-child(even){background:#fafafa}
.v,[class^=v-]{font-weight:600;white-space:nowrap}
.v-keep{color:var(--keep)}.v-watch{color:var(--watch)}.v-reprice{color:var(--reprice)}.v-chase{color:var(--chase)}.v-fire{color:var(--fire)}
.k-keep{fill:var(--keep);stroke:var(--keep)}.k-watch{fill:var(--watch);stroke:var(--watch)}.k-reprice{fill:var(--reprice);stroke:var(--reprice)}.k-chase{fill:var(--chase);stroke:var(--chase)}.k-fire{fill:none;stroke:var(--fire)}
svg text{font:11px system-ui,sans-serif;fill:var(--muted)}
svg.plot{display:block;width:100%;min-width:560px;max-width:980px;height:auto}
.plot .pt,.plot .bin{fill-opacity:.45;stroke-width:1.3}
.plot .k-fire{stroke-width:2.6}
.plot .axis{stroke:#888;fill:none}
.plot .grid{stroke:#eee;fill:none}
.plot .rule{fill:none;stroke-width:1.4;stroke-dasharray:6 4}
.plot .fire-at{stroke:var(--fire)}.plot .watch-at{stroke:var(--watch)}.plot .target{stroke:var(--keep)}
.plot .band{fill:#f5f5f5}
.legend{display:flex;flex-wrap:wrap;gap:4px 16px;margin:.3em 0;padding:0;list-style:none;font-size:.9em}
svg.sp{width:84px;height:22px;vertical-align:middle;background:linear-gradient(to bottom,transparent calc(var(--fa) - 1px),#e8a27a calc(var(--fa) - 1px),#e8a27a var(--fa),transparent var(--fa))}
svg.sp polyline{fill:none;stroke:var(--fg);stroke-width:1.3;vector-effect:non-scaling-stroke}
svg.cb{width:62px;height:22px;vertical-align:middle}
svg.cb path{fill:#6b6b6b}
svg.cb .z{fill:#c9c9c9}
svg.big{display:block;width:100%;min-width:0;max-width:720px;height:auto}
svg.big polyline{fill:none;stroke:var(--fg);stroke-width:2}
svg.big rect.bar{fill:#6b6b6b}
@media (max-width:640px){body{font-size:14px;padding:8px}table{font-size:12px}td.t{min-width:18em}h1{font-size:1.25em}
#clients td:nth-child(2),#clients th:nth-child(2){position:sticky;left:0;background:#fff;z-index:2}}
@media print{body{max-width:none;padding:0;font-size:10.5px}.scroll{overflow:visible}th{position:static}table{font-size:9.5px}
th button::after{content:""!important}tr,svg,.card{break-inside:avoid}h2{break-after:avoid}svg.plot{max-width:17cm}
*{-webkit-print-color-adjust:exact;print-color-adjust:exact}}
)css";

// Kept small and free of anything that reads the page's texts as markup: rows are moved, never
// rebuilt from strings. Nulls (empty or "—") sort last in either direction, as --sort does.
constexpr std::string_view k_script = R"js(
(function(){'use strict';
function val(td,num){if(!td)return null;var v=td.getAttribute('data-v');if(v===null)v=td.textContent.trim();
if(v===''||v==='\u2014')return null;if(!num)return v.toLowerCase();
var n=parseFloat(v.replace(/\u2212/g,'-').replace(/[^0-9.eE+-]/g,''));return isNaN(n)?null:n;}
function sortBy(th,asc){var table=th.closest('table'),body=table.tBodies[0],col=th.cellIndex,num=th.getAttribute('data-sort')==='num';
if(!body.orig)body.orig=Array.prototype.slice.call(body.rows);
var rows=body.orig.map(function(r,i){return{r:r,i:i,v:val(r.cells[col],num)};});
rows.sort(function(a,b){if(a.v===null||b.v===null){return a.v===b.v?a.i-b.i:(a.v===null?1:-1);}
if(a.v<b.v)return asc?-1:1;if(a.v>b.v)return asc?1:-1;return a.i-b.i;});
var f=document.createDocumentFragment();rows.forEach(function(x){f.appendChild(x.r);});body.appendChild(f);
Array.prototype.forEach.call(th.parentNode.cells,function(c){c.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',asc?'ascending':'descending');}
Array.prototype.forEach.call(document.querySelectorAll('table.sortable th[data-sort]'),function(th){
var b=th.querySelector('button');if(!b)return;b.addEventListener('click',function(){var now=th.getAttribute('aria-sort');
sortBy(th,now?now==='descending':th.getAttribute('data-sort')!=='num');});});
function fromHash(){var m=/^#sort=([a-z0-9_]+)(:asc)?$/.exec(location.hash);if(!m)return;
var th=document.querySelector('table.sortable th[data-key="'+m[1]+'"]');if(th)sortBy(th,!!m[2]);}
window.addEventListener('hashchange',fromHash);fromHash();
document.documentElement.setAttribute('data-ready','1');})();
)js";

// SHA-256 of k_script, base64 (tests/test_render_html_page.cpp recomputes it).
constexpr std::string_view k_csp =
    "default-src 'none'; style-src 'unsafe-inline'; img-src data:; "
    "script-src 'sha256-laPul3hDwCFfqdpZuZkz70sUFUcEI8LS8igC5UZEBdA='";

}  // namespace

std::string_view html_script() { return k_script; }
std::string_view html_style() { return k_style; }
std::string_view html_content_security_policy() { return k_csp; }

std::string html_sort_key(std::string_view header) {
    std::string key;
    bool gap = false;
    for (const char c : header) {
        const bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        const bool upper = c >= 'A' && c <= 'Z';
        if (word || upper) {
            if (gap && !key.empty()) {
                key += '_';
            }
            key += upper ? static_cast<char>(c - 'A' + 'a') : c;
            gap = false;
        } else {
            gap = true;
        }
    }
    return key;
}

HtmlDocumentWriter::HtmlDocumentWriter(Writer& out, std::string_view page_title) : m_out(out) {
    std::string head = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
    head += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n";
    head += "<meta http-equiv=\"Content-Security-Policy\" content=\"";
    head += k_csp;
    head += "\">\n<meta name=\"generator\" content=\"clientscore\">\n<title>";
    append_html(head, page_title);
    head += "</title>\n<style>";
    head += k_style;
    head += "</style>\n</head>\n<body>\n";
    m_out.write(head);
}

void HtmlDocumentWriter::close_section() {
    if (m_in_section) {
        m_out.write("</section>\n");
        m_in_section = false;
    }
}

void HtmlDocumentWriter::title(std::string_view text) {
    close_section();
    m_out.write("<h1>" + html_escaped(text) + "</h1>\n");
}

void HtmlDocumentWriter::heading(std::string_view text) {
    close_section();
    m_out.write("<section id=\"" + html_sort_key(text) + "\">\n<h2>" + html_escaped(text) + "</h2>\n");
    m_in_section = true;
}

void HtmlDocumentWriter::paragraph(std::string_view text) { m_out.write("<p>" + html_escaped(text) + "</p>\n"); }

void HtmlDocumentWriter::bullets(const std::vector<std::string>& items) {
    std::string html = "<ul>\n";
    for (const std::string& item : items) {
        html += "<li>";
        append_html(html, item);
        html += "</li>\n";
    }
    m_out.write(html + "</ul>\n");
}

void HtmlDocumentWriter::definitions(const std::vector<std::pair<std::string, std::vector<std::string>>>& items) {
    std::string html = "<dl>\n";
    for (const auto& [name, values] : items) {
        html += "<dt>";
        append_html(html, name);
        html += "</dt><dd>";
        for (std::size_t i = 0; i < values.size(); ++i) {
            html += i == 0 ? "" : "<br>";
            append_html(html, values[i]);
        }
        html += "</dd>\n";
    }
    m_out.write(html + "</dl>\n");
}

void HtmlDocumentWriter::table(const TextTable& table, std::size_t rows, const RowSource& source) {
    const std::vector<TextColumn>& columns = table.columns();
    std::string html = "<div class=\"scroll\"><table class=\"sortable\">\n<thead><tr>";
    for (const TextColumn& column : columns) {
        const bool number = column.align == Align::right;
        html += fmt::format("<th data-key=\"{}\" data-sort=\"{}\"{}><button type=\"button\">",
                            html_sort_key(column.header), number ? "num" : "text", number ? " class=\"n\"" : "");
        append_html(html, column.header);
        html += "</button></th>";
    }
    html += "</tr></thead>\n<tbody>\n";
    std::vector<TextCell> cells(columns.size());
    for (std::size_t r = 0; r < rows; ++r) {
        source(r, cells);
        html += "<tr>";
        for (std::size_t c = 0; c < columns.size(); ++c) {
            html += columns[c].align == Align::right ? "<td class=\"n\">" : (columns[c].shrinkable ? "<td class=\"t\">" : "<td>");
            append_html(html, cells[c].text);
            html += "</td>";
        }
        html += "</tr>\n";
        if (html.size() > (1u << 16)) {
            m_out.write(html);
            html.clear();
        }
    }
    m_out.write(html + "</tbody>\n</table></div>\n");
}

void HtmlDocumentWriter::figure(const std::function<std::string()>& make) {
    m_out.write("<figure>" + make() + "</figure>\n");
}

void HtmlDocumentWriter::raw(std::string_view html) { m_out.write(html); }

void HtmlDocumentWriter::finish() {
    close_section();
    std::string tail = "<script>";
    tail += k_script;
    tail += "</script>\n</body>\n</html>\n";
    m_out.write(tail);
}

}  // namespace clientscore::render
