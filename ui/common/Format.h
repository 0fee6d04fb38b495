#pragma once

#include "model/Money.h"
#include "model/Timestamp.h"

#include <QLocale>
#include <QString>
#include <QTimeZone>

#include <cstdint>
#include <optional>

namespace opui {

// How every page writes numbers, money and times, so they look the same everywhere: money as
// ₩1,234,000 with the locale's grouping, times in the display time zone (Asia/Seoul).
class Format
{
public:
    // The system locale, with grouping forced on (the C locale used by tests omits it).
    static QLocale locale();
    static QTimeZone displayZone();

    static QString money(op::Money won);
    // Short axis labels: ₩1.5M / ₩500K in English, ₩150만 / ₩2천만 / ₩1.2억 in Korean.
    static QString compactMoney(op::Money won);
    static QString count(std::int64_t n);
    static QString number(double value, int decimals);
    static QString percent(double ratio); // 0.123 -> "12.3 %"
    static QString minutes(std::optional<double> value);
    static QString dateTime(op::TimestampMs utcMs); // "2026-03-07 23:59:12"
    static QString time(op::TimestampMs utcMs);     // "23:59:12"
    static QString shortTime(op::TimestampMs utcMs, bool withDate); // "23:59" or "03-07 23:59"
};

} // namespace opui
