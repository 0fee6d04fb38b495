#pragma once

#include <QObject>
#include <QString>
#include <functional>
#include <string>
#include <tl/expected.hpp>

namespace op {

// Why a keychain operation failed, in words a user understands (no secret in them).
struct CredentialError
{
    enum class Kind
    {
        NotFound,    // nothing stored under that key
        Unavailable, // no Secret Service / keychain in this session (QtKeychain errors 5, 6, 7)
        Locked,      // the keychain is locked or refused access (errors 3, 4)
        Other,
    };
    Kind kind = Kind::Other;
    std::string message;
    int keychainCode = 0; // QKeychain::Error

    // QtKeychain's error code and text for `key`, mapped to a Kind and a message.
    static CredentialError fromKeychain(int code, const QString &detail, const QString &key);
};

// Passwords (PostgreSQL, Redis, Kafka SASL) in the OS keychain through QtKeychain, service
// "OrderPulse", asynchronously. Never the insecure fallback (QtKeychain would then write the
// password in plain text to a QSettings file): without a keychain the operation fails with
// Kind::Unavailable and the app asks for the password each session instead. Nothing here logs
// a secret. Handlers run on this object's thread (an event loop is needed); they are not called
// after the store is destroyed.
class CredentialStore : public QObject
{
    Q_OBJECT

public:
    static constexpr const char *kService = "OrderPulse";

    explicit CredentialStore(QObject *parent = nullptr);
    CredentialStore(const QString &service, QObject *parent);

    // Keys: "postgres:<user>@<host>:<port>", "redis:<user>@<host>:<port>", "kafka:<user>@<brokers>".
    static QString postgresKey(const QString &user, const QString &host, int port);
    static QString redisKey(const QString &user, const QString &host, int port);
    static QString kafkaKey(const QString &user, const QString &brokers);

    using ReadHandler = std::function<void(const tl::expected<QString, CredentialError> &)>;
    using DoneHandler = std::function<void(const tl::expected<void, CredentialError> &)>;

    void read(const QString &key, ReadHandler handler);
    void write(const QString &key, const QString &secret, DoneHandler handler);
    void remove(const QString &key, DoneHandler handler);

    // For the command line only (a local event loop; never on the GUI thread): waits for the
    // result up to timeoutMs.
    tl::expected<QString, CredentialError> readBlocking(const QString &key, int timeoutMs = 15000);
    tl::expected<void, CredentialError> writeBlocking(const QString &key, const QString &secret,
                                                      int timeoutMs = 15000);
    tl::expected<void, CredentialError> removeBlocking(const QString &key, int timeoutMs = 15000);

    const QString &service() const { return m_service; }

private:
    QString m_service;
};

} // namespace op
