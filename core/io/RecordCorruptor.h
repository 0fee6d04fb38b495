#pragma once

#include "io/DataFormat.h"
#include "io/Generator.h"
#include "model/OrderEvent.h"

#include <string>

namespace op {

// Turns one good, already encoded record into the kind of bad record a decoder must reject,
// for `generate --bad-rate`. The damage stays inside the record's own boundaries (its line, its
// <order> element), so every good record around it still decodes, as in a real damaged file.
class RecordCorruptor
{
public:
    // Prepares the event before encoding (Oversized pads a text field past 1 MiB; a bad CSV
    // order keeps one item, so that it is one row).
    static void prepare(OrderEvent &event, BadKind kind, DataFormat format);
    // Damages the encoded bytes of one record (Syntax and InvalidUtf8; other kinds unchanged).
    static void damage(std::string &encoded, BadKind kind, DataFormat format);
};

} // namespace op
