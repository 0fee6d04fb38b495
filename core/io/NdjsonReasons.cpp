#include "io/NdjsonReasons.h"

#include <algorithm>

namespace op::ndjson {

int nestingDepth(std::string_view p)
{
    bool inString = false;
    int depth = 0;
    int deepest = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            deepest = std::max(deepest, ++depth);
        } else if (c == '}' || c == ']') {
            --depth;
        }
    }
    return deepest;
}

bool hasTrailingContent(std::string_view p)
{
    bool inString = false;
    int depth = 0;
    for (std::size_t i = 0; i < p.size(); ++i) {
        const char c = p[i];
        if (inString) {
            if (c == '\\')
                ++i;
            else if (c == '"')
                inString = false;
        } else if (c == '"') {
            inString = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth == 0) {
                for (std::size_t j = i + 1; j < p.size(); ++j)
                    if (p[j] != ' ' && p[j] != '\t' && p[j] != '\r' && p[j] != '\n')
                        return true;
                return false;
            }
        }
    }
    return false;
}

} // namespace op::ndjson
