#pragma once

#include <QString>
#include <QStringList>

namespace opui {

// The user-interface language: loads the translation compiled into the binary
// (:/i18n/orderpulse_<code>.qm), installs it, and makes the matching QLocale the default so
// numbers and dates follow the language. Installing a translator sends QEvent::LanguageChange
// to every widget; MainWindow rebuilds its pages on it.
class Language
{
public:
    static QStringList available(); // {"en", "ko"}
    // "ko" when the system locale is Korean, otherwise "en".
    static QString systemLanguage();
    // Switches to `code` ("en" or "ko"); false (and no change) for an unknown code or a
    // translation that does not load.
    static bool apply(const QString &code);
    static QString current();
    // The language's own name, for the settings menu ("English", "한국어").
    static QString nativeName(const QString &code);
};

} // namespace opui
