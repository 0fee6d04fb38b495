#include "common/Labels.h"

#include <QCoreApplication>

namespace opui {

namespace {

// Listed for lupdate: the texts are looked up at run time.
[[maybe_unused]] constexpr const char *kSegments[] = {
    QT_TRANSLATE_NOOP("Segment", "Hibernating"),        QT_TRANSLATE_NOOP("Segment", "At Risk"),
    QT_TRANSLATE_NOOP("Segment", "Can't Lose Them"),    QT_TRANSLATE_NOOP("Segment", "About to Sleep"),
    QT_TRANSLATE_NOOP("Segment", "Need Attention"),     QT_TRANSLATE_NOOP("Segment", "Loyal"),
    QT_TRANSLATE_NOOP("Segment", "Promising"),          QT_TRANSLATE_NOOP("Segment", "New"),
    QT_TRANSLATE_NOOP("Segment", "Potential Loyalist"), QT_TRANSLATE_NOOP("Segment", "Champions")};
[[maybe_unused]] constexpr const char *kCategories[] = {
    QT_TRANSLATE_NOOP("Category", "asian"),   QT_TRANSLATE_NOOP("Category", "bunsik"),
    QT_TRANSLATE_NOOP("Category", "burger"),  QT_TRANSLATE_NOOP("Category", "chicken"),
    QT_TRANSLATE_NOOP("Category", "chinese"), QT_TRANSLATE_NOOP("Category", "japanese"),
    QT_TRANSLATE_NOOP("Category", "korean"),  QT_TRANSLATE_NOOP("Category", "pizza"),
    QT_TRANSLATE_NOOP("Category", "western"), QT_TRANSLATE_NOOP("Category", "cafe"),
    QT_TRANSLATE_NOOP("Category", "dessert")};
[[maybe_unused]] constexpr const char *kSources[] = {
    QT_TRANSLATE_NOOP("Source", "file replay"), QT_TRANSLATE_NOOP("Source", "kafka"),
    QT_TRANSLATE_NOOP("Source", "sqlite"), QT_TRANSLATE_NOOP("Source", "postgresql"),
    QT_TRANSLATE_NOOP("Source", "redis")};
[[maybe_unused]] constexpr const char *kStates[] = {
    QT_TRANSLATE_NOOP("SourceState", "running"),   QT_TRANSLATE_NOOP("SourceState", "paused"),
    QT_TRANSLATE_NOOP("SourceState", "stopped"),   QT_TRANSLATE_NOOP("SourceState", "finished"),
    QT_TRANSLATE_NOOP("SourceState", "error"),     QT_TRANSLATE_NOOP("SourceState", "reconnecting"),
    QT_TRANSLATE_NOOP("SourceState", "connected"), QT_TRANSLATE_NOOP("SourceState", "idle")};

} // namespace

QString Labels::segment(const char *name)
{
    return QCoreApplication::translate("Segment", name);
}

QString Labels::category(const std::string &name)
{
    return QCoreApplication::translate("Category", name.c_str());
}

QString Labels::sourceName(const std::string &name)
{
    return QCoreApplication::translate("Source", name.c_str());
}

QString Labels::sourceState(const std::string &state)
{
    return QCoreApplication::translate("SourceState", state.c_str());
}

} // namespace opui
