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

const FontFace& FontSet::forText(std::string_view text, FontStyle style, int& faceId) const {
  bool arabicLetters = false;
  for (size_t i = 0; i < text.size() && !arabicLetters; ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    arabicLetters = (b >= 0xD8 && b <= 0xDB) ||  // U+0600..U+06FF
                    (b == 0xEF && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) >= 0xAD);  // U+FB50..
  }
  if (arabicLetters && arabic) {
    const bool heavy = style == FontStyle::Bold && arabicBold;
    faceId = heavy ? 4 : 3;
    return heavy ? *arabicBold : *arabic;
  }
  faceId = static_cast<int>(style);
  return get(style);
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
    // Arabic: beside the main font, else in Debian's Noto folder.
    for (const std::filesystem::path& dir : {folder, std::filesystem::path("/usr/share/fonts/truetype/noto")}) {
      if (!std::filesystem::exists(dir / "NotoSansArabic-Regular.ttf", ec)) continue;
      if (auto a = FontFace::load(dir / "NotoSansArabic-Regular.ttf")) set.arabic = std::move(a).value();
      if (std::filesystem::exists(dir / "NotoSansArabic-Bold.ttf", ec))
        if (auto a = FontFace::load(dir / "NotoSansArabic-Bold.ttf")) set.arabicBold = std::move(a).value();
      break;
    }
    return set;
  }
  return makeError(ErrorKind::Render, "fonts",
                   "no map font found (tried " + tried + "); install fonts-noto-core (apt-get install fonts-noto-core)");
}

}  // namespace frontline
