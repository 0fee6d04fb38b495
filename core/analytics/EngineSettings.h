#pragma once

#include "model/Money.h"
#include "model/Timestamp.h"

#include <cstdint>
#include <string>

namespace op {

// Every knob of the engine. Defaults are DESIGN.md's.
struct EngineSettings
{
    TimestampMs allowedLatenessMs = 10 * kMsPerSecond;
    TimestampMs partitionIdleMs = 5 * kMsPerSecond; // wall-clock time after which a silent partition is left out
    std::string displayTimeZone = "Asia/Seoul";     // IANA name, for daily buckets and hour-of-week

    TimestampMs realtimeWindowMs = 30 * kMsPerSecond;
    TimestampMs popularItemsWindowMs = 30 * kMsPerSecond;
    int popularItemsTopN = 10;
    int allTimeTopN = 20;

    int ipVelocityThreshold = 10;
    TimestampMs ipVelocityWindowMs = kMsPerMinute;
    Money highValueThreshold = 500000;

    int gradeHorizonDays = 183;
    int clvLifetimeMonths = 12;
    // Snapshots re-score the customer table (three sorts and the rows: ~0.5 s at a million
    // customers) only when this much wall time passed since the last scoring or the customer count
    // changed by more than this percentage, and never sooner than 10x the last scoring's cost;
    // otherwise they share the previous result (CustomerSummary::computedAtEventTime is "as of").
    std::int64_t customerSnapshotRefreshMs = 2000;
    int customerSnapshotGrowthPercent = 10;

    // How long an order's lifecycle state (and its id, for de-duplication) is kept after the
    // order completes, in event time.
    TimestampMs orderStateRetentionMs = 24 * kMsPerHour;
    // How long a counted order that never completes (placed, maybe rated, never delivered nor
    // cancelled) is kept after its last event, in event time: without it a stream with stuck
    // orders would grow the state forever. A delivery arriving later starts a pending state.
    TimestampMs inFlightOrderRetentionMs = 7 * kMsPerDay;

    // How many recent windows / minutes / alerts a snapshot carries for the live charts.
    int snapshotWindows = 60;
    int snapshotMinutes = 180;
    int snapshotAlerts = 200;
};

} // namespace op
