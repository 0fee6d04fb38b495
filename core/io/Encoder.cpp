#include "io/Encoder.h"

namespace op {

void Encoder::begin(Writer writer)
{
    m_writer = std::move(writer);
    m_buffer.clear();
    appendHeader(m_buffer);
    flush(); // the header goes out at once, before any record encoded by encodeRecord
}

void Encoder::write(const OrderEvent &event)
{
    encodeRecord(event, m_buffer);
    if (m_buffer.size() >= kFlushBytes)
        flush();
}

void Encoder::finish()
{
    appendFooter(m_buffer);
    flush();
}

void Encoder::flush()
{
    if (m_writer && !m_buffer.empty())
        m_writer(m_buffer);
    m_buffer.clear();
}

} // namespace op
