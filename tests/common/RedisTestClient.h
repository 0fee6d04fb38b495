#pragma once

#include <QString>
#include <hiredis/hiredis.h>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace optest {

// A plain hiredis connection for tests to look at what a sink wrote (independent of the sink's
// own connection code). Every call returns an empty value when Redis is unreachable.
class RedisTestClient
{
public:
    explicit RedisTestClient(int port, const std::string &password = {}, int timeoutMs = 5000);
    ~RedisTestClient();
    RedisTestClient(const RedisTestClient &) = delete;
    RedisTestClient &operator=(const RedisTestClient &) = delete;

    bool isConnected() const { return m_context && !m_context->err; }
    std::string error() const { return m_context ? m_context->errstr : "no context"; }

    // Runs a command; the reply (or null).
    std::unique_ptr<redisReply, void (*)(void *)> command(const std::vector<std::string> &args);
    std::string string(const std::vector<std::string> &args);               // string/status reply, else ""
    long long integer(const std::vector<std::string> &args);                // integer reply, else -2
    std::vector<std::string> strings(const std::vector<std::string> &args); // array of strings
    std::map<std::string, std::string> hash(const std::string &key);        // HGETALL

    redisContext *context() { return m_context; }

private:
    redisContext *m_context = nullptr;
};

} // namespace optest
