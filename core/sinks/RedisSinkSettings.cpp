#include "sinks/RedisSinkSettings.h"

#include <charconv>
#include <cstdlib>

namespace op {

namespace {

int hexValue(char c)
{
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'f')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'F')
        return c - 'A' + 10;
    return -1;
}

// Percent-decodes `text` into `out`; false on a broken escape.
bool percentDecode(std::string_view text, std::string &out)
{
    out.clear();
    for (std::size_t i = 0; i < text.size(); ++i) {
        if (text[i] != '%') {
            out.push_back(text[i]);
            continue;
        }
        if (i + 2 >= text.size())
            return false;
        const int hi = hexValue(text[i + 1]);
        const int lo = hexValue(text[i + 2]);
        if (hi < 0 || lo < 0)
            return false;
        out.push_back(static_cast<char>(hi * 16 + lo));
        i += 2;
    }
    return true;
}

bool parseInt(std::string_view text, int &out)
{
    if (text.empty())
        return false;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
    return ec == std::errc() && end == text.data() + text.size();
}

} // namespace

tl::expected<RedisSinkSettings, std::string> RedisSinkSettings::fromUrl(const std::string &url,
                                                                        const std::string &prefix)
{
    constexpr std::string_view kScheme = "redis://";
    std::string_view rest(url);
    if (rest.substr(0, kScheme.size()) != kScheme)
        return tl::unexpected(
            std::string("a Redis URL starts with redis:// (rediss:// needs TLS, which Debian 12's "
                        "hiredis 0.14 does not have)"));
    rest.remove_prefix(kScheme.size());

    RedisSinkSettings s;
    s.prefix = prefix;
    const std::size_t slash = rest.find('/');
    std::string_view authority = rest.substr(0, slash);
    const std::string_view path =
        slash == std::string_view::npos ? std::string_view() : rest.substr(slash + 1);

    if (const std::size_t at = authority.rfind('@'); at != std::string_view::npos) {
        const std::string_view userInfo = authority.substr(0, at);
        authority.remove_prefix(at + 1);
        const std::size_t colon = userInfo.find(':');
        const std::string_view user = userInfo.substr(0, colon);
        if (!percentDecode(user, s.user))
            return tl::unexpected(std::string("the Redis URL's user name has a broken %-escape"));
        if (colon != std::string_view::npos && !percentDecode(userInfo.substr(colon + 1), s.password))
            return tl::unexpected(std::string("the Redis URL's password has a broken %-escape"));
        if (colon == std::string_view::npos && !s.user.empty()) {
            // "redis://secret@host" is how some tools write a password-only URL.
            s.password = s.user;
            s.user.clear();
        }
    }

    std::string_view host = authority;
    if (!host.empty() && host.front() == '[') { // [::1]:6379
        const std::size_t close = host.find(']');
        if (close == std::string_view::npos)
            return tl::unexpected("bad Redis host in " + s.redactedUrl());
        const std::string_view after = host.substr(close + 1);
        host = host.substr(1, close - 1);
        if (!after.empty() && (after.front() != ':' || !parseInt(after.substr(1), s.port)))
            return tl::unexpected(std::string("bad Redis port"));
    } else if (const std::size_t colon = host.rfind(':'); colon != std::string_view::npos) {
        if (!parseInt(host.substr(colon + 1), s.port))
            return tl::unexpected(std::string("bad Redis port \"") + std::string(host.substr(colon + 1)) +
                                  "\"");
        host = host.substr(0, colon);
    }
    if (s.port <= 0 || s.port > 65535)
        return tl::unexpected(std::string("bad Redis port ") + std::to_string(s.port));
    if (!host.empty())
        s.host = std::string(host);
    if (!path.empty() && (!parseInt(path, s.db) || s.db < 0))
        return tl::unexpected(std::string("bad Redis database number \"") + std::string(path) + "\"");

    if (s.password.empty()) {
        if (const char *env = std::getenv(kPasswordVariable); env && *env)
            s.password = env;
    }
    return s;
}

std::string RedisSinkSettings::redactedUrl() const
{
    std::string out = "redis://";
    if (!user.empty() || !password.empty()) {
        out += user;
        if (!password.empty())
            out += ":***";
        out += '@';
    }
    const bool ipv6 = host.find(':') != std::string::npos;
    out += ipv6 ? "[" + host + "]" : host;
    out += ':' + std::to_string(port);
    if (db != 0)
        out += '/' + std::to_string(db);
    return out;
}

} // namespace op
