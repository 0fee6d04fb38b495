#include "io/DatasetReader.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <vector>

#include <sys/stat.h>

namespace op {

namespace {

struct FileCloser
{
    bool owned = true;
    void operator()(std::FILE *f) const
    {
        if (f != nullptr && owned)
            std::fclose(f);
    }
};
using FilePtr = std::unique_ptr<std::FILE, FileCloser>;

FilePtr openInput(const std::string &path)
{
    if (path == "-")
        return FilePtr(stdin, FileCloser{false});
    return FilePtr(std::fopen(path.c_str(), "rb"), FileCloser{true});
}

std::string openError(const std::string &path, int err)
{
    if (err == ENOENT)
        return "cannot open '" + path + "': no such file";
    if (err == EACCES)
        return "cannot open '" + path + "': permission denied";
    return "cannot open '" + path + "': " + std::strerror(err);
}

} // namespace

tl::expected<std::int64_t, std::string> DatasetReader::read(const std::string &path, Decoder &decoder,
                                                            EventHandler &handler, const ProgressFn &progress,
                                                            const std::atomic<bool> *cancel)
{
    struct stat st {};
    if (path != "-" && ::stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode))
        return tl::make_unexpected("cannot read '" + path + "': it is a folder, not a file");
    FilePtr file = openInput(path);
    if (!file)
        return tl::make_unexpected(openError(path, errno));
    ReadProgress p;
    if (path != "-" && S_ISREG(st.st_mode))
        p.bytesTotal = static_cast<std::int64_t>(st.st_size);
    decoder.begin(path == "-" ? std::string("stdin") : path, handler);
    std::vector<char> buffer(kChunkBytes);
    for (;;) {
        if (cancel != nullptr && cancel->load(std::memory_order_relaxed))
            break;
        const std::size_t n = std::fread(buffer.data(), 1, buffer.size(), file.get());
        if (n > 0) {
            decoder.feed(std::string_view(buffer.data(), n));
            p.bytesRead += static_cast<std::int64_t>(n);
            if (progress)
                progress(p);
        }
        if (n < buffer.size()) {
            if (std::ferror(file.get()) != 0)
                return tl::make_unexpected("error while reading '" + path + "': " + std::strerror(errno));
            break;
        }
    }
    decoder.finish();
    return p.bytesRead;
}

std::string DatasetReader::head(const std::string &path, std::size_t bytes)
{
    if (path == "-")
        return {};
    FilePtr file = openInput(path);
    if (!file)
        return {};
    std::string out(bytes, '\0');
    out.resize(std::fread(out.data(), 1, bytes, file.get()));
    return out;
}

} // namespace op
