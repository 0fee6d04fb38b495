#include "OutputFile.h"

#include "CliSupport.h"

#include <cerrno>
#include <cstring>

namespace cli {

OutputFile::~OutputFile()
{
    if (m_file != nullptr && m_owned)
        std::fclose(m_file);
}

tl::expected<void, QString> OutputFile::open(const QString &path)
{
    m_path = path;
    if (path == QLatin1String("-")) {
        m_file = stdout;
        m_owned = false;
    } else {
        m_file = std::fopen(path.toLocal8Bit().constData(), "wb");
        m_owned = true;
        if (m_file == nullptr)
            return tl::make_unexpected(
                QStringLiteral("cannot write '%1': %2").arg(path, QString::fromLocal8Bit(std::strerror(errno))));
    }
    static constexpr std::size_t kBuffer = 1 << 20;
    std::setvbuf(m_file, nullptr, _IOFBF, kBuffer);
    return {};
}

void OutputFile::write(std::string_view bytes)
{
    if (bytes.empty() || m_failed)
        return;
    if (std::fwrite(bytes.data(), 1, bytes.size(), m_file) != bytes.size())
        m_failed = true;
}

tl::expected<void, QString> OutputFile::close()
{
    const bool flushFailed = std::fflush(m_file) != 0;
    const int err = errno;
    if (m_owned && std::fclose(m_file) != 0 && !flushFailed)
        m_failed = true;
    m_file = nullptr;
    if (m_failed || flushFailed)
        return tl::make_unexpected(QStringLiteral("could not write all of '%1': %2")
                                       .arg(m_path, QString::fromLocal8Bit(std::strerror(err))));
    return {};
}

void OutputFile::reportProgress(std::int64_t done, std::int64_t total)
{
    const auto now = std::chrono::steady_clock::now();
    if (now - m_lastReport < std::chrono::seconds(2))
        return;
    m_lastReport = now;
    const double secs = std::chrono::duration<double>(now - m_started).count();
    const double rate = secs > 0 ? static_cast<double>(done) / secs : 0.0;
    const double pct = total > 0 ? 100.0 * static_cast<double>(done) / static_cast<double>(total) : 0.0;
    printInfo(QStringLiteral("%1 % (%2 records, %3 M/s)")
                  .arg(pct, 0, 'f', 0)
                  .arg(done)
                  .arg(rate / 1e6, 0, 'f', 2));
}

op::DataFormat resolveOutputFormat(const QCommandLineParser &parser, const QString &outputPath)
{
    if (parser.isSet(QStringLiteral("format"))) {
        const auto f = op::dataFormatFromName(parser.value(QStringLiteral("format")).toStdString());
        if (!f)
            throw UsageError{QStringLiteral("--format must be ndjson, csv, xml or log, not '%1'")
                                 .arg(parser.value(QStringLiteral("format")))};
        return *f;
    }
    if (const auto f = op::dataFormatFromPath(outputPath.toStdString()))
        return *f;
    return op::DataFormat::Ndjson;
}

} // namespace cli
