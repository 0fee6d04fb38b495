#include "io/CodecFactory.h"

#include "io/CsvDecoder.h"
#include "io/CsvEncoder.h"
#include "io/DatasetReader.h"
#include "io/LogDecoder.h"
#include "io/LogEncoder.h"
#include "io/NdjsonDecoder.h"
#include "io/NdjsonEncoder.h"
#include "io/XmlDecoder.h"
#include "io/XmlEncoder.h"

namespace op {

std::unique_ptr<Decoder> CodecFactory::makeDecoder(DataFormat format, const CodecOptions &options)
{
    switch (format) {
    case DataFormat::Csv:
        return std::make_unique<CsvDecoder>(options.csvMapping.value_or(CsvMapping::builtin()), options.rules);
    case DataFormat::Xml: {
        auto decoder = std::make_unique<XmlDecoder>();
        decoder->setRules(options.rules);
        return decoder;
    }
    case DataFormat::Log: {
        auto decoder = std::make_unique<LogDecoder>();
        decoder->setRules(options.rules);
        return decoder;
    }
    case DataFormat::Ndjson:
        break;
    }
    auto decoder = std::make_unique<NdjsonDecoder>();
    decoder->setRules(options.rules);
    return decoder;
}

std::unique_ptr<Encoder> CodecFactory::makeEncoder(DataFormat format, const CodecOptions &)
{
    switch (format) {
    case DataFormat::Csv:
        return std::make_unique<CsvEncoder>();
    case DataFormat::Xml:
        return std::make_unique<XmlEncoder>();
    case DataFormat::Log:
        return std::make_unique<LogEncoder>();
    case DataFormat::Ndjson:
        break;
    }
    return std::make_unique<NdjsonEncoder>();
}

DataFormat CodecFactory::detectInputFormat(const std::string &path)
{
    if (const auto f = dataFormatFromPath(path))
        return *f;
    return sniffDataFormat(DatasetReader::head(path));
}

} // namespace op
