#pragma once

#include "io/QuarantineRecord.h"

#include <cstdint>
#include <string>
#include <vector>

namespace cli {

// Keeps the first few quarantined records of a run and prints them on stderr in words,
// e.g. "orders.csv line 17: negative amount", followed by "... and 1,204 more".
class QuarantineReport
{
public:
    static constexpr std::size_t kShown = 20;

    void add(const op::QuarantineRecord &record);
    std::int64_t count() const { return m_count; }
    void print() const;

private:
    std::vector<op::QuarantineRecord> m_first;
    std::int64_t m_count = 0;
};

} // namespace cli
