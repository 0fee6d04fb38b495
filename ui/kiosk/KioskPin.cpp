#include "kiosk/KioskPin.h"

#include <QCryptographicHash>
#include <QSettings>

namespace opui {

namespace {
const QString kKey = QStringLiteral("kiosk/pinHash");
}

QString KioskPin::hash(const QString &pin)
{
    const QByteArray salted = QByteArrayLiteral("orderpulse-kiosk:") + pin.toUtf8();
    return QString::fromLatin1(QCryptographicHash::hash(salted, QCryptographicHash::Sha256).toHex());
}

bool KioskPin::matches(const QString &pin, const QString &pinHash)
{
    return pinHash.isEmpty() || hash(pin) == pinHash;
}

QString KioskPin::stored()
{
    return QSettings().value(kKey).toString();
}

void KioskPin::store(const QString &pin)
{
    if (pin.isEmpty())
        QSettings().remove(kKey);
    else
        QSettings().setValue(kKey, hash(pin));
}

} // namespace opui
