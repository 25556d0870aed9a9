#include "render/viewer/area_series.hpp"

#include <algorithm>
#include <cmath>

namespace frontline {

std::vector<Date> areaSampleDates(Date first, Date last, const std::vector<Date>& eventDates, int stepDays, size_t cap) {
  std::vector<int32_t> days;
  if (last.days() < first.days()) return {};
  const int32_t step = std::max(1, stepDays);
  for (int32_t d = first.days(); d < last.days(); d += step) days.push_back(d);
  days.push_back(last.days());
  for (const Date& e : eventDates)
    if (e.days() >= first.days() && e.days() <= last.days()) days.push_back(e.days());
  std::sort(days.begin(), days.end());
  days.erase(std::unique(days.begin(), days.end()), days.end());
  if (cap >= 2 && days.size() > cap) {
    std::vector<int32_t> thinned;
    thinned.reserve(cap);
    const double spread = static_cast<double>(days.size() - 1) / static_cast<double>(cap - 1);
    for (size_t i = 0; i < cap; ++i) thinned.push_back(days[static_cast<size_t>(std::lround(i * spread))]);
    thinned.erase(std::unique(thinned.begin(), thinned.end()), thinned.end());
    days = std::move(thinned);
  } else if (cap == 1 && days.size() > 1) {
    days = {days.back()};
  }
  std::vector<Date> dates;
  dates.reserve(days.size());
  for (int32_t d : days) dates.push_back(Date::fromDays(d));
  return dates;
}

std::vector<size_t> coarseToFineOrder(size_t n) {
  std::vector<size_t> order;
  if (n == 0) return order;
  order.reserve(n);
  std::vector<char> taken(n, 0);
  auto take = [&](size_t i) {
    if (!taken[i]) {
      taken[i] = 1;
      order.push_back(i);
    }
  };
  take(0);
  take(n - 1);
  size_t stride = 1;
  while (stride * 2 < n) stride *= 2;
  for (; stride >= 1; stride /= 2)
    for (size_t i = 0; i < n; i += stride) take(i);
  return order;
}

AreaSeries::AreaSeries(std::vector<Date> dates)
    : dates_(std::move(dates)), order_(coarseToFineOrder(dates_.size())), done_(dates_.size(), 0),
      values_(dates_.size()) {}

size_t AreaSeries::step(const TotalsAt& totalsAt, std::chrono::steady_clock::time_point deadline) {
  size_t n = 0;
  while (!complete()) {
    const size_t i = order_[next_];
    auto totals = totalsAt(dates_[i]);
    if (!totals) {
      error_ = dates_[i].iso() + ": " + totals.error().message();
      break;
    }
    for (const ControllerTotals& t : totals->controllers) {
      auto it = std::find(controllers_.begin(), controllers_.end(), t.controller);
      const size_t c = static_cast<size_t>(it - controllers_.begin());
      if (it == controllers_.end()) controllers_.push_back(t.controller);
      if (values_[i].size() <= c) values_[i].resize(c + 1, 0.0);
      values_[i][c] = t.areaKm2;
      max_ = std::max(max_, t.areaKm2);
    }
    done_[i] = 1;
    ++next_;
    ++n;
    if (std::chrono::steady_clock::now() >= deadline) break;
  }
  return n;
}

void AreaSeries::computeAll(const TotalsAt& totalsAt) {
  while (!complete()) step(totalsAt, std::chrono::steady_clock::time_point::max());
}

double AreaSeries::km2(size_t sample, size_t c) const {
  if (!has(sample) || c >= values_[sample].size()) return 0;
  return values_[sample][c];
}

std::optional<size_t> AreaSeries::nearestComputed(double day) const {
  std::optional<size_t> best;
  double bestDistance = 0;
  for (size_t i = 0; i < dates_.size(); ++i) {
    if (!done_[i]) continue;
    const double d = std::abs(static_cast<double>(dates_[i].days()) - day);
    if (!best || d < bestDistance) {
      best = i;
      bestDistance = d;
    }
  }
  return best;
}

double niceStep(double maxValue, int ticks) {
  if (!(maxValue > 0) || ticks < 1) return 1;
  const double raw = maxValue / ticks;
  const double power = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0})
    if (m * power >= raw) return m * power;
  return 10 * power;
}

}  // namespace frontline
