#pragma once

#include <QMainWindow>

class QLabel;

namespace opui {

// The application window. Pages arrive with the desktop-application issue; for now it shows
// what the app is and which dataset it was asked to replay.
class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    explicit MainWindow(QWidget *parent = nullptr);
    void setDatasetPath(const QString &path);

private:
    QLabel *m_status = nullptr;
};

} // namespace opui
