#include "io/XmlDecoder.h"

#include "io/FieldReasons.h"
#include "io/XmlLogFields.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace op {

namespace {

constexpr std::size_t kMaxRecord = ValidationRules::kMaxRecordBytes;
constexpr std::size_t kMaxName = 64;     // longer names are compared as "neither order nor orders"
constexpr std::size_t kMaxKeyword = 16;  // of a <!KEYWORD declaration
constexpr std::size_t kMaxPiBytes = 256; // of a processing instruction: enough for <?xml ...?>
constexpr std::array<unsigned char, 3> kBom{0xEF, 0xBB, 0xBF};

bool isSpace(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

bool endsName(char c)
{
    return isSpace(c) || c == '/' || c == '>' || c == '<';
}

// The value of encoding="..." in an XML declaration's text, or empty.
std::string_view declaredEncoding(std::string_view decl)
{
    const std::size_t at = decl.find("encoding");
    if (at == std::string_view::npos)
        return {};
    std::size_t i = at + 8;
    while (i < decl.size() && isSpace(decl[i]))
        ++i;
    if (i >= decl.size() || decl[i] != '=')
        return {};
    ++i;
    while (i < decl.size() && isSpace(decl[i]))
        ++i;
    if (i >= decl.size() || (decl[i] != '"' && decl[i] != '\''))
        return {};
    const char quote = decl[i++];
    const std::size_t end = decl.find(quote, i);
    return end == std::string_view::npos ? std::string_view{} : decl.substr(i, end - i);
}

bool isUtf8Name(std::string_view encoding)
{
    std::string lower(encoding);
    std::transform(lower.begin(), lower.end(), lower.begin(),
                   [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
    return lower == "utf-8" || lower == "utf8" || lower == "us-ascii" || lower == "ascii";
}

} // namespace

std::string XmlDecoder::wrongRoot(std::string_view name)
{
    return "root element is <" + reason::quoted(name) + ">, expected <orders>";
}

std::string XmlDecoder::unsupportedEncoding(std::string_view name)
{
    return "XML encoding '" + reason::quoted(name) + "' is not supported (only UTF-8)";
}

XmlDecoder::XmlDecoder(int defaultOffsetMinutes)
    : m_parser(defaultOffsetMinutes)
{
}

void XmlDecoder::begin(std::string source, EventHandler &handler)
{
    m_source = std::move(source);
    m_handler = &handler;
    m_accepted = 0;
    m_quarantined = 0;
    m_doc = Doc::Prolog;
    m_lex = Lex::Text;
    m_offset = 0;
    m_line = 1;
    m_bomMatched = 0;
    m_sawContent = false;
    m_name.clear();
    m_nameLong = false;
    m_quote = 0;
    m_slash = false;
    m_run = 0;
    m_markup.clear();
    m_keywordDone = false;
    m_tagIsOrder = false;
    m_tagIsRoot = false;
    m_depth = 0;
    m_inOrder = false;
    m_order.clear();
    m_ordersInOrder = 0;
    m_orderHasDtd = false;
}

void XmlDecoder::feed(std::string_view bytes)
{
    m_chunk = bytes;
    m_runStart = 0;
    for (m_pos = 0; m_pos < bytes.size() && m_doc != Doc::Stopped; ++m_pos) {
        const char c = bytes[m_pos];
        step(c);
        if (c == '\n')
            ++m_line;
        ++m_offset;
    }
    flushRun(m_pos);
    m_chunk = {};
}

void XmlDecoder::finish()
{
    switch (m_doc) {
    case Doc::Prolog:
        if (m_sawContent)
            quarantine(std::string(kNoRoot), m_line, m_offset, {});
        break;
    case Doc::InRoot:
        if (m_inOrder)
            emitOrder(m_offset - m_orderOffset, kEndsInsideOrder);
        else
            quarantine(std::string(kEndsInsideRoot), m_line, m_offset, {});
        break;
    case Doc::Epilogue:
    case Doc::Stopped:
        break;
    }
    m_doc = Doc::Stopped;
}

void XmlDecoder::step(char c)
{
    switch (m_lex) {
    case Lex::Text:
        if (c == '<') {
            m_lex = Lex::TagOpen;
            m_tagOffset = m_offset;
            m_tagLine = m_line;
            m_sawContent = true;
        } else {
            onText(c);
        }
        return;
    case Lex::TagOpen:
        stepTagOpen(c);
        return;
    case Lex::StartName:
        if (!endsName(c)) {
            appendName(c);
            return;
        }
        m_lex = Lex::StartBody;
        m_quote = 0;
        m_slash = false;
        onStartName();
        if (m_doc == Doc::Stopped)
            return;
        stepStartBody(c);
        return;
    case Lex::StartBody:
        stepStartBody(c);
        return;
    case Lex::EndName:
        if (!endsName(c)) {
            appendName(c);
            return;
        }
        m_lex = Lex::EndBody;
        [[fallthrough]];
    case Lex::EndBody:
        if (c == '>') {
            m_lex = Lex::Text;
            onEndTag();
        } else if (c == '<') {
            restartTag();
        }
        return;
    case Lex::Bang:
        stepBang(c);
        return;
    case Lex::Declaration:
        stepDeclaration(c);
        return;
    case Lex::Comment:
    case Lex::CData: {
        // "-->" ends a comment, "]]>" a CDATA section.
        const char closer = m_lex == Lex::Comment ? '-' : ']';
        if (c == closer) {
            ++m_run;
        } else {
            if (c == '>' && m_run >= 2)
                m_lex = Lex::Text;
            m_run = 0;
        }
        return;
    }
    case Lex::Pi:
        if (c == '>' && m_run == 1) {
            m_lex = Lex::Text;
            onPiEnd();
            return;
        }
        m_run = c == '?' ? 1 : 0;
        if (m_markup.size() < kMaxPiBytes)
            m_markup += c;
        return;
    }
}

void XmlDecoder::stepTagOpen(char c)
{
    const bool elementTag =
        c == '/' || !(endsName(c) || c == '!' || c == '?' || c == '=' || c == '"' || c == '\'');
    if (elementTag && (m_doc == Doc::Epilogue || (m_doc == Doc::Prolog && c == '/'))) {
        stopDocument(std::string(m_doc == Doc::Epilogue ? kContentAfterRoot : kNoRoot), m_tagLine,
                     m_tagOffset, std::string("<") + c);
        return;
    }
    m_name.clear();
    m_nameLong = false;
    m_markup.clear();
    m_run = 0;
    switch (c) {
    case '/':
        m_lex = Lex::EndName;
        return;
    case '?':
        m_lex = Lex::Pi;
        return;
    case '!':
        m_lex = Lex::Bang;
        return;
    default:
        break;
    }
    if (elementTag) {
        m_lex = Lex::StartName;
        appendName(c);
        return;
    }
    // A '<' that starts no markup is text (an error that QXmlStreamReader reports inside an order).
    m_lex = Lex::Text;
    if (m_doc == Doc::Prolog) {
        stopDocument(std::string(kTextBeforeRoot), m_tagLine, m_tagOffset, {});
        return;
    }
    step(c); // a second '<' starts a tag; anything else is text
}

void XmlDecoder::stepStartBody(char c)
{
    if (m_quote != 0) {
        if (c == m_quote)
            m_quote = 0;
        else if (c == '<') // never valid in an attribute value: the tag is broken, resynchronise
            restartTag();
        return;
    }
    switch (c) {
    case '"':
    case '\'':
        m_quote = c;
        m_slash = false;
        return;
    case '>':
        m_lex = Lex::Text;
        onStartTagEnd(m_slash);
        return;
    case '<':
        restartTag();
        return;
    case '/':
        m_slash = true;
        return;
    default:
        if (!isSpace(c))
            m_slash = false;
        return;
    }
}

void XmlDecoder::stepBang(char c)
{
    m_markup += c;
    if (m_markup == "--") {
        m_lex = Lex::Comment;
        m_run = 0;
        return;
    }
    if (m_markup == "[CDATA[") {
        m_lex = Lex::CData;
        m_run = 0;
        return;
    }
    if (std::string_view("--").starts_with(m_markup) || std::string_view("[CDATA[").starts_with(m_markup))
        return;
    m_markup.pop_back();
    m_lex = Lex::Declaration;
    m_keywordDone = false;
    stepDeclaration(c);
}

void XmlDecoder::stepDeclaration(char c)
{
    if (!m_keywordDone) {
        const bool delimiter = isSpace(c) || c == '>' || c == '[' || c == '<' || c == '"' || c == '\'';
        if (!delimiter && m_markup.size() < kMaxKeyword) {
            m_markup += c;
            return;
        }
        m_keywordDone = true;
        onDeclaration();
        if (m_doc == Doc::Stopped)
            return;
    }
    // Declarations are never valid where orders are read; skipping to the next '>' (rather than
    // parsing an internal subset) keeps a broken one from hiding the orders after it.
    if (c == '>')
        m_lex = Lex::Text;
}

void XmlDecoder::appendName(char c)
{
    if (m_name.size() < kMaxName)
        m_name += c;
    else
        m_nameLong = true;
}

void XmlDecoder::restartTag()
{
    m_tagIsOrder = false;
    m_tagIsRoot = false;
    m_lex = Lex::TagOpen;
    m_tagOffset = m_offset;
    m_tagLine = m_line;
}

void XmlDecoder::onText(char c)
{
    if (m_doc == Doc::InRoot || isSpace(c))
        return; // text between orders is ignored; inside an order it is captured in bulk
    const auto byte = static_cast<unsigned char>(c);
    if (m_doc == Doc::Prolog) {
        if (m_offset == static_cast<std::int64_t>(m_bomMatched) && m_bomMatched < kBom.size() &&
            byte == kBom[m_bomMatched]) {
            ++m_bomMatched;
            return;
        }
        if (m_offset == 0 && (byte == 0xFE || byte == 0xFF)) {
            stopDocument(unsupportedEncoding("UTF-16"), m_line, m_offset, {});
            return;
        }
        stopDocument(std::string(kTextBeforeRoot), m_line, m_offset, std::string_view(&c, 1));
        return;
    }
    stopDocument(std::string(kContentAfterRoot), m_line, m_offset, std::string_view(&c, 1));
}

void XmlDecoder::onStartName()
{
    if (m_doc == Doc::Prolog) {
        if (!nameIs("orders")) {
            stopDocument(wrongRoot(m_name), m_tagLine, m_tagOffset, "<" + m_name);
            return;
        }
        m_doc = Doc::InRoot;
        m_tagIsRoot = true;
        m_depth = 0;
        return;
    }
    if (!nameIs("order") || (!m_inOrder && m_depth != 0))
        return;
    if (m_inOrder) {
        flushRun(m_pos);
        emitOrder(m_tagOffset - m_orderOffset, kOrderNotClosed);
    }
    // The name just ended at the byte at m_pos, which the order's bulk capture starts with.
    m_inOrder = true;
    m_order.assign("<order");
    m_runStart = m_pos;
    m_orderOffset = m_tagOffset;
    m_orderLine = m_tagLine;
    m_ordersInOrder = 0;
    m_orderHasDtd = false;
    m_tagIsOrder = true;
}

void XmlDecoder::onStartTagEnd(bool selfClosing)
{
    if (m_tagIsOrder) {
        m_tagIsOrder = false;
        if (selfClosing) {
            flushRun(m_pos + 1);
            emitOrder(m_offset + 1 - m_orderOffset, {});
        }
        return;
    }
    if (m_inOrder) {
        if (nameIs("orders") && !selfClosing)
            ++m_ordersInOrder;
        return;
    }
    if (m_tagIsRoot) {
        m_tagIsRoot = false;
        if (selfClosing)
            m_doc = Doc::Epilogue;
        return;
    }
    if (!selfClosing)
        ++m_depth;
}

void XmlDecoder::onEndTag()
{
    if (m_inOrder) {
        if (nameIs("order")) {
            flushRun(m_pos + 1);
            emitOrder(m_offset + 1 - m_orderOffset, {});
        } else if (nameIs("orders")) {
            if (m_ordersInOrder > 0) {
                --m_ordersInOrder;
                return;
            }
            flushRun(m_pos + 1);
            emitOrder(m_tagOffset - m_orderOffset, kOrderCutByRootEnd);
            m_doc = Doc::Epilogue;
        }
        return;
    }
    // Unknown elements may be unbalanced: </orders> closes the document at any depth.
    if (nameIs("orders"))
        m_doc = Doc::Epilogue;
    else if (m_depth > 0)
        --m_depth;
}

void XmlDecoder::onDeclaration()
{
    if (m_markup != "DOCTYPE")
        return; // other declarations exist only inside a DTD; QXmlStreamReader rejects them in an order
    if (m_inOrder)
        m_orderHasDtd = true; // never handed to QXmlStreamReader, which would expand its entities
    else
        stopDocument(std::string(kDtdRefused), m_tagLine, m_tagOffset, "<!DOCTYPE");
}

void XmlDecoder::onPiEnd()
{
    // Only the XML declaration, the very first thing in the document, names an encoding.
    if (m_doc != Doc::Prolog || m_tagOffset != static_cast<std::int64_t>(m_bomMatched))
        return;
    std::string_view text = m_markup;
    if (text.size() < 4 || !text.starts_with("xml") || !isSpace(text[3]))
        return;
    const std::string_view encoding = declaredEncoding(text);
    if (!encoding.empty() && !isUtf8Name(encoding))
        stopDocument(unsupportedEncoding(encoding), m_tagLine, m_tagOffset, "<?" + m_markup + ">");
}

void XmlDecoder::flushRun(std::size_t endInChunk)
{
    if (m_inOrder && endInChunk > m_runStart) {
        const std::size_t room = kMaxRecord + 1 > m_order.size() ? kMaxRecord + 1 - m_order.size() : 0;
        m_order.append(m_chunk.data() + m_runStart, std::min(room, endInChunk - m_runStart));
    }
    m_runStart = endInChunk;
}

void XmlDecoder::emitOrder(std::int64_t size, std::string_view failure)
{
    m_inOrder = false;
    m_tagIsOrder = false;
    const auto bytes = static_cast<std::size_t>(std::max<std::int64_t>(size, 0));
    if (m_order.size() > bytes)
        m_order.resize(bytes); // the bytes of a tag that turned out to belong to what follows
    if (bytes > kMaxRecord) {
        quarantine(tooLongReason(bytes), m_orderLine, m_orderOffset, m_order);
    } else if (!failure.empty()) {
        quarantine(std::string(failure), m_orderLine, m_orderOffset, m_order);
    } else if (m_orderHasDtd) {
        quarantine(std::string(kDtdRefused), m_orderLine, m_orderOffset, m_order);
    } else if (!isValidUtf8(m_order)) {
        quarantine(std::string(reason::kInvalidUtf8), m_orderLine, m_orderOffset, m_order);
    } else if (!m_parser.parse(m_order, m_event)) {
        quarantine(m_parser.reason(), m_orderLine, m_orderOffset, m_order);
    } else if (auto reason = validateEvent(m_event, m_rules)) {
        quarantine(std::move(*reason), m_orderLine, m_orderOffset, m_order);
    } else {
        ++m_accepted;
        if (m_handler)
            m_handler->onEvent(m_event);
    }
    m_order.clear();
}

void XmlDecoder::stopDocument(std::string reason, std::int64_t line, std::int64_t offset,
                              std::string_view raw)
{
    quarantine(std::move(reason), line, offset, raw);
    m_doc = Doc::Stopped;
}

void XmlDecoder::quarantine(std::string reason, std::int64_t line, std::int64_t offset, std::string_view raw)
{
    ++m_quarantined;
    if (!m_handler)
        return;
    QuarantineRecord record;
    record.source = m_source;
    record.line = line;
    record.offset = offset;
    record.reason = std::move(reason);
    record.raw = sanitizeRaw(raw);
    m_handler->onQuarantine(std::move(record));
}

} // namespace op
