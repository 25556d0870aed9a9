#include "geo/gazetteer/latin_fold.hpp"

#include <string_view>

#include "geo/gazetteer/utf8.hpp"

namespace frontline {
namespace {

// U+00C0..U+00FF; '*' marks the letters that fold to two characters, '-' a separator (× ÷).
constexpr std::string_view kLatin1 =
    "aaaaaa*ceeeeiiiidnooooo-ouuuuy*s"   // C0..DF (Æ, Þ are '*')
    "aaaaaa*ceeeeiiiidnooooo-ouuuuy*y";  // E0..FF (æ, þ are '*')
static_assert(kLatin1.size() == 0x40);

// U+0100..U+017F, one letter each; Ĳ ĳ Œ œ Ş ş are '*'. Ş is "sh" as in Turkish and Kurdish
// (Şingal = Shingal); GeoNames' Arabic romanisations that use ş for ص also carry an ASCII name.
constexpr std::string_view kLatinExtA =
    "aaaaaa"      // 0100 Ā ā Ă ă Ą ą
    "cccccccc"    // 0106 Ć ć Ĉ ĉ Ċ ċ Č č
    "dddd"        // 010E Ď ď Đ đ
    "eeeeeeeeee"  // 0112 Ē ē Ĕ ĕ Ė ė Ę ę Ě ě
    "gggggggg"    // 011C Ĝ ĝ Ğ ğ Ġ ġ Ģ ģ
    "hhhh"        // 0124 Ĥ ĥ Ħ ħ
    "iiiiiiiiii"  // 0128 Ĩ ĩ Ī ī Ĭ ĭ Į į İ ı
    "**"          // 0132 Ĳ ĳ
    "jj"          // 0134 Ĵ ĵ
    "kkk"         // 0136 Ķ ķ ĸ
    "llllllllll"  // 0139 Ĺ ĺ Ļ ļ Ľ ľ Ŀ ŀ Ł ł
    "nnnnnnnnn"   // 0143 Ń ń Ņ ņ Ň ň ŉ Ŋ ŋ
    "oooooo"      // 014C Ō ō Ŏ ŏ Ő ő
    "**"          // 0152 Œ œ
    "rrrrrr"      // 0154 Ŕ ŕ Ŗ ŗ Ř ř
    "ssss**ss"    // 015A Ś ś Ŝ ŝ Ş ş Š š (Ş ş are '*': sh)
    "tttttt"      // 0162 Ţ ţ Ť ť Ŧ ŧ
    "uuuuuuuuuuuu"  // 0168 Ũ ũ Ū ū Ŭ ŭ Ů ů Ű ű Ų ų
    "ww"          // 0174 Ŵ ŵ
    "yyy"         // 0176 Ŷ ŷ Ÿ
    "zzzzzz"      // 0179 Ź ź Ż ż Ž ž
    "s";          // 017F ſ
static_assert(kLatinExtA.size() == 0x80);

// U+1E00..U+1E95 in upper/lower pairs (Ḁḁ, Ḃḃ, ... Ḥḥ, Ḩḩ, Ṣṣ, Ṭṭ, Ẓẓ ...), one letter per pair.
constexpr std::string_view kLatinExtAdditional =
    "abbbcdddddeeeeefghhhhhiikkkllllmmmnnnnoooopprrrrssssstttt"
    "uuuuuvvwwwwwxxyzzz";
static_assert(kLatinExtAdditional.size() == 0x96 / 2);

char latinExtB(char32_t cp) {  // U+0180..U+024F, the letters that occur in transliterations
  if (cp >= 0x01CD && cp <= 0x01DC) {  // Ǎǎ Ǐǐ Ǒǒ Ǔǔ Ǖǖ Ǘǘ Ǚǚ Ǜǜ
    static constexpr std::string_view k = "aaiioouuuuuuuuuu";
    static_assert(k.size() == 0x01DC - 0x01CD + 1);
    return k[cp - 0x01CD];
  }
  if (cp >= 0x0200 && cp <= 0x0217) return "aaaaeeeeiiiioooorrrruuuu"[cp - 0x0200];  // Ȁ..ȗ
  switch (cp) {
    case 0x0180: case 0x0181: case 0x0182: case 0x0183: return 'b';
    case 0x0187: case 0x0188: return 'c';
    case 0x0189: case 0x018A: case 0x018B: case 0x018C: return 'd';
    case 0x018E: case 0x018F: case 0x0190: case 0x01DD: return 'e';
    case 0x0191: case 0x0192: return 'f';
    case 0x0193: case 0x01E4: case 0x01E5: case 0x01E6: case 0x01E7: case 0x01F4: case 0x01F5: return 'g';
    case 0x0197: case 0x0196: return 'i';
    case 0x0198: case 0x0199: case 0x01E8: case 0x01E9: return 'k';
    case 0x019A: return 'l';
    case 0x019D: case 0x019E: case 0x01F8: case 0x01F9: return 'n';
    case 0x019F: case 0x01A0: case 0x01A1: case 0x01EA: case 0x01EB: case 0x01EC: case 0x01ED: case 0x01FE:
    case 0x01FF: case 0x022A: case 0x022B: case 0x022C: case 0x022D: case 0x022E: case 0x022F: case 0x0230:
    case 0x0231: return 'o';
    case 0x01AF: case 0x01B0: return 'u';
    case 0x01B3: case 0x01B4: case 0x0232: case 0x0233: return 'y';
    case 0x01B5: case 0x01B6: return 'z';
    case 0x01DE: case 0x01DF: case 0x01E0: case 0x01E1: case 0x01FA: case 0x01FB: case 0x0226: case 0x0227:
      return 'a';
    case 0x01F0: return 'j';
    case 0x0218: case 0x0219: return 's';
    case 0x021A: case 0x021B: return 't';
    case 0x021E: case 0x021F: return 'h';
    case 0x0228: case 0x0229: return 'e';
    default: return 0;
  }
}

// Arabic: unify hamza seats and final forms so that vocalised and plain spellings compare equal.
char32_t arabicBase(char32_t cp) {
  switch (cp) {
    case 0x0622: case 0x0623: case 0x0625: case 0x0671: return 0x0627;  // آ أ إ ٱ → ا
    case 0x0629: return 0x0647;                                          // ة → ه
    case 0x0649: case 0x06CC: return 0x064A;                             // ى ی → ي
    case 0x06A9: return 0x0643;                                          // ک → ك
    default: return cp;
  }
}

bool isSeparator(char32_t cp) {
  if (cp < 0x80) {
    // Letters and digits are handled before; apostrophes and backticks are dropped.
    return cp != '\'' && cp != '`';
  }
  return cp == 0x00A0 || cp == 0x00AB || cp == 0x00BB || cp == 0x00B7 || cp == 0x00D7 || cp == 0x00F7 ||
         (cp >= 0x2000 && cp <= 0x200B) || (cp >= 0x2010 && cp <= 0x2015) ||  // spaces, hyphens, dashes
         (cp >= 0x201C && cp <= 0x201F) || cp == 0x2026 || cp == 0x202F || cp == 0x2212 || cp == 0x3000 ||
         cp == 0x060C || cp == 0x061B || cp == 0x061F;  // Arabic comma, semicolon, question mark
}

bool isDroppedMark(char32_t cp) {
  return cp == '\'' || cp == '`' || cp == 0x00B4 || cp == 0x00A8 ||  // ' ` ´ ¨
         (cp >= 0x02B0 && cp <= 0x02FF) ||                            // ʿ ʾ ʻ ʼ ˈ and other modifier letters
         (cp >= 0x0300 && cp <= 0x036F) ||                            // combining accents
         cp == 0x2018 || cp == 0x2019 || cp == 0x201A || cp == 0x201B || cp == 0x2032 || cp == 0x2035 ||
         cp == 0x200C || cp == 0x200D || cp == 0x200E || cp == 0x200F || cp == 0xFEFF ||  // joiners, marks
         (cp >= 0x064B && cp <= 0x065F) || cp == 0x0670 || cp == 0x0640 ||  // Arabic vowel signs, tatweel
         cp == 0x0621;  // a lone hamza: written or not, as the Latin ʾ is
}

void appendLatin1(char32_t cp, std::string& out) {
  switch (cp) {
    case 0xC6: case 0xE6: out += "ae"; return;
    case 0xDE: case 0xFE: out += "th"; return;
    case 0xDF: out += "ss"; return;
    case 0xC7: case 0xE7: out += "ch"; return;  // ç: Turkish and Kurdish "ch" (Akçakale)
    default: out.push_back(kLatin1[cp - 0xC0]); return;
  }
}

}  // namespace

FoldClass foldCodePoint(char32_t cp, std::string& out) {
  if (cp < 0x80) {
    const char c = static_cast<char>(cp);
    if (c >= 'a' && c <= 'z') {
      out.push_back(c);
      return FoldClass::Kept;
    }
    if (c >= 'A' && c <= 'Z') {
      out.push_back(static_cast<char>(c - 'A' + 'a'));
      return FoldClass::Kept;
    }
    if (c >= '0' && c <= '9') {
      out.push_back(c);
      return FoldClass::Kept;
    }
    return isSeparator(cp) ? FoldClass::Separator : FoldClass::Dropped;
  }
  if (isDroppedMark(cp)) return FoldClass::Dropped;
  if (isSeparator(cp)) return FoldClass::Separator;
  if (cp >= 0xC0 && cp <= 0xFF) {
    if (kLatin1[cp - 0xC0] == '-') return FoldClass::Separator;
    appendLatin1(cp, out);
    return FoldClass::Kept;
  }
  if (cp >= 0x0100 && cp <= 0x017F) {
    const char c = kLatinExtA[cp - 0x0100];
    if (c == '*') out += cp <= 0x0133 ? "ij" : cp <= 0x0153 ? "oe" : "sh";
    else out.push_back(c);
    return FoldClass::Kept;
  }
  if (cp >= 0x0180 && cp <= 0x024F) {
    if (const char c = latinExtB(cp)) {
      out.push_back(c);
      return FoldClass::Kept;
    }
  }
  if (cp == 0x0259 || cp == 0x025B) {  // ə ɛ (Azeri, Kurdish transcriptions)
    out.push_back('e');
    return FoldClass::Kept;
  }
  if (cp >= 0x1E00 && cp < 0x1E96) {
    out.push_back(kLatinExtAdditional[(cp - 0x1E00) / 2]);
    return FoldClass::Kept;
  }
  if (cp == 0x1E9E) {  // ẞ
    out += "ss";
    return FoldClass::Kept;
  }
  if (cp >= 0x1EA0 && cp <= 0x1EF9) {  // Vietnamese: Ạ..ỹ
    out.push_back(cp <= 0x1EB7 ? 'a' : cp <= 0x1EC7 ? 'e' : cp <= 0x1ECB ? 'i' : cp <= 0x1EE3 ? 'o'
                  : cp <= 0x1EF1 ? 'u' : 'y');
    return FoldClass::Kept;
  }
  if (cp >= 0x0391 && cp <= 0x03A9) cp += 0x20;                // Greek capitals
  else if (cp >= 0x0410 && cp <= 0x042F) cp += 0x20;           // Cyrillic capitals
  else if (cp >= 0x0400 && cp <= 0x040F) cp += 0x50;           // Ѐ..Џ (Є, І, Ї among them)
  else if (cp == 0x0490) cp = 0x0491;                          // Ґ
  else if (cp >= 0x0600 && cp <= 0x06FF) cp = arabicBase(cp);  // Arabic
  appendUtf8(out, cp);
  return FoldClass::Kept;
}

}  // namespace frontline
