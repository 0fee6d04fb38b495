#include "widgets/KpiTile.h"

#include <QLabel>
#include <QVBoxLayout>

namespace opui {

KpiTile::KpiTile(const QString &caption, QWidget *parent)
    : QFrame(parent)
{
    setFrameShape(QFrame::StyledPanel);
    auto *layout = new QVBoxLayout(this);
    auto *label = new QLabel(caption, this);
    m_value = new QLabel(QStringLiteral("–"), this);
    QFont f = m_value->font();
    f.setPointSizeF(f.pointSizeF() * 1.9);
    f.setBold(true);
    m_value->setFont(f);
    layout->addWidget(label);
    layout->addWidget(m_value);
}

void KpiTile::setValue(const QString &value)
{
    m_value->setText(value);
}

QString KpiTile::value() const
{
    return m_value->text();
}

} // namespace opui
