#include "clientscore/app.hpp"

#include <fmt/format.h>

namespace clientscore {

// Placeholder until the pipeline lands; replaced in the same session.
int run(int, const char* const*) {
    fmt::print(stderr, "clientscore: not built yet\n");
    return 2;
}

}  // namespace clientscore
