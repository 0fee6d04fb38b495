#pragma once

#include "analytics/FastHash.h"

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace op {

// An insert-only hash map from strings to V for the engine's hot path: open addressing over a
// slot array holding (32-bit fingerprint, entry index), entries kept dense in insertion order,
// keys copied once into one arena. A lookup touches the slot array and, on a fingerprint match,
// one entry: no node allocation per key and no std::string built per lookup. Entry indices are
// stable, so they double as interned ids. clear() keeps every buffer for reuse.
template <typename V>
class FlatStringMap
{
public:
    struct Entry
    {
        std::uint64_t hash;
        std::uint32_t keyOffset;
        std::uint32_t keyLength;
        V value;
    };

    FlatStringMap()
        : FlatStringMap(16)
    {
    }
    explicit FlatStringMap(std::size_t expected) { rehash(slotCountFor(expected)); }

    std::size_t size() const { return m_entries.size(); }
    bool empty() const { return m_entries.empty(); }

    // Index of the key's entry, or -1.
    std::int64_t indexOf(std::string_view key, std::uint64_t hash) const
    {
        std::size_t slot = hash & m_mask;
        const auto fingerprint = static_cast<std::uint32_t>(hash >> 32);
        for (;;) {
            const std::uint64_t s = m_slots[slot];
            if (s == 0)
                return -1;
            if (static_cast<std::uint32_t>(s >> 32) == fingerprint) {
                const auto index = static_cast<std::uint32_t>(s) - 1;
                if (keyAt(index) == key)
                    return index;
            }
            slot = (slot + 1) & m_mask;
        }
    }
    std::int64_t indexOf(std::string_view key) const { return indexOf(key, fastHash(key)); }

    V *find(std::string_view key, std::uint64_t hash)
    {
        const std::int64_t i = indexOf(key, hash);
        return i < 0 ? nullptr : &m_entries[static_cast<std::size_t>(i)].value;
    }
    V *find(std::string_view key) { return find(key, fastHash(key)); }

    // The entry index of key, inserting a value-initialised V first when absent.
    std::pair<std::uint32_t, bool> tryEmplace(std::string_view key, std::uint64_t hash)
    {
        std::size_t slot = hash & m_mask;
        const auto fingerprint = static_cast<std::uint32_t>(hash >> 32);
        for (;;) {
            const std::uint64_t s = m_slots[slot];
            if (s == 0)
                break;
            if (static_cast<std::uint32_t>(s >> 32) == fingerprint) {
                const auto index = static_cast<std::uint32_t>(s) - 1;
                if (keyAt(index) == key)
                    return {index, false};
            }
            slot = (slot + 1) & m_mask;
        }
        const auto index = static_cast<std::uint32_t>(m_entries.size());
        m_entries.push_back(Entry{hash, static_cast<std::uint32_t>(m_keys.size()),
                                  static_cast<std::uint32_t>(key.size()), V{}});
        m_keys.append(key);
        m_slots[slot] = (static_cast<std::uint64_t>(fingerprint) << 32) | (index + 1);
        if (m_entries.size() * 2 > m_slots.size())
            rehash(m_slots.size() * 2);
        return {index, true};
    }
    std::pair<std::uint32_t, bool> tryEmplace(std::string_view key) { return tryEmplace(key, fastHash(key)); }

    V &valueAt(std::size_t index) { return m_entries[index].value; }
    const V &valueAt(std::size_t index) const { return m_entries[index].value; }
    std::string_view keyAt(std::size_t index) const
    {
        const Entry &e = m_entries[index];
        return std::string_view(m_keys).substr(e.keyOffset, e.keyLength);
    }
    const std::vector<Entry> &entries() const { return m_entries; }
    std::vector<Entry> &entries() { return m_entries; }

    // Empties the map but keeps its buffers, so a recycled window map allocates nothing.
    void clear()
    {
        m_entries.clear();
        m_keys.clear();
        std::fill(m_slots.begin(), m_slots.end(), 0);
    }

    std::size_t memoryBytes() const
    {
        return m_entries.capacity() * sizeof(Entry) + m_slots.capacity() * sizeof(std::uint64_t) + m_keys.capacity();
    }

private:
    static std::size_t slotCountFor(std::size_t expected)
    {
        std::size_t n = 16;
        while (n < expected * 2)
            n *= 2;
        return n;
    }

    void rehash(std::size_t slotCount)
    {
        m_slots.assign(slotCount, 0);
        m_mask = slotCount - 1;
        for (std::size_t i = 0; i < m_entries.size(); ++i) {
            const std::uint64_t hash = m_entries[i].hash;
            std::size_t slot = hash & m_mask;
            while (m_slots[slot] != 0)
                slot = (slot + 1) & m_mask;
            m_slots[slot] = ((hash >> 32) << 32) | (i + 1);
        }
    }

    std::vector<Entry> m_entries;
    std::vector<std::uint64_t> m_slots; // (fingerprint << 32) | (entry index + 1); 0 = empty
    std::string m_keys;
    std::size_t m_mask = 0;
};

} // namespace op
