#include "runtime/SecretResolver.h"

#include "runtime/CredentialStore.h"

#include <cstdlib>
#include <string_view>

namespace op {

namespace {

bool startsWith(std::string_view text, std::string_view prefix)
{
    return text.substr(0, prefix.size()) == prefix;
}

} // namespace

SecretResolver::SecretResolver(CredentialStore *store, int keychainTimeoutMs)
    : m_store(store)
    , m_timeoutMs(keychainTimeoutMs)
{
}

tl::expected<std::optional<std::string>, std::string>
SecretResolver::fromEnvironment(const char *variable) const
{
    const char *value = std::getenv(variable);
    if (!value || !*value)
        return std::nullopt;
    if (!startsWith(value, kKeychainPrefix))
        return std::string(value);
    auto secret = fromKeychain(std::string(value + std::string_view(kKeychainPrefix).size()));
    if (!secret)
        return tl::unexpected(std::string(variable) + ": " + secret.error());
    return *secret;
}

tl::expected<std::string, std::string> SecretResolver::resolve(const std::string &reference) const
{
    if (startsWith(reference, kKeychainPrefix))
        return fromKeychain(reference.substr(std::string_view(kKeychainPrefix).size()));
    if (startsWith(reference, "env:")) {
        const std::string variable = reference.substr(4);
        auto value = fromEnvironment(variable.c_str());
        if (!value)
            return tl::unexpected(value.error());
        if (!*value)
            return tl::unexpected("the environment variable " + variable + " is not set");
        return **value;
    }
    return tl::unexpected(std::string("a password reference is keychain:<key> or env:<VARIABLE>"));
}

tl::expected<std::string, std::string> SecretResolver::fromKeychain(const std::string &key) const
{
    if (key.empty())
        return tl::unexpected(std::string("keychain: needs a key, e.g. keychain:postgres:user@host:5432"));
    if (!m_store)
        return tl::unexpected("the keychain entry " + key + " cannot be read here (no keychain access)");
    auto secret = m_store->readBlocking(QString::fromStdString(key), m_timeoutMs);
    if (!secret)
        return tl::unexpected(secret.error().message);
    return secret->toStdString();
}

} // namespace op
