#include "io/GeneratorCatalog.h"

namespace op {

namespace {

using District = GeneratorCatalog::District;
using Category = GeneratorCatalog::Category;
using MenuItem = GeneratorCatalog::MenuItem;
using PaymentMethod = GeneratorCatalog::PaymentMethod;
constexpr auto kMain = GeneratorCatalog::MenuRole::Main;
constexpr auto kSide = GeneratorCatalog::MenuRole::Side;
constexpr auto kDrink = GeneratorCatalog::MenuRole::Drink;

// Neighbourhoods that shops name their branches after, per district.
constexpr std::string_view kGangnam[] = {"역삼", "논현", "대치", "압구정", "삼성"};
constexpr std::string_view kGangdong[] = {"천호", "길동", "암사", "명일"};
constexpr std::string_view kGangbuk[] = {"미아", "수유", "번동"};
constexpr std::string_view kGangseo[] = {"화곡", "마곡", "발산", "등촌"};
constexpr std::string_view kGwanak[] = {"신림", "봉천", "서울대입구"};
constexpr std::string_view kGwangjin[] = {"건대입구", "구의", "자양", "군자"};
constexpr std::string_view kGuro[] = {"구로디지털", "신도림", "개봉", "오류"};
constexpr std::string_view kGeumcheon[] = {"가산", "독산", "시흥"};
constexpr std::string_view kNowon[] = {"상계", "중계", "공릉", "하계"};
constexpr std::string_view kDobong[] = {"창동", "쌍문", "방학"};
constexpr std::string_view kDongdaemun[] = {"회기", "청량리", "장안", "답십리"};
constexpr std::string_view kDongjak[] = {"사당", "노량진", "흑석", "상도"};
constexpr std::string_view kMapo[] = {"홍대", "합정", "공덕", "망원", "상암"};
constexpr std::string_view kSeodaemun[] = {"신촌", "연희", "홍제"};
constexpr std::string_view kSeocho[] = {"서초", "방배", "반포", "양재"};
constexpr std::string_view kSeongdong[] = {"성수", "왕십리", "옥수", "금호"};
constexpr std::string_view kSeongbuk[] = {"성신여대", "길음", "정릉", "돈암"};
constexpr std::string_view kSongpa[] = {"잠실", "문정", "가락", "방이", "석촌"};
constexpr std::string_view kYangcheon[] = {"목동", "신정", "신월"};
constexpr std::string_view kYeongdeungpo[] = {"여의도", "당산", "문래", "영등포"};
constexpr std::string_view kYongsan[] = {"이태원", "한남", "용산", "후암"};
constexpr std::string_view kEunpyeong[] = {"연신내", "불광", "응암"};
constexpr std::string_view kJongno[] = {"종로", "혜화", "광화문"};
constexpr std::string_view kJung[] = {"을지로", "명동", "충무로", "신당"};
constexpr std::string_view kJungnang[] = {"면목", "상봉", "망우"};

// Weights follow resident population (thousands, rounded), with a little extra for the busy
// commercial districts where many shops cluster.
const District kDistricts[] = {
    {"강남구", "Gangnam-gu", 620, kGangnam},
    {"강동구", "Gangdong-gu", 460, kGangdong},
    {"강북구", "Gangbuk-gu", 290, kGangbuk},
    {"강서구", "Gangseo-gu", 560, kGangseo},
    {"관악구", "Gwanak-gu", 490, kGwanak},
    {"광진구", "Gwangjin-gu", 350, kGwangjin},
    {"구로구", "Guro-gu", 400, kGuro},
    {"금천구", "Geumcheon-gu", 230, kGeumcheon},
    {"노원구", "Nowon-gu", 500, kNowon},
    {"도봉구", "Dobong-gu", 310, kDobong},
    {"동대문구", "Dongdaemun-gu", 340, kDongdaemun},
    {"동작구", "Dongjak-gu", 385, kDongjak},
    {"마포구", "Mapo-gu", 420, kMapo},
    {"서대문구", "Seodaemun-gu", 310, kSeodaemun},
    {"서초구", "Seocho-gu", 430, kSeocho},
    {"성동구", "Seongdong-gu", 290, kSeongdong},
    {"성북구", "Seongbuk-gu", 435, kSeongbuk},
    {"송파구", "Songpa-gu", 660, kSongpa},
    {"양천구", "Yangcheon-gu", 435, kYangcheon},
    {"영등포구", "Yeongdeungpo-gu", 400, kYeongdeungpo},
    {"용산구", "Yongsan-gu", 230, kYongsan},
    {"은평구", "Eunpyeong-gu", 465, kEunpyeong},
    {"종로구", "Jongno-gu", 160, kJongno},
    {"중구", "Jung-gu", 150, kJung},
    {"중랑구", "Jungnang-gu", 385, kJungnang},
};

constexpr std::string_view kChickenBrands[] = {"바삭치킨",   "꼬꼬마을", "치킨공방",
                                               "두마리통닭", "바른닭집", "숯불치킨하우스"};
constexpr MenuItem kChickenMenu[] = {
    {"후라이드치킨", 20000, kMain}, {"양념치킨", 21000, kMain},     {"간장마늘치킨", 22000, kMain},
    {"반반치킨", 21500, kMain},     {"순살후라이드", 22000, kMain}, {"파닭", 22500, kMain},
    {"치즈볼 (5개)", 5000, kSide},  {"감자튀김", 4000, kSide},      {"치킨무 추가", 500, kSide},
    {"콜라 1.25L", 3000, kDrink},   {"사이다 1.25L", 3000, kDrink},
};

constexpr std::string_view kPizzaBrands[] = {"피자마을", "도우앤치즈", "화덕피자공방", "피자연구소",
                                             "빅토리피자"};
constexpr MenuItem kPizzaMenu[] = {
    {"페퍼로니 피자 L", 23900, kMain},   {"불고기 피자 L", 25900, kMain},
    {"포테이토 피자 L", 26900, kMain},   {"고구마 피자 L", 26900, kMain},
    {"콤비네이션 피자 L", 24900, kMain}, {"치즈 오븐스파게티", 8900, kSide},
    {"치즈스틱 (4개)", 5900, kSide},     {"갈릭디핑소스", 500, kSide},
    {"콜라 1.25L", 3000, kDrink},
};

constexpr std::string_view kKoreanBrands[] = {"엄마손밥상", "정성한끼",   "할매국밥",
                                              "시골밥상",   "한옥집찌개", "본가제육"};
constexpr MenuItem kKoreanMenu[] = {
    {"김치찌개", 9000, kMain},       {"된장찌개", 9000, kMain},   {"제육볶음 정식", 11000, kMain},
    {"불고기 덮밥", 10500, kMain},   {"순두부찌개", 9500, kMain}, {"김치찜 (2인)", 26000, kMain},
    {"뚝배기 불고기", 12000, kMain}, {"계란말이", 7000, kSide},   {"공기밥", 1000, kSide},
    {"식혜", 2000, kDrink},
};

constexpr std::string_view kChineseBrands[] = {"만리장성", "용궁반점", "신화루", "황제짬뽕", "북경성"};
constexpr MenuItem kChineseMenu[] = {
    {"짜장면", 7000, kMain},  {"짬뽕", 8500, kMain},         {"간짜장", 8000, kMain},
    {"볶음밥", 8000, kMain},  {"탕수육 (소)", 16000, kMain}, {"깐풍기 (소)", 22000, kMain},
    {"마라탕", 12000, kMain}, {"군만두", 6000, kSide},       {"콜라 500ml", 2000, kDrink},
};

constexpr std::string_view kBunsikBrands[] = {"달떡볶이", "떡볶이공장", "꼬마김밥", "분식나라", "오늘떡볶이"};
constexpr MenuItem kBunsikMenu[] = {
    {"국물떡볶이", 14000, kMain}, {"로제떡볶이", 16000, kMain}, {"김밥", 4000, kMain},
    {"참치김밥", 5000, kMain},    {"라볶이", 7500, kMain},      {"순대", 5000, kSide},
    {"모둠튀김", 6000, kSide},    {"어묵", 4000, kSide},        {"쿨피스", 2000, kDrink},
};

constexpr std::string_view kCafeBrands[] = {"카페 온도", "달콤디저트", "빵굽는마을",
                                            "구름빙수",  "커피정원",   "마카롱공방"};
constexpr MenuItem kCafeMenu[] = {
    {"아메리카노", 4500, kMain},   {"카페라떼", 5000, kMain},    {"바닐라라떼", 5500, kMain},
    {"딸기 스무디", 6500, kMain},  {"크로플", 5500, kMain},      {"티라미수 케이크", 7000, kMain},
    {"마카롱 (3개)", 7500, kSide}, {"생크림 와플", 6000, kSide}, {"눈꽃빙수", 11000, kMain},
};

constexpr std::string_view kBurgerBrands[] = {"버거스튜디오", "수제버거랩", "빅바이트버거", "더블패티"};
constexpr MenuItem kBurgerMenu[] = {
    {"불고기버거 세트", 8900, kMain},  {"치즈버거 세트", 9500, kMain}, {"더블패티버거 세트", 11500, kMain},
    {"새우버거 세트", 9200, kMain},    {"치킨버거", 7000, kMain},      {"감자튀김", 2500, kSide},
    {"치킨너겟 (6조각)", 4000, kSide}, {"콜라 500ml", 2000, kDrink},
};

constexpr std::string_view kJokbalBrands[] = {"원조할매족발", "가마솥족발", "명품보쌈", "오향족발집"};
constexpr MenuItem kJokbalMenu[] = {
    {"족발 (중)", 36000, kMain},     {"족발 (대)", 43000, kMain},  {"보쌈 (중)", 35000, kMain},
    {"반반 족발보쌈", 42000, kMain}, {"불족발", 38000, kMain},     {"막국수", 8000, kSide},
    {"주먹밥", 3000, kSide},         {"콜라 1.25L", 3000, kDrink},
};

constexpr std::string_view kJapaneseBrands[] = {"스시하루", "돈카츠명가", "라멘야", "우동공방", "사케동식당"};
constexpr MenuItem kJapaneseMenu[] = {
    {"모둠초밥 (12pcs)", 16000, kMain}, {"연어초밥 (10pcs)", 18000, kMain}, {"로스카츠", 11000, kMain},
    {"치즈카츠", 12000, kMain},         {"돈코츠 라멘", 10000, kMain},      {"냉모밀", 9000, kMain},
    {"연어덮밥", 14000, kMain},         {"새우튀김 (3pcs)", 6000, kSide},   {"미소시루", 1500, kSide},
};

constexpr std::string_view kWesternBrands[] = {"파스타공방", "리틀이탈리", "브런치키친", "그릴앤팬"};
constexpr MenuItem kWesternMenu[] = {
    {"까르보나라", 15000, kMain},      {"토마토 파스타", 14000, kMain}, {"알리오올리오", 13500, kMain},
    {"스테이크 (200g)", 29000, kMain}, {"버섯 리조또", 15500, kMain},   {"시저 샐러드", 11000, kSide},
    {"감자 웨지", 6000, kSide},        {"레몬 에이드", 4500, kDrink},
};

constexpr std::string_view kLateNightBrands[] = {"야식천국", "불막창포차", "닭발연구소", "곱창이야기",
                                                 "새벽포차"};
constexpr MenuItem kLateNightMenu[] = {
    {"무뼈닭발", 19000, kMain}, {"국물닭발", 20000, kMain}, {"소곱창구이", 32000, kMain},
    {"돼지막창", 25000, kMain}, {"오돌뼈", 18000, kMain},   {"주먹밥", 3000, kSide},
    {"계란찜", 4000, kSide},    {"콘치즈", 5000, kSide},    {"쿨피스", 2000, kDrink},
};

constexpr std::string_view kAsianBrands[] = {"포하노이", "방콕키친", "쌀국수한그릇", "사이공식당"};
constexpr MenuItem kAsianMenu[] = {
    {"쌀국수", 11000, kMain},      {"팟타이", 12000, kMain}, {"분짜", 13000, kMain},
    {"나시고렝", 11500, kMain},    {"월남쌈", 15000, kMain}, {"짜조 (4개)", 6000, kSide},
    {"타이 밀크티", 4500, kDrink},
};

//                                       night morn lunch aftn dinner late
const Category kCategories[] = {
    {"chicken", "치킨", 16, {60, 20, 60, 70, 150, 170}, kChickenBrands, kChickenMenu},
    {"pizza", "피자", 8, {20, 20, 80, 90, 140, 90}, kPizzaBrands, kPizzaMenu},
    {"korean", "한식", 15, {40, 140, 170, 90, 110, 50}, kKoreanBrands, kKoreanMenu},
    {"chinese", "중식", 10, {30, 90, 160, 80, 100, 50}, kChineseBrands, kChineseMenu},
    {"bunsik", "분식", 10, {40, 120, 130, 160, 80, 60}, kBunsikBrands, kBunsikMenu},
    {"cafe_dessert", "카페·디저트", 10, {10, 160, 80, 220, 50, 30}, kCafeBrands, kCafeMenu},
    {"burger", "버거", 6, {60, 100, 120, 110, 100, 80}, kBurgerBrands, kBurgerMenu},
    {"jokbal_bossam", "족발·보쌈", 6, {80, 10, 40, 40, 140, 170}, kJokbalBrands, kJokbalMenu},
    {"japanese", "일식", 7, {20, 40, 140, 80, 110, 50}, kJapaneseBrands, kJapaneseMenu},
    {"western", "양식", 5, {10, 80, 130, 90, 110, 40}, kWesternBrands, kWesternMenu},
    {"late_night", "야식", 5, {260, 10, 20, 30, 80, 260}, kLateNightBrands, kLateNightMenu},
    {"asian", "아시안", 2, {20, 50, 140, 80, 100, 40}, kAsianBrands, kAsianMenu},
};

const PaymentMethod kPayments[] = {
    {"card", 44}, {"kakaopay", 20}, {"naverpay", 13}, {"tosspay", 10},
    {"payco", 4}, {"phone", 5},     {"cash", 4},
};

// Lunch peak 11:30–13:00, dinner peak 17:30–20:00 (the larger one), quiet 02:00–07:00.
const std::uint32_t kHalfHourDemand[48] = {
    30, 26, 20, 15, 8,   5,   3,   3,  2,   2,  2,  3,  4,  6,  8,  10, //
    12, 14, 16, 20, 26,  36,  55,  85, 100, 90, 60, 45, 38, 36, 36, 38, //
    42, 50, 65, 88, 105, 115, 112, 98, 80,  68, 60, 55, 50, 45, 40, 35, //
};

const std::uint32_t kWeekdayDemand[7] = {100, 97, 100, 104, 118, 132, 128};

} // namespace

std::span<const GeneratorCatalog::District> GeneratorCatalog::districts()
{
    return kDistricts;
}

std::span<const GeneratorCatalog::Category> GeneratorCatalog::categories()
{
    return kCategories;
}

std::span<const GeneratorCatalog::PaymentMethod> GeneratorCatalog::paymentMethods()
{
    return kPayments;
}

std::span<const std::uint32_t> GeneratorCatalog::halfHourDemand()
{
    return kHalfHourDemand;
}

std::span<const std::uint32_t> GeneratorCatalog::weekdayDemand()
{
    return kWeekdayDemand;
}

} // namespace op
