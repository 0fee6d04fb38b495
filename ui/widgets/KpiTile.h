#pragma once

#include <QFrame>

class QLabel;

namespace opui {

// One headline figure: a caption above a large value.
class KpiTile : public QFrame
{
    Q_OBJECT

public:
    explicit KpiTile(const QString &caption, QWidget *parent = nullptr);
    void setValue(const QString &value);
    QString value() const;

private:
    QLabel *m_value = nullptr;
};

} // namespace opui
