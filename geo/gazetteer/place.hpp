// One gazetteer entry: a named place with coordinates, as in a GeoNames dump row.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace frontline {

struct Place {
  int64_t id = 0;                       // geonameid (or an extras file's own id)
  std::string name;                     // name as GeoNames spells it, UTF-8
  std::string asciiName;                // plain ASCII form
  std::vector<std::string> alternates;  // alternate names, all scripts
  double lat = 0;
  double lon = 0;
  char featureClass = 0;      // 'P' populated place, 'A' admin area, ...
  std::string featureCode;    // PPLC capital, PPLA admin-1 seat, PPL ...
  std::string countryCode;    // ISO 3166-1 alpha-2
  int64_t population = 0;
  std::string source;         // "file:line" the row came from
};

}  // namespace frontline
