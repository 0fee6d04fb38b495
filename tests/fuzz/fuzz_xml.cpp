// libFuzzer target for XmlDecoder: any chunking gives the same events and quarantine records,
// nothing throws or crashes, and every accepted event survives XmlEncoder -> XmlDecoder unchanged.
#include "ChunkedFeed.h"
#include "FuzzChecks.h"
#include "SampleEvents.h"
#include "io/XmlDecoder.h"
#include "io/XmlEncoder.h"

#include <cstdint>
#include <string_view>

namespace {

// maxStep 0: the whole input at once.
optest::DecodeResult decode(std::string_view input, std::uint32_t seed, std::size_t maxStep)
{
    optest::CollectingHandler handler;
    op::XmlDecoder decoder;
    decoder.setRules(optest::rulesAt(optest::kTestNow)); // fixed "now": results must not depend on the clock
    decoder.begin("fuzz", handler);
    optest::feedInSeededChunks(decoder, input, seed, maxStep);
    decoder.finish();
    return optest::takeResult(handler, decoder);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t *data, std::size_t size)
{
    op::XmlEncoder encoder;
    optest::checkDecoding("fuzz_xml", std::string_view(reinterpret_cast<const char *>(data), size), encoder,
                          "XmlEncoder -> XmlDecoder", decode);
    return 0;
}
