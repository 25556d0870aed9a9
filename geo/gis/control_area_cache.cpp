#include "geo/gis/control_area_cache.hpp"

#include <algorithm>

namespace frontline {

ControlAreaCache::ControlAreaCache(const Timeline& timeline, const ControlAreaBuilder& builder,
                                   std::vector<std::pair<Date, OverrideArea>> overrides)
    : timeline_(timeline), builder_(builder), overrides_(std::move(overrides)) {
  std::stable_sort(overrides_.begin(), overrides_.end(),
                   [](const auto& a, const auto& b) { return a.first < b.first; });
}

Result<ControlAreaCache::Entry> ControlAreaCache::at(Date date) {
  // The areas change when an event or an override comes into force: number the combinations.
  const auto activeOverrides = static_cast<size_t>(
      std::upper_bound(overrides_.begin(), overrides_.end(), date,
                       [](const Date& d, const auto& o) { return d < o.first; }) -
      overrides_.begin());
  const size_t interval = timeline_.intervalAt(date) * (overrides_.size() + 1) + activeOverrides;
  if (auto it = cache_.find(interval); it != cache_.end()) return Entry{interval, it->second};
  std::vector<OverrideArea> active;
  for (size_t i = 0; i < activeOverrides; ++i) active.push_back(overrides_[i].second);
  // Any date in the interval gives the same controllers; transitions are drawn over the areas.
  auto areas = builder_.build(sitesFrom(timeline_.controlAt(date), &timeline_), active);
  if (!areas) return areas.error();
  ++computed_;
  auto shared = std::make_shared<const ControlAreas>(std::move(areas).value());
  cache_.emplace(interval, shared);
  return Entry{interval, shared};
}

}  // namespace frontline
