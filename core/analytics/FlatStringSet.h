#pragma once

#include "analytics/FastHash.h"
#include "analytics/HugePageAllocator.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

namespace op {

// An insert-only set of strings for distinct counts over large key populations (a million
// customer ids): each 32-byte slot holds the hash, the key's dense index (0, 1, 2, ... in order
// of first insertion) and, for keys up to 18 bytes, the key itself, so a lookup costs one cache
// miss instead of three (slot, entry, key arena). Longer keys go to an arena. Exact: keys are
// always compared, never just their hashes.
class FlatStringSet
{
public:
    explicit FlatStringSet(std::size_t expected = 1024)
    {
        std::size_t n = 64;
        while (n < expected * 2)
            n *= 2;
        m_slots.assign(n, Slot{});
        m_mask = n - 1;
    }

    std::size_t size() const { return m_size; }

    void prefetch(std::uint64_t hash) const { __builtin_prefetch(&m_slots[(hash | 1) & m_mask]); }

    // Inserts key; true when it was not there yet.
    bool insert(std::string_view key) { return insert(key, fastHash(key)); }
    bool insert(std::string_view key, std::uint64_t hash)
    {
        const std::size_t before = m_size;
        return indexOf(key, hash) == before;
    }

    // The dense index of key (size() before the call when it is new), inserting it if needed;
    // lets other tables keyed by the same strings use plain vectors.
    std::uint32_t indexOf(std::string_view key, std::uint64_t hash)
    {
        hash |= 1; // 0 marks an empty slot
        std::size_t i = hash & m_mask;
        for (;;) {
            Slot &s = m_slots[i];
            if (s.hash == 0)
                break;
            if (s.hash == hash && keyOf(s) == key)
                return s.index;
            i = (i + 1) & m_mask;
        }
        Slot &s = m_slots[i];
        s.hash = hash;
        const auto index = static_cast<std::uint32_t>(m_size);
        s.index = index;
        if (key.size() <= kInline) {
            s.length = static_cast<std::uint8_t>(key.size());
            std::memcpy(s.key, key.data(), key.size());
        } else {
            s.length = kSpilled;
            const auto offset = static_cast<std::uint32_t>(m_arena.size());
            const auto length = static_cast<std::uint32_t>(key.size());
            std::memcpy(s.key, &offset, 4);
            std::memcpy(s.key + 4, &length, 4);
            m_arena.append(key);
        }
        if (++m_size * 2 > m_slots.size())
            grow();
        return index;
    }

    std::size_t memoryBytes() const { return m_slots.capacity() * sizeof(Slot) + m_arena.capacity(); }

private:
    static constexpr std::size_t kInline = 18;
    static constexpr std::uint8_t kSpilled = 0xFF;

    struct Slot
    {
        std::uint64_t hash = 0;
        std::uint32_t index = 0;
        std::uint8_t length = 0;
        char key[kInline + 1] = {};
    };
    static_assert(sizeof(Slot) == 32);

    std::string_view keyOf(const Slot &s) const
    {
        if (s.length != kSpilled)
            return {s.key, s.length};
        std::uint32_t offset;
        std::uint32_t length;
        std::memcpy(&offset, s.key, 4);
        std::memcpy(&length, s.key + 4, 4);
        return std::string_view(m_arena).substr(offset, length);
    }

    void grow()
    {
        std::vector<Slot, HugePageAllocator<Slot>> old(m_slots.size() * 2);
        old.swap(m_slots);
        m_mask = m_slots.size() - 1;
        for (const Slot &s : old) {
            if (s.hash == 0)
                continue;
            std::size_t i = s.hash & m_mask;
            while (m_slots[i].hash != 0)
                i = (i + 1) & m_mask;
            m_slots[i] = s;
        }
    }

    std::vector<Slot, HugePageAllocator<Slot>> m_slots;
    std::string m_arena;
    std::size_t m_mask = 0;
    std::size_t m_size = 0;
};

} // namespace op
