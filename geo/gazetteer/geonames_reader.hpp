// Reads gazetteer files in the GeoNames dump format: 19 tab-separated columns, UTF-8, no header.
// Every problem is reported as "file:line: what".
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "geo/gazetteer/place.hpp"
#include "geo/model/result.hpp"

namespace frontline {

// Parses GeoNames rows from text; `sourceName` is used in error messages and Place::source.
Result<std::vector<Place>> parseGeoNames(std::string_view text, const std::string& sourceName);

// Reads a GeoNames-format file. Empty lines and lines starting with '#' are skipped.
Result<std::vector<Place>> readGeoNamesFile(const std::filesystem::path& path);

}  // namespace frontline
