#pragma once

#include <QString>
#include <string>

namespace opui {

// Words that come from the core as English identifiers (RFM segments, source names and states),
// translated for display. The core keeps its identifiers; only the GUI shows them translated.
class Labels
{
public:
    static QString segment(const char *name);
    static QString segment(const std::string &name) { return segment(name.c_str()); }
    static QString category(const std::string &name);
    static QString sourceName(const std::string &name);
    static QString sourceState(const std::string &state);
};

} // namespace opui
