#include "Commands.h"

#include <vector>

namespace cli {

namespace {

// One row per command, in the order --help lists them.
const std::vector<Command> kCommands = {
};

} // namespace

const Command *commands(int &count)
{
    count = static_cast<int>(kCommands.size());
    return kCommands.data();
}

} // namespace cli
