#pragma once

// Qt Test comparison of two decodings, field by field, so a failure names what differs.

#include "ChunkedFeed.h"

#include <QTest>

namespace optest {

inline void compareResults(const DecodeResult &a, const DecodeResult &b)
{
    QCOMPARE(a.accepted, b.accepted);
    QCOMPARE(a.quarantined, b.quarantined);
    QCOMPARE(a.skipped, b.skipped);
    QVERIFY(a.events == b.events);
    QCOMPARE(a.quarantine.size(), b.quarantine.size());
    for (std::size_t i = 0; i < a.quarantine.size(); ++i) {
        QCOMPARE(a.quarantine[i].line, b.quarantine[i].line);
        QCOMPARE(a.quarantine[i].offset, b.quarantine[i].offset);
        QCOMPARE(a.quarantine[i].reason, b.quarantine[i].reason);
        QCOMPARE(a.quarantine[i].raw, b.quarantine[i].raw);
    }
}

} // namespace optest
