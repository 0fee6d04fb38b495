#pragma once

#include <QString>

namespace opui {

// Where the bundled demo dataset (orders.ndjson) is: next to the installed executable
// (<bin>/../share/orderpulse/demo), else the source tree it was built from. Empty if neither.
QString bundledDemoPath();

} // namespace opui
