#include "geo/ingest/text_tokens.hpp"

#include <array>
#include <cctype>

#include "geo/gazetteer/utf8.hpp"
#include "geo/ingest/ingest.hpp"

namespace frontline::ingest {
namespace {

bool asciiAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

// Code points that separate words although they are not ASCII: dashes, quotes, spaces, bullets.
bool separatorCodePoint(char32_t cp) {
  return (cp >= 0x2000 && cp <= 0x206F && cp != 0x2018 && cp != 0x2019) || cp == 0x00A0 || cp == 0x00AB ||
         cp == 0x00BB || cp == 0x00B7 || cp == 0xFEFF || cp == 0x3000 || cp == 0xFFFD;
}

// Length of the word character at text[i], 0 if it is not one.
size_t wordChar(std::string_view text, size_t i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) return asciiAlnum(text[i]) ? 1 : 0;
  size_t pos = i;
  const char32_t cp = decodeUtf8(text, pos);
  if (separatorCodePoint(cp)) return 0;
  return pos - i;
}

// Apostrophes that may sit inside a word (al-Qa'im, Tall ‘Afar, didn't).
size_t apostrophe(std::string_view text, size_t i) {
  if (text[i] == '\'' || text[i] == '-') return 1;
  if (text.compare(i, 3, "\xE2\x80\x99") == 0 || text.compare(i, 3, "\xE2\x80\x98") == 0) return 3;
  if (text.compare(i, 2, "\xCA\xBC") == 0 || text.compare(i, 2, "\xCA\xBF") == 0 || text.compare(i, 2, "\xCA\xBE") == 0)
    return 2;
  return 0;
}

bool splitSuffix(std::string_view lower) {
  static const std::array<std::string_view, 9> suffixes{"held", "controlled", "backed", "led", "run",
                                                        "allied", "linked", "aligned", "occupied"};
  for (std::string_view s : suffixes)
    if (lower == s) return true;
  return false;
}

void finish(std::string_view text, Token& t) {
  const std::string_view s = text.substr(t.begin, t.end - t.begin);
  t.lower.assign(s);
  bool upper = true, anyLetter = false;
  for (char& c : t.lower) {
    if (std::isalpha(static_cast<unsigned char>(c))) {
      anyLetter = true;
      if (!std::isupper(static_cast<unsigned char>(c))) upper = false;
    }
    c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  t.number = !s.empty() && std::isdigit(static_cast<unsigned char>(s[0]));
  t.allCaps = anyLetter && upper && s.size() >= 2;
  const auto first = static_cast<unsigned char>(s.empty() ? 0 : s[0]);
  if (std::isupper(first)) {
    t.capitalised = true;
  } else if (first >= 0xC0) {
    // A non-ASCII first letter: capitalised when lower-casing is not possible to tell; treat
    // Latin-1 capitals (U+00C0..U+00DE) and the Latin Extended capitals with even code points as such.
    size_t pos = 0;
    const char32_t cp = decodeUtf8(s, pos);
    t.capitalised = (cp >= 0xC0 && cp <= 0xDE) || (cp >= 0x100 && cp < 0x180 && cp % 2 == 0) ||
                    (cp >= 0x400 && cp < 0x430);
  } else if (first >= 'a' && first <= 'z') {
    // Arabic article prefixes: al-Qaim, ad-Dawr, ash-Shaddadi, el-Zour, ez-Zor
    const size_t sep = t.lower.find_first_of("-'");
    if (sep != std::string::npos && sep >= 1 && sep <= 3 && sep + 1 < s.size() &&
        std::isupper(static_cast<unsigned char>(s[sep + 1])))
      t.capitalised = true;
    const size_t curly = s.find("\xE2\x80\x99");
    if (curly != std::string::npos && curly <= 3 && curly + 3 < s.size() &&
        std::isupper(static_cast<unsigned char>(s[curly + 3])))
      t.capitalised = true;
  }
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, size_t begin, size_t end) {
  std::vector<Token> out;
  size_t i = begin;
  while (i < end) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (std::isspace(c)) {
      ++i;
      continue;
    }
    size_t w = wordChar(text, i);
    if (w == 0) {
      // punctuation: one character (a whole UTF-8 sequence)
      size_t pos = i;
      const char32_t cp = c < 0x80 ? static_cast<char32_t>(c) : decodeUtf8(text, pos);
      const size_t next = c < 0x80 ? i + 1 : pos;
      if (cp == 0x00A0 || cp == 0xFEFF || (cp >= 0x2000 && cp <= 0x200B)) {
        i = next;
        continue;
      }
      Token t;
      t.begin = i;
      t.end = next;
      t.punct = true;
      t.lower.assign(text.substr(i, next - i));
      out.push_back(std::move(t));
      i = next;
      continue;
    }
    Token t;
    t.begin = i;
    size_t j = i + w;
    size_t lastPart = i;
    while (j < end) {
      if (const size_t wc = wordChar(text, j)) {
        j += wc;
        continue;
      }
      const size_t ap = apostrophe(text, j);
      if (ap && j + ap < end && wordChar(text, j + ap)) {
        if (text[j] == '-') lastPart = j + 1;
        j += ap;
        continue;
      }
      // U.S. / U.N.: a dot between single capitals
      if (text[j] == '.' && j + 1 < end && std::isupper(static_cast<unsigned char>(text[j + 1])) && j >= 1 &&
          std::isupper(static_cast<unsigned char>(text[j - 1])) && (j - 1 == t.begin || text[j - 2] == '.') &&
          (j + 2 >= end || !asciiAlnum(text[j + 2]))) {
        j += 1;
        continue;
      }
      break;
    }
    t.end = j;
    // possessive: "Russia's", "Mosul’s" -> "Russia" + "'s"
    size_t possessive = 0;
    if (j - i > 3 && (text[j - 1] == 's' || text[j - 1] == 'S')) {
      if (text[j - 2] == '\'') possessive = 2;
      else if (j - i > 5 && text.compare(j - 4, 3, "\xE2\x80\x99") == 0) possessive = 4;
    }
    if (possessive) {
      t.end = j - possessive;
      finish(text, t);
      out.push_back(std::move(t));
      Token s;
      s.begin = j - possessive;
      s.end = j;
      s.lower = "'s";
      out.push_back(std::move(s));
      i = j;
      continue;
    }
    if (lastPart > i) {
      std::string suffix(text.substr(lastPart, j - lastPart));
      for (char& ch : suffix) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      if (splitSuffix(suffix)) {
        t.end = lastPart - 1;
        finish(text, t);
        out.push_back(std::move(t));
        Token s;
        s.begin = lastPart - 1;
        s.end = j;
        s.lower = "-" + suffix;
        out.push_back(std::move(s));
        i = j;
        continue;
      }
    }
    finish(text, t);
    out.push_back(std::move(t));
    i = j;
  }
  return out;
}

bool looksLikeHeadline(std::string_view line) {
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.back()))) line.remove_suffix(1);
  while (!line.empty() && std::isspace(static_cast<unsigned char>(line.front()))) line.remove_prefix(1);
  if (line.empty() || line.size() > 150) return false;
  const char last = line.back();
  if (last == '.' || last == '!' || last == '?' || last == ',' || last == ';' || last == ':') return false;
  size_t words = 0, capitals = 0;
  for (size_t i = 0; i < line.size();) {
    while (i < line.size() && line[i] == ' ') ++i;
    size_t j = i;
    while (j < line.size() && line[j] != ' ') ++j;
    if (j - i >= 4) {
      ++words;
      capitals += std::isupper(static_cast<unsigned char>(line[i])) != 0;
    }
    i = j;
  }
  return words >= 2 && capitals * 3 >= words * 2;
}

std::vector<std::pair<size_t, size_t>> splitSentences(std::string_view text) {
  static const std::array<std::string_view, 34> abbreviations{
      "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mr", "mrs", "ms", "dr", "gen",
      "lt", "col", "maj", "capt", "sgt", "st", "jr", "no", "vs", "u.s", "u.n", "e.g", "i.e", "brig", "rep", "sen", "gov"};
  constexpr size_t kMaxSentence = 1500;  // a text without punctuation is cut into pieces of this size
  std::vector<std::pair<size_t, size_t>> out;
  size_t start = 0;
  auto push = [&](size_t b, size_t e) {
    while (b < e && std::isspace(static_cast<unsigned char>(text[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(text[e - 1]))) --e;
    if (e > b) out.emplace_back(b, e);
  };
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == '\n') {
      // a blank line ends a paragraph (and a sentence); so does a line ending without punctuation
      size_t j = i + 1;
      while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r')) ++j;
      if (j < text.size() && text[j] == '\n') {
        push(start, i);
        start = j;
        i = j;
        continue;
      }
      // a headline on its own line, the story right after it
      if (j < text.size() && std::isupper(static_cast<unsigned char>(text[j])) && looksLikeHeadline(text.substr(start, i - start))) {
        push(start, i);
        start = j;
        i = j - 1;
        continue;
      }
    }
    if (i - start > kMaxSentence && std::isspace(static_cast<unsigned char>(c))) {
      push(start, i);
      start = i + 1;
      continue;
    }
    if (c != '.' && c != '!' && c != '?') continue;
    size_t j = i + 1;
    while (j < text.size() && (text[j] == '"' || text[j] == '\'' || text[j] == ')')) ++j;
    if (j < text.size() && text.compare(j, 3, "\xE2\x80\x9D") == 0) j += 3;
    if (j < text.size() && !std::isspace(static_cast<unsigned char>(text[j]))) continue;
    size_t k = j;
    while (k < text.size() && std::isspace(static_cast<unsigned char>(text[k]))) ++k;
    if (k < text.size()) {
      const auto n = static_cast<unsigned char>(text[k]);
      if (!(std::isupper(n) || std::isdigit(n) || n == '"' || n == '\'' || n >= 0x80 || n == '(')) continue;
    }
    if (c == '.') {
      size_t w = i;
      while (w > start && (std::isalpha(static_cast<unsigned char>(text[w - 1])) || text[w - 1] == '.')) --w;
      std::string word(text.substr(w, i - w));
      for (char& ch : word) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      bool abbreviation = word.size() == 1 && std::isupper(static_cast<unsigned char>(text[w]));
      for (std::string_view a : abbreviations)
        if (word == a) abbreviation = true;
      // "Nov. 17" continues the sentence; "in the U.S. The" ends it only before a capital word.
      if (abbreviation && !(word == "u.s" && k < text.size() && std::isupper(static_cast<unsigned char>(text[k])) &&
                            k + 1 < text.size() && std::islower(static_cast<unsigned char>(text[k + 1]))))
        continue;
    }
    push(start, j);
    start = j;
    i = j - 1;
  }
  push(start, text.size());
  return out;
}

}  // namespace frontline::ingest
