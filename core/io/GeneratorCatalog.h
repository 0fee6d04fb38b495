#pragma once

#include "model/Money.h"

#include <array>
#include <cstdint>
#include <span>
#include <string_view>

namespace op {

// The fixed world the generator draws from: Seoul's 25 districts, food categories with invented
// Korean shop names and menus at realistic won prices, payment methods. Names are invented
// ("바삭치킨 역삼점"); real brands are avoided on purpose.
class GeneratorCatalog
{
public:
    // Parts of the day in Asia/Seoul local time; category demand shifts between them.
    enum Daypart : std::uint8_t
    {
        Night,
        Morning,
        Lunch,
        Afternoon,
        Dinner,
        Late,
        DaypartCount
    };
    // 02–07 night, 07–11 morning, 11–14 lunch, 14–17 afternoon, 17–21 dinner, 21–02 late.
    static constexpr Daypart daypartOfHour(int hour)
    {
        if (hour >= 2 && hour < 7)
            return Night;
        if (hour >= 7 && hour < 11)
            return Morning;
        if (hour >= 11 && hour < 14)
            return Lunch;
        if (hour >= 14 && hour < 17)
            return Afternoon;
        if (hour >= 17 && hour < 21)
            return Dinner;
        return Late;
    }

    struct District
    {
        std::string_view nameKo;                          // the `region` value: "강남구"
        std::string_view nameEn;                          // "Gangnam-gu", for English displays
        std::uint32_t weight;                             // share of customers and shops (roughly population)
        std::span<const std::string_view> neighbourhoods; // branch names: "역삼" -> "역삼점"
    };

    enum class MenuRole : std::uint8_t
    {
        Main,
        Side,
        Drink
    };
    struct MenuItem
    {
        std::string_view name;
        Money price; // list price in won; each shop varies it a little
        MenuRole role;
    };

    struct Category
    {
        std::string_view code;                          // the `category` value: "chicken"
        std::string_view labelKo;                       // "치킨"
        std::uint32_t shopWeight;                       // share of shops in this category
        std::array<std::uint32_t, DaypartCount> demand; // percent, by Daypart
        std::span<const std::string_view> brands;       // invented shop names
        std::span<const MenuItem> menu;                 // mains first
    };

    struct PaymentMethod
    {
        std::string_view code; // the `payment` value: "card", "kakaopay", ...
        std::uint32_t weight;
    };

    static std::span<const District> districts();
    static std::span<const Category> categories();
    static std::span<const PaymentMethod> paymentMethods();
    // Orders per half hour of the local day (48 entries from 00:00), relative units.
    static std::span<const std::uint32_t> halfHourDemand();
    // Orders per day of the week, percent, Monday first (the weekend is about 1.3x a weekday).
    static std::span<const std::uint32_t> weekdayDemand();
};

} // namespace op
