// Splitting tab-separated gazetteer lines (GeoNames dumps, alias files).
#pragma once

#include <string_view>
#include <vector>

namespace frontline {

// The fields of one line, views into it; an empty line gives one empty field.
inline std::vector<std::string_view> splitTabs(std::string_view line) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t tab = line.find('\t', start);
    fields.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
    if (tab == std::string_view::npos) return fields;
    start = tab + 1;
  }
}

}  // namespace frontline
