#pragma once

#include "io/Decoder.h"
#include "io/Validation.h"
#include "io/XmlOrderParser.h"

#include <cstdint>
#include <string>
#include <string_view>

namespace op {

// Decodes `<?xml version="1.0" encoding="UTF-8"?><orders><order>…</order>…</orders>`, streamed.
//
// Why two stages: QXmlStreamReader stops for good at the first well-formedness error, but one
// broken order must not lose the good orders after it. So a small byte scanner (which knows
// tags, attribute quotes, comments, CDATA and processing instructions, and keeps its state
// across feed() calls) finds where each <order> element begins and ends at the top level of
// <orders>; only the current order's bytes are buffered, and each is then read on its own by
// XmlOrderParser (QXmlStreamReader). Memory is bounded by one order (at most 1 MiB + 1 byte
// kept), whatever the size of the document, and the results do not depend on the chunking.
//
// The scanner's recovery rules: </order> always ends the current order; a new <order start
// tag inside an order means the current one was never closed; </orders> inside an order (with
// no <orders> open within it) ends both. A broken order goes to quarantine with the 1-based
// line and the byte offset of its '<' (a UTF-8 byte order mark counts), the reason and its
// first bytes; then the next order is read.
//
// Safety: a document with a DTD (<!DOCTYPE ...>, anywhere) is refused with one quarantine
// record (kDtdRefused) and the rest is not read, so entities are never declared, let alone
// expanded: a billion-laughs document costs nothing. Only UTF-8 (or ASCII) documents are read.
//
// Document-level problems get one record each and, where nothing sensible can follow, end the
// decoding of that document: a DTD, another encoding, text or another element instead of the
// <orders> root, content after </orders>, input that ends inside an order or before </orders>.
// Empty (or all white space) input is simply no orders.
class XmlDecoder : public Decoder
{
public:
    static constexpr std::string_view kDtdRefused =
        "XML with a DTD is not accepted (entity declarations are disabled for safety)";
    static constexpr std::string_view kOrderNotClosed =
        "unterminated order: a new <order> starts before </order>";
    static constexpr std::string_view kOrderCutByRootEnd =
        "unterminated order: </orders> comes before </order>";
    static constexpr std::string_view kEndsInsideOrder = "XML document ends inside an order (truncated)";
    static constexpr std::string_view kEndsInsideRoot = "XML document ends before </orders> (truncated)";
    static constexpr std::string_view kNoRoot = "XML document has no <orders> root element";
    static constexpr std::string_view kTextBeforeRoot = "not an XML document: text before the root element";
    static constexpr std::string_view kContentAfterRoot = "content after the </orders> end tag is ignored";
    // "root element is <order>, expected <orders>"
    static std::string wrongRoot(std::string_view name);
    // "XML encoding 'ISO-8859-1' is not supported (only UTF-8)"
    static std::string unsupportedEncoding(std::string_view name);

    // event_time without an offset is read in this offset (minutes east of UTC; default UTC,
    // as in the NDJSON decoder).
    explicit XmlDecoder(int defaultOffsetMinutes = 0);

    void begin(std::string source, EventHandler &handler) override;
    void feed(std::string_view bytes) override;
    void finish() override;

    [[nodiscard]] const ValidationRules &rules() const { return m_rules; }
    void setRules(const ValidationRules &rules) { m_rules = rules; }

private:
    enum class Doc : std::uint8_t
    {
        Prolog,
        InRoot,
        Epilogue,
        Stopped
    };
    enum class Lex : std::uint8_t
    {
        Text,
        TagOpen,     // after '<'
        StartName,   // <name
        StartBody,   // <name attributes
        EndName,     // </name
        EndBody,     // </name ...
        Bang,        // <! until it is known what follows
        Comment,     // <!-- ... -->
        CData,       // <![CDATA[ ... ]]>
        Declaration, // <!DOCTYPE ...> and the like, up to the next '>'
        Pi,          // <? ... ?>
    };

    void step(char c);
    void stepTagOpen(char c);
    void stepStartBody(char c);
    void stepBang(char c);
    void stepDeclaration(char c);
    void appendName(char c);
    void restartTag(); // a '<' inside a tag: the broken tag is dropped, a new one starts here
    void onText(char c);
    void onStartName();
    void onStartTagEnd(bool selfClosing);
    void onEndTag();
    void onDeclaration();
    void onPiEnd();

    [[nodiscard]] bool nameIs(std::string_view name) const { return !m_nameLong && m_name == name; }
    // Appends the bytes of the current order from m_runStart up to `endInChunk` (capture is in
    // bulk, not per byte), keeping at most kMaxRecordBytes + 1 of them.
    void flushRun(std::size_t endInChunk);
    // The current order ends: `size` is its length in the input; `failure` the reason when the
    // scanner already knows it is broken.
    void emitOrder(std::int64_t size, std::string_view failure);
    void stopDocument(std::string reason, std::int64_t line, std::int64_t offset, std::string_view raw);
    void quarantine(std::string reason, std::int64_t line, std::int64_t offset, std::string_view raw);

    XmlOrderParser m_parser;
    ValidationRules m_rules;
    OrderEvent m_event;
    EventHandler *m_handler = nullptr;
    std::string m_source;

    Doc m_doc = Doc::Prolog;
    Lex m_lex = Lex::Text;
    std::int64_t m_offset = 0; // absolute offset of the byte being scanned
    std::int64_t m_line = 1;   // its 1-based line
    std::size_t m_bomMatched = 0;
    bool m_sawContent = false; // anything but white space and a byte order mark

    // The tag being scanned.
    std::int64_t m_tagOffset = 0;
    std::int64_t m_tagLine = 0;
    std::string m_name; // its name, at most kMaxName bytes
    bool m_nameLong = false;
    char m_quote = 0;     // inside an attribute value quoted with this
    bool m_slash = false; // the last significant byte was '/'
    int m_run = 0;        // consecutive '-', ']' or '?' ending a comment, CDATA or PI
    std::string m_markup; // the keyword after <! or the start of a processing instruction
    bool m_keywordDone = false;
    bool m_tagIsOrder = false; // the start tag of the current order
    bool m_tagIsRoot = false;  // the start tag of <orders>

    // Outside orders: elements open below <orders> (unknown ones, skipped).
    std::int64_t m_depth = 0;

    // The current order.
    bool m_inOrder = false;
    std::string m_order; // its bytes, at most kMaxRecordBytes + 1 of them
    std::int64_t m_orderOffset = 0;
    std::int64_t m_orderLine = 0;
    std::int64_t m_ordersInOrder = 0; // <orders> elements open inside it (broken input)
    bool m_orderHasDtd = false;

    // The chunk being fed.
    std::string_view m_chunk;
    std::size_t m_pos = 0;
    std::size_t m_runStart = 0;
};

} // namespace op
