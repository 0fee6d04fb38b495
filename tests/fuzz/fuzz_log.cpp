// libFuzzer target for LogDecoder: any chunking gives the same events, quarantine records and
// skipped lines, nothing throws or crashes, and every accepted event survives LogEncoder ->
// LogDecoder unchanged.
#include "ChunkedFeed.h"
#include "FuzzChecks.h"
#include "SampleEvents.h"
#include "io/LogDecoder.h"
#include "io/LogEncoder.h"

#include <cstdint>
#include <string_view>

namespace {

// maxStep 0: the whole input at once.
optest::DecodeResult decode(std::string_view input, std::uint32_t seed, std::size_t maxStep)
{
    optest::CollectingHandler handler;
    op::LogDecoder decoder;
    decoder.setRules(optest::rulesAt(optest::kTestNow)); // fixed "now": results must not depend on the clock
    decoder.begin("fuzz", handler);
    optest::feedInSeededChunks(decoder, input, seed, maxStep);
    decoder.finish();
    optest::DecodeResult result = optest::takeResult(handler, decoder);
    result.skipped = decoder.skipped();
    return result;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    op::LogEncoder encoder;
    optest::checkDecoding("fuzz_log", std::string_view(reinterpret_cast<const char *>(data), size), encoder,
                          "LogEncoder -> LogDecoder", decode);
    return 0;
}
