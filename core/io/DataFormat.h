#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace op {

enum class DataFormat { Ndjson, Csv, Xml, Log };

std::string_view dataFormatName(DataFormat format);
// "ndjson" (also "json", "jsonl"), "csv", "xml", "log".
std::optional<DataFormat> dataFormatFromName(std::string_view name);
// From the file name's extension (.ndjson .jsonl .json .csv .tsv .xml .log .txt), if it says.
std::optional<DataFormat> dataFormatFromPath(std::string_view path);
// From the first bytes of the content: '{' NDJSON, '<' XML, "YYYY-MM-DD hh:mm" a log, else CSV.
DataFormat sniffDataFormat(std::string_view head);

} // namespace op
