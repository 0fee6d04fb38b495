#pragma once

#include <tl/expected.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace op {

// A PostgreSQL connection URL, `postgresql://[user[:password]@]host[:port][/dbname][?key=value&...]`
// (`postgres://` too), turned into a libpq key/value connection string. The password comes from
// the URL or, when the URL has none, from the environment variable ORDERPULSE_PG_PASSWORD; it never
// appears in redacted() nor in any message that went through redact().
class PostgresUrl
{
public:
    static tl::expected<PostgresUrl, std::string> parse(std::string_view url);

    // For libpq (password included): `host='…' port='…' dbname='…' user='…' password='…' sslmode='…'`.
    std::string connectionString() const;
    // For people: the URL with the password replaced by "***".
    std::string redacted() const;
    // `text` with every occurrence of the password replaced by "***" (error messages from libpq).
    std::string redact(std::string text) const;

    const std::string &host() const { return m_host; }
    int port() const { return m_port; }
    const std::string &database() const { return m_database; }
    const std::string &user() const { return m_user; }
    bool hasPassword() const { return !m_password.empty(); }

private:
    std::string m_host = "localhost";
    int m_port = 5432;
    std::string m_database;
    std::string m_user;
    std::string m_password;
    std::vector<std::pair<std::string, std::string>> m_options; // sslmode, connect_timeout, ...
};

} // namespace op
