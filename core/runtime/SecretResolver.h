#pragma once

#include <optional>
#include <string>
#include <tl/expected.hpp>

namespace op {

class CredentialStore;

// Where a headless run (CLI, service) gets a password: an environment variable holding either
// the password itself or a reference "keychain:<key>" to an entry of the OS keychain (service
// "OrderPulse"; e.g. ORDERPULSE_PG_PASSWORD=keychain:postgres:op@db:5432). The keychain is read
// synchronously through a local event loop: command line only, never on the GUI thread.
// Messages name the variable or the key, never the value.
class SecretResolver
{
public:
    static constexpr const char *kPostgresVariable = "ORDERPULSE_PG_PASSWORD";
    static constexpr const char *kRedisVariable = "ORDERPULSE_REDIS_PASSWORD";
    static constexpr const char *kKafkaVariable = "ORDERPULSE_KAFKA_PASSWORD";
    static constexpr const char *kKeychainPrefix = "keychain:";

    // store: the keychain to read "keychain:" references from; none = such references fail.
    explicit SecretResolver(CredentialStore *store = nullptr, int keychainTimeoutMs = 15000);

    // The secret the variable gives; nullopt when it is unset or empty.
    tl::expected<std::optional<std::string>, std::string> fromEnvironment(const char *variable) const;
    // A reference: "keychain:<key>", or "env:<VARIABLE>" (which may itself hold a keychain: reference).
    tl::expected<std::string, std::string> resolve(const std::string &reference) const;

private:
    tl::expected<std::string, std::string> fromKeychain(const std::string &key) const;

    CredentialStore *m_store;
    int m_timeoutMs;
};

} // namespace op
