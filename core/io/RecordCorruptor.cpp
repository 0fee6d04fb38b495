#include "io/RecordCorruptor.h"

namespace op {

namespace {

constexpr std::size_t kOversizedBytes = (1 << 20) + 4096;

// Inserts invalid UTF-8 (a lone continuation byte and an overlong lead byte) right after the first
// character of the order id, which every format carries as text.
void insertInvalidUtf8(std::string &encoded, const std::string &marker)
{
    std::size_t at = encoded.find(marker);
    at = at == std::string::npos ? encoded.size() / 2 : at + 1;
    encoded.insert(at, "\x80\xC0\xFF");
}

void breakSyntax(std::string &encoded, DataFormat format)
{
    switch (format) {
    case DataFormat::Ndjson: {
        // Cut the object in the middle of a value: the closing brace never comes.
        const bool newline = !encoded.empty() && encoded.back() == '\n';
        std::size_t keep = encoded.size() * 3 / 5;
        while (keep > 0 && (static_cast<unsigned char>(encoded[keep]) & 0xC0) == 0x80)
            --keep; // cut on a character boundary: the damage is the syntax, not the encoding
        encoded.resize(keep);
        encoded += "\"amount\":";
        if (newline)
            encoded.push_back('\n');
        break;
    }
    case DataFormat::Csv: {
        // Drop the trailing columns of the (single) row: the field count is wrong.
        const bool newline = !encoded.empty() && encoded.back() == '\n';
        std::size_t commas = 0;
        std::size_t cut = encoded.size();
        for (std::size_t i = 0; i < encoded.size(); ++i) {
            if (encoded[i] == ',' && ++commas == 5) {
                cut = i;
                break;
            }
        }
        encoded.resize(cut);
        if (newline)
            encoded.push_back('\n');
        break;
    }
    case DataFormat::Xml: {
        // A mismatched closing tag inside the order.
        const std::size_t at = encoded.find("</order_id>");
        if (at != std::string::npos)
            encoded.replace(at, 11, "</orderid>");
        else
            encoded.insert(encoded.find('>') + 1, "<broken>");
        break;
    }
    case DataFormat::Log: {
        // An impossible timestamp at the start of the line.
        if (encoded.size() >= 10)
            encoded.replace(0, 10, "2026-13-45");
        break;
    }
    }
}

} // namespace

void RecordCorruptor::prepare(OrderEvent &event, BadKind kind, DataFormat format)
{
    // A CSV order spans one row per item, and rows without a usable order_id cannot be grouped:
    // a bad CSV order is made one row, so that it is one bad record, as in the other formats.
    if (format == DataFormat::Csv && event.items.size() > 1)
        event.items.resize(1);
    if (kind == BadKind::Oversized)
        event.merchantName.assign(kOversizedBytes, 'x');
}

void RecordCorruptor::damage(std::string &encoded, BadKind kind, DataFormat format)
{
    if (kind == BadKind::Syntax)
        breakSyntax(encoded, format);
    else if (kind == BadKind::InvalidUtf8)
        insertInvalidUtf8(encoded, "X-"); // bad records carry ids X-0000001...
}

} // namespace op
