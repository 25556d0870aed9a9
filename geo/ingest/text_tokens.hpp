// Words and punctuation of report text with byte offsets, and sentence boundaries.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace frontline::ingest {

struct Token {
  size_t begin = 0, end = 0;  // byte offsets in the text
  std::string lower;          // ASCII lower case ("state", "-held" for a split suffix)
  bool capitalised = false;   // "Rawa", "al-Qaim", "ISIS"
  bool allCaps = false;       // "ISIS", "SDF"
  bool punct = false;         // , ; : ( ) quotes dashes
  bool number = false;
};

// Tokens of text[begin, end). A hyphenated word whose last part is held/controlled/backed/led/...
// is split so that "Islamic State-held" gives "Islamic", "State", "-held".
std::vector<Token> tokenize(std::string_view text, size_t begin, size_t end);

// A headline line: short, no sentence-final punctuation, most of its longer words capitalised
// ("Russian Forces Seize Control of Vuhledar").
bool looksLikeHeadline(std::string_view line);

}  // namespace frontline::ingest
