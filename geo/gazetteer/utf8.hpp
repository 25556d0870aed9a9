// UTF-8 validity checks for text read from data files.
#pragma once

#include <string>
#include <string_view>

namespace frontline {

// True when text is well-formed UTF-8 (no overlongs, surrogates or truncated sequences).
bool isValidUtf8(std::string_view text);

// Decodes the code point starting at text[pos] and advances pos past it. An ill-formed sequence
// yields U+FFFD and advances one byte, so callers always make progress.
char32_t decodeUtf8(std::string_view text, size_t& pos);

// Appends the UTF-8 encoding of a code point (U+FFFD for surrogates and values past U+10FFFF).
void appendUtf8(std::string& out, char32_t cp);

}  // namespace frontline
