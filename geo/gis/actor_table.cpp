#include "geo/gis/actor_table.hpp"

#include <algorithm>
#include <cctype>
#include <charconv>

#include "geo/gis/text.hpp"

namespace frontline {
namespace {

using text::concat;
using text::trim;

void lowerInto(std::string_view text, std::string& out) {
  out.assign(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

// Optimal string alignment distance: insertions, deletions, substitutions and adjacent
// transpositions ("sfd" -> "sdf") cost 1.
size_t editDistance(std::string_view a, std::string_view b) {
  const size_t w = b.size() + 1;
  std::vector<size_t> d((a.size() + 1) * w);
  for (size_t i = 0; i <= a.size(); ++i) d[i * w] = i;
  for (size_t j = 0; j <= b.size(); ++j) d[j] = j;
  for (size_t i = 1; i <= a.size(); ++i)
    for (size_t j = 1; j <= b.size(); ++j) {
      size_t best = std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1,
                              d[(i - 1) * w + j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) best = std::min(best, d[(i - 2) * w + j - 2] + 1);
      d[i * w + j] = best;
    }
  return d.back();
}

}  // namespace

std::optional<uint32_t> parseHexColor(std::string_view text) {
  text = trim(text);
  if (!text.empty() && text.front() == '#') text.remove_prefix(1);
  if (text.size() != 6 && text.size() != 3) return std::nullopt;
  if (!std::all_of(text.begin(), text.end(), [](char c) { return std::isxdigit(static_cast<unsigned char>(c)); }))
    return std::nullopt;
  uint32_t value = 0;
  std::from_chars(text.data(), text.data() + text.size(), value, 16);
  if (text.size() == 3) {
    const uint32_t r = (value >> 8) & 0xF, g = (value >> 4) & 0xF, b = value & 0xF;
    value = (r * 0x11) << 16 | (g * 0x11) << 8 | (b * 0x11);
  }
  return value;
}

std::vector<std::string> ActorIndex::add(Actor actor) {
  std::vector<std::string> problems;
  const size_t index = actors_.size();
  lowerInto(trim(actor.id), scratch_);
  if (auto it = byKey_.find(scratch_); it != byKey_.end() && actors_[it->second].id == actor.id) {
    problems.push_back(concat({"actor id '", actor.id, "' appears twice"}));
    return problems;
  }
  auto key = [&](std::string_view text, const char* what) {
    lowerInto(trim(text), scratch_);
    if (scratch_.empty()) return;
    auto [it, added] = byKey_.emplace(scratch_, index);
    if (!added && it->second != index)
      problems.push_back(concat({what, " '", trim(text), "' is already used by actor '", actors_[it->second].id, "'"}));
  };
  actors_.push_back(std::move(actor));
  const Actor& a = actors_.back();
  key(a.id, "id");
  for (const std::string& alias : a.aliases) key(alias, "alias");
  // Legend names resolve too, after ids and aliases; a name two actors share resolves to neither.
  lowerInto(trim(a.name), scratch_);
  if (!scratch_.empty()) {
    auto [it, added] = byName_.emplace(scratch_, index);
    if (!added && it->second != index) it->second = kAmbiguous;
  }
  return problems;
}

const std::string* ActorIndex::resolve(std::string_view controller) {
  controller = trim(controller);
  if (controller.empty()) return nullptr;
  if (auto it = byExact_.find(controller); it != byExact_.end()) return &actors_[it->second].id;
  lowerInto(controller, scratch_);
  size_t index = 0;
  if (auto it = byKey_.find(scratch_); it != byKey_.end()) {
    index = it->second;
  } else if (auto named = byName_.find(scratch_); named != byName_.end() && named->second != kAmbiguous) {
    index = named->second;
  } else if (!fromTable_) {
    Actor actor;
    actor.id = std::string(controller);
    actor.name = actor.id;
    actor.color = defaultActorColor(actors_.size());
    index = actors_.size();
    actors_.push_back(std::move(actor));
    byKey_.emplace(scratch_, index);
  } else {
    return nullptr;
  }
  byExact_.emplace(std::string(controller), index);
  return &actors_[index].id;
}

std::vector<std::string> ActorIndex::suggest(std::string_view controller, size_t count) const {
  // Edit distance is quadratic: only names of a plausible length are compared, and only with keys
  // whose length is within the typo limit (the distance is at least the length difference).
  constexpr size_t kMaxSuggestChars = 64;
  if (trim(controller).size() > kMaxSuggestChars) return {};
  std::string query;
  lowerInto(trim(controller), query);
  const size_t limit = std::max<size_t>(1, query.size() / 3);
  std::vector<std::pair<size_t, size_t>> scored;  // distance, actor
  for (const auto& [key, actorIndex] : byKey_) {
    if (key.size() > query.size() + limit || query.size() > key.size() + limit) continue;
    const size_t d = editDistance(query, key);
    const size_t index = actorIndex;  // a copy: clang 14 cannot capture structured bindings
    auto it = std::find_if(scored.begin(), scored.end(), [&](const auto& s) { return s.second == index; });
    if (it == scored.end()) scored.emplace_back(d, index);
    else it->first = std::min(it->first, d);
  }
  std::sort(scored.begin(), scored.end());
  // Only spellings close enough to be typos; otherwise nothing (the caller lists the actors).
  std::vector<std::string> out;
  for (const auto& [d, index] : scored) {
    if (out.size() == count || d > limit) break;
    out.push_back(actors_[index].id);
  }
  return out;
}

Result<void> readActorTable(const std::filesystem::path& path, const std::string& layer, ActorIndex& index,
                            std::vector<DatasetIssue>& issues) {
  auto table = readTable(path, {layer});
  if (!table) return table.error();
  const TableHeader& h = table->header;
  const std::string file = path.string();
  const int id = h.find("id"), name = h.find("name"), color = h.find("color") >= 0 ? h.find("color") : h.find("colour"),
            aliases = h.find("aliases");
  if (id < 0) {
    issues.push_back(DatasetIssue::make({file, h.headerRow, 0}, "the actors table has no 'id' column (columns: id, name, color, aliases)", true));
    return {};
  }
  for (const TableRow& row : table->rows) {
    if (row.blank()) continue;
    auto cell = [&](int column) { return column >= 0 ? trim(row.values[static_cast<size_t>(column)]) : std::string_view(); };
    auto at = [&](int column) { return SourceLocation{file, row.row, column >= 0 ? TableHeader::columnNumber(column) : 0}; };
    Actor actor;
    actor.id = std::string(cell(id));
    if (actor.id.empty()) {
      issues.push_back(DatasetIssue::make(at(id), "empty actor id", true));
      continue;
    }
    actor.name = cell(name).empty() ? actor.id : std::string(cell(name));
    const std::string_view colorText = cell(color);
    if (colorText.empty()) {
      actor.color = defaultActorColor(index.actors().size());
    } else if (auto c = parseHexColor(colorText)) {
      actor.color = *c;
    } else {
      issues.push_back(DatasetIssue::make(at(color), concat({"color '", colorText, "' is not a hex colour like #d55e00"}), true));
      actor.color = defaultActorColor(index.actors().size());
    }
    std::string_view rest = cell(aliases);
    while (!rest.empty()) {
      const size_t sep = rest.find_first_of(";|");
      const std::string_view alias = trim(rest.substr(0, sep));
      if (!alias.empty()) actor.aliases.emplace_back(alias);
      rest = sep == std::string_view::npos ? std::string_view() : rest.substr(sep + 1);
    }
    for (const std::string& problem : index.add(std::move(actor)))
      issues.push_back(DatasetIssue::make(at(problem.rfind("alias", 0) == 0 ? aliases : id), problem, true));
  }
  if (index.actors().empty()) issues.push_back(DatasetIssue::make({file, h.headerRow, 0}, "the actors table has no actors", true));
  return {};
}

}  // namespace frontline
