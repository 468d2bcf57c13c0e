// The stages form layers (docs/ARCHITECTURE.md): a file may include headers of its own layer
// or of a lower one, never of a later stage. The check follows project includes
// transitively, so a header that quietly pulls in render or cli is caught where it is used.

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <regex>
#include <set>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

const fs::path k_root = CLIENTSCORE_SOURCE_DIR;

// Lower numbers come first in the data flow; the vocabulary every stage shares is 0.
const std::map<std::string, int> k_folder_layer = {
    {"common", 0}, {"metrics", 0}, {"normalize", 1}, {"ingest", 2}, {"aggregate", 3},
    {"score", 4},  {"render", 5},  {"cli", 6},       {"app", 7},
};

const std::map<std::string, int> k_public_header_layer = {
    {"model.hpp", 0},       {"error.hpp", 0},      {"result.hpp", 0},   {"numbers.hpp", 0},
    {"memory.hpp", 0},      {"metrics.hpp", 0},    {"key_hash.hpp", 0}, {"parallel.hpp", 0},
    {"visible_text.hpp", 0},
    {"indirect_sort.hpp", 0}, {"string_index.hpp", 0}, {"position_index.hpp", 0},
    {"normalize.hpp", 1},   {"ingest.hpp", 2},     {"aggregate.hpp", 3}, {"report.hpp", 4},
    {"score.hpp", 4},       {"render.hpp", 5},     {"options.hpp", 6},  {"app.hpp", 7},
};

// The layer of an include as written ("clientscore/score.hpp", "render/json_writer.hpp").
std::optional<int> layer_of_include(const std::string& include) {
    const auto slash = include.find('/');
    if (slash == std::string::npos) {
        return std::nullopt;
    }
    const std::string head = include.substr(0, slash);
    const std::string rest = include.substr(slash + 1);
    if (head == "clientscore") {
        const auto it = k_public_header_layer.find(rest);
        return it == k_public_header_layer.end() ? std::nullopt : std::optional<int>(it->second);
    }
    const auto it = k_folder_layer.find(head);
    return it == k_folder_layer.end() ? std::nullopt : std::optional<int>(it->second);
}

std::optional<fs::path> file_of_include(const std::string& include) {
    for (const fs::path& base : {k_root / "include", k_root / "src"}) {
        if (fs::exists(base / include)) {
            return base / include;
        }
    }
    return std::nullopt;
}

std::vector<std::string> project_includes(const fs::path& file) {
    static const std::regex k_include(R"re(^\s*#\s*include\s*"([^"]+)")re");
    std::ifstream in(file);
    std::vector<std::string> out;
    std::string line;
    std::smatch m;
    while (std::getline(in, line)) {
        if (std::regex_search(line, m, k_include)) {
            out.push_back(m[1].str());
        }
    }
    return out;
}

// Every (include chain, layer) a file reaches; chains name the path for the failure message.
void reach(const fs::path& file, const std::string& chain, std::set<fs::path>& seen,
           std::vector<std::pair<std::string, int>>& out) {
    for (const std::string& include : project_includes(file)) {
        const std::optional<int> layer = layer_of_include(include);
        const std::string next = chain + " -> " + include;
        if (layer) {
            out.emplace_back(next, *layer);
        }
        const std::optional<fs::path> path = file_of_include(include);
        if (path && seen.insert(*path).second) {
            reach(*path, next, seen, out);
        }
    }
}

std::vector<std::string> violations(const fs::path& folder, int layer) {
    std::vector<std::string> out;
    for (const auto& entry : fs::recursive_directory_iterator(folder)) {
        if (!entry.is_regular_file()) {
            continue;
        }
        std::set<fs::path> seen;
        std::vector<std::pair<std::string, int>> reached;
        const std::string name = fs::relative(entry.path(), k_root).string();
        reach(entry.path(), name, seen, reached);
        for (const auto& [chain, reached_layer] : reached) {
            if (reached_layer > layer) {
                out.push_back(chain);
            }
        }
    }
    return out;
}

}  // namespace

TEST_CASE("architecture::every public header has a layer", "[architecture]") {
    for (const auto& entry : fs::directory_iterator(k_root / "include/clientscore")) {
        INFO(entry.path().filename().string());
        CHECK(k_public_header_layer.count(entry.path().filename().string()) == 1);
    }
    for (const auto& entry : fs::directory_iterator(k_root / "src")) {
        if (entry.is_directory()) {
            INFO(entry.path().filename().string());
            CHECK(k_folder_layer.count(entry.path().filename().string()) == 1);
        }
    }
}

TEST_CASE("architecture::no stage includes a later one", "[architecture]") {
    for (const auto& [folder, layer] : k_folder_layer) {
        for (const std::string& chain : violations(k_root / "src" / folder, layer)) {
            FAIL_CHECK("src/" << folder << " reaches a later stage: " << chain);
        }
    }
}

TEST_CASE("architecture::the layer check sees an include of a later stage", "[architecture]") {
    CHECK(layer_of_include("clientscore/render.hpp") == 5);
    CHECK(layer_of_include("cli/config_file.hpp") == 6);
    CHECK(layer_of_include("score/reasons.hpp") == 4);
    CHECK_FALSE(layer_of_include("fmt/format.h").has_value());
    // options.hpp reaches render.hpp, so anything below render that includes it is caught
    // through the chain as well as directly.
    std::set<fs::path> seen;
    std::vector<std::pair<std::string, int>> reached;
    reach(k_root / "include/clientscore/options.hpp", "options.hpp", seen, reached);
    bool reaches_render = false;
    for (const auto& [chain, layer] : reached) {
        reaches_render = reaches_render || layer == 5;
    }
    CHECK(reaches_render);
}

TEST_CASE("architecture::every source file has a test file of the same stem", "[architecture]") {
    // src/<stage>/.../<stem>.cpp is tested in tests/test_<stage>_<stem>.cpp (docs/ARCHITECTURE.md).
    for (const auto& entry : fs::recursive_directory_iterator(k_root / "src")) {
        const fs::path& path = entry.path();
        if (!entry.is_regular_file() || path.extension() != ".cpp" || path.filename() == "main.cpp") {
            continue;
        }
        const std::string stage = fs::relative(path, k_root / "src").begin()->string();
        const fs::path test = k_root / "tests" / ("test_" + stage + "_" + path.stem().string() + ".cpp");
        INFO(fs::relative(path, k_root).string() << " wants " << fs::relative(test, k_root).string());
        CHECK(fs::exists(test));
    }
}
