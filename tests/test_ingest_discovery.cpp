// discover_inputs (src/ingest/discovery.cpp).

#include <catch2/catch.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/ingest.hpp"

namespace fs = std::filesystem;
using namespace clientscore;

namespace {

class TempDir {
public:
    explicit TempDir(const std::vector<std::string>& files) {
        static int counter = 0;
        m_dir = fs::temp_directory_path() /
                ("clientscore_ingest_disc_" + std::to_string(::getpid()) + "_" + std::to_string(counter++));
        fs::create_directories(m_dir);
        for (const std::string& name : files) {
            if (name.ends_with("/")) {
                fs::create_directories(m_dir / name);
            } else {
                std::ofstream(m_dir / name) << "x\n";
            }
        }
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(m_dir, ignored);
    }
    std::string path() const { return m_dir.string(); }
    std::string operator/(const std::string& name) const { return (m_dir / name).string(); }

private:
    fs::path m_dir;
};

std::vector<std::string> names(const Discovery& d) {
    std::vector<std::string> out;
    for (const InputFile& f : d.files) {
        out.push_back(std::string(k_kind_names[static_cast<std::size_t>(f.kind)]) + ":" + f.display_name);
    }
    return out;
}

}  // namespace

TEST_CASE("ingest::discover_inputs finds exports by name", "[ingest]") {
    const TempDir dir({"Calls-2024-02.csv", "calls-2024-01.CSV", "emails.tsv.gz", "INVOICES.txt", "invoices.xls",
                       "invoices-q3.xlsx", "export.XLSX", "~$invoices-q3.xlsx", "discounts.csv.GZ", "clients.csv", "contacts_log.txt", "notes.csv", "calls.csv.bak",
                       "calls_old/", "readme.md"});
    const Discovery d = discover_inputs(dir.path(), {});
    // Kind order of Discovery::files; byte order of names within a kind ('C' < 'c').
    CHECK(names(d) == std::vector<std::string>{"clients:clients.csv", "calls:Calls-2024-02.csv",
                                               "calls:calls-2024-01.CSV", "emails:emails.tsv.gz",
                                               "contacts:contacts_log.txt", "invoices:INVOICES.txt",
                                               "invoices:invoices-q3.xlsx", "discounts:discounts.csv.GZ"});
    CHECK(d.files[1].path == dir / "Calls-2024-02.csv");
    // Not read, and said: kind names in another form, and table files whose names name no kind.
    std::vector<std::string> not_read;
    for (const NotRead& file : d.not_read) {
        not_read.push_back(file.path);
    }
    CHECK(not_read == std::vector<std::string>{dir / "calls.csv.bak", dir / "export.XLSX", dir / "invoices.xls",
                                               dir / "notes.csv"});
    CHECK(d.not_read[1].why.rfind("its name names no kind", 0) == 0);
    CHECK(d.not_read[2].why == "only CSV, TSV and TXT files (also gzipped) and .xlsx workbooks are read: save it as "
                               "CSV or .xlsx");
    CHECK(d.not_read[3].why.rfind("its name names no kind", 0) == 0);
}

TEST_CASE("ingest::discover_inputs explicit files", "[ingest]") {
    const TempDir dir({"calls.csv", "invoices.csv", "invoices_2.csv"});
    ExplicitFiles files;
    files[static_cast<std::size_t>(Kind::invoices)] = {"/data/b.csv", "/data/a.csv"};
    SECTION("replace discovery for their kind only") {
        const Discovery d = discover_inputs(dir.path(), files);
        CHECK(names(d) == std::vector<std::string>{"calls:calls.csv", "invoices:a.csv", "invoices:b.csv"});
        CHECK(d.files[1].path == "/data/a.csv");
    }
    SECTION("without DIR, no folder is searched") {
        const Discovery d = discover_inputs(std::nullopt, files);
        CHECK(names(d) == std::vector<std::string>{"invoices:a.csv", "invoices:b.csv"});
    }
    SECTION("stdin for one file") {
        ExplicitFiles one;
        one[static_cast<std::size_t>(Kind::calls)] = {"-"};
        const Discovery d = discover_inputs(std::nullopt, one);
        REQUIRE(d.files.size() == 1);
        CHECK(d.files[0].path == "-");
        CHECK(d.files[0].display_name == "-");
    }
    SECTION("stdin for two files is a usage error") {
        ExplicitFiles two;
        two[static_cast<std::size_t>(Kind::calls)] = {"-"};
        two[static_cast<std::size_t>(Kind::emails)] = {"-"};
        CHECK_THROWS_AS(discover_inputs(std::nullopt, two), UsageError);
    }
}

TEST_CASE("ingest::discover_inputs errors", "[ingest]") {
    SECTION("missing folder") {
        CHECK_THROWS_AS(discover_inputs(std::string("/nonexistent/exports"), {}), InputError);
    }
    SECTION("a file given as DIR") {
        const TempDir dir({"calls.csv"});
        CHECK_THROWS_AS(discover_inputs(dir / "calls.csv", {}), InputError);
    }
    SECTION("no calls, emails, contacts or invoices") {
        const TempDir dir({"clients.csv", "discounts.csv", "invoices.xls"});
        try {
            discover_inputs(dir.path(), {});
            FAIL("expected an InputError");
        } catch (const InputError& e) {
            CHECK(std::string(e.what()) == "no calls, emails, contacts or invoices export found");
        }
    }
    SECTION("only a discounts file given explicitly") {
        ExplicitFiles files;
        files[static_cast<std::size_t>(Kind::discounts)] = {"d.csv"};
        CHECK_THROWS_AS(discover_inputs(std::nullopt, files), InputError);
    }
}

TEST_CASE("ingest::discover_inputs defaults to the current folder", "[ingest]") {
    const TempDir dir({"emails.csv"});
    const fs::path before = fs::current_path();
    fs::current_path(dir.path());
    Discovery d;
    try {
        d = discover_inputs(std::nullopt, {});
    } catch (...) {
        fs::current_path(before);
        throw;
    }
    fs::current_path(before);
    REQUIRE(d.files.size() == 1);
    CHECK(d.files[0].display_name == "emails.csv");
    CHECK(d.files[0].path == "./emails.csv");
}
