#include "RedisTestClient.h"

namespace optest {

RedisTestClient::RedisTestClient(int port, const std::string &password, int timeoutMs)
{
    const timeval tv{timeoutMs / 1000, static_cast<suseconds_t>((timeoutMs % 1000) * 1000)};
    m_context = redisConnectWithTimeout("127.0.0.1", port, tv);
    if (m_context && !m_context->err)
        redisSetTimeout(m_context, tv);
    if (isConnected() && !password.empty())
        command({"AUTH", password});
}

RedisTestClient::~RedisTestClient()
{
    if (m_context)
        redisFree(m_context);
}

std::unique_ptr<redisReply, void (*)(void *)> RedisTestClient::command(const std::vector<std::string> &args)
{
    std::unique_ptr<redisReply, void (*)(void *)> none(nullptr, freeReplyObject);
    if (!isConnected())
        return none;
    std::vector<const char *> argv;
    std::vector<size_t> lengths;
    for (const std::string &a : args) {
        argv.push_back(a.data());
        lengths.push_back(a.size());
    }
    void *reply = redisCommandArgv(m_context, static_cast<int>(argv.size()), argv.data(), lengths.data());
    return {static_cast<redisReply *>(reply), freeReplyObject};
}

std::string RedisTestClient::string(const std::vector<std::string> &args)
{
    const auto reply = command(args);
    if (!reply || (reply->type != REDIS_REPLY_STRING && reply->type != REDIS_REPLY_STATUS &&
                   reply->type != REDIS_REPLY_ERROR))
        return {};
    return {reply->str, reply->len};
}

long long RedisTestClient::integer(const std::vector<std::string> &args)
{
    const auto reply = command(args);
    return reply && reply->type == REDIS_REPLY_INTEGER ? reply->integer : -2;
}

std::vector<std::string> RedisTestClient::strings(const std::vector<std::string> &args)
{
    std::vector<std::string> out;
    const auto reply = command(args);
    if (!reply || reply->type != REDIS_REPLY_ARRAY)
        return out;
    for (size_t i = 0; i < reply->elements; ++i) {
        const redisReply *e = reply->element[i];
        if (e->type == REDIS_REPLY_STRING || e->type == REDIS_REPLY_STATUS)
            out.emplace_back(e->str, e->len);
    }
    return out;
}

std::map<std::string, std::string> RedisTestClient::hash(const std::string &key)
{
    std::map<std::string, std::string> out;
    const std::vector<std::string> flat = strings({"HGETALL", key});
    for (size_t i = 0; i + 1 < flat.size(); i += 2)
        out[flat[i]] = flat[i + 1];
    return out;
}

} // namespace optest
