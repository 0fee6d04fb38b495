// orderpulse-cli generate: deterministic, realistic order data in any format.
#include "CliSupport.h"
#include "Commands.h"
#include "OutputFile.h"

#include "io/CodecFactory.h"
#include "io/Generator.h"
#include "io/RecordCorruptor.h"

#include <QCommandLineParser>

#include <chrono>

namespace cli {

int runGenerate(const QStringList &args)
{
    const QString cmd = QStringLiteral("generate");
    QCommandLineParser p;
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Output file ('-' = stdout)."), QStringLiteral("FILE")});
    p.addOption({QStringLiteral("orders"), QStringLiteral("Number of orders (default 10000)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("customers"), QStringLiteral("Number of customers (default: orders / 8)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("merchants"), QStringLiteral("Number of merchants (default: about 200)."), QStringLiteral("N")});
    p.addOption({QStringLiteral("days"), QStringLiteral("Span of event times in days (default 30)."), QStringLiteral("D")});
    p.addOption({QStringLiteral("start"), QStringLiteral("First day, ISO-8601 (default 2026-03-01T00:00:00+09:00)."), QStringLiteral("ISO")});
    p.addOption({QStringLiteral("seed"), QStringLiteral("Random seed (default 42); same seed, same bytes."), QStringLiteral("S")});
    p.addOption({QStringLiteral("format"), QStringLiteral("ndjson, csv, xml or log (default: from the file name, else ndjson)."), QStringLiteral("F")});
    p.addOption({QStringLiteral("bad-rate"), QStringLiteral("Share of extra malformed records, 0..1 (default 0)."), QStringLiteral("F")});
    p.addOption({QStringLiteral("lifecycle"), QStringLiteral("Emit placed/delivered/cancelled/rated events instead of complete orders.")});
    if (!parseOrUsage(p, args, cmd, QStringLiteral("Write a deterministic, realistic food-delivery order dataset.")))
        return kExitOk;
    if (!p.positionalArguments().isEmpty())
        throw UsageError{QStringLiteral("unexpected argument '%1'").arg(p.positionalArguments().first())};
    if (!p.isSet(QStringLiteral("output")))
        throw UsageError{QStringLiteral("missing -o FILE (use '-o -' for standard output)")};

    op::GeneratorOptions options;
    options.orders = intOption(p, QStringLiteral("orders"), options.orders, 0, 2'000'000'000);
    options.customers = intOption(p, QStringLiteral("customers"), 0, 1, 1'000'000'000);
    options.merchants = intOption(p, QStringLiteral("merchants"), 0, 1, 10'000'000);
    options.days = static_cast<int>(intOption(p, QStringLiteral("days"), options.days, 1, 3650));
    options.seed = static_cast<std::uint64_t>(intOption(p, QStringLiteral("seed"), 42, 0, INT64_MAX));
    options.badRate = doubleOption(p, QStringLiteral("bad-rate"), 0.0, 0.0, 1.0);
    options.lifecycle = p.isSet(QStringLiteral("lifecycle"));
    if (p.isSet(QStringLiteral("start"))) {
        const auto start = op::parseIsoTimestamp(p.value(QStringLiteral("start")).toStdString(), 9 * 60);
        if (!start)
            throw UsageError{QStringLiteral("--start must be an ISO-8601 date or date-time, not '%1'")
                                 .arg(p.value(QStringLiteral("start")))};
        options.start = *start;
    }
    const QString output = p.value(QStringLiteral("output"));
    const op::DataFormat format = resolveOutputFormat(p, output);

    OutputFile out;
    if (auto opened = out.open(output); !opened) {
        printError(cmd, opened.error());
        return kExitFailure;
    }
    std::unique_ptr<op::Encoder> encoder = op::CodecFactory::makeEncoder(format);
    // Header and footer go through the encoder's writer; each record is encoded on its own into
    // `pending` first, so that a bad one can be damaged before it is written.
    encoder->begin([&out](std::string_view bytes) { out.write(bytes); });
    std::string pending;

    op::Generator generator(options);
    op::GeneratedRecord record;
    std::int64_t records = 0;
    std::int64_t bad = 0;
    const auto started = std::chrono::steady_clock::now();
    while (generator.next(record)) {
        if (record.bad != op::BadKind::None) {
            op::RecordCorruptor::prepare(record.event, record.bad, format);
            ++bad;
        }
        encoder->encodeRecord(record.event, pending);
        if (record.bad != op::BadKind::None)
            op::RecordCorruptor::damage(pending, record.bad, format);
        out.write(pending);
        pending.clear();
        ++records;
        if ((records & 0xFFFFF) == 0)
            out.reportProgress(records, options.orders);
    }
    encoder->finish();
    if (auto closed = out.close(); !closed) {
        printError(cmd, closed.error());
        return kExitFailure;
    }
    const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    printInfo(QStringLiteral("generated %1 records (%2 orders, %3 malformed) as %4 in %5 s")
                  .arg(records)
                  .arg(options.orders)
                  .arg(bad)
                  .arg(QString::fromLatin1(op::dataFormatName(format).data()))
                  .arg(secs, 0, 'f', 2));
    return kExitOk;
}

} // namespace cli
