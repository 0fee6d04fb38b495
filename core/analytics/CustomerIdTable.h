#pragma once

#include "analytics/HugePageAllocator.h"

#include <algorithm>
#include <array>
#include <cassert>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace op {

// Interns customer ids and keeps a Payload (the customer's state) next to each: every distinct id
// gets a dense index 0, 1, 2, ... in order of first sight.
//
// Built for a million customers arriving in random order, where every lookup is a cache miss: an
// id of up to 15 bytes lives inline in a 16-byte key right beside its payload (longer ones in a
// shared byte buffer), and the hash table is open addressing over 8-byte slots holding part of the
// hash and the index. A lookup touches two cache lines (the slot, then key + payload, one line
// when the payload is 48 bytes) and a customer costs 16 bytes of key and 16 of table on top of the
// payload (instead of a std::string and a hash node, ~80).
template<typename Payload> class CustomerIdTable
{
public:
    // The index of `id`, adding it with a default Payload when new (then *added is set to true).
    std::uint32_t intern(std::string_view id, bool *added = nullptr);
    std::optional<std::uint32_t> find(std::string_view id) const;
    // For a caller that already numbers the ids densely (the engine's customer set): the index
    // of `id`, given that it is `index` (< size()) or the next one (== size(): then added with a
    // default Payload and no hashing). The hash table is then dropped: a later intern() rebuilds
    // it and find() scans until then.
    std::uint32_t internAt(std::uint32_t index, std::string_view id, bool *added = nullptr);

    Payload &operator[](std::uint32_t index) { return m_entries[index].payload; }
    const Payload &operator[](std::uint32_t index) const { return m_entries[index].payload; }

    // Valid until the next intern().
    std::string_view id(std::uint32_t index) const;
    std::size_t size() const { return m_entries.size(); }
    std::size_t memoryBytes() const
    {
        return sizeof(*this) + m_entries.capacity() * sizeof(Entry) + m_longBytes.capacity() +
               m_slots.capacity() * sizeof(std::uint64_t);
    }

    // The first 16 bytes of an id as two big-endian words (zero padded): comparing (hi, lo) orders
    // ids by bytes except between ids sharing those 16 bytes.
    std::pair<std::uint64_t, std::uint64_t> sortPrefix(std::uint32_t index) const;
    // Byte order of the ids (customer_id ASC as SQL's BINARY collation).
    bool idLess(std::uint32_t a, std::uint32_t b) const
    {
        const auto pa = sortPrefix(a);
        const auto pb = sortPrefix(b);
        return pa != pb ? pa < pb : id(a) < id(b);
    }
    // Indices from..size()-1 ordered by id bytes.
    std::vector<std::uint32_t> sortedIndices(std::uint32_t from = 0) const;

private:
    // Inline: bytes[0..len), bytes[15] = len (<= 15). Long: bytes[15] = kLong, offset (8 bytes)
    // and length (4 bytes) of the id in m_longBytes stored in bytes[0..12).
    using Key = std::array<char, 16>;
    static constexpr unsigned char kLong = 0xff;
    // Aligned to a cache line when it is exactly one, so a lookup never straddles two.
    static constexpr std::size_t kEntryAlign =
        sizeof(Key) + sizeof(Payload) == 64 ? 64 : std::max(alignof(Payload), alignof(Key));
    struct alignas(kEntryAlign) Entry
    {
        Key key;
        Payload payload;
    };

    static std::uint64_t hashOf(std::string_view id) { return std::hash<std::string_view>{}(id); }
    void append(std::string_view id);
    std::optional<std::uint32_t> probe(std::string_view id, std::uint64_t hash, std::size_t &slot) const;
    void grow();

    // Huge pages: a million customers' entries span 64 MB, and a lookup's page walk would
    // otherwise cost as much as its cache miss.
    std::vector<Entry, HugePageAllocator<Entry>> m_entries;
    std::string m_longBytes;
    // 0 = empty; otherwise (high 32 bits of the hash) << 32 | (index + 1). The stored hash bits
    // skip most key reads on collisions.
    std::vector<std::uint64_t> m_slots;
};

template<typename Payload> std::string_view CustomerIdTable<Payload>::id(std::uint32_t index) const
{
    const Key &k = m_entries[index].key;
    const auto tag = static_cast<unsigned char>(k[15]);
    if (tag != kLong)
        return {k.data(), tag};
    std::uint64_t offset = 0;
    std::uint32_t length = 0;
    std::memcpy(&offset, k.data(), sizeof offset);
    std::memcpy(&length, k.data() + 8, sizeof length);
    return std::string_view(m_longBytes).substr(offset, length);
}

template<typename Payload>
std::optional<std::uint32_t> CustomerIdTable<Payload>::probe(std::string_view id, std::uint64_t hash,
                                                             std::size_t &slot) const
{
    const std::uint64_t tag = hash >> 32;
    const std::size_t mask = m_slots.size() - 1;
    for (slot = hash & mask;; slot = (slot + 1) & mask) {
        const std::uint64_t s = m_slots[slot];
        if (s == 0)
            return std::nullopt;
        if ((s >> 32) == tag) {
            const auto index = static_cast<std::uint32_t>((s & 0xffffffffu) - 1);
            if (this->id(index) == id)
                return index;
        }
    }
}

template<typename Payload>
std::optional<std::uint32_t> CustomerIdTable<Payload>::find(std::string_view id) const
{
    if (m_slots.empty()) {
        // No hash table (nothing interned yet, or only internAt() used).
        for (std::uint32_t index = 0; index < size(); ++index) {
            if (this->id(index) == id)
                return index;
        }
        return std::nullopt;
    }
    std::size_t slot = 0;
    return probe(id, hashOf(id), slot);
}

template<typename Payload>
std::uint32_t CustomerIdTable<Payload>::internAt(std::uint32_t index, std::string_view id, bool *added)
{
    assert(index <= size());
    const bool isNew = index == size();
    if (added)
        *added = isNew;
    if (isNew) {
        append(id);
        if (!m_slots.empty())
            std::vector<std::uint64_t>().swap(m_slots);
    }
    return index;
}

template<typename Payload> void CustomerIdTable<Payload>::append(std::string_view id)
{
    Entry e{};
    if (id.size() < 16) {
        std::memcpy(e.key.data(), id.data(), id.size());
        e.key[15] = static_cast<char>(id.size());
    } else {
        const std::uint64_t offset = m_longBytes.size();
        const auto length = static_cast<std::uint32_t>(id.size());
        m_longBytes.append(id);
        std::memcpy(e.key.data(), &offset, sizeof offset);
        std::memcpy(e.key.data() + 8, &length, sizeof length);
        e.key[15] = static_cast<char>(kLong);
    }
    m_entries.push_back(e);
}

template<typename Payload> std::uint32_t CustomerIdTable<Payload>::intern(std::string_view id, bool *added)
{
    if (added)
        *added = false;
    // Keep the load factor at or below 1/2 so probes stay short.
    if ((size() + 1) * 2 > m_slots.size())
        grow();
    const std::uint64_t hash = hashOf(id);
    std::size_t slot = 0;
    if (const auto found = probe(id, hash, slot))
        return *found;
    const auto index = static_cast<std::uint32_t>(size());
    append(id);
    m_slots[slot] = ((hash >> 32) << 32) | (static_cast<std::uint64_t>(index) + 1);
    if (added)
        *added = true;
    return index;
}

template<typename Payload> void CustomerIdTable<Payload>::grow()
{
    std::size_t capacity = m_slots.empty() ? 64 : m_slots.size() * 2;
    while (capacity < (size() + 1) * 2) // after internAt() dropped the table
        capacity *= 2;
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

template<typename Payload>
std::pair<std::uint64_t, std::uint64_t> CustomerIdTable<Payload>::sortPrefix(std::uint32_t index) const
{
    const std::string_view s = id(index);
    std::uint64_t words[2] = {0, 0};
    const std::size_t n = std::min<std::size_t>(s.size(), 16);
    for (std::size_t i = 0; i < n; ++i)
        words[i / 8] |= static_cast<std::uint64_t>(static_cast<unsigned char>(s[i])) << (8 * (7 - i % 8));
    return {words[0], words[1]};
}

template<typename Payload>
std::vector<std::uint32_t> CustomerIdTable<Payload>::sortedIndices(std::uint32_t from) const
{
    // Sorting 24-byte keys by prefix is several times faster than comparing strings.
    struct SortKey
    {
        std::uint64_t hi;
        std::uint64_t lo;
        std::uint32_t index;
    };
    std::vector<SortKey> keys;
    keys.reserve(size() - std::min<std::size_t>(from, size()));
    for (std::uint32_t i = from; i < size(); ++i) {
        const auto [hi, lo] = sortPrefix(i);
        keys.push_back(SortKey{hi, lo, i});
    }
    std::sort(keys.begin(), keys.end(), [this](const SortKey &a, const SortKey &b) {
        if (a.hi != b.hi)
            return a.hi < b.hi;
        if (a.lo != b.lo)
            return a.lo < b.lo;
        return id(a.index) < id(b.index);
    });
    std::vector<std::uint32_t> out;
    out.reserve(keys.size());
    for (const SortKey &k : keys)
        out.push_back(k.index);
    return out;
}

} // namespace op
