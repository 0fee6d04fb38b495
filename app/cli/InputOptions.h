#pragma once

#include "io/CodecFactory.h"
#include "io/DataFormat.h"

#include <QCommandLineParser>

#include <optional>
#include <string>

namespace cli {

// Options shared by every command that reads datasets: --mapping and --input-format.
struct InputOptions
{
    op::CodecOptions codec;
    std::optional<op::DataFormat> forcedFormat;
    bool hasMapping = false;

    // --input-format, else CSV when a mapping is given, else the file name, else the content.
    op::DataFormat formatFor(const std::string &path) const;
};

void addInputOptions(QCommandLineParser &parser);
// Loads the mapping profile; a bad one is a usage error with the profile's own message.
InputOptions parseInputOptions(const QCommandLineParser &parser);

} // namespace cli
