#include "kiosk/PinDialog.h"

#include <QDialogButtonBox>
#include <QLabel>
#include <QLineEdit>
#include <QVBoxLayout>

namespace opui {

PinDialog::PinDialog(QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Kiosk PIN"));
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(new QLabel(tr("Enter the PIN to leave the kiosk or change settings:"), this));
    m_edit = new QLineEdit(this);
    m_edit->setEchoMode(QLineEdit::Password);
    m_edit->setInputMethodHints(Qt::ImhDigitsOnly | Qt::ImhSensitiveData);
    layout->addWidget(m_edit);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    layout->addWidget(buttons);
}

QString PinDialog::pin() const
{
    return m_edit->text();
}

bool PinDialog::ask(QWidget *parent, QString *pin)
{
    PinDialog dialog(parent);
    if (dialog.exec() != QDialog::Accepted)
        return false;
    *pin = dialog.pin();
    return true;
}

} // namespace opui
