#pragma once

#include "model/OrderEvent.h"

#include <cstddef>
#include <string>
#include <string_view>

namespace op {

// A compact byte encoding of an OrderEvent, for the engine's per-order state: one buffer per
// order instead of nine std::strings and an item vector (about a third of the memory, and no
// allocation once a state slot's buffer has grown). The order id comes first so that a state
// can be matched to its key without decoding. Only this process reads it: no versioning.
namespace CompactOrder {

void encode(const OrderEvent &event, std::string &out);
// The encoding's size, and the encoding written to out[0, encodedSize(event)): for a caller
// that places it in its own buffer (the engine's state arena).
std::size_t encodedSize(const OrderEvent &event);
void encodeInto(const OrderEvent &event, char *out);
// Decodes into `out`, reusing its capacity.
void decode(std::string_view bytes, OrderEvent &out);
std::string_view orderId(std::string_view bytes);

} // namespace CompactOrder

} // namespace op
