#include "runtime/CredentialStore.h"

#include <QEventLoop>
#include <QTimer>
#include <memory>
#include <optional>
#include <qt6keychain/keychain.h>

namespace op {

namespace {

CredentialError timedOut(const QString &key)
{
    return {CredentialError::Kind::Unavailable,
            "The keychain did not answer in time for " + key.toStdString() +
                ": OrderPulse will ask for the password this session and will not store it.",
            QKeychain::OtherError};
}

// Runs `start` (which must eventually call the handler it is given) in a local event loop. The
// handler may run after a timeout returned: it only touches the shared state then.
template<typename Result, typename Start> Result waitFor(const QString &key, int timeoutMs, Start start)
{
    struct State
    {
        std::optional<Result> result;
        QEventLoop *loop = nullptr;
    };
    auto state = std::make_shared<State>();
    QEventLoop loop;
    state->loop = &loop;
    start([state](const Result &r) {
        state->result = r;
        if (state->loop)
            state->loop->quit();
    });
    if (!state->result) {
        QTimer::singleShot(timeoutMs, &loop, &QEventLoop::quit);
        loop.exec();
    }
    state->loop = nullptr;
    if (!state->result)
        return tl::unexpected(timedOut(key));
    return *state->result;
}

} // namespace

CredentialError CredentialError::fromKeychain(int code, const QString &detail, const QString &key)
{
    const std::string k = key.toStdString();
    // QtKeychain's own text says which D-Bus call failed; it never holds the secret.
    const std::string why = detail.isEmpty() ? std::string() : " (" + detail.toStdString() + ")";
    switch (code) {
    case QKeychain::EntryNotFound:
        return {Kind::NotFound, "No password for " + k + " is stored in the keychain.", code};
    case QKeychain::AccessDeniedByUser:
    case QKeychain::AccessDenied:
        return {Kind::Locked,
                "The keychain is locked or refused access to the password for " + k +
                    ": unlock it (log in to the desktop keyring) and try again. Until then OrderPulse "
                    "asks for the password each session and does not store it" +
                    why + ".",
                code};
    case QKeychain::NoBackendAvailable:
    case QKeychain::NotImplemented:
    case QKeychain::OtherError:
        return {Kind::Unavailable,
                "No keychain is available in this session (no Secret Service, e.g. gnome-keyring, on the "
                "D-Bus session bus): OrderPulse asks for the password each session and never stores it in "
                "plain text" +
                    why + ".",
                code};
    default:
        return {Kind::Other, "The keychain failed for " + k + why + ".", code};
    }
}

CredentialStore::CredentialStore(QObject *parent)
    : CredentialStore(QString::fromLatin1(kService), parent)
{
}

CredentialStore::CredentialStore(const QString &service, QObject *parent)
    : QObject(parent)
    , m_service(service)
{
}

QString CredentialStore::postgresKey(const QString &user, const QString &host, int port)
{
    return QStringLiteral("postgres:%1@%2:%3").arg(user, host).arg(port);
}

QString CredentialStore::redisKey(const QString &user, const QString &host, int port)
{
    return QStringLiteral("redis:%1@%2:%3").arg(user, host).arg(port);
}

QString CredentialStore::kafkaKey(const QString &user, const QString &brokers)
{
    return QStringLiteral("kafka:%1@%2").arg(user, brokers);
}

void CredentialStore::read(const QString &key, ReadHandler handler)
{
    auto *job = new QKeychain::ReadPasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, key, handler = std::move(handler)] {
        if (job->error() != QKeychain::NoError)
            handler(tl::unexpected(CredentialError::fromKeychain(job->error(), job->errorString(), key)));
        else
            handler(job->textData());
    });
    job->start();
}

void CredentialStore::write(const QString &key, const QString &secret, DoneHandler handler)
{
    auto *job = new QKeychain::WritePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    job->setTextData(secret);
    connect(job, &QKeychain::Job::finished, this, [job, key, handler = std::move(handler)] {
        if (job->error() != QKeychain::NoError)
            handler(tl::unexpected(CredentialError::fromKeychain(job->error(), job->errorString(), key)));
        else
            handler({});
    });
    job->start();
}

void CredentialStore::remove(const QString &key, DoneHandler handler)
{
    auto *job = new QKeychain::DeletePasswordJob(m_service, this);
    job->setInsecureFallback(false);
    job->setAutoDelete(true);
    job->setKey(key);
    connect(job, &QKeychain::Job::finished, this, [job, key, handler = std::move(handler)] {
        if (job->error() != QKeychain::NoError)
            handler(tl::unexpected(CredentialError::fromKeychain(job->error(), job->errorString(), key)));
        else
            handler({});
    });
    job->start();
}

tl::expected<QString, CredentialError> CredentialStore::readBlocking(const QString &key, int timeoutMs)
{
    using Result = tl::expected<QString, CredentialError>;
    return waitFor<Result>(key, timeoutMs, [&](auto done) { read(key, done); });
}

tl::expected<void, CredentialError> CredentialStore::writeBlocking(const QString &key, const QString &secret,
                                                                   int timeoutMs)
{
    using Result = tl::expected<void, CredentialError>;
    return waitFor<Result>(key, timeoutMs, [&](auto done) { write(key, secret, done); });
}

tl::expected<void, CredentialError> CredentialStore::removeBlocking(const QString &key, int timeoutMs)
{
    using Result = tl::expected<void, CredentialError>;
    return waitFor<Result>(key, timeoutMs, [&](auto done) { remove(key, done); });
}

} // namespace op
