// TerminalTextWriter (src/app/terminal_writer.cpp): the formats that keep export text as
// exported, shown on a terminal with their control characters as escapes.

#include <catch2/catch.hpp>

#include "app/terminal_writer.hpp"

using namespace clientscore;

TEST_CASE("app::TerminalTextWriter keeps lines and tabs and shows the rest as escapes", "[app][escape]") {
    StringWriter out;
    TerminalTextWriter shown(out);
    shown.write("client\tnote\nA\tcall \x1b]0;x\x07 \xC2\x9B" "2J\n");
    shown.finish();
    CHECK(out.text() == "client\tnote\nA\tcall \\x1b]0;x\\x07 \\u009b2J\n");
}

TEST_CASE("app::TerminalTextWriter holds a UTF-8 sequence cut between writes", "[app][escape]") {
    StringWriter out;
    TerminalTextWriter shown(out);
    const std::string text = "Müller 東京 👍";
    for (const char c : text) {
        shown.write(std::string_view(&c, 1));
    }
    shown.finish();
    CHECK(out.text() == text);
    // A C1 control cut after its first byte is still one control.
    StringWriter c1;
    TerminalTextWriter cut(c1);
    cut.write("a\xC2");
    cut.write("\x85z");
    cut.finish();
    CHECK(c1.text() == "a\\u0085z");
    // A sequence the input never ends is shown as its bytes when the writer finishes.
    StringWriter open;
    TerminalTextWriter held(open);
    held.write("end\xE6\x9D");
    CHECK(open.text() == "end");
    held.finish();
    CHECK(open.text() == "end\\xe6\\x9d");
}

TEST_CASE("app::keeps_export_text: the formats written as exported", "[app][escape]") {
    CHECK(keeps_export_text(OutputFormat::json));
    CHECK(keeps_export_text(OutputFormat::csv));
    CHECK(keeps_export_text(OutputFormat::tsv));
    CHECK(keeps_export_text(OutputFormat::html));
    CHECK_FALSE(keeps_export_text(OutputFormat::table));
    CHECK_FALSE(keeps_export_text(OutputFormat::markdown));
    CHECK_FALSE(keeps_export_text(OutputFormat::xlsx));
}
