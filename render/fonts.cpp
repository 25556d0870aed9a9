#include "render/fonts.hpp"

#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace frontline {
namespace {

struct Candidate {
  const char* folder;
  const char* regular;
  const char* bold;
  const char* italic;
};

constexpr Candidate kCandidates[] = {
    {"/usr/share/fonts/truetype/noto", "NotoSans-Regular.ttf", "NotoSans-Bold.ttf", "NotoSans-Italic.ttf"},
    {"/usr/share/fonts/truetype/dejavu", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf", "DejaVuSans-Oblique.ttf"},
};

}  // namespace

const FontFace& FontSet::get(FontStyle style) const {
  switch (style) {
    case FontStyle::Bold: return *bold;
    case FontStyle::Italic: return *italic;
    default: return *regular;
  }
}

Result<FontSet> FontSet::loadDefault() {
  std::vector<Candidate> candidates(std::begin(kCandidates), std::end(kCandidates));
  std::string custom;
  if (const char* dir = std::getenv("FRONTLINE_FONT_DIR"); dir && *dir) {
    custom = dir;
    candidates.insert(candidates.begin(), {custom.c_str(), "NotoSans-Regular.ttf", "NotoSans-Bold.ttf",
                                           "NotoSans-Italic.ttf"});
  }
  std::string tried;
  for (const Candidate& c : candidates) {
    const std::filesystem::path folder(c.folder);
    std::error_code ec;
    if (!std::filesystem::exists(folder / c.regular, ec)) {
      tried += (tried.empty() ? "" : ", ") + (folder / c.regular).string();
      continue;
    }
    FontSet set;
    auto regular = FontFace::load(folder / c.regular);
    if (!regular) return regular.error();
    set.regular = std::move(regular).value();
    auto loadOr = [&](const char* name) -> Result<std::unique_ptr<FontFace>> {
      if (std::filesystem::exists(folder / name, ec)) return FontFace::load(folder / name);
      return FontFace::load(folder / c.regular);
    };
    auto bold = loadOr(c.bold);
    if (!bold) return bold.error();
    set.bold = std::move(bold).value();
    auto italic = loadOr(c.italic);
    if (!italic) return italic.error();
    set.italic = std::move(italic).value();
    return set;
  }
  return makeError(ErrorKind::Render, "fonts",
                   "no map font found (tried " + tried + "); install fonts-noto-core (apt-get install fonts-noto-core)");
}

}  // namespace frontline
