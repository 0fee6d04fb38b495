#pragma once

#include "io/Decoder.h"

#include <tl/expected.hpp>

#include <atomic>
#include <cstdint>
#include <functional>
#include <string>

namespace op {

struct ReadProgress
{
    std::int64_t bytesRead = 0;
    std::int64_t bytesTotal = 0; // 0 when unknown (a pipe)
};

// Streams a file (or "-" for standard input) through a decoder in chunks, so memory does not grow
// with the file. Returns the bytes read, or a message when the file cannot be opened or read at
// all. `progress` is called about every chunk; `cancel`, when set, stops between chunks.
class DatasetReader
{
public:
    static constexpr std::size_t kChunkBytes = 1 << 20;

    using ProgressFn = std::function<void(const ReadProgress &)>;

    static tl::expected<std::int64_t, std::string> read(const std::string &path, Decoder &decoder,
                                                        EventHandler &handler, const ProgressFn &progress = {},
                                                        const std::atomic<bool> *cancel = nullptr);

    // The first bytes of a file, for format sniffing ("" when unreadable).
    static std::string head(const std::string &path, std::size_t bytes = 4096);
};

} // namespace op
