#include "io/GeneratorMerchants.h"

#include "io/GeneratorIds.h"
#include "io/GeneratorMath.h"

#include <algorithm>
#include <unordered_set>

namespace op {

namespace {

constexpr std::uint64_t kSaltMerchants = 0x72657374;
constexpr std::uint32_t kHomeDistrictShare = 8000; // per 10,000 orders from a shop in the home district

std::size_t pickWeighted(GeneratorRng &rng, const std::vector<std::uint64_t> &cumulative)
{
    const std::uint64_t r = rng.below64(cumulative.back());
    return static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), r) -
                                    cumulative.begin());
}

} // namespace

GeneratorMerchants::GeneratorMerchants(std::int64_t count, std::uint64_t seed)
{
    const auto categories = GeneratorCatalog::categories();
    const auto districts = GeneratorCatalog::districts();
    std::vector<std::uint64_t> categoryCumulative;
    std::vector<std::uint64_t> districtCumulative;
    std::uint64_t sum = 0;
    for (const auto &c : categories)
        categoryCumulative.push_back(sum += c.shopWeight);
    sum = 0;
    for (const auto &d : districts)
        districtCumulative.push_back(sum += d.weight);

    GeneratorRng rng(GeneratorRng::hash(seed, kSaltMerchants));
    const std::size_t n = static_cast<std::size_t>(std::max<std::int64_t>(count, 1));
    // Categories and districts are stratified (shop i gets the midpoint of stratum perm(i)), so
    // even 200 shops match the catalog's shares instead of wandering with the seed.
    auto strata = [&rng, n](const std::vector<std::uint64_t> &cumulative) {
        std::vector<std::size_t> perm(n);
        for (std::size_t i = 0; i < n; ++i)
            perm[i] = i;
        for (std::size_t i = n; i > 1; --i)
            std::swap(perm[i - 1], perm[rng.below64(i)]);
        std::vector<std::size_t> out(n);
        const std::uint64_t total = cumulative.back();
        for (std::size_t i = 0; i < n; ++i) {
            const std::uint64_t point = generatormath::mulDiv(2 * perm[i] + 1, total, 2 * n);
            out[i] = static_cast<std::size_t>(std::upper_bound(cumulative.begin(), cumulative.end(), point) -
                                              cumulative.begin());
        }
        return out;
    };
    const std::vector<std::size_t> shopCategory = strata(categoryCumulative);
    const std::vector<std::size_t> shopDistrict = strata(districtCumulative);
    const int idWidth = std::max(4, GeneratorIds::digits(static_cast<std::int64_t>(n)));
    std::unordered_set<std::string> names;
    m_merchants.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        Merchant m;
        m.id = GeneratorIds::format('R', static_cast<std::int64_t>(i + 1), idWidth);
        m.category = shopCategory[i];
        m.district = shopDistrict[i];
        const auto &category = categories[m.category];
        const auto &district = districts[m.district];
        // One draw per statement: the order of draws must not depend on the compiler.
        const std::string_view brand = category.brands[rng.below(category.brands.size())];
        const std::string_view area = district.neighbourhoods[rng.below(district.neighbourhoods.size())];
        const std::string base = std::string(brand) + ' ' + std::string(area);
        m.name = base + "점";
        for (int branch = 2; !names.insert(m.name).second; ++branch)
            m.name = base + std::to_string(branch) + "호점";

        // Popularity has a long tail too: a few shops take a large share of the orders.
        const std::uint32_t tier = rng.below(100);
        m.popularity = tier < 50 ? 10 + rng.below(20) : tier < 85 ? 30 + rng.below(50) : 80 + rng.below(220);
        m.qualityTenths = 42 + static_cast<std::int32_t>(rng.below(9));
        m.prepTenths = 100 + static_cast<std::int32_t>(rng.below(121));
        m.promisedExtraMin = rng.below(100) < 20 ? 5 : 0;
        static constexpr Money kFees[] = {0, 1000, 1500, 2000, 2000, 2500, 2500, 3000, 3000, 3000, 3500};
        m.baseFee = kFees[rng.below(std::size(kFees))];
        const std::int64_t pricePercent = 90 + static_cast<std::int64_t>(rng.below(26));
        m.prices.reserve(category.menu.size());
        for (const auto &item : category.menu) // to the nearest 100 won, as menus are priced
            m.prices.push_back(std::max<Money>(100, roundDiv(item.price * pricePercent, 10000) * 100));
        m_merchants.push_back(std::move(m));
    }

    const std::size_t slots = districts.size() + 1;
    m_tables.resize(slots * GeneratorCatalog::DaypartCount);
    for (std::size_t i = 0; i < m_merchants.size(); ++i) {
        const Merchant &m = m_merchants[i];
        for (int d = 0; d < GeneratorCatalog::DaypartCount; ++d) {
            const std::uint64_t w =
                std::uint64_t(m.popularity) * categories[m.category].demand[static_cast<std::size_t>(d)];
            for (const std::size_t slot : {m.district, districts.size()}) {
                Table &t = m_tables[slot * GeneratorCatalog::DaypartCount + static_cast<std::size_t>(d)];
                t.merchants.push_back(static_cast<std::uint32_t>(i));
                t.cumulative.push_back((t.cumulative.empty() ? 0 : t.cumulative.back()) + w);
            }
        }
    }
}

const GeneratorMerchants::Table &GeneratorMerchants::table(std::size_t districtOrAll,
                                                           GeneratorCatalog::Daypart daypart) const
{
    return m_tables[districtOrAll * GeneratorCatalog::DaypartCount + daypart];
}

std::size_t GeneratorMerchants::pick(GeneratorRng &rng, std::size_t district,
                                     GeneratorCatalog::Daypart daypart) const
{
    const bool nearby = rng.chance(kHomeDistrictShare);
    const Table &home = table(district, daypart);
    const Table &t =
        nearby && !home.merchants.empty() ? home : table(GeneratorCatalog::districts().size(), daypart);
    return t.merchants[pickWeighted(rng, t.cumulative)];
}

} // namespace op
