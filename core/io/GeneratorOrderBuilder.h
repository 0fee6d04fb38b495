#pragma once

#include "io/GeneratorCustomers.h"
#include "io/GeneratorMerchants.h"
#include "model/Money.h"
#include "model/Timestamp.h"

#include <array>
#include <cstdint>
#include <vector>

namespace op {

// Decides everything about one order from its own random stream (seeded by the order's index), so
// an order does not depend on how many records came before it: adding bad records or switching to
// lifecycle events leaves the good orders unchanged. The result is compact (no strings) so that
// lifecycle follow-ups can wait in a queue cheaply.
class GeneratorOrderBuilder
{
public:
    static constexpr std::size_t kMaxLines = 4;
    static constexpr Money kHighValue = 500000;          // seed 002's high-value rule
    static constexpr std::uint32_t kCateringPer10k = 20; // 0.2 % of ordinary orders are catering
    static constexpr Money kMinimumOrder = 12000;        // shops' minimum basket (최소주문금액)

    struct Line
    {
        std::uint8_t menu = 0; // index into the category menu and the shop's prices
        std::int32_t qty = 0;
    };

    struct Order
    {
        TimestampMs time = 0; // placement
        std::uint32_t customer = 0;
        std::uint32_t merchant = 0;
        std::size_t lineCount = 0;
        std::array<Line, kMaxLines> lines{};
        Money itemsTotal = 0;
        Money fee = 0;
        std::int32_t distanceTenths = 0; // km x 10
        std::int32_t promisedMin = 0;
        std::int32_t deliveryTenths = 0; // minutes x 10, from placement to the door
        bool cancelled = false;
        TimestampMs cancelAfterMs = 0; // placement -> cancellation
        std::int32_t ratingHalves = 0; // stars x 2; 0 = not rated
        TimestampMs rateAfterMs = 0;   // delivery -> rating
        std::uint32_t ip = 0;
        std::size_t payment = 0; // index into GeneratorCatalog::paymentMethods()

        [[nodiscard]] Money amount() const { return itemsTotal + fee; }
    };

    GeneratorOrderBuilder(const GeneratorCustomers &customers, const GeneratorMerchants &merchants,
                          std::vector<std::uint32_t> abusiveIps, std::int64_t burstOrders,
                          std::uint64_t seed);

    // `burst` is the abusive IP index placing the order, or -1.
    void build(std::uint64_t streamSeed, TimestampMs time, std::int32_t burst, Order &out) const;

    [[nodiscard]] const std::vector<std::uint32_t> &abusiveIps() const { return m_abusiveIps; }

private:
    [[nodiscard]] std::uint32_t muleCustomer(GeneratorRng &rng, std::int32_t burst) const;
    void pickLines(GeneratorRng &rng, const GeneratorMerchants::Merchant &m, bool catering, Order &out) const;

    const GeneratorCustomers &m_customers;
    const GeneratorMerchants &m_merchants;
    std::vector<std::uint32_t> m_abusiveIps;
    std::uint64_t m_seed;
    std::uint64_t m_mulePoolSize;
    std::vector<std::uint64_t> m_paymentCumulative;
};

} // namespace op
