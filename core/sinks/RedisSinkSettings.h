#pragma once

#include <cstddef>
#include <string>
#include <tl/expected.hpp>

namespace op {

// Everything RedisSink needs. Built from a URL (fromUrl) by `ingest --redis URL` and the GUI.
// The password is never shown: use redactedUrl() for display.
struct RedisSinkSettings
{
    static constexpr const char *kPasswordVariable = "ORDERPULSE_REDIS_PASSWORD";
    static constexpr const char *kDefaultPrefix = "orderpulse:";

    std::string host = "127.0.0.1";
    int port = 6379;
    int db = 0;
    std::string user;     // ACL user (Redis 6+); empty = AUTH with the password only
    std::string password; // empty = no AUTH
    std::string prefix = kDefaultPrefix;

    int orderTtlSeconds = 3600; // order:{id} expiry (seed 001's SETEX 3600)
    // Redis that does not answer within these is treated as down: what is queued is dropped.
    int connectTimeoutMs = 500;
    int commandTimeoutMs = 1000;
    std::size_t queueCapacity = 16; // batches waiting for the Redis thread; more are dropped
    int healthPollMs = 2000;        // INFO (hits, misses, memory) and liveness
    int reconnectMinMs = 200;
    int reconnectMaxMs = 5000;
    // The `snapshot` key carries at most this many customer rows (the highest monetary value;
    // every customer is in its customer:{id} hash).
    std::size_t snapshotCustomerLimit = 1000;
    // Orders kept to merge lifecycle records into order:{id} (the oldest are forgotten first).
    std::size_t orderCacheLimit = 200000;

    // redis://[[user]:password@]host[:port][/db]; user and password percent-decoded. Without a
    // password in the URL, ORDERPULSE_REDIS_PASSWORD (when set) is used. The error never quotes
    // the password.
    static tl::expected<RedisSinkSettings, std::string> fromUrl(const std::string &url,
                                                                const std::string &prefix = kDefaultPrefix);

    // "redis://user:***@host:port/db" (no "***" when there is no password).
    std::string redactedUrl() const;
};

} // namespace op
