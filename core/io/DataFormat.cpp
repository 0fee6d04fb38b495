#include "io/DataFormat.h"

#include <algorithm>
#include <cctype>

namespace op {

std::string_view dataFormatName(DataFormat format)
{
    switch (format) {
    case DataFormat::Ndjson:
        return "ndjson";
    case DataFormat::Csv:
        return "csv";
    case DataFormat::Xml:
        return "xml";
    case DataFormat::Log:
        return "log";
    }
    return "ndjson";
}

std::optional<DataFormat> dataFormatFromName(std::string_view name)
{
    std::string n(name);
    std::transform(n.begin(), n.end(), n.begin(), [](unsigned char c) { return std::tolower(c); });
    if (n == "ndjson" || n == "json" || n == "jsonl")
        return DataFormat::Ndjson;
    if (n == "csv" || n == "tsv")
        return DataFormat::Csv;
    if (n == "xml")
        return DataFormat::Xml;
    if (n == "log")
        return DataFormat::Log;
    return std::nullopt;
}

std::optional<DataFormat> dataFormatFromPath(std::string_view path)
{
    const auto slash = path.find_last_of("/\\");
    const std::string_view file = slash == std::string_view::npos ? path : path.substr(slash + 1);
    const auto dot = file.find_last_of('.');
    if (dot == std::string_view::npos || dot == 0)
        return std::nullopt;
    std::string ext(file.substr(dot + 1));
    std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
    if (ext == "txt")
        return DataFormat::Log;
    return dataFormatFromName(ext);
}

DataFormat sniffDataFormat(std::string_view head)
{
    if (head.substr(0, 3) == "\xEF\xBB\xBF")
        head.remove_prefix(3);
    std::size_t i = 0;
    while (i < head.size() && std::isspace(static_cast<unsigned char>(head[i])))
        ++i;
    head.remove_prefix(i);
    if (head.empty())
        return DataFormat::Ndjson;
    if (head[0] == '{')
        return DataFormat::Ndjson;
    if (head[0] == '<')
        return DataFormat::Xml;
    const auto digit = [&](std::size_t k) { return k < head.size() && std::isdigit(static_cast<unsigned char>(head[k])); };
    if (head.size() >= 16 && digit(0) && digit(1) && digit(2) && digit(3) && head[4] == '-' && digit(5) && digit(6)
        && head[7] == '-' && digit(8) && digit(9) && (head[10] == ' ' || head[10] == 'T') && head[13] == ':')
        return DataFormat::Log;
    return DataFormat::Csv;
}

} // namespace op
