#include "common/Language.h"

#include <QCoreApplication>
#include <QFontDatabase>
#include <QGuiApplication>
#include <QLibraryInfo>
#include <QLocale>
#include <QPointer>
#include <QTranslator>
#include <optional>

namespace opui {

namespace {

QString g_current;
std::optional<QFont> g_systemFont;
QPointer<QTranslator> g_app;
QPointer<QTranslator> g_qt;

QLocale localeFor(const QString &code)
{
    return code == QLatin1String("ko") ? QLocale(QLocale::Korean, QLocale::SouthKorea)
                                       : QLocale(QLocale::English, QLocale::UnitedStates);
}

} // namespace

QStringList Language::available()
{
    return {QStringLiteral("en"), QStringLiteral("ko")};
}

QString Language::systemLanguage()
{
    return QLocale::system().language() == QLocale::Korean ? QStringLiteral("ko") : QStringLiteral("en");
}

bool Language::apply(const QString &code)
{
    if (!available().contains(code))
        return false;
    auto *app = new QTranslator(QCoreApplication::instance());
    if (!app->load(QStringLiteral(":/i18n/orderpulse_%1.qm").arg(code))) {
        delete app;
        return false;
    }
    // Qt's own strings (standard buttons, file dialogs), when Debian's qt6-translations is installed.
    auto *qt = new QTranslator(QCoreApplication::instance());
    if (!qt->load(localeFor(code), QStringLiteral("qtbase"), QStringLiteral("_"),
                  QLibraryInfo::path(QLibraryInfo::TranslationsPath))) {
        delete qt;
        qt = nullptr;
    }
    // The locale first: widgets rebuilt on LanguageChange format with it.
    QLocale::setDefault(localeFor(code));
    // Korean in one typeface: with the default font, Hangul falls back glyph by glyph and lines
    // that mix Hangul and Latin come out in uneven sizes.
    if (qobject_cast<QGuiApplication *>(QCoreApplication::instance())) {
        if (!g_systemFont)
            g_systemFont = QGuiApplication::font();
        QFont font = *g_systemFont;
        const QString korean = QStringLiteral("Noto Sans CJK KR");
        if (code == QLatin1String("ko") && QFontDatabase::families().contains(korean))
            font.setFamilies({korean});
        QGuiApplication::setFont(font);
    }
    g_current = code;
    if (g_qt) {
        QCoreApplication::removeTranslator(g_qt);
        delete g_qt;
    }
    if (g_app) {
        QCoreApplication::removeTranslator(g_app);
        delete g_app;
    }
    g_app = app;
    g_qt = qt;
    if (qt)
        QCoreApplication::installTranslator(qt);
    QCoreApplication::installTranslator(app);
    return true;
}

QString Language::current()
{
    return g_current.isEmpty() ? QStringLiteral("en") : g_current;
}

QString Language::nativeName(const QString &code)
{
    return code == QLatin1String("ko") ? QStringLiteral("한국어") : QStringLiteral("English");
}

} // namespace opui
