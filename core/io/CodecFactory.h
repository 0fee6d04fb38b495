#pragma once

#include "io/CsvMapping.h"
#include "io/DataFormat.h"
#include "io/Decoder.h"
#include "io/Encoder.h"
#include "io/Validation.h"

#include <memory>
#include <optional>
#include <string>

namespace op {

// How to read and write datasets, whatever their format.
struct CodecOptions
{
    std::optional<CsvMapping> csvMapping; // CSV input profile; the built-in layout when absent
    ValidationRules rules;
};

// The one place that knows every codec: commands, sources and the GUI ask it for a decoder or an
// encoder by format.
class CodecFactory
{
public:
    static std::unique_ptr<Decoder> makeDecoder(DataFormat format, const CodecOptions &options = {});
    static std::unique_ptr<Encoder> makeEncoder(DataFormat format, const CodecOptions &options = {});
    // The input's format: its file name if that says, else its first bytes.
    static DataFormat detectInputFormat(const std::string &path);
};

} // namespace op
