#include "common/Format.h"

#include <QCoreApplication>
#include <QDateTime>

namespace opui {

QLocale Format::locale()
{
    QLocale l;
    if (l.language() == QLocale::C)
        l = QLocale(QLocale::English, QLocale::UnitedStates);
    l.setNumberOptions(l.numberOptions() & ~QLocale::OmitGroupSeparator);
    return l;
}

QTimeZone Format::displayZone()
{
    static const QTimeZone zone(QByteArrayLiteral("Asia/Seoul"));
    return zone.isValid() ? zone : QTimeZone::utc();
}

QString Format::money(op::Money won)
{
    const QString digits = locale().toString(static_cast<qlonglong>(won < 0 ? -won : won));
    return (won < 0 ? QStringLiteral("-₩") : QStringLiteral("₩")) + digits;
}

QString Format::count(std::int64_t n)
{
    return locale().toString(static_cast<qlonglong>(n));
}

QString Format::number(double value, int decimals)
{
    return locale().toString(value, 'f', decimals);
}

QString Format::percent(double ratio)
{
    // Korean writes "12.3%", English here "12.3 %": the translation decides.
    return QCoreApplication::translate("Format", "%1 %").arg(locale().toString(ratio * 100.0, 'f', 1));
}

QString Format::minutes(std::optional<double> value)
{
    if (!value)
        return QStringLiteral("–");
    return QCoreApplication::translate("Format", "%1 min").arg(locale().toString(*value, 'f', 1));
}

QString Format::dateTime(op::TimestampMs utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, displayZone()).toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
}

QString Format::time(op::TimestampMs utcMs)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, displayZone()).toString(QStringLiteral("HH:mm:ss"));
}

QString Format::shortTime(op::TimestampMs utcMs, bool withDate)
{
    return QDateTime::fromMSecsSinceEpoch(utcMs, displayZone())
        .toString(withDate ? QStringLiteral("MM-dd HH:mm") : QStringLiteral("HH:mm"));
}

} // namespace opui
