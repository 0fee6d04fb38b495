#include "SecretEnvironment.h"

#include "runtime/CredentialStore.h"
#include "runtime/SecretResolver.h"

#include <QByteArray>
#include <QtGlobal>

#include <memory>

namespace cli {

QString resolveSecretReferences()
{
    std::unique_ptr<op::CredentialStore> store; // only when a reference needs the keychain
    for (const char *variable : {op::SecretResolver::kPostgresVariable, op::SecretResolver::kRedisVariable,
                                 op::SecretResolver::kKafkaVariable}) {
        const QByteArray value = qgetenv(variable);
        if (!value.startsWith(op::SecretResolver::kKeychainPrefix) && !value.startsWith("env:"))
            continue;
        if (!store)
            store = std::make_unique<op::CredentialStore>();
        const op::SecretResolver resolver(store.get());
        auto secret = resolver.fromEnvironment(variable);
        if (!secret)
            return QString::fromStdString(secret.error());
        qputenv(variable, secret->has_value() ? QByteArray::fromStdString(**secret) : QByteArray());
    }
    return {};
}

} // namespace cli
