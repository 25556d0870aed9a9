// Reported changes of control: who holds which place from which date, with its source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/model/date.hpp"

namespace frontline {

enum class ControlStatus { Control, Contested, Besieged };
enum class Confidence { High, Medium, Low };

const char* statusName(ControlStatus status);        // "control", "contested", "besieged"
const char* confidenceName(Confidence confidence);   // "high", "medium", "low"

// Where a value came from, for messages: "events.csv:12:3" (row and column are 1-based; 0 = unknown).
struct SourceLocation {
  std::string file;
  int row = 0;
  int column = 0;
  std::string text() const;
};

struct Event {
  Date date;
  std::string placeId;      // identity of the place after geocoding: "gn:<geonameid>" or "ll:<lat>,<lon>"
  std::string placeName;    // as the report spells it
  std::string canonicalName;// the gazetteer's name (or placeName when coordinates were given)
  double lat = 0, lon = 0;
  std::string country;      // ISO alpha-2 when known
  std::string controller;   // actor id
  ControlStatus status = ControlStatus::Control;
  std::string source, url, quote, notes;
  Confidence confidence = Confidence::High;
  SourceLocation where;     // the row it came from
};

struct Actor {
  std::string id;
  std::string name;                  // as shown in the legend
  uint32_t color = 0;                // 0xRRGGBB
  std::vector<std::string> aliases;  // other names for the same actor in event tables
};

// Colour-blind-safe palette (Okabe-Ito, then darker companions) for actors without a colour.
uint32_t defaultActorColor(size_t index);

}  // namespace frontline
