#include "geo/gis/story_loader.hpp"

#include <toml++/toml.h>

#include <algorithm>
#include <cmath>
#include <tuple>
#include <fstream>
#include <sstream>
#include <system_error>

#include "geo/gis/text.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

using text::concat;

// Thrown inside the reader only; loadStory turns it into an Error (nothing crosses the module).
struct StoryProblem {
  SourceLocation where;
  std::string what;
};

class StoryReader {
 public:
  StoryReader(Story& story, std::string file) : s_(story), file_(std::move(file)) {}

  void read(const toml::table& root) {
    for (auto&& [key, node] : root) {
      const std::string_view k = key.str();
      if (k == "title") s_.title = text(node, k);
      else if (k == "transition_seconds") s_.transitionSeconds = seconds(node, k, 0, 60);
      else if (k == "play_seconds") s_.playSeconds = seconds(node, k, 0.1, 3600);
      else if (k == "slide") slides(node);
      else warn(node, concat({"unknown key '", k, "' ignored (known: title, transition_seconds, play_seconds, [[slide]])"}));
    }
    if (s_.slides.empty())
      throw StoryProblem{{file_, 1, 0}, "the story has no slides: add [[slide]] tables with a date and a title"};
  }

 private:
  SourceLocation at(const toml::node& node) const {
    return {file_, static_cast<int>(node.source().begin.line), static_cast<int>(node.source().begin.column)};
  }
  [[noreturn]] void fail(const toml::node& node, std::string what) const { throw StoryProblem{at(node), std::move(what)}; }
  void warn(const toml::node& node, std::string what) {
    StoryWarning w;
    w.where = at(node);
    w.what = std::move(what);
    s_.warnings.push_back(std::move(w));
  }

  std::string text(const toml::node& node, std::string_view key) const {
    if (auto v = node.value_exact<std::string>()) return *v;
    fail(node, concat({"'", key, "' must be a string"}));
  }

  double number(const toml::node& node, std::string_view key) const {
    if (auto v = node.value<double>(); v && std::isfinite(*v)) return *v;
    fail(node, concat({"'", key, "' must be a number"}));
  }

  double seconds(const toml::node& node, std::string_view key, double min, double max) const {
    const double v = number(node, key);
    if (v < min || v > max)
      fail(node, concat({"'", key, "' must be between ", trimmed(min), " and ", trimmed(max), " seconds"}));
    return v;
  }

  static std::string trimmed(double v) {
    std::ostringstream out;
    out << v;
    return out.str();
  }

  Date date(const toml::node& node, std::string_view key) const {
    if (const auto* d = node.as_date()) {
      const toml::date& v = d->get();
      auto parsed = Date::fromYmd(v.year, v.month, v.day);
      if (!parsed) fail(node, concat({"'", key, "': ", parsed.error().what}));
      return *parsed;
    }
    if (auto s = node.value_exact<std::string>()) {
      auto parsed = Date::parse(*s);
      if (!parsed) fail(node, concat({"'", key, "' = \"", *s, "\" is not a date (expected YYYY-MM-DD or YYYY-MM)"}));
      return *parsed;
    }
    fail(node, concat({"'", key, "' must be a date, e.g. 2017-10-17 or \"2017-10\""}));
  }

  std::vector<double> numbers(const toml::node& node, std::string_view key, size_t count, std::string_view example) const {
    const toml::array* list = node.as_array();
    if (!list || list->size() != count)
      fail(node, concat({"'", key, "' must be a list of ", std::to_string(count), " numbers, e.g. ", example}));
    std::vector<double> out;
    for (const toml::node& item : *list) out.push_back(number(item, key));
    return out;
  }

  SlideView view(const toml::node& node) {
    const toml::table* table = node.as_table();
    if (!table)
      fail(node, "'view' must be a table: { centre = [lon, lat], width_km = 400 } or { bbox = [lon0, lat0, lon1, lat1] }");
    const toml::node* centre = table->get("centre");
    if (!centre) centre = table->get("center");
    const toml::node* width = table->get("width_km");
    const toml::node* bbox = table->get("bbox");
    for (auto&& [key, value] : *table) {
      const std::string_view k = key.str();
      if (k != "centre" && k != "center" && k != "width_km" && k != "bbox")
        warn(value, concat({"unknown key '", k, "' in 'view' ignored (known: centre, width_km, bbox)"}));
    }
    if (bbox && (centre || width)) fail(node, "'view' has either a bbox or a centre and width_km, not both");
    if (bbox) {
      const auto v = numbers(*bbox, "bbox", 4, "[41.5, 35.5, 44.5, 37.0]");
      auto box = LonLatBox::parse(concat({trimmed(v[0]), ",", trimmed(v[1]), ",", trimmed(v[2]), ",", trimmed(v[3])}));
      if (!box) fail(*bbox, concat({"'bbox': ", box.error().what}));
      return SlideView::boxed(*box);
    }
    if (!centre || !width) fail(node, "'view' needs centre = [lon, lat] and width_km = ..., or bbox = [lon0, lat0, lon1, lat1]");
    const auto c = numbers(*centre, "centre", 2, "[43.13, 36.34] (longitude, latitude)");
    if (c[0] < -180 || c[0] > 180 || c[1] < -90 || c[1] > 90)
      fail(*centre, "'centre' is [longitude, latitude] in degrees: longitude -180..180, latitude -90..90");
    const double km = number(*width, "width_km");
    if (km <= 0 || km > 40000) fail(*width, "'width_km' must be more than 0 and at most 40000");
    return SlideView::centred(c[0], c[1], km);
  }

  void slides(const toml::node& node) {
    const toml::array* list = node.as_array();
    if (!list) fail(node, "slides are written as [[slide]] tables");
    for (const toml::node& item : *list) {
      const toml::table* table = item.as_table();
      if (!table) fail(item, "each slide must be a table: [[slide]]");
      s_.slides.push_back(slide(*table));
    }
  }

  Slide slide(const toml::table& table) {
    Slide slide;
    slide.where = at(table);
    const toml::node* dateNode = nullptr;
    const toml::node* fromNode = nullptr;
    const toml::node* toNode = nullptr;
    for (auto&& [key, value] : table) {
      const std::string_view k = key.str();
      if (k == "date") dateNode = &value;
      else if (k == "from") fromNode = &value;
      else if (k == "to") toNode = &value;
      else if (k == "title") slide.title = text(value, k);
      else if (k == "caption") slide.caption = text(value, k);
      else if (k == "play_seconds") slide.playSeconds = seconds(value, k, 0.1, 3600);
      else if (k == "view") slide.view = view(value);
      else if (k == "sources" || k == "source") {
        if (const toml::array* list = value.as_array()) {
          for (const toml::node& s : *list) slide.sources.push_back(text(s, k));
        } else {
          slide.sources.push_back(text(value, k));
        }
      } else {
        warn(value, concat({"unknown key '", k,
                            "' in a slide ignored (known: date, from, to, play_seconds, view, title, caption, sources)"}));
      }
    }
    const std::string number = std::to_string(s_.slides.size() + 1);
    if (dateNode && (fromNode || toNode))
      fail(*dateNode, concat({"slide ", number, " has 'date' and 'from'/'to': use date for one day, from and to for a range"}));
    if (dateNode) {
      slide.from = date(*dateNode, "date");
    } else if (fromNode && toNode) {
      slide.from = date(*fromNode, "from");
      slide.to = date(*toNode, "to");
      if (*slide.to < slide.from)
        fail(*toNode, concat({"slide ", number, ": 'to' (", slide.to->iso(), ") is before 'from' (", slide.from.iso(), ")"}));
    } else if (fromNode || toNode) {
      fail(fromNode ? *fromNode : *toNode, concat({"slide ", number, " needs both 'from' and 'to' (or one 'date')"}));
    } else {
      fail(table, concat({"slide ", number, " has no date: add date = 2017-10-17 (or from = ... and to = ...)"}));
    }
    if (slide.playSeconds > 0 && !slide.to) warn(table, concat({"slide ", number, ": 'play_seconds' without a range is ignored"}));
    if (slide.title.empty()) warn(table, concat({"slide ", number, " has no title"}));
    return slide;
  }

  Story& s_;
  std::string file_;
};

}  // namespace

Result<Story> parseStory(const std::string& text, const std::string& name) {
  Story story;
  story.source = name;
  toml::table root;
  try {
    root = toml::parse(text, name);
  } catch (const toml::parse_error& e) {
    const auto& begin = e.source().begin;
    return makeError(ErrorKind::Data, concat({name, ":", std::to_string(begin.line), ":", std::to_string(begin.column)}),
                     concat({"not valid TOML: ", e.description()}));
  }
  try {
    StoryReader(story, name).read(root);
  } catch (const StoryProblem& p) {
    return makeError(ErrorKind::Data, p.where.text(), p.what);
  }
  // TOML tables iterate in key order; report in file order.
  std::stable_sort(story.warnings.begin(), story.warnings.end(), [](const StoryWarning& a, const StoryWarning& b) {
    return std::tie(a.where.row, a.where.column) < std::tie(b.where.row, b.where.column);
  });
  return story;
}

Result<Story> loadStory(const std::filesystem::path& path) {
  const std::string where = path.string();
  auto text = readInputFile(path, "story", kMaxSmallTextBytes);
  if (!text) return text.error();
  return parseStory(*text, where);
}

std::optional<std::filesystem::path> storyBesideDataset(const std::filesystem::path& dataset) {
  std::error_code ec;
  if (dataset.extension() != ".toml") return std::nullopt;
  const std::filesystem::path story = dataset.parent_path() / "story.toml";
  if (story == dataset || !std::filesystem::is_regular_file(story, ec)) return std::nullopt;
  return story;
}

}  // namespace frontline
