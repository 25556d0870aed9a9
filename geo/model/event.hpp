// Reported changes of control: who holds which place from which date, with its source.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "geo/model/date.hpp"
#include "geo/model/shared_text.hpp"

namespace frontline {

enum class ControlStatus : uint8_t { Control, Contested, Besieged };  // one byte each: a million events
enum class Confidence : uint8_t { High, Medium, Low };

const char* statusName(ControlStatus status);        // "control", "contested", "besieged"
const char* confidenceName(Confidence confidence);   // "high", "medium", "low"

// Where a value came from, for messages: "events.csv:12:3" (row and column are 1-based; 0 = unknown).
struct SourceLocation {
  SharedText file;
  int row = 0;
  int column = 0;
  std::string text() const;
};

// Text fields are SharedText: the loader interns them, so the places, actors, sources and file
// names that a million rows repeat are stored once (see shared_text.hpp).
struct Event {
  Date date;
  ControlStatus status = ControlStatus::Control;
  Confidence confidence = Confidence::High;
  SharedText placeId;       // identity of the place after geocoding: "gn:<geonameid>" or "ll:<lat>,<lon>"
  SharedText placeName;     // as the report spells it
  SharedText canonicalName; // the gazetteer's name (or placeName when coordinates were given)
  double lat = 0, lon = 0;
  SharedText country;       // ISO alpha-2 when known
  SharedText controller;    // actor id
  SharedText source, url, quote, notes;
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
