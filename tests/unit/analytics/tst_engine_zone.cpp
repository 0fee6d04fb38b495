// The display time zone: daily buckets and the hour-of-week grid, across DST changes.
#include "RandomOrders.h"

#include "analytics/DisplayZone.h"
#include "analytics/Engine.h"

#include <QDateTime>
#include <QTest>
#include <QTimeZone>

using namespace op;
using optest::at;
using optest::makeOrder;

namespace {

constexpr int kMonday = 0;
constexpr int kSunday = 6;

Report reportFor(const std::string &zone, const std::vector<TimestampMs> &times)
{
    EngineSettings settings;
    settings.displayTimeZone = zone;
    Engine engine(settings);
    int i = 0;
    for (TimestampMs t : times) {
        OrderEvent e = makeOrder("O-" + std::to_string(i++), t, "C-1", 1000);
        engine.process(e);
    }
    engine.finish();
    return engine.report();
}

} // namespace

class TestEngineZone : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void seoulDayBoundaryDiffersFromUtc()
    {
        const TimestampMs lateSunday = at("2026-03-01T23:30:00+09:00"); // 14:30Z
        const TimestampMs earlyMonday = at("2026-03-02T00:30:00+09:00"); // 15:30Z
        QCOMPARE(lateSunday, at("2026-03-01T14:30:00Z"));

        const DisplayZone seoul("Asia/Seoul");
        QVERIFY(seoul.isValid());
        const DisplayZone::LocalTime a = seoul.local(lateSunday);
        QCOMPARE(DisplayZone::dayName(a.day), std::string("2026-03-01"));
        QCOMPARE(a.weekday, kSunday);
        QCOMPARE(a.hour, 23);
        const DisplayZone::LocalTime b = seoul.local(earlyMonday);
        QCOMPARE(DisplayZone::dayName(b.day), std::string("2026-03-02"));
        QCOMPARE(b.weekday, kMonday);
        QCOMPARE(b.hour, 0);

        const Report kst = reportFor("Asia/Seoul", {lateSunday, earlyMonday});
        QCOMPARE(kst.trends.daily.size(), std::size_t(2));
        QCOMPARE(kst.trends.daily[0].day, std::string("2026-03-01"));
        QCOMPARE(kst.trends.daily[1].day, std::string("2026-03-02"));
        QCOMPARE(kst.trends.hourOfWeek[kSunday][23], 1);
        QCOMPARE(kst.trends.hourOfWeek[kMonday][0], 1);
        // Hourly buckets stay UTC hours.
        QCOMPARE(kst.trends.hourly[0].start, at("2026-03-01T14:00:00Z"));

        const Report utc = reportFor("UTC", {lateSunday, earlyMonday});
        QCOMPARE(utc.trends.daily.size(), std::size_t(1));
        QCOMPARE(utc.trends.daily[0].day, std::string("2026-03-01"));
        QCOMPARE(utc.trends.daily[0].orders, 2);
        QCOMPARE(utc.trends.hourOfWeek[kSunday][14], 1);
        QCOMPARE(utc.trends.hourOfWeek[kSunday][15], 1);
        QCOMPARE(utc.trends.hourly, kst.trends.hourly);
    }

    void londonAcrossTheDstChanges()
    {
        const DisplayZone london("Europe/London");
        QVERIFY(london.isValid());
        // 2026-03-29 01:00Z: GMT -> BST (local 01:00 -> 02:00).
        const auto before = london.local(at("2026-03-29T00:59:59Z"));
        const auto after = london.local(at("2026-03-29T01:00:00Z"));
        QCOMPARE(before.hour, 0);
        QCOMPARE(after.hour, 2);
        QCOMPARE(before.weekday, kSunday);
        QCOMPARE(DisplayZone::dayName(after.day), std::string("2026-03-29"));
        QCOMPARE(london.offsetMs(at("2026-03-29T00:59:59.999Z")), 0);
        QCOMPARE(london.offsetMs(at("2026-03-29T01:00:00Z")), kMsPerHour);
        // 2026-10-25 01:00Z: BST -> GMT: local 01:xx happens twice.
        QCOMPARE(london.local(at("2026-10-25T00:30:00Z")).hour, 1);
        QCOMPARE(london.local(at("2026-10-25T01:30:00Z")).hour, 1);
        QCOMPARE(london.local(at("2026-10-24T23:30:00Z")).hour, 0);
        QCOMPARE(DisplayZone::dayName(london.local(at("2026-10-24T23:30:00Z")).day), std::string("2026-10-25"));

        // In the engine, with times visited out of order so the interval cache is exercised.
        const Report r = reportFor("Europe/London", {at("2026-03-29T01:30:00Z"), at("2026-03-28T23:30:00Z"),
                                                     at("2026-03-29T00:30:00Z"), at("2026-06-01T12:00:00Z")});
        QCOMPARE(r.trends.daily.size(), std::size_t(3));
        QCOMPARE(r.trends.daily[0].day, std::string("2026-03-28"));
        QCOMPARE(r.trends.daily[1].day, std::string("2026-03-29"));
        QCOMPARE(r.trends.daily[1].orders, 2);
        QCOMPARE(r.trends.hourOfWeek[kSunday][0], 1); // 00:30 GMT
        QCOMPARE(r.trends.hourOfWeek[kSunday][2], 1); // 02:30 BST
        QCOMPARE(r.trends.hourOfWeek[kSunday][1], 0); // skipped
        QCOMPARE(r.trends.hourOfWeek[kMonday][13], 1); // 2026-06-01 is a Monday, 13:00 BST
    }

    void agreesWithQDateTimeEverywhere_data()
    {
        QTest::addColumn<QString>("zone");
        for (const char *z : {"Asia/Seoul", "Europe/London", "America/New_York", "Australia/Lord_Howe",
                              "Asia/Kathmandu", "America/Sao_Paulo", "Pacific/Chatham", "UTC"})
            QTest::newRow(z) << QString::fromLatin1(z);
    }
    void agreesWithQDateTimeEverywhere()
    {
        QFETCH(QString, zone);
        const DisplayZone display(zone.toStdString());
        QVERIFY(display.isValid());
        const QTimeZone reference(zone.toLatin1());
        // Random instants from 1965 to 2045 in random order, plus every transition's neighbours.
        std::uint64_t state = 12345;
        const auto next = [&state] {
            state = state * 6364136223846793005ULL + 1442695040888963407ULL;
            return state >> 11;
        };
        std::vector<TimestampMs> times;
        const TimestampMs from = at("1965-01-01T00:00:00Z");
        const TimestampMs to = at("2045-01-01T00:00:00Z");
        for (int i = 0; i < 4000; ++i)
            times.push_back(from + static_cast<TimestampMs>(next() % static_cast<std::uint64_t>(to - from)));
        for (const QTimeZone::OffsetData &t : reference.transitions(QDateTime::fromMSecsSinceEpoch(at("2020-01-01T00:00:00Z"), QTimeZone::utc()),
                                                                   QDateTime::fromMSecsSinceEpoch(at("2030-01-01T00:00:00Z"), QTimeZone::utc()))) {
            const TimestampMs when = t.atUtc.toMSecsSinceEpoch();
            times.insert(times.end(), {when - 1, when, when + 1});
        }
        for (TimestampMs t : times) {
            const QDateTime local = QDateTime::fromMSecsSinceEpoch(t, reference);
            const DisplayZone::LocalTime mine = display.local(t);
            const QByteArray where = QDateTime::fromMSecsSinceEpoch(t, QTimeZone::utc()).toString(Qt::ISODateWithMs).toLatin1();
            QVERIFY2(DisplayZone::dayName(mine.day) == local.date().toString(QStringLiteral("yyyy-MM-dd")).toStdString(),
                     where.constData());
            QVERIFY2(mine.hour == local.time().hour(), where.constData());
            QVERIFY2(mine.weekday == local.date().dayOfWeek() - 1, where.constData());
        }
    }

    void beforeTheEpoch()
    {
        const DisplayZone utc("UTC");
        const auto t = utc.local(at("1969-12-31T23:00:00Z"));
        QCOMPARE(DisplayZone::dayName(t.day), std::string("1969-12-31"));
        QCOMPARE(t.hour, 23);
        QCOMPARE(t.weekday, 2); // Wednesday
    }

    void anUnknownZoneFallsBackToUtc()
    {
        const DisplayZone bad("Mars/Olympus_Mons");
        QVERIFY(!bad.isValid());
        QCOMPARE(bad.offsetMs(at("2026-03-01T00:00:00Z")), 0);
        EngineSettings settings;
        settings.displayTimeZone = "Nowhere/Special";
        QTest::ignoreMessage(QtWarningMsg, "OrderPulse engine: unknown time zone 'Nowhere/Special', using UTC");
        Engine engine(settings);
        QVERIFY(!engine.displayZone().isValid());
    }
};

QTEST_GUILESS_MAIN(TestEngineZone)
#include "tst_engine_zone.moc"
