// orderpulse-cli convert: any supported input format to any output format.
#include "CliSupport.h"
#include "Commands.h"
#include "InputOptions.h"
#include "OutputFile.h"
#include "QuarantineReport.h"

#include "io/CodecFactory.h"
#include "io/DatasetReader.h"

#include <QCommandLineParser>

namespace cli {

namespace {

// Encodes every decoded event straight to the output; keeps the quarantine for the summary.
class ConvertHandler : public op::EventHandler
{
public:
    ConvertHandler(op::Encoder &encoder, QuarantineReport &quarantine)
        : m_encoder(encoder)
        , m_quarantine(quarantine)
    {
    }
    void onEvent(op::OrderEvent &event) override
    {
        m_encoder.write(event);
        ++m_converted;
    }
    void onQuarantine(op::QuarantineRecord &&record) override { m_quarantine.add(record); }
    std::int64_t converted() const { return m_converted; }

private:
    op::Encoder &m_encoder;
    QuarantineReport &m_quarantine;
    std::int64_t m_converted = 0;
};

} // namespace

int runConvert(const QStringList &args)
{
    const QString cmd = QStringLiteral("convert");
    QCommandLineParser p;
    p.addPositionalArgument(QStringLiteral("IN"), QStringLiteral("Input dataset ('-' = stdin; format from the name or content)."));
    p.addOption({{QStringLiteral("o"), QStringLiteral("output")}, QStringLiteral("Output file ('-' = stdout)."), QStringLiteral("OUT")});
    p.addOption({QStringLiteral("format"), QStringLiteral("Output format: ndjson, csv, xml or log (default: from OUT's name)."), QStringLiteral("F")});
    addInputOptions(p);
    if (!parseOrUsage(p, args, cmd, QStringLiteral("Convert a dataset from any supported format to another.")))
        return kExitOk;
    const QStringList inputs = p.positionalArguments();
    if (inputs.size() != 1)
        throw UsageError{inputs.isEmpty() ? QStringLiteral("missing input file") : QStringLiteral("convert takes one input file")};
    if (!p.isSet(QStringLiteral("output")))
        throw UsageError{QStringLiteral("missing -o OUT (use '-o -' for standard output)")};
    const InputOptions input = parseInputOptions(p);
    const std::string inPath = inputs.first().toStdString();
    const op::DataFormat inFormat = input.formatFor(inPath);
    const op::DataFormat outFormat = resolveOutputFormat(p, p.value(QStringLiteral("output")));

    OutputFile out;
    if (auto opened = out.open(p.value(QStringLiteral("output"))); !opened) {
        printError(cmd, opened.error());
        return kExitFailure;
    }
    auto encoder = op::CodecFactory::makeEncoder(outFormat, input.codec);
    encoder->begin([&out](std::string_view bytes) { out.write(bytes); });
    auto decoder = op::CodecFactory::makeDecoder(inFormat, input.codec);
    QuarantineReport quarantine;
    ConvertHandler handler(*encoder, quarantine);
    const auto read = op::DatasetReader::read(inPath, *decoder, handler);
    if (!read) {
        printError(cmd, QString::fromStdString(read.error()));
        return kExitFailure;
    }
    encoder->finish();
    if (auto closed = out.close(); !closed) {
        printError(cmd, closed.error());
        return kExitFailure;
    }
    printInfo(QStringLiteral("converted %1 records from %2 to %3, quarantined %4")
                  .arg(handler.converted())
                  .arg(QString::fromLatin1(op::dataFormatName(inFormat).data()),
                       QString::fromLatin1(op::dataFormatName(outFormat).data()))
                  .arg(quarantine.count()));
    quarantine.print();
    return kExitOk;
}

} // namespace cli
