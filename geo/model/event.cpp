#include "geo/model/event.hpp"

#include <array>

namespace frontline {

const char* statusName(ControlStatus status) {
  switch (status) {
    case ControlStatus::Control: return "control";
    case ControlStatus::Contested: return "contested";
    case ControlStatus::Besieged: return "besieged";
  }
  return "control";
}

const char* confidenceName(Confidence confidence) {
  switch (confidence) {
    case Confidence::High: return "high";
    case Confidence::Medium: return "medium";
    case Confidence::Low: return "low";
  }
  return "high";
}

std::string SourceLocation::text() const {
  // Appends piecewise: `"literal" + std::string&&` trips a false -Wrestrict in GCC 12.
  std::string out = file.str();
  if (row > 0) out.append(":").append(std::to_string(row));
  if (row > 0 && column > 0) out.append(":").append(std::to_string(column));
  return out;
}

uint32_t defaultActorColor(size_t index) {
  // Okabe & Ito (2008): distinguishable with the common colour-vision deficiencies.
  static constexpr std::array<uint32_t, 10> kPalette = {0x0072B2, 0xD55E00, 0xE69F00, 0x009E73, 0xCC79A7,
                                                        0x56B4E9, 0xF0E442, 0x444444, 0x8C564B, 0x7F7F7F};
  return kPalette[index % kPalette.size()];
}

}  // namespace frontline
