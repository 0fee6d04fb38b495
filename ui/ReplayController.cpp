#include "ReplayController.h"

#include "runtime/ReplayWorker.h"

namespace opui {

ReplayController::ReplayController(QObject *parent)
    : QObject(parent)
{
    op::registerRuntimeMetaTypes();
    m_worker = new op::ReplayWorker();
    m_worker->moveToThread(&m_thread);
    connect(&m_thread, &QThread::finished, m_worker, &QObject::deleteLater);
    connect(m_worker, &op::ReplayWorker::snapshotReady, this, &ReplayController::snapshotReady, Qt::QueuedConnection);
    connect(m_worker, &op::ReplayWorker::alertRaised, this, &ReplayController::alertRaised, Qt::QueuedConnection);
    connect(m_worker, &op::ReplayWorker::progressChanged, this, &ReplayController::progressChanged, Qt::QueuedConnection);
    connect(
        m_worker, &op::ReplayWorker::finished, this,
        [this](bool completed, const QString &error) {
            m_running = false;
            Q_EMIT finished(completed, error);
        },
        Qt::QueuedConnection);
    m_thread.setObjectName(QStringLiteral("ingest"));
    m_thread.start();
}

ReplayController::~ReplayController()
{
    stop();
    m_thread.quit();
    m_thread.wait();
}

void ReplayController::start(const QStringList &paths)
{
    m_running = true;
    m_paths = paths;
    op::ReplayWorker *worker = m_worker;
    QMetaObject::invokeMethod(m_worker, [worker, paths] { worker->replay(paths); }, Qt::QueuedConnection);
}

std::int64_t ReplayController::setFilter(const op::EventFilter &filter)
{
    const std::int64_t generation = m_worker->setFilter(filter);
    if (!m_running && !m_paths.isEmpty()) {
        m_running = true;
        op::ReplayWorker *worker = m_worker;
        QMetaObject::invokeMethod(m_worker, [worker, paths = m_paths] { worker->replayToEnd(paths); }, Qt::QueuedConnection);
    }
    return generation;
}

void ReplayController::setSpeed(double speed)
{
    m_worker->setSpeed(speed);
}

void ReplayController::setPaused(bool paused)
{
    m_worker->setPaused(paused);
}

void ReplayController::stop()
{
    m_worker->requestStop();
}

} // namespace opui
