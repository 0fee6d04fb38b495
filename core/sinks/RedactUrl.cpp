#include "sinks/RedactUrl.h"

#include <algorithm>
#include <cctype>

namespace op {

namespace {

constexpr std::string_view kMask = "***";

bool startsWithNoCase(std::string_view text, std::size_t at, std::string_view word)
{
    if (text.size() - at < word.size())
        return false;
    for (std::size_t i = 0; i < word.size(); ++i) {
        if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i])
            return false;
    }
    return true;
}

// Masks the value of every "password=" / "pass=" key (libpq key=value strings, URL queries).
std::string maskKeyValues(std::string text)
{
    for (const std::string_view key : {std::string_view("password="), std::string_view("pass=")}) {
        std::size_t from = 0;
        while (from < text.size()) {
            std::size_t at = std::string::npos;
            for (std::size_t i = from; i + key.size() <= text.size(); ++i) {
                const bool boundary = i == 0 || text[i - 1] == ' ' || text[i - 1] == '?' ||
                                      text[i - 1] == '&' || text[i - 1] == ';';
                if (boundary && startsWithNoCase(text, i, key)) {
                    at = i;
                    break;
                }
            }
            if (at == std::string::npos)
                break;
            const std::size_t valueStart = at + key.size();
            std::size_t valueEnd = valueStart;
            if (valueEnd < text.size() && text[valueEnd] == '\'') { // libpq quoting: 'a b\'c'
                ++valueEnd;
                while (valueEnd < text.size() && text[valueEnd] != '\'') {
                    if (text[valueEnd] == '\\')
                        ++valueEnd;
                    ++valueEnd;
                }
                valueEnd = std::min(valueEnd + 1, text.size());
            } else {
                while (valueEnd < text.size() && text[valueEnd] != ' ' && text[valueEnd] != '&' &&
                       text[valueEnd] != ';')
                    ++valueEnd;
            }
            text.replace(valueStart, valueEnd - valueStart, kMask);
            from = valueStart + kMask.size();
        }
    }
    return text;
}

} // namespace

std::string redactUrl(std::string_view url)
{
    std::string text(url);
    const std::size_t scheme = text.find("://");
    if (scheme != std::string::npos) {
        const std::size_t authorityStart = scheme + 3;
        std::size_t authorityEnd = text.find_first_of("/?#", authorityStart);
        if (authorityEnd == std::string::npos)
            authorityEnd = text.size();
        // The last '@' of the authority ends the user info (a password may contain '@').
        const std::size_t at = text.rfind('@', authorityEnd - 1);
        if (at != std::string::npos && at >= authorityStart) {
            const std::size_t colon = text.find(':', authorityStart);
            if (colon != std::string::npos && colon < at)
                text.replace(colon + 1, at - colon - 1, kMask);
        }
    }
    return maskKeyValues(std::move(text));
}

} // namespace op
