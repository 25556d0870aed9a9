#include "geo/gis/manifest.hpp"

#include <toml++/toml.h>

#include <cmath>
#include <fstream>
#include <sstream>
#include <system_error>

#include "geo/gazetteer/country_names.hpp"
#include "geo/gis/text.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

using text::concat;

class ManifestReader {
 public:
  explicit ManifestReader(Manifest& manifest) : m_(manifest), file_(manifest.path.string()) {}

  void read(const toml::table& root) {
    for (auto&& [key, node] : root) {
      const std::string_view k = key.str();
      if (k == "title") m_.settings.title = text(node, k);
      else if (k == "description") m_.settings.description = text(node, k);
      else if (k == "events") files(node, k, m_.events);
      else if (k == "actors") {
        std::vector<ManifestFile> one;
        files(node, k, one);
        if (one.size() > 1) error(node, "'actors' names one table, not a list");
        if (!one.empty()) m_.actors = one.front();
      } else if (k == "gazetteer") files(node, k, m_.gazetteer);
      else if (k == "aliases") files(node, k, m_.aliases);
      else if (k == "areas") files(node, k, m_.areas);
      else if (k == "settings") settings(node);
      else warning(node, concat({"unknown key '", k,
                                 "' ignored (known: title, description, events, actors, gazetteer, aliases, areas, "
                                 "[settings])"}));
    }
    if (m_.events.empty() && !root.contains("events"))
      m_.issues.push_back(DatasetIssue::make({file_, 1, 0}, "the manifest names no event tables: add events = [\"events.csv\"]", true));
  }

 private:
  SourceLocation at(const toml::node& node) const {
    return {file_, static_cast<int>(node.source().begin.line), static_cast<int>(node.source().begin.column)};
  }
  void error(const toml::node& node, std::string what) { m_.issues.push_back(DatasetIssue::make(at(node), std::move(what), true)); }
  void warning(const toml::node& node, std::string what) { m_.issues.push_back(DatasetIssue::make(at(node), std::move(what), false)); }

  std::string text(const toml::node& node, std::string_view key) {
    if (auto s = node.value_exact<std::string>()) return *s;
    error(node, concat({"'", key, "' must be a string"}));
    return {};
  }

  void file(const toml::node& node, std::string_view key, std::vector<ManifestFile>& out) {
    ManifestFile f;
    f.where = at(node);
    std::string name;
    if (auto s = node.value_exact<std::string>()) {
      name = *s;
    } else if (const toml::table* t = node.as_table()) {
      for (auto&& [k, v] : *t) {
        if (k.str() == "file") name = text(v, "file");
        else if (k.str() == "layer") f.layer = text(v, "layer");
        else warning(v, concat({"unknown key '", k.str(), "' ignored (known: file, layer)"}));
      }
      if (name.empty()) {
        error(node, concat({"'", key, "' entry needs file = \"...\""}));
        return;
      }
    } else {
      error(node, concat({"'", key, "' must be a file name, a list of them, or { file = ..., layer = ... }"}));
      return;
    }
    if (name.empty()) {
      error(node, concat({"'", key, "' names an empty file name"}));
      return;
    }
    const std::filesystem::path p(name);
    f.path = p.is_absolute() ? p : m_.path.parent_path() / p;
    out.push_back(std::move(f));
  }

  void files(const toml::node& node, std::string_view key, std::vector<ManifestFile>& out) {
    if (const toml::array* list = node.as_array()) {
      for (const toml::node& item : *list) file(item, key, out);
    } else {
      file(node, key, out);
    }
  }

  std::optional<double> number(const toml::node& node, std::string_view key) {
    if (auto v = node.value<double>(); v && std::isfinite(*v)) return v;
    error(node, concat({"'", key, "' must be a number"}));
    return std::nullopt;
  }

  std::optional<Date> date(const toml::node& node, std::string_view key) {
    if (const auto* d = node.as_date()) {
      const toml::date& v = d->get();
      auto parsed = Date::fromYmd(v.year, v.month, v.day);
      if (parsed) return *parsed;
      error(node, concat({"'", key, "': ", parsed.error().what}));
      return std::nullopt;
    }
    if (auto s = node.value_exact<std::string>()) {
      auto parsed = Date::parse(*s);
      if (parsed) return *parsed;
      error(node, concat({"'", key, "' = \"", *s, "\" is not a date (expected YYYY-MM-DD or YYYY-MM)"}));
      return std::nullopt;
    }
    error(node, concat({"'", key, "' must be a date, e.g. \"2014-01-01\""}));
    return std::nullopt;
  }

  void settings(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table) {
      error(node, "'settings' must be a table: [settings]");
      return;
    }
    DatasetSettings& s = m_.settings;
    for (auto&& [key, value] : *table) {
      const std::string_view k = key.str();
      if (k == "transition_days") {
        if (auto v = number(value, k)) {
          if (*v < 0 || *v > 3650) error(value, "'transition_days' must be between 0 and 3650");
          else s.transitionDays = *v;
        }
      } else if (k == "cap_km") {
        if (auto v = number(value, k)) {
          if (*v <= 0 || *v > 5000) error(value, "'cap_km' must be more than 0 and at most 5000");
          else s.capKm = *v;
        }
      } else if (k == "sparse_land") {
        const auto v = value.value_exact<std::string>();
        if (v && *v == "nominal") s.sparseLand = SparseLand::Nominal;
        else if (v && *v == "blank") s.sparseLand = SparseLand::Blank;
        else error(value, "'sparse_land' must be \"nominal\" (a light tint of the holder) or \"blank\"");
      } else if (k == "cross_borders") {
        if (auto v = value.value_exact<bool>()) s.crossBorders = *v;
        else error(value, "'cross_borders' must be true or false");
      } else if (k == "focus_countries") {
        const toml::array* list = value.as_array();
        if (!list) {
          error(value, "'focus_countries' must be a list, e.g. [\"IQ\", \"SY\"]");
          continue;
        }
        for (const toml::node& item : *list) {
          auto name = item.value_exact<std::string>();
          if (!name) {
            error(item, "'focus_countries' entries must be strings");
            continue;
          }
          if (auto code = countryCode(*name)) s.focusCountries.push_back(*code);
          else error(item, concat({"'", *name, "' is not a country (use an ISO code such as SY or an English name)"}));
        }
      } else if (k == "start") {
        s.start = date(value, k);
      } else if (k == "end") {
        s.end = date(value, k);
      } else {
        warning(value, concat({"unknown setting '", k,
                               "' ignored (known: transition_days, cap_km, cross_borders, sparse_land, focus_countries, start, end)"}));
      }
    }
    if (s.start && s.end && *s.end < *s.start)
      error(node, concat({"'end' (", s.end->iso(), ") is before 'start' (", s.start->iso(), ")"}));
  }

  Manifest& m_;
  std::string file_;
};

}  // namespace

Result<Manifest> readManifest(const std::filesystem::path& path) {
  const std::string where = path.string();
  auto text = readInputFile(path, "manifest", kMaxSmallTextBytes);
  if (!text) return text.error();

  Manifest manifest;
  manifest.path = path;
  toml::table root;
  try {
    root = toml::parse(*text, where);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    return makeError(ErrorKind::Data, concat({where, ":", std::to_string(begin.line), ":", std::to_string(begin.column)}),
                     concat({"not valid TOML: ", e.description()}));
  }
  ManifestReader(manifest).read(root);
  return manifest;
}

}  // namespace frontline
