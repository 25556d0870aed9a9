// Town names in the reader's language, from GeoNames' alternate names. The cities500 dump's
// alternate names carry no language tags, so the language is told by script: Arabic letters for
// ar; Cyrillic for uk and ru, the letters і ї є ґ marking Ukrainian and ы э ё ъ Russian, and among
// those the present name (the consonants of GeoNames' name) before historical ones. Latin-script
// languages cannot be told apart this way and get GeoNames' name (English or the local romanisation).
#pragma once

#include <span>
#include <string_view>

#include "geo/gazetteer/place.hpp"

namespace frontline {

struct LabelLanguage {
  std::string_view code;  // what --lang takes
  std::string_view name;
  std::string_view gets;  // what the language gets, for --help and the error listing the languages
};

// The languages labels can be drawn in, "en" (the default) first.
std::span<const LabelLanguage> labelLanguages();
const LabelLanguage* findLabelLanguage(std::string_view code);

// The place's name for a reader of `language` (a code from labelLanguages()); Place::name when
// no alternate name is in that language's script.
std::string_view labelName(const Place& place, std::string_view language);

}  // namespace frontline
