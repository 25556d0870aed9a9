#include "geo/gazetteer/normalize.hpp"

#include <algorithm>
#include <array>

#include "geo/gazetteer/latin_fold.hpp"
#include "geo/gazetteer/utf8.hpp"

namespace frontline {
namespace {

bool isVowelLetter(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; }

bool isAscii(std::string_view word) {
  return std::all_of(word.begin(), word.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
}

// Words that transliterations spell differently at the start of a name and that matter less than
// the rest of it: Albu Kamal / Abu Kamal / Bu Kamal / Al-Bu Kamal; Tall 'Afar / Tal Afar / Tel Afar.
std::string_view canonicalLeadWord(std::string_view word) {
  static constexpr std::array<std::string_view, 8> kBu = {"albu", "abu", "abou", "abo", "aboo", "bou", "bu", "ebu"};
  static constexpr std::array<std::string_view, 5> kTal = {"tal", "tall", "tel", "tell", "til"};
  if (std::find(kBu.begin(), kBu.end(), word) != kBu.end()) return "bu";
  if (std::find(kTal.begin(), kTal.end(), word) != kTal.end()) return "tal";
  return word;
}

// Words spelled differently anywhere in a name.
std::string_view canonicalWord(std::string_view word) {
  static constexpr std::array<std::string_view, 6> kJabal = {"jabal", "jebel", "jbel", "djebel", "gebel", "jabel"};
  static constexpr std::array<std::string_view, 3> kSheikh = {"sheik", "shaik", "shek"};
  if (std::find(kJabal.begin(), kJabal.end(), word) != kJabal.end()) return "jabal";
  if (std::find(kSheikh.begin(), kSheikh.end(), word) != kSheikh.end()) return "sheikh";
  return word;
}

}  // namespace

// Ukrainian or Russian in Cyrillic -> the Latin letters reports use (national 2010 / BGN-PCGN
// style), so that Харків and Kharkiv, Харьков and Kharkov get one phonetic key. The letters і ї є ґ
// mark Ukrainian: г is h and и is y there, g and i in Russian. Soft and hard signs vanish. Empty
// when the word holds anything but lowercase Cyrillic letters (foldName lowercases them).
std::string cyrillicToLatin(std::string_view word) {
  std::u32string letters;
  for (size_t pos = 0; pos < word.size();) letters.push_back(decodeUtf8(word, pos));
  const bool ukrainian = std::any_of(letters.begin(), letters.end(), [](char32_t c) {
    return c == 0x0456 || c == 0x0457 || c == 0x0454 || c == 0x0491;
  });
  std::string out;
  for (const char32_t c : letters) {
    if (c >= 0x0430 && c <= 0x044F) {
      static constexpr std::array<std::string_view, 32> kRussian = {
          "a", "b", "v", "g", "d", "e", "zh", "z", "i", "y", "k", "l", "m", "n", "o", "p",
          "r", "s", "t", "u", "f", "kh", "ts", "ch", "sh", "shch", "", "y", "", "e", "yu", "ya"};
      std::string_view latin = kRussian[c - 0x0430];
      if (ukrainian && c == 0x0433) latin = "h";  // г
      if (ukrainian && c == 0x0438) latin = "y";  // и
      out += latin;
      continue;
    }
    switch (c) {
      case 0x0456: out += 'i'; break;    // і
      case 0x0457: out += "yi"; break;   // ї
      case 0x0454: out += "ye"; break;   // є
      case 0x0491: out += 'g'; break;    // ґ
      case 0x0451: out += "yo"; break;   // ё
      default: return {};
    }
  }
  return out;
}

namespace {

class PhoneticWriter {
 public:
  explicit PhoneticWriter(std::string& out) : out_(out) {}

  void word(std::string_view w) {
    size_t n = w.size();
    if (n > 2 && w[n - 1] == 'h' && isVowelLetter(w[n - 2])) --n;  // ta marbuta: Raqqah = Raqqa
    w = w.substr(0, n);
    size_t i = 0;
    while (i < n) {
      if (isVowelLetter(w[i]) || isGlide(w, i)) {
        const size_t start = i;
        while (i < n && (isVowelLetter(w[i]) || isGlide(w, i))) ++i;
        emit(vowelClass(w.substr(start, i - start)));
        continue;
      }
      const char c = w[i];
      const char next = i + 1 < n ? w[i + 1] : '\0';
      i += consonant(c, next, i + 2 < n ? w[i + 2] : '\0');
    }
  }

 private:
  // One symbol for a run of vowels: u for o/u/w (Zour, Zawr, Zor), i for a long i (ee, ie, ii: Heet,
  // Mayadeen), e for a diphthong or an e (ei, ay, ai: Deir, Dayr; Telafer), else i or a. The e class
  // sits between a and i because English and French spellings write both fatha and kasra as e.
  static char vowelClass(std::string_view run) {
    bool a = false, e = false, i = false;
    for (const char c : run) {
      if (c == 'o' || c == 'u' || c == 'w') return 'u';
      a = a || c == 'a';
      e = e || c == 'e';
      i = i || c == 'i' || c == 'y';
    }
    if (run == "ee" || run == "ie" || run == "ii" || run == "iy") return 'i';
    if (e || (a && i)) return 'e';
    return i ? 'i' : 'a';
  }

  // y and w are vowels when they close a diphthong (Dayr, Zawr) or stand between consonants;
  // before a vowel, or doubled, they are consonants (Mayadin, Rawah, Qayyarah).
  static bool isGlide(std::string_view w, size_t i) {
    const char c = w[i];
    if (c != 'y' && c != 'w') return false;
    if (i + 1 >= w.size()) return i > 0;
    const char next = w[i + 1];
    return !isVowelLetter(next) && next != c;
  }

  // Emits the symbol for the consonant at c and returns how many letters it used.
  size_t consonant(char c, char next, char afterNext) {
    if (next == 'h') {
      switch (c) {
        case 's': case 'c': emit('S'); return 2;  // sh, ch (French)
        case 'k': emit('h'); return 2;            // kh
        case 'g': emit('k'); return 2;            // gh
        case 'd': case 't': emit('z'); return 2;  // dh, th
        case 'z': emit('j'); return 2;            // zh
        case 'p': emit('f'); return 2;            // ph
        default: break;
      }
    }
    if (c == 's' && next == 'c' && afterNext == 'h') {  // sch (German)
      emit('S');
      return 3;
    }
    if ((c == 'd' && next == 'j') || (c == 'c' && next == 'k')) {
      emit(c == 'd' ? 'j' : 'k');
      return 2;
    }
    switch (c) {
      case 'q': case 'g': emit('k'); break;
      case 'c': emit('c'); break;  // k (Raca), j (Kurdish Celewla) or s: close to each, equal to none
      case 'x': emit('h'); break;
      case 'v': emit('w'); break;
      case 'p': emit('b'); break;
      default: emit(c); break;
    }
    return 1;
  }

  void emit(char symbol) {
    if (out_.empty() || out_.back() != symbol) out_.push_back(symbol);
  }

  std::string& out_;
};

double indelCost(char c) {
  if (isPhoneticVowel(c)) return 0.5;
  if (c == 'h' || c == 'y' || c == 'w') return 0.75;
  return 1.0;
}

double substitutionCost(char a, char b) {
  if (a == b) return 0.0;
  if (isPhoneticVowel(a) && isPhoneticVowel(b)) return (a == 'e' || b == 'e') && a != 'u' && b != 'u' ? 0.25 : 0.5;
  auto pair = [&](char x, char y) { return (a == x && b == y) || (a == y && b == x); };
  if (pair('y', 'i') || pair('w', 'u') || pair('s', 'S') || pair('c', 'k') || pair('c', 'j') || pair('c', 's'))
    return 0.5;
  return 1.0;
}

}  // namespace

std::string foldName(std::string_view utf8) {
  std::string out;
  out.reserve(utf8.size());
  bool pendingSpace = false;
  size_t pos = 0;
  while (pos < utf8.size()) {
    const auto byte = static_cast<unsigned char>(utf8[pos]);
    if ((byte >= 'a' && byte <= 'z') || (byte >= '0' && byte <= '9')) {  // the common case, inline
      if (pendingSpace) out.push_back(' ');
      pendingSpace = false;
      out.push_back(static_cast<char>(byte));
      ++pos;
      continue;
    }
    const char32_t cp = decodeUtf8(utf8, pos);
    if (cp == 0xFFFD) continue;  // ill-formed bytes
    const size_t before = out.size();
    if (pendingSpace) out.push_back(' ');
    switch (foldCodePoint(cp, out)) {
      case FoldClass::Kept:
        pendingSpace = false;
        break;
      case FoldClass::Separator:
        out.resize(before);
        pendingSpace = !out.empty();
        break;
      case FoldClass::Dropped:
        out.resize(before);
        break;
    }
  }
  return out;
}

bool isArabicArticle(std::string_view word, std::string_view next) {
  if (next.empty()) return false;
  if (word == "al" || word == "el" || word == "il" || word == "ul") return true;
  const bool vowelFirst = !word.empty() && (word[0] == 'a' || word[0] == 'e' || word[0] == 'u');
  if (!vowelFirst) return false;
  if (word.size() == 2) {  // the article assimilated to a "sun letter": ar-Raqqah, ez-Zor, an-Najaf
    const char c = word[1];
    const bool sun = c == 't' || c == 'd' || c == 'r' || c == 'z' || c == 's' || c == 'n';
    return sun && next[0] == c;
  }
  if (word.size() == 3 && word[2] == 'h') {  // ath-Thawrah, adh-Dhuluiya, ash-Sham, ech-Cheikh
    const char c = word[1];
    const bool digraph = c == 't' || c == 'd' || c == 's' || c == 'c' || c == 'z';
    return digraph && next.size() >= 2 && next[0] == c && next[1] == 'h';
  }
  return false;
}

std::vector<std::string_view> coreWords(std::string_view folded) {
  std::vector<std::string_view> all;
  size_t start = 0;
  while (start < folded.size()) {
    size_t space = folded.find(' ', start);
    if (space == std::string_view::npos) space = folded.size();
    if (space > start) all.push_back(folded.substr(start, space - start));
    start = space + 1;
  }
  std::vector<std::string_view> words;
  words.reserve(all.size());
  for (size_t i = 0; i < all.size(); ++i)
    if (i + 1 == all.size() || !isArabicArticle(all[i], all[i + 1])) words.push_back(all[i]);
  return words;
}

std::string phoneticKey(const std::vector<std::string_view>& words) {
  std::string out;
  PhoneticWriter writer(out);
  std::string latin;
  for (size_t i = 0; i < words.size(); ++i) {
    std::string_view w = words[i];
    if (!isAscii(w)) {
      latin = cyrillicToLatin(w);
      if (latin.empty()) return {};
      w = latin;
    }
    w = canonicalWord(w);
    if (i == 0 && words.size() > 1) w = canonicalLeadWord(w);
    writer.word(w);
  }
  return out;
}

std::string skeletonKey(std::string_view phonetic) {
  std::string out;
  for (char c : phonetic) {
    if (isPhoneticVowel(c)) continue;
    if (c == 'S') c = 's';  // sh and s share a skeleton (Şeddadê ~ Shaddadi ~ Saddadi)
    if (out.empty() || out.back() != c) out.push_back(c);
  }
  return out;
}

NameKeys makeNameKeys(std::string_view utf8) {
  NameKeys keys;
  const std::string folded = foldName(utf8);
  const std::vector<std::string_view> words = coreWords(folded);
  for (const std::string_view w : words) keys.exact += w;
  keys.phonetic = phoneticKey(words);
  keys.skeleton = skeletonKey(keys.phonetic);
  return keys;
}

double phoneticDistance(std::string_view a, std::string_view b, double limit) {
  // Names are short; beyond 63 symbols only the beginnings are compared.
  constexpr size_t kMax = 63;
  a = a.substr(0, kMax);
  b = b.substr(0, kMax);
  const size_t n = a.size(), m = b.size();
  // Every extra character costs at least 0.5: a cheap lower bound.
  const double lengthBound = 0.5 * static_cast<double>(n > m ? n - m : m - n);
  if (lengthBound > limit) return lengthBound;
  std::array<double, 3 * (kMax + 1)> rows;  // every cell is written before it is read
  double* prev2 = rows.data();
  double* prev = prev2 + (m + 1);
  double* cur = prev + (m + 1);
  prev[0] = 0;
  for (size_t j = 1; j <= m; ++j) prev[j] = prev[j - 1] + indelCost(b[j - 1]);
  for (size_t i = 1; i <= n; ++i) {
    cur[0] = prev[0] + indelCost(a[i - 1]);
    double rowMin = cur[0];
    for (size_t j = 1; j <= m; ++j) {
      double best = prev[j - 1] + substitutionCost(a[i - 1], b[j - 1]);
      best = std::min(best, prev[j] + indelCost(a[i - 1]));
      best = std::min(best, cur[j - 1] + indelCost(b[j - 1]));
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, prev2[j - 2] + 1.0);
      cur[j] = best;
      rowMin = std::min(rowMin, best);
    }
    if (rowMin > limit) return rowMin;
    std::swap(prev2, prev);
    std::swap(prev, cur);
  }
  return prev[m];
}

}  // namespace frontline
