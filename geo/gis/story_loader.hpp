// Reads a story file (TOML) into the model of geo/model/story.hpp. The format:
//
//   title = "Rise and fall of the Islamic State's territory"   # optional
//   transition_seconds = 2.0   # optional: time and view animate this long between slides
//   play_seconds = 8.0         # optional: default for slides that play a range
//
//   [[slide]]
//   date = 2014-06-10          # a TOML date or a string "2014-06-10" / "2014-06" (month)
//   title = "Mosul falls"
//   caption = "..."
//   sources = ["Reuters, 10 June 2014: ...", "https://..."]   # or one string
//   view = { centre = [43.13, 36.34], width_km = 400 }        # longitude, latitude
//
//   [[slide]]
//   from = 2016-10-17          # a range: the slide plays from `from` to `to`
//   to = 2017-07-10
//   play_seconds = 10          # optional
//   view = { bbox = [41.5, 35.5, 44.5, 37.0] }                # lon0, lat0, lon1, lat1
//
// A slide without `view` keeps the previous slide's view (the first one: the whole map).
// Errors name file:line:column; unknown keys are warnings (Story::warnings).
#pragma once

#include <filesystem>
#include <optional>

#include "geo/model/result.hpp"
#include "geo/model/story.hpp"

namespace frontline {

Result<Story> loadStory(const std::filesystem::path& path);
// The same from text (`name` is used in messages).
Result<Story> parseStory(const std::string& text, const std::string& name);

// The story that comes with a dataset: `story.toml` beside its manifest, if there is one.
std::optional<std::filesystem::path> storyBesideDataset(const std::filesystem::path& dataset);

}  // namespace frontline
