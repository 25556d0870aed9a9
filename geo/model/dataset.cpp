#include "geo/model/dataset.hpp"

#include <algorithm>

namespace frontline {

const Actor* Dataset::actor(const std::string& id) const {
  for (const Actor& a : actors)
    if (a.id == id) return &a;
  return nullptr;
}

bool Dataset::hasErrors() const {
  return std::any_of(issues.begin(), issues.end(), [](const DatasetIssue& i) { return i.error; });
}

}  // namespace frontline
