#pragma once

#include "io/DataFormat.h"

#include <QCommandLineParser>
#include <QString>

#include <tl/expected.hpp>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>

namespace cli {

// A buffered output file, or standard output for "-", with errors as values.
class OutputFile
{
public:
    OutputFile() = default;
    OutputFile(const OutputFile &) = delete;
    OutputFile &operator=(const OutputFile &) = delete;
    ~OutputFile();

    tl::expected<void, QString> open(const QString &path);
    void write(std::string_view bytes);
    tl::expected<void, QString> close();
    // "generate: 42 % (4,200,000 records, 1.9 M/s)" on stderr, at most every 2 s.
    void reportProgress(std::int64_t done, std::int64_t total);

private:
    std::FILE *m_file = nullptr;
    bool m_owned = false;
    bool m_failed = false;
    QString m_path;
    std::chrono::steady_clock::time_point m_started = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point m_lastReport = m_started;
};

// --format when given, else the output file's extension, else NDJSON; a bad --format is a usage error.
op::DataFormat resolveOutputFormat(const QCommandLineParser &parser, const QString &outputPath);

} // namespace cli
