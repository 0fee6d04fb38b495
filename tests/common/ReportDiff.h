#pragma once

#include "analytics/ReportJson.h"

#include <QString>

#include <sstream>
#include <string>

namespace optest {

// The first line where two texts differ, with its number, or an empty string when equal:
// a readable failure message for comparing reportToJson outputs of whole reports or sections.
inline QString firstDifference(const std::string &actual, const std::string &expected)
{
    if (actual == expected)
        return {};
    std::istringstream a(actual);
    std::istringstream e(expected);
    std::string la;
    std::string le;
    int line = 0;
    for (;;) {
        ++line;
        const bool ha = static_cast<bool>(std::getline(a, la));
        const bool he = static_cast<bool>(std::getline(e, le));
        if (!ha && !he)
            return QStringLiteral("texts differ only in line endings");
        if (!ha || !he || la != le)
            return QStringLiteral("line %1\n  actual:   %2\n  expected: %3")
                .arg(line)
                .arg(ha ? QString::fromStdString(la) : QStringLiteral("<end>"),
                     he ? QString::fromStdString(le) : QStringLiteral("<end>"));
    }
}

} // namespace optest
