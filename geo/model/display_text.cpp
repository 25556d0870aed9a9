#include "geo/model/display_text.hpp"

#include <cstdint>
#include <cstdio>

namespace frontline {
namespace {

// Length of the well-formed UTF-8 sequence at `pos`, or 0.
size_t sequenceLength(std::string_view s, size_t pos) {
  const auto b = [&](size_t i) { return static_cast<unsigned char>(s[i]); };
  const unsigned char c = b(pos);
  if (c < 0x80) return 1;
  size_t n = 0;
  uint32_t cp = 0;
  if ((c & 0xE0) == 0xC0) n = 2, cp = c & 0x1F;
  else if ((c & 0xF0) == 0xE0) n = 3, cp = c & 0x0F;
  else if ((c & 0xF8) == 0xF0) n = 4, cp = c & 0x07;
  else return 0;
  if (pos + n > s.size()) return 0;
  for (size_t i = 1; i < n; ++i) {
    if ((b(pos + i) & 0xC0) != 0x80) return 0;
    cp = (cp << 6) | (b(pos + i) & 0x3F);
  }
  if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000)) return 0;  // overlong
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  // C1 controls (U+0080..U+009F) act on terminals like ESC sequences.
  if (cp >= 0x80 && cp <= 0x9F) return 0;
  return n;
}

void escapeByte(unsigned char c, std::string& out) {
  switch (c) {
    case '\n': out += "\\n"; return;
    case '\r': out += "\\r"; return;
    case '\t': out += "\\t"; return;
    default: {
      char buffer[8];
      std::snprintf(buffer, sizeof buffer, "\\x%02x", c);
      out += buffer;
    }
  }
}

// Appends `text` escaped, at most `maxChars` characters of it; returns false when cut.
bool appendEscaped(std::string_view text, size_t maxChars, std::string& out) {
  size_t chars = 0;
  for (size_t pos = 0; pos < text.size();) {
    if (chars == maxChars) return false;
    const size_t n = sequenceLength(text, pos);
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (n == 0 || c < 0x20 || c == 0x7F) {
      escapeByte(c, out);
      pos += 1;
    } else {
      out.append(text.substr(pos, n));
      pos += n;
    }
    ++chars;
  }
  return true;
}

}  // namespace

std::string displayText(std::string_view text, size_t maxChars) {
  std::string out;
  out.reserve(text.size() < maxChars * 4 ? text.size() : maxChars * 4);
  if (!appendEscaped(text, maxChars, out)) out += "...";
  return out;
}

std::string safeMessage(std::string_view message) {
  std::string out;
  out.reserve(message.size() < kMessageChars ? message.size() : kMessageChars);
  // Quoted segments ('...') are input values: each is cut on its own, so the words around them
  // survive.
  size_t pos = 0;
  while (pos < message.size()) {
    const size_t open = message.find('\'', pos);
    if (open == std::string_view::npos) {
      if (!appendEscaped(message.substr(pos), kMessageChars, out)) out += "...";
      break;
    }
    appendEscaped(message.substr(pos, open + 1 - pos), kMessageChars, out);
    const size_t close = message.find('\'', open + 1);
    const std::string_view inner = message.substr(open + 1, close == std::string_view::npos ? std::string_view::npos
                                                                                             : close - open - 1);
    if (!appendEscaped(inner, kQuotedChars, out)) out += "...";
    if (close == std::string_view::npos) break;
    out += '\'';
    pos = close + 1;
  }
  if (out.size() > kMessageChars * 2) {
    // Many quoted values: keep the start (cut on a character boundary).
    size_t cut = kMessageChars * 2;
    while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
    out.resize(cut);
    out += "...";
  }
  return out;
}

std::string toValidUtf8(std::string_view text) {
  if (isWellFormedUtf8(text)) return std::string(text);
  std::string out;
  out.reserve(text.size() + 8);
  for (size_t pos = 0; pos < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    size_t n = c < 0x80 ? 1 : sequenceLength(text, pos);
    if (n == 0 && c == 0xC2 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[pos + 1]) <= 0x9F)
      n = 2;  // a C1 control: valid UTF-8
    if (n == 0) {
      out += "\xEF\xBF\xBD";
      ++pos;
    } else {
      out.append(text.substr(pos, n));
      pos += n;
    }
  }
  return out;
}

bool isWellFormedUtf8(std::string_view text) {
  for (size_t pos = 0; pos < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[pos]);
    if (c < 0x80) {
      ++pos;
      continue;
    }
    // C1 controls are valid UTF-8; only the display check refuses them.
    if (c == 0xC2 && pos + 1 < text.size() && static_cast<unsigned char>(text[pos + 1]) >= 0x80 &&
        static_cast<unsigned char>(text[pos + 1]) <= 0x9F) {
      pos += 2;
      continue;
    }
    const size_t n = sequenceLength(text, pos);
    if (n == 0) return false;
    pos += n;
  }
  return true;
}

}  // namespace frontline
