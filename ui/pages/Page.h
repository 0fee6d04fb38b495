#pragma once

#include "analytics/Snapshot.h"

#include <QWidget>

namespace opui {

// One dashboard page. MainWindow hands it the latest snapshot when it is visible (and when it
// becomes visible); a page only renders, it never computes what the engine already did.
class Page : public QWidget
{
    Q_OBJECT

public:
    using QWidget::QWidget;

    virtual void setSnapshot(const op::Snapshot &snapshot) = 0;
    // File name for --capture ("overview", ...); stable, not translated.
    virtual QString captureName() const = 0;
    virtual QString title() const = 0;
};

} // namespace opui
