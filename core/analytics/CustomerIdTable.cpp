#include "analytics/CustomerIdTable.h"

#include <functional>

namespace op {

std::uint64_t CustomerIdTable::hashOf(std::string_view id)
{
    return std::hash<std::string_view>{}(id);
}

std::optional<std::uint32_t> CustomerIdTable::find(std::string_view id) const
{
    if (m_slots.empty())
        return std::nullopt;
    const std::uint64_t hash = hashOf(id);
    const std::uint64_t tag = hash >> 32;
    const std::size_t mask = m_slots.size() - 1;
    for (std::size_t i = hash & mask;; i = (i + 1) & mask) {
        const std::uint64_t slot = m_slots[i];
        if (slot == 0)
            return std::nullopt;
        if ((slot >> 32) == tag) {
            const auto index = static_cast<std::uint32_t>((slot & 0xffffffffu) - 1);
            if (this->id(index) == id)
                return index;
        }
    }
}

std::uint32_t CustomerIdTable::intern(std::string_view id, bool *added)
{
    if (added)
        *added = false;
    // Keep the load factor at or below 1/2 so probes stay short.
    if ((size() + 1) * 2 > m_slots.size())
        grow();
    const std::uint64_t hash = hashOf(id);
    const std::uint64_t tag = hash >> 32;
    const std::size_t mask = m_slots.size() - 1;
    std::size_t i = hash & mask;
    for (;; i = (i + 1) & mask) {
        const std::uint64_t slot = m_slots[i];
        if (slot == 0)
            break;
        if ((slot >> 32) == tag) {
            const auto index = static_cast<std::uint32_t>((slot & 0xffffffffu) - 1);
            if (this->id(index) == id)
                return index;
        }
    }
    const auto index = static_cast<std::uint32_t>(size());
    m_bytes.append(id);
    m_offsets.push_back(m_bytes.size());
    m_slots[i] = (tag << 32) | (static_cast<std::uint64_t>(index) + 1);
    if (added)
        *added = true;
    return index;
}

void CustomerIdTable::grow()
{
    const std::size_t capacity = m_slots.empty() ? 64 : m_slots.size() * 2;
    std::vector<std::uint64_t> slots(capacity, 0);
    const std::size_t mask = capacity - 1;
    for (std::uint32_t index = 0; index < size(); ++index) {
        const std::uint64_t hash = hashOf(id(index));
        std::size_t i = hash & mask;
        while (slots[i] != 0)
            i = (i + 1) & mask;
        slots[i] = ((hash >> 32) << 32) | (static_cast<std::uint64_t>(index) + 1);
    }
    m_slots.swap(slots);
}

std::size_t CustomerIdTable::memoryBytes() const
{
    return sizeof(*this) + m_bytes.capacity() + m_offsets.capacity() * sizeof(std::uint64_t)
        + m_slots.capacity() * sizeof(std::uint64_t);
}

} // namespace op
