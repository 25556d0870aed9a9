#include "geo/gis/control_area_cache.hpp"

namespace frontline {

ControlAreaCache::ControlAreaCache(const Timeline& timeline, const ControlAreaBuilder& builder)
    : timeline_(timeline), builder_(builder) {}

Result<ControlAreaCache::Entry> ControlAreaCache::at(Date date) {
  const size_t interval = timeline_.intervalAt(date);
  if (auto it = cache_.find(interval); it != cache_.end()) return Entry{interval, it->second};
  // Any date in the interval gives the same controllers; transitions are drawn over the areas.
  auto areas = builder_.build(sitesFrom(timeline_.controlAt(date)));
  if (!areas) return areas.error();
  ++computed_;
  auto shared = std::make_shared<const ControlAreas>(std::move(areas).value());
  cache_.emplace(interval, shared);
  return Entry{interval, shared};
}

}  // namespace frontline
