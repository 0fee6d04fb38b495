#pragma once

#include <algorithm>
#include <cstdint>
#include <string>

namespace op {

// Zero-padded identifiers ("O-0000001", "C-00042", "R-0007") and dotted IPv4 text, written into
// reused strings without going through streams: the generator formats several per record.
class GeneratorIds
{
public:
    static int digits(std::int64_t value)
    {
        int n = 1;
        for (; value >= 10; value /= 10)
            ++n;
        return n;
    }

    // `prefix` + '-' + value padded with zeros to `width` digits (more when the value needs them).
    static void formatInto(std::string &out, char prefix, std::int64_t value, int width)
    {
        const int n = std::max(width, digits(value));
        out.resize(static_cast<std::size_t>(n) + 2);
        out[0] = prefix;
        out[1] = '-';
        for (int i = n + 1; i >= 2; --i, value /= 10)
            out[static_cast<std::size_t>(i)] = static_cast<char>('0' + value % 10);
    }

    static std::string format(char prefix, std::int64_t value, int width)
    {
        std::string s;
        formatInto(s, prefix, value, width);
        return s;
    }

    static void formatIpv4Into(std::string &out, std::uint32_t ip)
    {
        out.clear();
        for (int shift = 24; shift >= 0; shift -= 8) {
            const unsigned octet = (ip >> shift) & 0xffu;
            if (octet >= 100)
                out.push_back(static_cast<char>('0' + octet / 100));
            if (octet >= 10)
                out.push_back(static_cast<char>('0' + octet / 10 % 10));
            out.push_back(static_cast<char>('0' + octet % 10));
            if (shift > 0)
                out.push_back('.');
        }
    }
};

} // namespace op
