#include "sinks/RedisConnection.h"

#include "sinks/RedisSinkSettings.h"

#include <hiredis/hiredis.h>
#include <sys/time.h>

namespace op {

namespace {

timeval toTimeval(int ms)
{
    timeval tv{};
    tv.tv_sec = ms / 1000;
    tv.tv_usec = static_cast<suseconds_t>((ms % 1000) * 1000);
    return tv;
}

std::string replyText(const redisReply *reply)
{
    switch (reply->type) {
    case REDIS_REPLY_INTEGER:
        return std::to_string(reply->integer);
    case REDIS_REPLY_NIL:
        return {};
    case REDIS_REPLY_STRING:
    case REDIS_REPLY_STATUS:
    case REDIS_REPLY_ERROR:
        return std::string(reply->str, reply->len);
    default:
        return {};
    }
}

} // namespace

RedisConnection::~RedisConnection()
{
    close();
}

void RedisConnection::close()
{
    if (m_context)
        redisFree(m_context);
    m_context = nullptr;
    m_pending = 0;
}

tl::expected<void, std::string> RedisConnection::fail(const std::string &what)
{
    std::string message = "Redis " + m_where + ": " + what;
    if (m_context && m_context->err)
        message += std::string(" (") + m_context->errstr + ")";
    close();
    return tl::unexpected(std::move(message));
}

tl::expected<void, std::string> RedisConnection::connect(const RedisSinkSettings &settings)
{
    close();
    m_where = settings.host + ":" + std::to_string(settings.port);
    m_context =
        redisConnectWithTimeout(settings.host.c_str(), settings.port, toTimeval(settings.connectTimeoutMs));
    if (!m_context)
        return tl::unexpected("Redis " + m_where + ": out of memory");
    if (m_context->err)
        return fail("cannot connect");
    if (redisSetTimeout(m_context, toTimeval(settings.commandTimeoutMs)) != REDIS_OK)
        return fail("cannot set the command timeout");

    // AUTH's reply never echoes the password; still, only Redis's own words are passed on.
    if (!settings.password.empty()) {
        auto reply = settings.user.empty() ? command({"AUTH", settings.password})
                                           : command({"AUTH", settings.user, settings.password});
        if (!reply)
            return tl::unexpected(reply.error());
        if (!m_lastReplyError.empty()) {
            const std::string why = m_lastReplyError;
            return fail("authentication failed: " + why);
        }
    }
    if (settings.db != 0) {
        const std::string db = std::to_string(settings.db);
        auto reply = command({"SELECT", db});
        if (!reply)
            return tl::unexpected(reply.error());
        if (!m_lastReplyError.empty()) {
            const std::string why = m_lastReplyError;
            return fail("SELECT " + db + " failed: " + why);
        }
    }
    auto pong = command({"PING"});
    if (!pong)
        return tl::unexpected(pong.error());
    if (!m_lastReplyError.empty()) { // NOAUTH when a password is required and none was given
        const std::string why = m_lastReplyError;
        return fail(why);
    }
    return {};
}

void RedisConnection::append(std::initializer_list<std::string_view> args)
{
    m_argv.clear();
    m_argvLen.clear();
    for (const std::string_view a : args) {
        m_argv.push_back(a.data());
        m_argvLen.push_back(a.size());
    }
    if (m_context && redisAppendCommandArgv(m_context, static_cast<int>(m_argv.size()), m_argv.data(),
                                            m_argvLen.data()) == REDIS_OK)
        ++m_pending;
}

void RedisConnection::append(const std::vector<std::string_view> &args)
{
    m_argv.clear();
    m_argvLen.clear();
    for (const std::string_view a : args) {
        m_argv.push_back(a.data());
        m_argvLen.push_back(a.size());
    }
    if (m_context && redisAppendCommandArgv(m_context, static_cast<int>(m_argv.size()), m_argv.data(),
                                            m_argvLen.data()) == REDIS_OK)
        ++m_pending;
}

tl::expected<std::int64_t, std::string> RedisConnection::flush()
{
    if (!m_context)
        return tl::unexpected("Redis " + m_where + ": not connected");
    m_lastReplyError.clear();
    std::int64_t errors = 0;
    while (m_pending > 0) {
        void *raw = nullptr;
        if (redisGetReply(m_context, &raw) != REDIS_OK || !raw) {
            auto failed = fail("no reply");
            return tl::unexpected(failed.error());
        }
        auto *reply = static_cast<redisReply *>(raw);
        if (reply->type == REDIS_REPLY_ERROR) {
            ++errors;
            if (m_lastReplyError.empty())
                m_lastReplyError = replyText(reply);
        }
        freeReplyObject(reply);
        --m_pending;
    }
    return errors;
}

tl::expected<std::string, std::string> RedisConnection::command(std::initializer_list<std::string_view> args)
{
    if (!m_context)
        return tl::unexpected("Redis " + m_where + ": not connected");
    if (m_pending > 0) {
        auto flushed = flush();
        if (!flushed)
            return tl::unexpected(flushed.error());
    }
    append(args);
    m_lastReplyError.clear();
    void *raw = nullptr;
    if (redisGetReply(m_context, &raw) != REDIS_OK || !raw) {
        auto failed = fail("no reply");
        return tl::unexpected(failed.error());
    }
    --m_pending;
    auto *reply = static_cast<redisReply *>(raw);
    std::string text = replyText(reply);
    if (reply->type == REDIS_REPLY_ERROR)
        m_lastReplyError = text;
    freeReplyObject(reply);
    return text;
}

} // namespace op
