// RFC 4180 tokenizing: quoting, line breaks, BOM, delimiters, positions, limits, chunking.
#include "io/CsvReader.h"
#include "io/Validation.h"

#include <QTest>
#include <random>
#include <string>
#include <vector>

using namespace op;

namespace {

struct Row
{
    std::vector<std::string> fields;
    std::int64_t line = 0;
    std::int64_t offset = 0;
    std::int64_t bytes = 0;
    CsvRowError error = CsvRowError::None;
    int errorField = -1;
    std::string raw;

    bool operator==(const Row &) const = default;
};

std::vector<Row> tokenize(std::string_view input, const std::vector<std::size_t> &cuts, char delimiter = ',')
{
    std::vector<Row> rows;
    CsvReader reader(delimiter, [&rows](const CsvRow &r) {
        Row row;
        for (std::size_t i = 0; i < r.size(); ++i)
            row.fields.emplace_back(r[i]);
        row.line = r.line;
        row.offset = r.offset;
        row.bytes = r.bytes;
        row.error = r.error;
        row.errorField = r.errorField;
        row.raw.assign(r.raw);
        rows.push_back(std::move(row));
    });
    std::size_t at = 0;
    for (const std::size_t cut : cuts) {
        reader.feed(input.substr(at, cut - at));
        at = cut;
    }
    reader.feed(input.substr(at));
    reader.finish();
    return rows;
}

std::vector<Row> whole(std::string_view input, char delimiter = ',')
{
    return tokenize(input, {}, delimiter);
}

std::vector<Row> byteAtATime(std::string_view input, char delimiter = ',')
{
    std::vector<std::size_t> cuts;
    for (std::size_t i = 1; i < input.size(); ++i)
        cuts.push_back(i);
    return tokenize(input, cuts, delimiter);
}

using Fields = std::vector<std::string>;

} // namespace

class TestCsvReader : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void quotedFieldsAndEscapes()
    {
        const auto rows = whole("\"a,b\",\"he said \"\"hi\"\"\",plain,\"\"\n");
        QCOMPARE(rows.size(), std::size_t(1));
        QCOMPARE(rows[0].fields, (Fields{"a,b", "he said \"hi\"", "plain", ""}));
        QCOMPARE(rows[0].error, CsvRowError::None);
        QCOMPARE(rows[0].raw, std::string("\"a,b\",\"he said \"\"hi\"\"\",plain,\"\""));
    }

    void lineBreaksInsideQuotesKeepLineNumbers()
    {
        // LF, CR and CRLF inside quotes are content; each counts as one line for what follows.
        const std::string input = "\"x\ny\",\"a\rb\",\"c\r\nd\"\nnext,row,3\n";
        const auto rows = whole(input);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].fields, (Fields{"x\ny", "a\rb", "c\r\nd"}));
        QCOMPARE(rows[0].line, std::int64_t(1));
        QCOMPARE(rows[0].offset, std::int64_t(0));
        QCOMPARE(rows[1].fields, (Fields{"next", "row", "3"}));
        QCOMPARE(rows[1].line, std::int64_t(5));
        QCOMPARE(rows[1].offset, std::int64_t(input.find("next")));
    }

    void crlfAndBlankLinesAndTrailingLine()
    {
        const std::string input = "a,b\r\n\r\nc,d\r\n\r\n";
        const auto rows = whole(input);
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].fields, (Fields{"a", "b"}));
        QCOMPARE(rows[1].fields, (Fields{"c", "d"}));
        QCOMPARE(rows[1].line, std::int64_t(3));
        QCOMPARE(rows[1].offset, std::int64_t(7));
        QCOMPARE(rows[1].bytes, std::int64_t(3));
    }

    void loneCrEndsLines()
    {
        const auto rows = whole("a\rb\n\rc");
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(rows[2].fields, (Fields{"c"}));
        QCOMPARE(rows[2].line, std::int64_t(4));
        QCOMPARE(rows[2].offset, std::int64_t(5));
    }

    void lastRowWithoutLineBreak()
    {
        const auto rows = whole("h1,h2\n1,\"2\"");
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[1].fields, (Fields{"1", "2"}));
    }

    void emptyFields()
    {
        QCOMPARE(whole(",,\n")[0].fields, (Fields{"", "", ""}));
        QCOMPARE(whole("a,\n")[0].fields, (Fields{"a", ""}));
        QCOMPARE(whole("\"\"\n")[0].fields, (Fields{""}));
        QCOMPARE(whole(" , \n")[0].fields, (Fields{" ", " "})); // spaces are data
        QVERIFY(whole("").empty());
        QVERIFY(whole("\n\r\n\n").empty());
    }

    void bomIsSkippedButCounted()
    {
        const auto rows = whole("\xEF\xBB\xBFh1,h2\nx,y\n");
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[0].fields, (Fields{"h1", "h2"}));
        QCOMPARE(rows[0].offset, std::int64_t(3));
        QCOMPARE(rows[0].line, std::int64_t(1));
        QCOMPARE(rows[1].offset, std::int64_t(9));
        // A BOM only at the very start; a broken one is data (and invalid UTF-8).
        const auto broken = whole("\xEF\xBBx,y\n");
        QCOMPARE(broken.size(), std::size_t(1));
        QCOMPARE(broken[0].error, CsvRowError::InvalidUtf8);
        QCOMPARE(broken[0].errorField, 0);
        QCOMPARE(broken[0].offset, std::int64_t(0));
        const auto onlyBomPrefix = whole("\xEF\xBB");
        QCOMPARE(onlyBomPrefix.size(), std::size_t(1));
        QCOMPARE(onlyBomPrefix[0].error, CsvRowError::InvalidUtf8);
    }

    void delimiterVariants()
    {
        QCOMPARE(whole("a;\"b;c\";d,e\n", ';')[0].fields, (Fields{"a", "b;c", "d,e"}));
        QCOMPARE(whole("a\t\"b\tc\"\t\n", '\t')[0].fields, (Fields{"a", "b\tc", ""}));
        QCOMPARE(whole("a|b\n", '|')[0].fields, (Fields{"a", "b"}));
    }

    void utf8IsCheckedPerField()
    {
        const auto ok = whole("주문,치킨 🍗\n");
        QCOMPARE(ok[0].error, CsvRowError::None);
        QCOMPARE(ok[0].fields, (Fields{"주문", "치킨 🍗"}));
        // Half a character at the end of one cell and the rest in the next is still invalid.
        const auto split = whole("a\xC3,\xA9z\n");
        QCOMPARE(split[0].error, CsvRowError::InvalidUtf8);
        QCOMPARE(split[0].errorField, 0);
        const auto spread = whole("x,\xF0,,\x9F,\x8D\x97\n"); // one 4-byte character over three cells
        QCOMPARE(spread[0].error, CsvRowError::InvalidUtf8);
        QCOMPARE(spread[0].errorField, 1);
        const auto second = whole("ok,bad\xFF\nnext\n");
        QCOMPARE(second[0].error, CsvRowError::InvalidUtf8);
        QCOMPARE(second[0].errorField, 1);
        QCOMPARE(second[1].error, CsvRowError::None);
    }

    void strictErrorsResynchroniseAtRowEnd()
    {
        const auto rows = whole("ab\"c,d\n\"ab\"c,d\nx,\"y\"\n");
        QCOMPARE(rows.size(), std::size_t(3));
        QCOMPARE(rows[0].error, CsvRowError::QuoteInUnquotedField);
        QCOMPARE(rows[0].errorField, 0);
        QCOMPARE(rows[0].fields, (Fields{"ab\"c", "d"}));
        QCOMPARE(rows[1].error, CsvRowError::TextAfterClosingQuote);
        QCOMPARE(rows[1].line, std::int64_t(2));
        QCOMPARE(rows[2].error, CsvRowError::None);
        QCOMPARE(rows[2].fields, (Fields{"x", "y"}));
        QCOMPARE(rows[2].line, std::int64_t(3));
    }

    void unterminatedQuoteAtEnd()
    {
        const auto rows = whole("h\na,\"bc\nd\n");
        QCOMPARE(rows.size(), std::size_t(2));
        QCOMPARE(rows[1].error, CsvRowError::UnterminatedQuote);
        QCOMPARE(rows[1].errorField, 1);
        QCOMPARE(rows[1].line, std::int64_t(2));
        QCOMPARE(rows[1].fields, (Fields{"a", "bc\nd\n"}));
        QCOMPARE(csvRowErrorText(rows[1].error), std::string_view("unterminated quoted field"));
    }

    void rowsOverTheLimitAreRejectedWithoutBuffering()
    {
        const std::size_t limit = ValidationRules::kMaxRecordBytes;
        const std::string atLimit = std::string(limit - 2, 'x') + ",y";
        const std::string over = "\"" + std::string(limit, 'z') + "\",w";
        const std::string input = atLimit + "\n" + over + "\r\nnext\n";
        for (const bool bytewise : {false, true}) {
            std::vector<std::size_t> cellBytes;
            std::vector<Row> rows;
            CsvReader reader(',', [&](const CsvRow &r) {
                std::size_t total = 0;
                for (std::size_t i = 0; i < r.size(); ++i)
                    total += r[i].size();
                cellBytes.push_back(total);
                rows.push_back({{}, r.line, r.offset, r.bytes, r.error, r.errorField, {}});
            });
            if (bytewise) {
                for (const char c : input)
                    reader.feed(std::string_view(&c, 1));
            } else {
                reader.feed(input);
            }
            reader.finish();
            QCOMPARE(rows.size(), std::size_t(3));
            QCOMPARE(rows[0].error, CsvRowError::None);
            QCOMPARE(rows[0].bytes, std::int64_t(limit));
            QCOMPARE(rows[1].error, CsvRowError::TooLong);
            QCOMPARE(rows[1].bytes, std::int64_t(limit + 4));
            QCOMPARE(rows[1].line, std::int64_t(2));
            QVERIFY(cellBytes[1] <= limit);
            QCOMPARE(rows[2].error, CsvRowError::None);
            QCOMPARE(rows[2].line, std::int64_t(3));
            QCOMPARE(rows[2].offset, std::int64_t(atLimit.size() + 1 + over.size() + 2));
        }
    }

    void rawIsBounded()
    {
        const std::string big(10000, 'q');
        const auto rows = whole(big + "\n");
        QCOMPARE(rows[0].raw.size(), std::size_t(4096));
        QCOMPARE(rows[0].fields[0].size(), big.size());
    }

    void chunkingNeverChangesRows()
    {
        const std::string input = std::string("\xEF\xBB\xBF") + "type,name,note\r\n" +
                                  "order,\"Kyochon, Gangnam\",\"multi\r\nline \"\"quoted\"\"\"\r\n" + "\r\n" +
                                  "order,치킨,\"lone\rcr\"\n" + "bad\"quote,x,y\n" + "\"closed\"junk,x,y\r" +
                                  "utf8,\xE2\x82,z\n" + ",,\n" + std::string(5000, 'L') + ",\"" +
                                  std::string(300, 'q') + "\"\n" + "last,\"open";
        const auto expected = whole(input);
        QCOMPARE(expected.size(), std::size_t(9));
        QCOMPARE(expected[7].raw.size(), std::size_t(4096)); // bounded, however the row is chunked
        QCOMPARE(byteAtATime(input), expected);
        for (std::size_t step = 2; step <= 9; ++step) {
            std::vector<std::size_t> cuts;
            for (std::size_t i = step; i < input.size(); i += step)
                cuts.push_back(i);
            QCOMPARE(tokenize(input, cuts), expected);
        }
        std::mt19937 rng(42);
        for (int round = 0; round < 200; ++round) {
            std::vector<std::size_t> cuts;
            for (std::size_t i = 0; i < input.size(); ++i)
                if (rng() % 4 == 0)
                    cuts.push_back(i);
            QCOMPARE(tokenize(input, cuts), expected);
        }
        // BOM split over the first chunks.
        QCOMPARE(tokenize(input, {1, 2, 3}), expected);
    }

    void resetStartsAFreshInput()
    {
        std::vector<std::int64_t> lines;
        CsvReader reader(',', [&lines](const CsvRow &r) { lines.push_back(r.line); });
        reader.feed("a\nb\n\"unfinished");
        reader.reset();
        reader.feed("\xEF\xBB\xBF"
                    "c\n");
        reader.finish();
        QCOMPARE(lines, (std::vector<std::int64_t>{1, 2, 1}));
    }
};

QTEST_GUILESS_MAIN(TestCsvReader)
#include "tst_csvreader.moc"
