#pragma once

#include <QString>

namespace opui {

// The kiosk PIN is kept as a salted SHA-256 in the settings, never in plain text: anyone
// reading the settings file should not learn it.
class KioskPin
{
public:
    static QString hash(const QString &pin);
    static bool matches(const QString &pin, const QString &pinHash);
    // The stored hash (settings key kiosk/pinHash); empty when none was set.
    static QString stored();
    static void store(const QString &pin); // an empty pin removes it
};

} // namespace opui
