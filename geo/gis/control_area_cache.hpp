// Areas of control change only on event dates: this computes them once per interval between
// event dates and hands out the cached result, so scrubbing time recomputes nothing.
#pragma once

#include <map>
#include <memory>

#include "geo/gis/control_areas.hpp"
#include "geo/model/timeline.hpp"

namespace frontline {

class ControlAreaCache {
 public:
  // All three must outlive the cache. Overrides apply from their date on.
  ControlAreaCache(const Timeline& timeline, const ControlAreaBuilder& builder,
                   std::vector<std::pair<Date, OverrideArea>> overrides = {});

  struct Entry {
    size_t interval = 0;  // identifies the areas: events and overrides in force
    std::shared_ptr<const ControlAreas> areas;
  };
  Result<Entry> at(Date date);

  size_t computedCount() const { return computed_; }

 private:
  const Timeline& timeline_;
  const ControlAreaBuilder& builder_;
  std::vector<std::pair<Date, OverrideArea>> overrides_;  // sorted by date
  std::map<size_t, std::shared_ptr<const ControlAreas>> cache_;
  size_t computed_ = 0;
};

}  // namespace frontline
