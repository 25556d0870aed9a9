// Text from input files and arguments, made safe to print: control characters and invalid UTF-8
// are escaped (\n, \t, \x1b) so they cannot move the cursor or recolour a terminal, and long
// values are cut, so a 100 KB cell cannot flood a message. Every message goes through it.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace frontline {

// How many characters of an input value a message quotes.
inline constexpr size_t kQuotedChars = 80;
// The longest message line printed, in characters.
inline constexpr size_t kMessageChars = 600;

// `text` with control characters and invalid UTF-8 bytes escaped, cut to `maxChars` code points
// (then ending in "...").
std::string displayText(std::string_view text, size_t maxChars = kQuotedChars);

// A message made safe as a whole: escaped, every '...'-quoted segment cut to kQuotedChars and the
// whole to kMessageChars. Applied by makeError, Error::message and DatasetIssue.
std::string safeMessage(std::string_view message);

// `text` with every invalid UTF-8 sequence replaced by U+FFFD, for formats that require UTF-8
// (GeoJSON).
std::string toValidUtf8(std::string_view text);

// Whether `text` is well-formed UTF-8 (no overlongs, no surrogates).
bool isWellFormedUtf8(std::string_view text);

}  // namespace frontline
