#pragma once

#include <QString>

namespace opui {

// How the kiosk (wall-screen) mode behaves; from the command line and settings.
struct KioskOptions
{
    int rotateMs = 20000;     // each page stays this long
    int alertHoldMs = 120000; // a new alert keeps the Fraud page up at most this long unless acknowledged
    int staleAfterMs = 15000; // the "data stale" banner after this long without a snapshot
    double fontScale = 1.5;   // large type, readable from across the room
    int screen = -1;          // QGuiApplication::screens() index; -1: the primary screen
    QString pinHash;          // KioskPin::hash of the PIN; empty: no PIN needed
};

} // namespace opui
