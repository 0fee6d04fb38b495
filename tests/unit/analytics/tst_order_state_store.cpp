// OrderStateStore: lookups, expiry, and the encoding arena (chunks recycled, long-lived states
// copied out of sparse chunks so that they never pin more memory than their own encodings).
#include "analytics/CompactOrder.h"
#include "analytics/FastHash.h"
#include "analytics/OrderStateStore.h"

#include <QtTest>

#include <string>

using namespace op;

namespace {

constexpr TimestampMs kT0 = 1772323200000; // 2026-03-01T00:00:00Z

OrderEvent order(int n)
{
    OrderEvent e;
    e.type = EventType::Order;
    e.orderId = "O-" + std::to_string(n);
    e.eventTime = kT0 + n;
    e.customerId = "C-" + std::to_string(n % 97);
    e.merchantName = std::string(static_cast<std::size_t>(100 + n % 50), 'm'); // ~200-byte encodings
    e.amount = n;
    e.items = {OrderItem{"Pizza " + std::to_string(n % 7), 1 + n % 3, 17000}};
    return e;
}

std::uint32_t put(OrderStateStore &store, const OrderEvent &e, TimestampMs expiry)
{
    const std::uint32_t index = store.insert(fastHash(e.orderId));
    CompactOrder::encodeInto(e, store.allocBlob(index, CompactOrder::encodedSize(e)));
    store.setExpiry(index, expiry);
    return index;
}

} // namespace

class TestOrderStateStore : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void findsWhatWasInsertedAndForgetsExpiredStates()
    {
        OrderStateStore store(16);
        for (int n = 0; n < 5000; ++n)
            put(store, order(n), n % 2 == 0 ? kT0 + kMsPerHour : kT0 + 2 * kMsPerHour);
        QCOMPARE(store.size(), std::size_t(5000));
        for (int n = 0; n < 5000; n += 37) {
            const OrderEvent e = order(n);
            const std::uint32_t index = store.find(e.orderId, fastHash(e.orderId), kT0);
            QVERIFY(index != OrderStateStore::kNone);
            OrderEvent back;
            CompactOrder::decode(store.blob(index), back);
            QCOMPARE(back, e);
        }
        QCOMPARE(store.find("O-none", fastHash("O-none"), kT0), OrderStateStore::kNone);

        store.expire(kT0 + kMsPerHour + 10 * kMsPerMinute);
        QCOMPARE(store.size(), std::size_t(2500));
        // Even between sweeps an expired state is gone.
        const OrderEvent odd = order(1);
        QVERIFY(store.find(odd.orderId, fastHash(odd.orderId), kT0) != OrderStateStore::kNone);
        QCOMPARE(store.find(odd.orderId, fastHash(odd.orderId), kT0 + 2 * kMsPerHour), OrderStateStore::kNone);
    }

    void rewritingAnEncodingKeepsTheLatest()
    {
        OrderStateStore store;
        OrderEvent e = order(1);
        const std::uint32_t index = put(store, e, kT0 + kMsPerHour);
        e.status = OrderStatus::Delivered;
        e.deliveryMin = 31.5;
        e.items.push_back(OrderItem{"Cola", 2, 2000});
        CompactOrder::encodeInto(e, store.allocBlob(index, CompactOrder::encodedSize(e)));
        OrderEvent back;
        CompactOrder::decode(store.blob(index), back);
        QCOMPARE(back, e);
        QCOMPARE(store.blobBytes(), CompactOrder::encodedSize(e));
    }

    void longLivedStatesDoNotPinTheArena()
    {
        // 200,000 orders of ~200 bytes, one in 50 living "forever": without copying them out,
        // every 1 MiB chunk would stay pinned (about 40 MB for 800 kB of live encodings).
        OrderStateStore store;
        std::vector<int> longLived;
        for (int n = 0; n < 200000; ++n) {
            const bool keep = n % 50 == 0;
            put(store, order(n), keep ? kT0 + 1000 * kMsPerDay : kT0 + n / 1000 * kMsPerHour);
            if (keep)
                longLived.push_back(n);
            if (n % 1000 == 999)
                store.expire(kT0 + (n / 1000) * kMsPerHour);
        }
        store.expire(kT0 + 300 * kMsPerHour);
        QCOMPARE(store.size(), longLived.size());
        QVERIFY2(store.arenaBytes() <= 2 * store.blobBytes() + 9 * (std::size_t(1) << 20),
                 qPrintable(QStringLiteral("arena %1 bytes for %2 live bytes").arg(store.arenaBytes()).arg(store.blobBytes())));
        for (const int n : longLived) {
            const OrderEvent e = order(n);
            const std::uint32_t index = store.find(e.orderId, fastHash(e.orderId), kT0);
            QVERIFY(index != OrderStateStore::kNone);
            OrderEvent back;
            CompactOrder::decode(store.blob(index), back);
            QCOMPARE(back, e);
        }
    }
};

QTEST_GUILESS_MAIN(TestOrderStateStore)
#include "tst_order_state_store.moc"
