// Folds one Unicode code point for name matching: Latin letters lose case and diacritics
// (ā→a, Ḩ→h, ş→s, ß→ss), apostrophes and ayn/hamza marks vanish, dashes and punctuation separate words.
#pragma once

#include <string>

namespace frontline {

enum class FoldClass {
  Kept,       // something was appended to the output (a letter or digit, folded)
  Separator,  // a word boundary: space, hyphen, dash, punctuation
  Dropped,    // nothing: apostrophes, ayn/hamza marks (‘ ’ ʿ ʾ `), combining accents, Arabic vowel signs
};

// Appends the folded form of `cp` to `out` and says what kind of code point it was.
// Latin letters become lowercase ASCII. Arabic letters are unified where spellings differ only in
// hamza seats or final forms (أ إ آ ٱ → ا, ة → ه, ى → ي); other scripts are kept, lowercased where
// simple (Greek, Cyrillic).
FoldClass foldCodePoint(char32_t cp, std::string& out);

}  // namespace frontline
