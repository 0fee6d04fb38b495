#include "InputOptions.h"

#include "CliSupport.h"

#include "io/CsvMapping.h"

namespace cli {

op::DataFormat InputOptions::formatFor(const std::string &path) const
{
    if (forcedFormat)
        return *forcedFormat;
    if (hasMapping)
        return op::DataFormat::Csv;
    return op::CodecFactory::detectInputFormat(path);
}

void addInputOptions(QCommandLineParser &parser)
{
    parser.addOption({QStringLiteral("mapping"),
                      QStringLiteral("CSV column-mapping profile (JSON) for reading CSV of another layout."),
                      QStringLiteral("PROFILE.json")});
    parser.addOption({QStringLiteral("input-format"),
                      QStringLiteral("Input format when the file name does not say: ndjson, csv, xml or log."),
                      QStringLiteral("F")});
}

InputOptions parseInputOptions(const QCommandLineParser &parser)
{
    InputOptions options;
    if (parser.isSet(QStringLiteral("input-format"))) {
        options.forcedFormat = op::dataFormatFromName(parser.value(QStringLiteral("input-format")).toStdString());
        if (!options.forcedFormat)
            throw UsageError{QStringLiteral("--input-format must be ndjson, csv, xml or log, not '%1'")
                                 .arg(parser.value(QStringLiteral("input-format")))};
    }
    if (parser.isSet(QStringLiteral("mapping"))) {
        auto mapping = op::CsvMapping::fromFile(parser.value(QStringLiteral("mapping")));
        if (!mapping)
            throw UsageError{QStringLiteral("--mapping: %1").arg(QString::fromStdString(mapping.error()))};
        options.codec.csvMapping = std::move(*mapping);
        options.hasMapping = true;
    }
    return options;
}

} // namespace cli
