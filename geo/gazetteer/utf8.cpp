#include "geo/gazetteer/utf8.hpp"

#include <cstdint>

namespace frontline {

namespace {

// Decodes the code point at `pos` and moves past it; false (pos unchanged) for a malformed,
// overlong, surrogate or truncated sequence.
bool decodeOne(std::string_view text, size_t& pos, char32_t& out) {
  const auto c = static_cast<uint8_t>(text[pos]);
  if (c < 0x80) {
    out = c;
    ++pos;
    return true;
  }
  int extra = 0;
  char32_t cp = 0;
  if ((c & 0xE0) == 0xC0) {
    extra = 1;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    extra = 2;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    extra = 3;
    cp = c & 0x07;
  } else {
    return false;
  }
  if (pos + static_cast<size_t>(extra) >= text.size()) return false;
  for (int k = 1; k <= extra; ++k) {
    const auto cc = static_cast<uint8_t>(text[pos + static_cast<size_t>(k)]);
    if ((cc & 0xC0) != 0x80) return false;
    cp = (cp << 6) | (cc & 0x3F);
  }
  const char32_t minimum = extra == 1 ? 0x80 : extra == 2 ? 0x800 : 0x10000;
  if (cp < minimum || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
  pos += static_cast<size_t>(extra) + 1;
  out = cp;
  return true;
}

}  // namespace

bool isValidUtf8(std::string_view text) {
  size_t pos = 0;
  char32_t cp = 0;
  while (pos < text.size())
    if (!decodeOne(text, pos, cp)) return false;
  return true;
}

char32_t decodeUtf8(std::string_view text, size_t& pos) {
  char32_t cp = 0;
  if (decodeOne(text, pos, cp)) return cp;
  ++pos;  // skip one byte of a bad sequence
  return 0xFFFD;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

}  // namespace frontline
