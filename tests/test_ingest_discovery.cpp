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
    // export.XLSX holds `x`: a workbook's name, and no workbook to find a header in.
    CHECK(d.not_read[1].why.rfind("it cannot be read: ", 0) == 0);
    CHECK(d.not_read[2].why == "only CSV, TSV and TXT files (also gzipped) and .xlsx workbooks are read: save it as "
                               "CSV or .xlsx");
    // notes.csv holds `x`: no header of any kind either.
    CHECK(d.not_read[3].why.rfind("neither its name nor its header says its kind", 0) == 0);
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
            CHECK(std::string(e.what()) == "no calls, emails, contacts, time or invoices export found");
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

namespace {

// A folder of files with the given contents (base name → bytes).
class Folder {
public:
    explicit Folder(const std::vector<std::pair<std::string, std::string>>& files) : m_dir({}) {
        for (const auto& [name, text] : files) {
            std::ofstream(m_dir / name, std::ios::binary) << text;
        }
    }
    std::string path() const { return m_dir.path(); }
    std::string operator/(const std::string& name) const { return m_dir / name; }

private:
    TempDir m_dir;
};

std::vector<std::string> found_by(const Discovery& d) {
    std::vector<std::string> out;
    for (const InputFile& f : d.files) {
        out.push_back(f.display_name + ":" + std::string(k_kind_names[static_cast<std::size_t>(f.kind)]) + ":" +
                      std::string(k_found_by_names[static_cast<std::size_t>(f.found_by)]));
    }
    return out;
}

std::string why_not_read(const Discovery& d, const std::string& name) {
    for (const NotRead& file : d.not_read) {
        if (file.path.ends_with("/" + name)) {
            return file.why;
        }
    }
    return "(read)";
}

}  // namespace

TEST_CASE("ingest::discover_inputs finds a file whose name names no kind by its header", "[ingest][discovery]") {
    const Folder dir({
        {"export-2026-09.csv", "Account,Call Start Time,Duration\nA,2026-09-01 10:00,60\n"},  // calls
        {"Billing Report.csv", "Acme Ltd\nInvoice report\n\ncustomer,invoice_id,issued_at,due_at,amount\n"
                               "A,1,2026-09-01,2026-09-30,10\n"},  // invoices, below title lines
        {"log.tsv", "client\tchannel\tstarted_at\nA\tphone\t2026-09-01 10:00\n"},  // contacts, not calls
        {"people.csv", "client,name\nA,Acme\n"},                                  // clients
        {"activity.csv", "client,date\nA,2026-09-01\n"},                          // calls or emails?
        {"money.csv", "client,date,amount\nA,2026-09-01,5\n"},                    // discounts: no due date
        {"bills.csv", "client,date,due,amount\nA,2026-09-01,2026-09-30,5\n"},     // invoices hold discounts' columns
        {"rates.csv", "currency,rate\nUSD,0.9\n"},                                // no kind
        {"calls.csv", "client,started_at\nB,2026-09-02 11:00\n"},                 // by name
    });
    const Discovery d = discover_inputs(dir.path(), {});
    CHECK(found_by(d) == std::vector<std::string>{"people.csv:clients:header", "calls.csv:calls:name",
                                                  "export-2026-09.csv:calls:header", "log.tsv:contacts:header",
                                                  "Billing Report.csv:invoices:header", "bills.csv:invoices:header",
                                                  "money.csv:discounts:header"});
    CHECK(why_not_read(d, "activity.csv").starts_with("its header fits several kinds (calls, emails)"));
    CHECK(why_not_read(d, "rates.csv").starts_with("neither its name nor its header says its kind"));
    CHECK(d.not_read.size() == 2);
}

TEST_CASE("ingest::discover_inputs: files of --fx, --holidays and --config are never exports", "[ingest][discovery]") {
    const Folder dir({{"calls.csv", "client,started_at\nA,2026-09-01 10:00\n"},
                      {"fx.csv", "currency,rate\nUSD,0.9\n"},
                      {"holidays.csv", "date\n2026-12-25\n"},
                      {"other.csv", "currency,rate\n"}});
    DiscoverySettings settings;
    settings.not_exports = {dir / "fx.csv", dir / "holidays.csv"};
    const Discovery d = discover_inputs(dir.path(), {}, settings);
    REQUIRE(d.not_read.size() == 1);
    CHECK(d.not_read[0].path == dir / "other.csv");
}

TEST_CASE("ingest::discover_inputs by header: --map does not place a file, an explicit kind wins", "[ingest][discovery]") {
    const Folder dir({{"export.csv", "Who,When\nA,2026-09-01 10:00\n"},
                      {"dump.csv", "client,started_at\nA,2026-09-01 10:00\n"},
                      {"broken.csv", std::string("client,started_at\n\xFF\n")},
                      {"empty.csv", ""}});
    DiscoverySettings settings;
    settings.read.mappings = {parse_field_mapping("calls.client=Who"), parse_field_mapping("calls.started_at=When")};
    const Discovery d = discover_inputs(dir.path(), {}, settings);
    CHECK(why_not_read(d, "export.csv").starts_with("neither its name nor its header"));
    CHECK(why_not_read(d, "empty.csv") == "it is empty");
    // A header that fits is read; what is wrong below it is the read's to report.
    CHECK(why_not_read(d, "broken.csv") == "(read)");
    // With --calls given, a calls file found by its header is not read either (nor named).
    ExplicitFiles files;
    files[static_cast<std::size_t>(Kind::calls)] = {dir / "dump.csv"};
    const Discovery explicit_calls = discover_inputs(dir.path(), files);
    CHECK(found_by(explicit_calls) == std::vector<std::string>{"dump.csv:calls:option"});
}

TEST_CASE("ingest::discover_inputs: a file of a kind with another's bytes is a duplicate, said", "[ingest][discovery]") {
    const std::string calls = "client,started_at\nA,2026-09-01 10:00\n";
    const Folder dir({{"calls.csv", calls},
                      {"calls (1).csv", calls},
                      {"calls-october.csv", "client,started_at\nA,2026-10-01 10:00\n"},  // same size, other bytes
                      {"export (3).csv", calls},                                     // found by its header
                      {"emails.csv", "client,sent_at\nA,2026-09-01 10:00\n"}});
    const Discovery d = discover_inputs(dir.path(), {});
    CHECK(d.files.size() == 5);  // read, as SPEC says; and said
    REQUIRE(d.duplicates.size() == 3);
    CHECK(d.duplicates[0] == dir / "calls.csv" + " has the same bytes as " + dir / "calls (1).csv" +
                                 ": both are read, so its calls count twice; remove the copy if it is one download "
                                 "saved twice");
    CHECK(d.duplicates[1].starts_with(dir / "export (3).csv" + " has the same bytes as " + dir / "calls (1).csv"));
    CHECK(d.duplicates[2].starts_with(dir / "export (3).csv" + " has the same bytes as " + dir / "calls.csv"));
}
