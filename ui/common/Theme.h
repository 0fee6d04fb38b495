#pragma once

#include <QString>

class QWidget;

namespace opui {

// Light or dark, following the system by default. Qt 6.4 has no QStyleHints::colorScheme (6.5):
// the system is taken as dark when its window colour is dark. Widgets follow the application
// palette; charts keep their own colours, so applyToCharts() recolours their backgrounds, text
// and grid (series colours stay, they carry meaning).
class Theme
{
public:
    enum Mode
    {
        System,
        Light,
        Dark
    };

    // Remembers the system palette on first use, then applies `mode` to the application.
    static void apply(Mode mode);
    static Mode mode();
    static bool isDark();
    static bool systemIsDark();
    static void applyToCharts(QWidget *root);
    static Mode fromString(const QString &text); // "light", "dark", anything else: System
    static QString toString(Mode mode);
};

} // namespace opui
