#pragma once
// Runs parse_command_line on an argv given as strings, for the cli tests.

#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "clientscore/error.hpp"
#include "clientscore/options.hpp"

namespace clientscore::testing {

inline ParsedCommandLine parse(std::vector<std::string> args) {
    args.insert(args.begin(), "clientscore");
    std::vector<const char*> argv;
    for (const std::string& a : args) {
        argv.push_back(a.c_str());
    }
    return parse_command_line(static_cast<int>(argv.size()), argv.data());
}

/// The options of a command line that must parse and must not stop at --help/--version.
inline Options options_of(std::vector<std::string> args) {
    ParsedCommandLine parsed = parse(std::move(args));
    REQUIRE_FALSE(parsed.exit_now);
    return parsed.options;
}

/// The UsageError a command line must raise.
inline UsageError usage_error_of(std::vector<std::string> args) {
    try {
        parse(std::move(args));
    } catch (const UsageError& e) {
        return e;
    }
    FAIL("no UsageError");
    return UsageError("");
}

}  // namespace clientscore::testing
