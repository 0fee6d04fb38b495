#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace op {

// Interns customer ids: each distinct id gets a dense index 0, 1, 2, ... in order of first sight.
// The bytes of all ids live back to back in one buffer and the hash table is open addressing over
// 8-byte slots, so a million customers cost about 10 bytes of id + 8 of offset + 16 of table each
// instead of a std::string and a hash node (~80 bytes).
class CustomerIdTable
{
public:
    // The index of `id`, adding it when new (then *added is set to true).
    std::uint32_t intern(std::string_view id, bool *added = nullptr);
    std::optional<std::uint32_t> find(std::string_view id) const;

    std::string_view id(std::uint32_t index) const
    {
        return std::string_view(m_bytes).substr(m_offsets[index], m_offsets[index + 1] - m_offsets[index]);
    }
    std::size_t size() const { return m_offsets.size() - 1; }
    std::size_t memoryBytes() const;

private:
    static std::uint64_t hashOf(std::string_view id);
    void grow();

    std::string m_bytes;
    std::vector<std::uint64_t> m_offsets{0}; // id i is m_bytes[m_offsets[i], m_offsets[i + 1])
    // 0 = empty; otherwise (high 32 bits of the hash) << 32 | (index + 1). The stored hash bits
    // skip most byte comparisons on collisions.
    std::vector<std::uint64_t> m_slots;
};

} // namespace op
