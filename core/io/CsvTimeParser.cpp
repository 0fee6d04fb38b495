#include "io/CsvTimeParser.h"

#include "io/CsvNumbers.h"

#include <QDateTime>

namespace op {

namespace {

// True when a Qt date-time format has an unquoted 't' (a time zone in the text itself).
bool hasZoneToken(const QString &pattern)
{
    bool quoted = false;
    for (const QChar c : pattern) {
        if (c == QLatin1Char('\''))
            quoted = !quoted;
        else if (!quoted && c == QLatin1Char('t'))
            return true;
    }
    return false;
}

} // namespace

CsvTimeParser::CsvTimeParser()
    : CsvTimeParser(Format::Iso, QString(), QTimeZone(QByteArrayLiteral("Asia/Seoul")))
{
}

CsvTimeParser::CsvTimeParser(Format format, QString pattern, QTimeZone zone)
    : m_format(format)
    , m_pattern(std::move(pattern))
    , m_zone(zone.isValid() ? std::move(zone) : QTimeZone::utc())
    , m_patternHasZone(hasZoneToken(m_pattern))
{
}

std::optional<TimestampMs> CsvTimeParser::parse(std::string_view raw)
{
    const std::string_view text = trimCsvSpaces(raw);
    if (m_hasLast && text == m_lastText)
        return m_lastResult;
    std::optional<TimestampMs> t;
    switch (m_format) {
    case Format::Iso:
        if (const auto atZero = parseEventTime(text, 0)) {
            // Parsing with two different default offsets tells whether the text had its own.
            const auto atOne = parseEventTime(text, 1);
            t = (atOne && *atOne == *atZero) ? atZero : std::optional<TimestampMs>(localToUtc(*atZero));
        }
        break;
    case Format::EpochMs:
        t = parseEpochMillis(text);
        break;
    case Format::Pattern:
        t = parsePattern(text);
        break;
    }
    if (t && (*t < kMinTime || *t > kMaxTime))
        t.reset();
    m_lastText.assign(text);
    m_lastResult = t;
    m_hasLast = true;
    return t;
}

std::optional<TimestampMs> CsvTimeParser::parsePattern(std::string_view text)
{
    if (text.empty())
        return std::nullopt;
    const QString s = QString::fromUtf8(text.data(), static_cast<qsizetype>(text.size()));
    if (m_patternHasZone) {
        const QDateTime dt = QDateTime::fromString(s, m_pattern);
        if (!dt.isValid())
            return std::nullopt;
        return dt.toMSecsSinceEpoch();
    }
    // QDateTime::fromString reads zone-less text in the process's local zone, where a time in
    // a DST gap is invalid: parse it as UTC instead and apply the mapping's zone ourselves.
    const QDateTime dt = QDateTime::fromString(s + QStringLiteral(" Z"), m_pattern + QStringLiteral(" t"));
    if (!dt.isValid())
        return std::nullopt;
    return localToUtc(dt.toMSecsSinceEpoch());
}

int CsvTimeParser::offsetSecondsAt(TimestampMs utc)
{
    if (utc >= m_cacheFrom && utc < m_cacheTo)
        return m_cacheOffset;
    const QDateTime at = QDateTime::fromMSecsSinceEpoch(utc, Qt::UTC);
    m_cacheOffset = m_zone.offsetFromUtc(at);
    // The transitions around `utc` bound the interval where this offset holds.
    const QTimeZone::OffsetData previous = m_zone.previousTransition(at.addMSecs(1));
    const QTimeZone::OffsetData next = m_zone.nextTransition(at);
    m_cacheFrom = previous.atUtc.isValid() ? previous.atUtc.toMSecsSinceEpoch()
                                           : std::numeric_limits<TimestampMs>::min();
    m_cacheTo =
        next.atUtc.isValid() ? next.atUtc.toMSecsSinceEpoch() : std::numeric_limits<TimestampMs>::max();
    if (m_cacheFrom > utc || m_cacheTo <= utc) { // inconsistent zone data: cache this instant only
        m_cacheFrom = utc;
        m_cacheTo = utc + 1;
    }
    return m_cacheOffset;
}

TimestampMs CsvTimeParser::localToUtc(TimestampMs local)
{
    const TimestampMs guess = local - static_cast<TimestampMs>(offsetSecondsAt(local)) * kMsPerSecond;
    return local - static_cast<TimestampMs>(offsetSecondsAt(guess)) * kMsPerSecond;
}

std::string CsvTimeParser::formatIso(TimestampMs utc)
{
    const int offset = offsetSecondsAt(utc);
    const TimestampMs local = utc + static_cast<TimestampMs>(offset) * kMsPerSecond;
    if (offset % 60 != 0 || local < kMinTime || local > kMaxTime)
        return formatIsoWithOffset(utc, 0);
    return formatIsoWithOffset(utc, offset / 60);
}

} // namespace op
