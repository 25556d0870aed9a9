// Actors of a dataset: the actors table (id, name, color, aliases) and the lookup that resolves the
// controller values of event tables (ids, aliases or names, any case) to actor ids.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "geo/gis/table_reader.hpp"
#include "geo/model/dataset.hpp"

namespace frontline {

// "#rrggbb", "rrggbb" or "#rgb" -> 0xRRGGBB.
std::optional<uint32_t> parseHexColor(std::string_view text);

class ActorIndex {
 public:
  // Actors come from a table: unknown controllers are errors.
  // Otherwise (a bare event table) each new controller value becomes an actor.
  explicit ActorIndex(bool fromTable) : fromTable_(fromTable) {}

  bool fromTable() const { return fromTable_; }
  const std::vector<Actor>& actors() const { return actors_; }
  std::vector<Actor> takeActors() { return std::move(actors_); }

  // Adds an actor and its id, name and aliases as lookup keys. Returns what is wrong when a key is
  // already taken by another actor (the actor is added all the same) or when the id is.
  std::vector<std::string> add(Actor actor);

  // The actor id for a controller value (trimmed, any case), adding an actor for it when not
  // fromTable(). nullptr when it is unknown.
  const std::string* resolve(std::string_view controller);

  // Up to `count` actor ids whose id or alias is a few typos from `controller`, for "did you mean".
  std::vector<std::string> suggest(std::string_view controller, size_t count = 3) const;

 private:
  struct Hash {
    using is_transparent = void;
    size_t operator()(std::string_view s) const { return std::hash<std::string_view>{}(s); }
  };
  using Map = std::unordered_map<std::string, size_t, Hash, std::equal_to<>>;

  static constexpr size_t kAmbiguous = static_cast<size_t>(-1);

  bool fromTable_;
  std::vector<Actor> actors_;
  Map byKey_;    // lower-cased id or alias -> index
  Map byName_;   // lower-cased legend name -> index (kAmbiguous when two actors share it)
  Map byExact_;  // controller values as written -> index (a cache: most rows repeat a few values)
  std::string scratch_;
};

// Reads an actors table (columns id, name, color, aliases; aliases separated by ';' or '|') into
// `index`. Problems go to `issues` with file:row:column. Error only when the file cannot be read.
Result<void> readActorTable(const std::filesystem::path& path, const std::string& layer, ActorIndex& index,
                            std::vector<DatasetIssue>& issues);

}  // namespace frontline
