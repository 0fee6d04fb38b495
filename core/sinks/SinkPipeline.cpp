#include "sinks/SinkPipeline.h"

#include <QtGlobal>

#include <algorithm>

namespace op {

using Clock = std::chrono::steady_clock;

// One non-durable sink on its own thread with a small queue; never makes anyone wait.
class SinkPipeline::NonDurableWorker
{
public:
    NonDurableWorker(std::unique_ptr<Sink> sink, std::size_t capacity, std::chrono::milliseconds maxBackoff)
        : m_sink(std::move(sink))
        , m_capacity(capacity)
        , m_maxBackoff(maxBackoff)
    {
        m_health = m_sink->health();
    }
    ~NonDurableWorker() { stop(); }

    Sink *sink() const { return m_sink.get(); }
    void start() { m_thread = std::thread([this] { run(); }); }
    void offer(std::shared_ptr<const SinkBatch> batch)
    {
        std::lock_guard lock(m_mutex);
        if (m_queue.size() >= m_capacity || m_stopping) {
            ++m_dropped;
            m_health.dropped = m_dropped;
            return;
        }
        m_queue.push_back(std::move(batch));
        m_changed.notify_all();
    }
    void stop()
    {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
            m_changed.notify_all();
        }
        if (m_thread.joinable())
            m_thread.join();
    }
    SinkHealth health() const
    {
        std::lock_guard lock(m_mutex);
        return m_health;
    }

private:
    void run()
    {
        bool open = false;
        std::chrono::milliseconds delay{200};
        Clock::time_point retryAt{};
        for (;;) {
            std::shared_ptr<const SinkBatch> batch;
            {
                std::unique_lock lock(m_mutex);
                m_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
                if (m_stopping)
                    return; // not durable: what is queued may go
                batch = std::move(m_queue.front());
                m_queue.pop_front();
            }
            bool written = false;
            if (!open && Clock::now() >= retryAt)
                open = static_cast<bool>(m_sink->open());
            if (open) {
                written = static_cast<bool>(m_sink->write(*batch));
                open = written;
            }
            if (written) {
                delay = std::chrono::milliseconds(200);
            } else if (!open && Clock::now() >= retryAt) {
                retryAt = Clock::now() + delay; // batches arriving meanwhile are dropped
                delay = std::min(delay * 2, m_maxBackoff);
            }
            std::lock_guard lock(m_mutex);
            if (!written)
                ++m_dropped;
            m_health = m_sink->health();
            m_health.dropped = std::max(m_health.dropped, m_dropped);
        }
    }

    std::unique_ptr<Sink> m_sink;
    std::size_t m_capacity;
    std::chrono::milliseconds m_maxBackoff;
    mutable std::mutex m_mutex;
    std::condition_variable m_changed;
    std::deque<std::shared_ptr<const SinkBatch>> m_queue;
    std::int64_t m_dropped = 0;
    SinkHealth m_health;
    bool m_stopping = false;
    std::thread m_thread;
};

SinkPipeline::SinkPipeline()
    : SinkPipeline(Settings{})
{
}

SinkPipeline::SinkPipeline(Settings settings)
    : m_settings(settings)
{
}

SinkPipeline::~SinkPipeline()
{
    if (m_started)
        (void)stop(std::chrono::milliseconds(0));
}

Sink *SinkPipeline::addSink(std::unique_ptr<Sink> sink)
{
    Sink *raw = sink.get();
    if (sink->durable()) {
        m_health.push_back(sink->health());
        m_durable.push_back(std::move(sink));
        m_opened.push_back(false);
    } else {
        m_nonDurable.push_back(
            std::make_unique<NonDurableWorker>(std::move(sink), m_settings.nonDurableCapacity, m_settings.maxBackoff));
    }
    return raw;
}

bool SinkPipeline::hasDurableSink() const
{
    return !m_durable.empty();
}

void SinkPipeline::start()
{
    if (m_started)
        return;
    m_started = true;
    for (auto &worker : m_nonDurable)
        worker->start();
    m_thread = std::thread([this] { run(); });
}

bool SinkPipeline::submit(SinkBatch batch)
{
    std::unique_lock lock(m_mutex);
    const auto queuedBatches = [this] {
        return std::count_if(m_queue.begin(), m_queue.end(), [](const Item &i) { return i.batch.has_value(); });
    };
    m_changed.wait(lock, [&] {
        return m_fatal || m_stopping || static_cast<std::size_t>(queuedBatches()) < m_settings.queueCapacity;
    });
    if (m_fatal || m_stopping)
        return false;
    batch.sequence = ++m_submitted;
    Item item;
    item.batch = std::move(batch);
    m_queue.push_back(std::move(item));
    m_changed.notify_all();
    return true;
}

bool SinkPipeline::waitDurable(std::chrono::milliseconds timeout)
{
    std::unique_lock lock(m_mutex);
    return m_changed.wait_for(lock, timeout, [this] { return m_fatal || m_durableCount == m_submitted; }) &&
           !m_fatal;
}

std::vector<KafkaOffset> SinkPipeline::takeDurableOffsets()
{
    std::lock_guard lock(m_mutex);
    std::vector<KafkaOffset> out;
    out.swap(m_durableOffsets);
    return out;
}

std::optional<std::int64_t> SinkPipeline::storedOffset(const std::string &topic, int partition)
{
    if (m_durable.empty() || !m_started)
        return std::nullopt;
    struct Answer
    {
        bool done = false;
        std::optional<std::int64_t> offset;
    };
    auto answer = std::make_shared<Answer>();
    Item item;
    item.task = [this, answer, topic, partition] {
        Sink &sink = *m_durable.front();
        std::chrono::milliseconds delay = m_settings.initialBackoff;
        std::optional<std::int64_t> offset;
        for (;;) {
            if (!m_opened.front()) {
                const auto opened = sink.open();
                if (!opened && sink.health().state == "error")
                    break; // nothing a retry could fix; writes will say so
                m_opened.front() = opened.has_value();
            }
            if (m_opened.front()) {
                offset = sink.storedOffset(topic, partition);
                if (sink.health().state != "reconnecting")
                    break;
                m_opened.front() = false;
            }
            publishHealth();
            if (!backoff(delay)) {
                offset.reset();
                break;
            }
        }
        publishHealth();
        std::lock_guard lock(m_mutex);
        answer->offset = offset;
        answer->done = true;
        m_changed.notify_all();
    };
    std::unique_lock lock(m_mutex);
    if (m_stopping)
        return std::nullopt;
    m_queue.push_back(std::move(item));
    m_changed.notify_all();
    m_changed.wait(lock, [&] { return answer->done || m_fatal || m_stopping; });
    return answer->done ? answer->offset : std::nullopt;
}

std::optional<std::string> SinkPipeline::fatalError() const
{
    std::lock_guard lock(m_mutex);
    return m_fatal;
}

std::vector<SinkHealth> SinkPipeline::health() const
{
    std::vector<SinkHealth> out;
    {
        std::lock_guard lock(m_mutex);
        out = m_health;
    }
    for (const auto &worker : m_nonDurable)
        out.push_back(worker->health());
    return out;
}

std::int64_t SinkPipeline::batchesPending() const
{
    std::lock_guard lock(m_mutex);
    return m_submitted - m_durableCount;
}

bool SinkPipeline::abandoned() const
{
    return m_fatal || (m_drainDeadline && Clock::now() >= *m_drainDeadline);
}

bool SinkPipeline::backoff(std::chrono::milliseconds &delay)
{
    std::unique_lock lock(m_mutex);
    const auto until = Clock::now() + delay;
    m_changed.wait_until(lock, until, [this] { return abandoned(); });
    delay = std::min(delay * 2, m_settings.maxBackoff);
    return !abandoned();
}

void SinkPipeline::publishHealth()
{
    std::vector<SinkHealth> health;
    for (const auto &sink : m_durable)
        health.push_back(sink->health());
    std::lock_guard lock(m_mutex);
    m_health = std::move(health);
}

bool SinkPipeline::writeDurable(const SinkBatch &batch)
{
    for (std::size_t i = 0; i < m_durable.size(); ++i) {
        Sink *sink = m_durable[i].get();
        std::chrono::milliseconds delay = m_settings.initialBackoff;
        for (;;) {
            tl::expected<void, std::string> written;
            if (!m_opened[i]) {
                written = sink->open();
                m_opened[i] = written.has_value();
            }
            if (m_opened[i]) {
                written = sink->write(batch);
                m_opened[i] = written.has_value(); // reopen before the retry
            }
            publishHealth();
            if (written)
                break;
            // "error": retrying cannot help (an offset conflict, a newer schema).
            if (sink->health().state == "error" || written.error().rfind(kOffsetConflict, 0) == 0) {
                qWarning("sink: %s: %s", sink->name().c_str(), written.error().c_str());
                std::lock_guard lock(m_mutex);
                m_fatal = sink->name() + ": " + written.error();
                m_changed.notify_all();
                return false;
            }
            qWarning("sink: %s: %s; retrying in %lld ms", sink->name().c_str(), written.error().c_str(),
                     static_cast<long long>(delay.count()));
            if (!backoff(delay))
                return false;
        }
    }
    return true;
}

void SinkPipeline::run()
{
    for (;;) {
        Item item;
        {
            std::unique_lock lock(m_mutex);
            m_changed.wait(lock, [this] { return m_stopping || !m_queue.empty(); });
            if (m_queue.empty() || m_fatal)
                break;
            item = std::move(m_queue.front());
            m_queue.pop_front();
        }
        if (item.task) {
            item.task();
            continue;
        }
        const auto writeStarted = std::chrono::steady_clock::now();
        const bool durable = writeDurable(*item.batch);
        if (durable && !m_durable.empty())
            m_flushLatency.observe(std::chrono::duration<double>(std::chrono::steady_clock::now() - writeStarted).count());
        {
            std::lock_guard lock(m_mutex);
            if (durable) {
                ++m_durableCount;
                for (const KafkaOffset &o : item.batch->offsets) {
                    auto it = std::find_if(m_durableOffsets.begin(), m_durableOffsets.end(),
                                           [&o](const KafkaOffset &d) { return d.partition == o.partition; });
                    if (it != m_durableOffsets.end())
                        it->offset = std::max(it->offset, o.offset);
                    else
                        m_durableOffsets.push_back(o);
                }
            }
            m_changed.notify_all();
        }
        if (!durable)
            break; // abandoned: the rest is not stored either (Kafka delivers it again)
        if (!m_nonDurable.empty()) {
            auto shared = std::make_shared<const SinkBatch>(std::move(*item.batch));
            for (auto &worker : m_nonDurable)
                worker->offer(shared);
        }
    }
    std::lock_guard lock(m_mutex);
    m_stopping = true;
    // Tasks waiting for an answer are released by m_stopping; batches left are not durable.
    m_queue.clear();
    m_changed.notify_all();
}

bool SinkPipeline::stop(std::chrono::milliseconds drain)
{
    if (!m_started)
        return true;
    {
        std::lock_guard lock(m_mutex);
        m_stopping = true;
        m_drainDeadline = Clock::now() + drain;
        m_changed.notify_all();
    }
    if (m_thread.joinable())
        m_thread.join();
    for (auto &worker : m_nonDurable)
        worker->stop();
    std::lock_guard lock(m_mutex);
    return !m_fatal && m_durableCount == m_submitted;
}

} // namespace op
