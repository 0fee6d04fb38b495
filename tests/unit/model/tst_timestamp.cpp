#include "model/Money.h"
#include "model/OrderEvent.h"
#include "model/Timestamp.h"

#include <QTest>

using namespace op;

class TestTimestamp : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void parsesOffsetsAndFractions_data()
    {
        QTest::addColumn<QString>("text");
        QTest::addColumn<qint64>("expected");
        // 2026-03-01T03:34:56.789Z == 1772336096789
        QTest::newRow("seoul") << "2026-03-01T12:34:56.789+09:00" << qint64(1772336096789);
        QTest::newRow("zulu") << "2026-03-01T03:34:56.789Z" << qint64(1772336096789);
        QTest::newRow("compact offset") << "2026-03-01 12:34:56.789+0900" << qint64(1772336096789);
        QTest::newRow("micros truncated") << "2026-03-01T03:34:56.789999Z" << qint64(1772336096789);
        QTest::newRow("no seconds") << "2026-03-01T03:34Z" << qint64(1772336040000);
        QTest::newRow("negative offset") << "2026-02-28T22:34:56.789-05:00" << qint64(1772336096789);
        QTest::newRow("epoch ms") << "1772336096789" << qint64(1772336096789);
        QTest::newRow("leap day") << "2024-02-29T00:00:00Z" << qint64(1709164800000);
        QTest::newRow("before epoch") << "1969-12-31T23:59:59.999Z" << qint64(-1);
    }
    void parsesOffsetsAndFractions()
    {
        QFETCH(QString, text);
        QFETCH(qint64, expected);
        const auto t = parseEventTime(text.toStdString());
        QVERIFY2(t.has_value(), qPrintable(text));
        QCOMPARE(*t, expected);
    }

    void rejectsNonsense_data()
    {
        QTest::addColumn<QString>("text");
        for (const char *s : {"", "2026-13-01T00:00:00Z", "2026-02-30T00:00:00Z", "2026-03-01T24:00:00Z",
                              "2026-03-01T12:34:56+25:00", "2026-03-01T12:34:56Q", "yesterday",
                              "12:34", "2026-03-01T12:34:56.Z", "17723360967891234567"})
            QTest::newRow(s) << QString::fromLatin1(s);
    }
    void rejectsNonsense()
    {
        QFETCH(QString, text);
        QVERIFY(!parseEventTime(text.toStdString()).has_value());
    }

    void defaultOffsetAppliesWithoutZone()
    {
        QCOMPARE(*parseIsoTimestamp("2026-03-01 12:34:56", 9 * 60), qint64(1772336096000));
    }

    void formatsUtcAndOffsets()
    {
        QCOMPARE(formatIsoUtcMillis(1772336096789), std::string("2026-03-01T03:34:56.789Z"));
        QCOMPARE(formatIsoUtc(1772336096000), std::string("2026-03-01T03:34:56Z"));
        QCOMPARE(formatIsoWithOffset(1772336096789, 540), std::string("2026-03-01T12:34:56.789+09:00"));
        QCOMPARE(formatIsoUtc(-1), std::string("1969-12-31T23:59:59.999Z"));
    }

    void civilRoundTripsOverCenturies()
    {
        for (std::int64_t d = -800000; d < 800000; d += 997) {
            const CivilDate c = civilFromDays(d);
            QCOMPARE(daysFromCivil(c.year, c.month, c.day), d);
        }
    }

    void floorsNegativeTimes()
    {
        QCOMPARE(floorTo(-1, 30000), qint64(-30000));
        QCOMPARE(floorTo(59999, 30000), qint64(30000));
        QCOMPARE(floorTo(0, 30000), qint64(0));
    }

    void moneyRoundsAndGroups()
    {
        QCOMPARE(roundDiv(5, 2), qint64(3));
        QCOMPARE(roundDiv(-5, 2), qint64(-3));
        QCOMPARE(roundDiv(7, 3), qint64(2));
        QCOMPARE(groupThousands(1234000), std::string("1,234,000"));
        QCOMPARE(groupThousands(999), std::string("999"));
        QCOMPARE(groupThousands(-1000), std::string("-1,000"));
        QCOMPARE(groupThousands(0), std::string("0"));
    }

    void statusNamesRoundTrip()
    {
        QCOMPARE(*orderStatusFromName("canceled"), OrderStatus::Cancelled);
        QCOMPARE(*orderStatusFromName("DELIVERED"), OrderStatus::Delivered);
        QCOMPARE(*orderStatusFromName("picked-up"), OrderStatus::PickedUp);
        QVERIFY(!orderStatusFromName("teleported"));
        for (int i = 0; i <= static_cast<int>(OrderStatus::Cancelled); ++i)
            QCOMPARE(*orderStatusFromName(orderStatusName(static_cast<OrderStatus>(i))), static_cast<OrderStatus>(i));
        for (int i = 0; i <= static_cast<int>(EventType::Rated); ++i)
            QCOMPARE(*eventTypeFromName(eventTypeName(static_cast<EventType>(i))), static_cast<EventType>(i));
    }
};

QTEST_GUILESS_MAIN(TestTimestamp)
#include "tst_timestamp.moc"
