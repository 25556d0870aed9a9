#include "geo/gazetteer/label_language.hpp"

#include <array>

#include "geo/gazetteer/normalize.hpp"
#include "geo/gazetteer/utf8.hpp"

namespace frontline {
namespace {

constexpr std::array<LabelLanguage, 4> kLanguages = {{
    {"en", "English", "GeoNames' name (English, or the local name in Latin letters)"},
    {"ar", "Arabic", "the first alternate name in Arabic script; else GeoNames' name"},
    {"uk", "Ukrainian", "a Cyrillic alternate name, one with і ї є ґ first and none with ы э ё ъ; else GeoNames' name"},
    {"ru", "Russian", "a Cyrillic alternate name without і ї є ґ, one with ы э ё ъ first; else GeoNames' name"},
}};

struct Script {
  bool arabic = true, cyrillic = true;  // every letter of the name is in the script
  bool ukrainianLetter = false, russianLetter = false;
  bool otherSlavicLetter = false;  // ђ ј љ њ ћ џ ѓ ќ ѕ ў: Serbian, Macedonian, Belarusian
  bool softSign = false;           // ь outside the Ukrainian endings -ськ, -цьк
  bool ukrainianEnding = false;    // -ськ, -цьк (Russian writes -ск, -цк)
};

Script scriptOf(std::string_view name) {
  Script s;
  bool letters = false;
  for (size_t pos = 0; pos < name.size();) {
    const char32_t c = decodeUtf8(name, pos);
    if (c == ' ' || c == '-' || c == 0x2019 || c == '\'' || c == 0x02BC || c == '.' || c == 0x200C || c == 0x200D)
      continue;
    letters = true;
    const bool arabic = (c >= 0x0600 && c <= 0x06FF) || (c >= 0x0750 && c <= 0x077F) || (c >= 0xFB50 && c <= 0xFDFF) ||
                        (c >= 0xFE70 && c <= 0xFEFF);
    const bool cyrillic = c >= 0x0400 && c <= 0x04FF;
    s.arabic = s.arabic && arabic;
    s.cyrillic = s.cyrillic && cyrillic;
    switch (c) {
      case 0x0456: case 0x0406: case 0x0457: case 0x0407: case 0x0454: case 0x0404: case 0x0491: case 0x0490:
        s.ukrainianLetter = true;
        break;
      case 0x044B: case 0x042B: case 0x044D: case 0x042D: case 0x0451: case 0x0401: case 0x044A: case 0x042A:
        s.russianLetter = true;
        break;
      case 0x0452: case 0x0458: case 0x0459: case 0x045A: case 0x045B: case 0x045F: case 0x0453: case 0x045C:
      case 0x0455: case 0x0402: case 0x0408: case 0x0409: case 0x040A: case 0x040B: case 0x040F: case 0x045E:
      case 0x040E:
        s.otherSlavicLetter = true;
        break;
      default: break;
    }
  }
  if (!letters) s.arabic = s.cyrillic = false;
  for (size_t at = name.find("ь"); at != std::string_view::npos; at = name.find("ь", at + 1)) {
    const bool ending = at >= 2 && (name.substr(at - 2, 4) == "сь" || name.substr(at - 2, 4) == "ць") &&
                        name.substr(at + 2, 2) == "к";
    if (ending) s.ukrainianEnding = true;
    else s.softSign = true;
  }
  return s;
}

}  // namespace

std::span<const LabelLanguage> labelLanguages() { return kLanguages; }

const LabelLanguage* findLabelLanguage(std::string_view code) {
  for (const LabelLanguage& l : kLanguages)
    if (l.code == code) return &l;
  return nullptr;
}

std::string_view labelName(const Place& place, std::string_view language) {
  if (language == "ar") {
    for (const std::string& a : place.alternates)
      if (scriptOf(a).arabic) return a;
  } else if (language == "uk" || language == "ru") {
    // Alternate names also hold Bulgarian, Serbian, Belarusian and historical spellings (Сталіне
    // for Donetsk): score the clues; the present name, the one whose consonants are those of
    // GeoNames' name, counts most.
    const bool uk = language == "uk";
    const std::string skeleton = makeNameKeys(place.asciiName.empty() ? place.name : place.asciiName).skeleton;
    std::string_view best;
    int bestScore = -1;
    for (const std::string& a : place.alternates) {
      const Script s = scriptOf(a);
      if (!s.cyrillic || s.otherSlavicLetter || (uk ? s.russianLetter : s.ukrainianLetter)) continue;
      const int present = !skeleton.empty() && makeNameKeys(a).skeleton == skeleton ? 3 : 0;
      const int score = present + (uk ? 2 * s.ukrainianLetter + s.ukrainianEnding
                                      : 2 * s.russianLetter + s.softSign - s.ukrainianEnding);
      if (score > bestScore) best = a, bestScore = score;
    }
    if (!best.empty()) return best;
  }
  return place.name;
}

}  // namespace frontline
