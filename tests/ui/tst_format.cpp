// How the pages write money, counts and times: ₩ with grouping, Asia/Seoul wall-clock time.
#include "common/Format.h"
#include "widgets/ChartKit.h"

#include <QCategoryAxis>
#include <QTest>

using namespace opui;

class TestFormat : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void money();
    void times();
    void niceAxis();
};

void TestFormat::money()
{
    // The tests run under the C locale, which omits grouping: Format forces it on.
    QCOMPARE(Format::money(1234000), QStringLiteral("₩1,234,000"));
    QCOMPARE(Format::money(0), QStringLiteral("₩0"));
    QCOMPARE(Format::money(-5500), QStringLiteral("-₩5,500"));
    QCOMPARE(Format::count(8000), QStringLiteral("8,000"));
    QCOMPARE(Format::percent(0.1234), QStringLiteral("12.3 %"));
    QCOMPARE(Format::minutes(31.25), QStringLiteral("31.3 min"));
    QCOMPARE(Format::minutes(std::nullopt), QStringLiteral("–"));
}

void TestFormat::times()
{
    // 2026-03-01T14:59:59.500Z is 23:59:59 in Seoul (UTC+9, no DST), whatever TZ the process has.
    const op::TimestampMs t = 1772377199500;
    QCOMPARE(Format::dateTime(t), QStringLiteral("2026-03-01 23:59:59"));
    QCOMPARE(Format::time(t), QStringLiteral("23:59:59"));
    QCOMPARE(Format::shortTime(t + 500, true), QStringLiteral("03-02 00:00"));
}

void TestFormat::niceAxis()
{
    QCategoryAxis axis;
    ChartKit::setNiceAxis(&axis, 19115600, [](double v) { return Format::money(static_cast<op::Money>(v)); }, 3);
    QCOMPARE(axis.categoriesLabels(), (QStringList{QStringLiteral("₩0"), QStringLiteral("₩10,000,000"), QStringLiteral("₩20,000,000")}));
    QCOMPARE(axis.max(), 20000000.0);
    ChartKit::setNiceAxis(&axis, 237, [](double v) { return Format::count(static_cast<std::int64_t>(v)); });
    QCOMPARE(axis.categoriesLabels().front(), QStringLiteral("0"));
    QCOMPARE(axis.categoriesLabels().back(), QStringLiteral("250"));
    QCOMPARE(axis.categoriesLabels().size(), 6);
}

QTEST_MAIN(TestFormat)
#include "tst_format.moc"
