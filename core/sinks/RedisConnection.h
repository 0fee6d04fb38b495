#pragma once

#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <tl/expected.hpp>
#include <vector>

struct redisContext;

namespace op {

struct RedisSinkSettings;

// One blocking hiredis connection with timeouts, AUTH (password, optional ACL user) and SELECT,
// used by one thread. Commands are pipelined: append() only buffers, flush() sends them all and
// reads every reply. Any I/O error or timeout closes the connection (hiredis cannot resume a
// half-read pipeline); the caller reconnects. Error texts never contain the password.
class RedisConnection
{
public:
    RedisConnection() = default;
    ~RedisConnection();
    RedisConnection(const RedisConnection &) = delete;
    RedisConnection &operator=(const RedisConnection &) = delete;

    tl::expected<void, std::string> connect(const RedisSinkSettings &settings);
    void close();
    [[nodiscard]] bool isConnected() const { return m_context != nullptr; }

    // Buffers one command (binary-safe arguments).
    void append(std::initializer_list<std::string_view> args);
    void append(const std::vector<std::string_view> &args);
    [[nodiscard]] std::size_t pending() const { return m_pending; }

    // Sends the buffered commands and reads their replies. Returns the number of commands Redis
    // answered with an error reply (e.g. WRONGTYPE), which does not break the connection; the
    // first such error text is kept in lastReplyError().
    tl::expected<std::int64_t, std::string> flush();
    [[nodiscard]] const std::string &lastReplyError() const { return m_lastReplyError; }

    // Runs one command and returns its reply as text (status, string, integer); pending commands
    // are flushed first. An error reply is returned as text too, and lastReplyError() holds it.
    tl::expected<std::string, std::string> command(std::initializer_list<std::string_view> args);

private:
    tl::expected<void, std::string> fail(const std::string &what);

    redisContext *m_context = nullptr;
    std::size_t m_pending = 0;
    std::string m_where; // host:port, for messages
    std::string m_lastReplyError;
    std::vector<const char *> m_argv; // scratch for append()
    std::vector<std::size_t> m_argvLen;
};

} // namespace op
