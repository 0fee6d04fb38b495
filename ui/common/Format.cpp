#include "common/Format.h"

#include <QCoreApplication>
#include <QDateTime>

#include <cmath>

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

QString Format::compactMoney(op::Money won)
{
    const QLocale l = locale();
    const double v = static_cast<double>(won);
    const auto trimmed = [&l](double x) {
        return l.toString(x, 'f', x < 10 && x != std::floor(x) ? 1 : 0);
    };
    QString text;
    if (l.language() == QLocale::Korean) {
        if (std::abs(v) >= 1e8)
            text = trimmed(v / 1e8) + QStringLiteral("억");
        else if (std::abs(v) >= 1e7 && std::fmod(v, 1e7) == 0) // 20,000,000: 2천만
            text = l.toString(v / 1e7, 'f', 0) + QStringLiteral("천만");
        else if (std::abs(v) >= 1e4)
            text = l.toString(std::round(v / 1e4), 'f', 0) + QStringLiteral("만");
        else
            text = l.toString(static_cast<qlonglong>(won));
    } else {
        if (std::abs(v) >= 1e9)
            text = trimmed(v / 1e9) + QStringLiteral("B");
        else if (std::abs(v) >= 1e6)
            text = trimmed(v / 1e6) + QStringLiteral("M");
        else if (std::abs(v) >= 1e3)
            text = trimmed(v / 1e3) + QStringLiteral("K");
        else
            text = l.toString(static_cast<qlonglong>(won));
    }
    return QStringLiteral("₩") + text;
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
