#pragma once

#include <simdjson.h>

namespace op {

// Reads a whole value that nobody needs, only to check it. On-Demand skips unread values by
// counting brackets, without noticing malformed JSON inside them; a decoder that must reject
// every malformed record walks unknown fields with this instead. Returns SUCCESS or the
// simdjson error: DEPTH_ERROR when nesting goes deeper than maxDepth (counting `depth` as the
// depth of `value` itself), T_ATOM_ERROR / N_ATOM_ERROR for a bad literal, NUMBER_ERROR, ...
// Internal to the JSON decoders: include it only where simdjson is wanted anyway.
simdjson::error_code checkJsonValue(simdjson::ondemand::value &value, int depth, int maxDepth);

} // namespace op
