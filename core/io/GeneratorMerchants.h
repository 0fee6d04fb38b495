#pragma once

#include "io/GeneratorCatalog.h"
#include "io/GeneratorRng.h"
#include "model/Money.h"

#include <cstdint>
#include <string>
#include <vector>

namespace op {

// The shops: each has a category, a district, an invented branch name ("바삭치킨 역삼점"), its own
// prices (the catalog's, -10 %..+15 %), a base delivery fee, a kitchen speed, a typical rating and
// a popularity. Picking is weighted by popularity times the category's demand at that part of
// the day (cafés in the afternoon, chicken and jokbal late at night), preferring the customer's
// district.
class GeneratorMerchants
{
public:
    struct Merchant
    {
        std::string id;   // "R-0007"
        std::string name; // "바삭치킨 역삼점"
        std::size_t category = 0;
        std::size_t district = 0;
        std::uint32_t popularity = 1;
        std::int32_t qualityTenths = 45; // typical rating x 10
        std::int32_t prepTenths = 150;   // kitchen time in tenths of a minute
        std::int32_t promisedExtraMin = 0;
        Money baseFee = 3000;
        std::vector<Money> prices; // per catalog menu entry
    };

    GeneratorMerchants(std::int64_t count, std::uint64_t seed);

    [[nodiscard]] std::size_t size() const { return m_merchants.size(); }
    [[nodiscard]] const Merchant &at(std::size_t index) const { return m_merchants[index]; }

    // A shop for an order placed in `daypart` by a customer living in `district`.
    [[nodiscard]] std::size_t pick(GeneratorRng &rng, std::size_t district,
                                   GeneratorCatalog::Daypart daypart) const;

private:
    struct Table
    {
        std::vector<std::uint32_t> merchants;
        std::vector<std::uint64_t> cumulative;
    };
    [[nodiscard]] const Table &table(std::size_t districtOrAll, GeneratorCatalog::Daypart daypart) const;

    std::vector<Merchant> m_merchants;
    // (district or "all" = districts().size()) x daypart
    std::vector<Table> m_tables;
};

} // namespace op
