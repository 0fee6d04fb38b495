#include "io/QuarantineRecord.h"

#include "io/Validation.h"

namespace op {

std::string sanitizeRaw(std::string_view raw)
{
    if (raw.size() > QuarantineRecord::kMaxRawBytes)
        raw = raw.substr(0, QuarantineRecord::kMaxRawBytes);
    if (isValidUtf8(raw))
        return std::string(raw);
    // Keep ASCII and valid multi-byte sequences; replace anything else with U+FFFD.
    std::string out;
    out.reserve(raw.size());
    std::size_t i = 0;
    while (i < raw.size()) {
        const auto c = static_cast<unsigned char>(raw[i]);
        std::size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (len != 0 && i + len <= raw.size() && isValidUtf8(raw.substr(i, len))) {
            out.append(raw.substr(i, len));
            i += len;
        } else {
            out.append("\xEF\xBF\xBD");
            ++i;
        }
    }
    return out;
}

} // namespace op
