#include "sinks/PostgresUrl.h"

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

// Percent-decoding, as in URLs ("p%40ss" is "p@ss").
tl::expected<std::string, std::string> decode(std::string_view s)
{
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] != '%') {
            out += s[i];
            continue;
        }
        const int hi = i + 1 < s.size() ? hexValue(s[i + 1]) : -1;
        const int lo = i + 2 < s.size() ? hexValue(s[i + 2]) : -1;
        if (hi < 0 || lo < 0)
            return tl::make_unexpected(std::string("bad percent escape in the PostgreSQL URL"));
        out += static_cast<char>(hi * 16 + lo);
        i += 2;
    }
    return out;
}

// libpq's quoting of a key/value connection string value.
void appendValue(std::string &out, const char *key, const std::string &value)
{
    if (!out.empty())
        out += ' ';
    out += key;
    out += "='";
    for (const char c : value) {
        if (c == '\'' || c == '\\')
            out += '\\';
        out += c;
    }
    out += '\'';
}

} // namespace

tl::expected<PostgresUrl, std::string> PostgresUrl::parse(std::string_view url)
{
    PostgresUrl result;
    std::string_view rest;
    for (const std::string_view scheme : {std::string_view("postgresql://"), std::string_view("postgres://")}) {
        if (url.substr(0, scheme.size()) == scheme) {
            rest = url.substr(scheme.size());
            break;
        }
    }
    if (rest.data() == nullptr)
        return tl::make_unexpected(std::string("a PostgreSQL URL starts with postgresql:// (postgresql://user@host:port/db)"));
    std::string_view query;
    if (const auto q = rest.find('?'); q != std::string_view::npos) {
        query = rest.substr(q + 1);
        rest = rest.substr(0, q);
    }
    std::string_view path;
    if (const auto slash = rest.find('/'); slash != std::string_view::npos) {
        path = rest.substr(slash + 1);
        rest = rest.substr(0, slash);
    }
    // The last '@' separates the credentials: a password may hold a raw '@'.
    if (const auto at = rest.rfind('@'); at != std::string_view::npos) {
        const std::string_view credentials = rest.substr(0, at);
        rest = rest.substr(at + 1);
        const auto colon = credentials.find(':');
        auto user = decode(credentials.substr(0, colon));
        if (!user)
            return tl::make_unexpected(user.error());
        result.m_user = std::move(*user);
        if (colon != std::string_view::npos) {
            auto password = decode(credentials.substr(colon + 1));
            if (!password)
                return tl::make_unexpected(password.error());
            result.m_password = std::move(*password);
        }
    }
    std::string_view portText;
    if (!rest.empty() && rest.front() == '[') { // [::1]:5432
        const auto close = rest.find(']');
        if (close == std::string_view::npos)
            return tl::make_unexpected(std::string("bad IPv6 host in the PostgreSQL URL"));
        result.m_host = std::string(rest.substr(1, close - 1));
        rest = rest.substr(close + 1);
        if (!rest.empty() && rest.front() == ':')
            portText = rest.substr(1);
    } else {
        const auto colon = rest.rfind(':');
        if (colon != std::string_view::npos) {
            portText = rest.substr(colon + 1);
            rest = rest.substr(0, colon);
        }
        if (!rest.empty())
            result.m_host = std::string(rest);
    }
    if (!portText.empty()) {
        int port = 0;
        for (const char c : portText) {
            if (c < '0' || c > '9' || port > 65535)
                return tl::make_unexpected("bad port '" + std::string(portText) + "' in the PostgreSQL URL");
            port = port * 10 + (c - '0');
        }
        if (port <= 0 || port > 65535)
            return tl::make_unexpected("bad port '" + std::string(portText) + "' in the PostgreSQL URL");
        result.m_port = port;
    }
    auto database = decode(path);
    if (!database)
        return tl::make_unexpected(database.error());
    result.m_database = std::move(*database);
    while (!query.empty()) {
        const auto amp = query.find('&');
        const std::string_view pair = query.substr(0, amp);
        query = amp == std::string_view::npos ? std::string_view() : query.substr(amp + 1);
        if (pair.empty())
            continue;
        const auto eq = pair.find('=');
        if (eq == std::string_view::npos)
            return tl::make_unexpected("bad option '" + std::string(pair) + "' in the PostgreSQL URL (key=value)");
        auto key = decode(pair.substr(0, eq));
        auto value = decode(pair.substr(eq + 1));
        if (!key || !value)
            return tl::make_unexpected(std::string("bad percent escape in the PostgreSQL URL"));
        if (*key == "password") // would end up in logs and command lines
            return tl::make_unexpected(std::string("put the password in ORDERPULSE_PG_PASSWORD, not in the URL's options"));
        result.m_options.emplace_back(std::move(*key), std::move(*value));
    }
    if (result.m_password.empty()) {
        if (const char *env = std::getenv("ORDERPULSE_PG_PASSWORD"))
            result.m_password = env;
    }
    return result;
}

std::string PostgresUrl::connectionString() const
{
    std::string out;
    appendValue(out, "host", m_host);
    appendValue(out, "port", std::to_string(m_port));
    if (!m_database.empty())
        appendValue(out, "dbname", m_database);
    if (!m_user.empty())
        appendValue(out, "user", m_user);
    if (!m_password.empty())
        appendValue(out, "password", m_password);
    bool timeout = false;
    for (const auto &[key, value] : m_options) {
        appendValue(out, key.c_str(), value);
        timeout = timeout || key == "connect_timeout";
    }
    // A server that went away must not hang a reconnect for minutes.
    if (!timeout)
        appendValue(out, "connect_timeout", "5");
    appendValue(out, "application_name", "orderpulse");
    return out;
}

std::string PostgresUrl::redacted() const
{
    std::string out = "postgresql://";
    if (!m_user.empty() || !m_password.empty()) {
        out += m_user;
        if (!m_password.empty())
            out += ":***";
        out += '@';
    }
    out += m_host.find(':') != std::string::npos ? '[' + m_host + ']' : m_host;
    out += ':' + std::to_string(m_port);
    if (!m_database.empty())
        out += '/' + m_database;
    char sep = '?';
    for (const auto &[key, value] : m_options) {
        out += sep + key + '=' + value;
        sep = '&';
    }
    return out;
}

std::string PostgresUrl::redact(std::string text) const
{
    if (m_password.empty())
        return text;
    for (std::size_t at = text.find(m_password); at != std::string::npos; at = text.find(m_password, at + 3))
        text.replace(at, m_password.size(), "***");
    return text;
}

} // namespace op
