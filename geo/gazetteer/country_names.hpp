// Country names and codes as event tables write them ("Syria", "Syrian Arab Republic", "SY", "SYR")
// -> ISO 3166-1 alpha-2, so that a country column can hint the geocoder whichever form it uses.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace frontline {

// ISO 3166-1 alpha-2 code ("SY") for an alpha-2 or alpha-3 code (any case) or an English country
// name: the ISO short and official names and common names ("Syria", "Turkey", "Türkiye", "UK",
// "Ivory Coast"). Case, diacritics, punctuation and a leading "the" do not matter. Kosovo is "XK" as
// in GeoNames. nullopt when the text is none of these.
std::optional<std::string> countryCode(std::string_view nameOrCode);

// The English short name for an alpha-2 code ("SY" -> "Syria"); empty when the code is unknown.
std::string countryName(std::string_view alpha2);

}  // namespace frontline
