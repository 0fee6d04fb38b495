#pragma once

#include "io/GeneratorRng.h"
#include "model/Timestamp.h"

#include <cstdint>
#include <vector>

namespace op {

// The customer population. Each customer's traits (how often they order, home district, favourite
// payment, home IP, when they are active) come from a hash of (seed, customer), so only the alias
// table for weighted picking is stored: 8 bytes per customer.
//
// Order frequency is a mixture with a long tail (half order rarely, a few percent very often), so
// RFM finds Champions; about a fifth of the customers stop ordering early in the span (Hibernating,
// At Risk) and about a tenth join late (New, Promising).
class GeneratorCustomers
{
public:
    GeneratorCustomers(std::int64_t count, std::uint64_t seed, TimestampMs start, TimestampMs end);

    [[nodiscard]] std::uint32_t size() const { return m_count; }

    // A customer, weighted by order frequency, among those active at `time`.
    [[nodiscard]] std::uint32_t pick(GeneratorRng &rng, TimestampMs time) const;

    [[nodiscard]] bool activeAt(std::uint32_t customer, TimestampMs time) const;
    [[nodiscard]] std::uint32_t weight(std::uint32_t customer) const;
    [[nodiscard]] std::size_t homeDistrict(std::uint32_t customer) const;
    [[nodiscard]] std::size_t favouritePayment(std::uint32_t customer) const;
    // IPv4 address of the customer's home connection.
    [[nodiscard]] std::uint32_t homeIp(std::uint32_t customer) const;

private:
    [[nodiscard]] std::uint64_t trait(std::uint32_t customer, std::uint64_t salt) const;
    [[nodiscard]] std::uint32_t sample(GeneratorRng &rng) const;

    std::uint32_t m_count;
    std::uint64_t m_seed;
    TimestampMs m_start;
    TimestampMs m_span;
    // Walker/Vose alias table in integers: column j keeps j when the low 32 bits of the draw are
    // below its threshold, else gives its alias. Side by side: one cache miss per pick.
    struct Column
    {
        std::uint32_t threshold;
        std::uint32_t alias;
    };
    std::vector<Column> m_columns;
    std::vector<std::uint64_t> m_districtCumulative;
    std::vector<std::uint64_t> m_paymentCumulative;
};

} // namespace op
