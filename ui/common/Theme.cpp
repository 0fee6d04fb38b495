#include "common/Theme.h"

#include <QAbstractAxis>
#include <QApplication>
#include <QChart>
#include <QChartView>
#include <QLegend>
#include <QPalette>
#include <QStyle>
#include <QStyleFactory>
#include <optional>

namespace opui {

namespace {

Theme::Mode g_mode = Theme::System;
std::optional<QPalette> g_systemPalette;
bool g_dark = false;

void rememberSystem()
{
    if (!g_systemPalette)
        g_systemPalette = QApplication::palette();
}

QPalette darkPalette()
{
    QPalette p;
    const QColor window(0x26, 0x28, 0x2C);
    const QColor base(0x1E, 0x1F, 0x22);
    const QColor text(0xE6, 0xE6, 0xE6);
    const QColor highlight(0x2F, 0x80, 0xED);
    p.setColor(QPalette::Window, window);
    p.setColor(QPalette::WindowText, text);
    p.setColor(QPalette::Base, base);
    p.setColor(QPalette::AlternateBase, window);
    p.setColor(QPalette::ToolTipBase, base);
    p.setColor(QPalette::ToolTipText, text);
    p.setColor(QPalette::PlaceholderText, QColor(0x9A, 0x9A, 0x9A));
    p.setColor(QPalette::Text, text);
    p.setColor(QPalette::Button, window);
    p.setColor(QPalette::ButtonText, text);
    p.setColor(QPalette::BrightText, Qt::white);
    p.setColor(QPalette::Highlight, highlight);
    p.setColor(QPalette::HighlightedText, Qt::white);
    p.setColor(QPalette::Link, highlight.lighter(130));
    p.setColor(QPalette::Light, window.lighter(150));
    p.setColor(QPalette::Midlight, window.lighter(125));
    p.setColor(QPalette::Mid, window.darker(120));
    p.setColor(QPalette::Dark, window.darker(150));
    p.setColor(QPalette::Shadow, Qt::black);
    for (QPalette::ColorRole role : {QPalette::WindowText, QPalette::Text, QPalette::ButtonText})
        p.setColor(QPalette::Disabled, role, QColor(0x80, 0x80, 0x80));
    return p;
}

QPalette lightPalette()
{
    // The style's own light palette when the system is dark; the system's when it is light.
    if (g_systemPalette && g_systemPalette->color(QPalette::Window).lightness() >= 128)
        return *g_systemPalette;
    return QApplication::style()->standardPalette();
}

} // namespace

bool Theme::systemIsDark()
{
    rememberSystem();
    return g_systemPalette->color(QPalette::Window).lightness() < 128;
}

void Theme::apply(Mode mode)
{
    rememberSystem();
    g_mode = mode;
    g_dark = mode == Dark || (mode == System && systemIsDark());
    if (mode == System) {
        QApplication::setPalette(*g_systemPalette);
        return;
    }
    // Fusion draws every control from the palette; platform styles may not.
    if (mode == Dark)
        QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
    QApplication::setPalette(g_dark ? darkPalette() : lightPalette());
}

Theme::Mode Theme::mode()
{
    return g_mode;
}

bool Theme::isDark()
{
    return g_dark;
}

void Theme::applyToCharts(QWidget *root)
{
    const QPalette p = QApplication::palette();
    const QColor text = p.color(QPalette::Text);
    QColor grid = text;
    grid.setAlphaF(g_dark ? 0.18 : 0.12);
    for (QChartView *view : root->findChildren<QChartView *>()) {
        QChart *chart = view->chart();
        chart->setBackgroundBrush(p.base());
        chart->setPlotAreaBackgroundVisible(false);
        chart->setTitleBrush(text);
        chart->legend()->setLabelColor(text);
        view->setBackgroundBrush(p.window());
        for (QAbstractAxis *axis : chart->axes()) {
            axis->setLabelsColor(text);
            axis->setTitleBrush(text);
            axis->setGridLineColor(grid);
            axis->setLinePenColor(grid);
        }
    }
}

Theme::Mode Theme::fromString(const QString &text)
{
    if (text == QLatin1String("light"))
        return Light;
    if (text == QLatin1String("dark"))
        return Dark;
    return System;
}

QString Theme::toString(Mode mode)
{
    return mode == Light  ? QStringLiteral("light")
           : mode == Dark ? QStringLiteral("dark")
                          : QStringLiteral("system");
}

} // namespace opui
