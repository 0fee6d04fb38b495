#include "io/LineSplitter.h"

#include "io/QuarantineRecord.h"

#include <algorithm>

namespace op {

void LineSplitter::reset()
{
    m_line = 0;
    m_lineStart = 0;
    m_consumed = 0;
    m_partial.clear();
    m_oversized = false;
    m_oversizedBytes = 0;
    m_oversizedEndsWithCr = false;
    m_headSize = 0;
    m_headDone = m_bom == Bom::Keep;
}

void LineSplitter::startOversized(const char *p, std::size_t segment)
{
    m_oversized = true;
    m_oversizedBytes = m_partial.size();
    if (m_partial.size() < QuarantineRecord::kMaxRawBytes)
        m_partial.append(p, std::min(segment, QuarantineRecord::kMaxRawBytes - m_partial.size()));
    else
        m_partial.resize(QuarantineRecord::kMaxRawBytes);
}

} // namespace op
