#pragma once

#include <QDialog>

class QLineEdit;

namespace opui {

// Asks for the kiosk PIN (digits, masked), in large type.
class PinDialog : public QDialog
{
    Q_OBJECT

public:
    explicit PinDialog(QWidget *parent = nullptr);
    QString pin() const;
    // Shows the dialog; false when cancelled.
    static bool ask(QWidget *parent, QString *pin);

private:
    QLineEdit *m_edit = nullptr;
};

} // namespace opui
