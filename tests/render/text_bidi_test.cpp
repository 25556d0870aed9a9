// Labels in other scripts: the fonts cover Cyrillic and Arabic, and right-to-left text is laid out
// right to left (fribidi runs in visual order, each shaped by HarfBuzz).
#include <gtest/gtest.h>

#include <string>

#include "render/fonts.hpp"
#include "render/text/font_face.hpp"

namespace frontline {
namespace {

std::u32string u32(const char32_t* s) { return s; }

TEST(TextBidi, AnArabicLabelIsOneRightToLeftRun) {
  const auto runs = bidiRuns(u32(U"الموصل"));
  ASSERT_EQ(runs.size(), 1u);
  EXPECT_EQ(runs[0].level % 2, 1);
  EXPECT_EQ(runs[0].length, 6u);
}

TEST(TextBidi, NumbersInArabicTextStandLeftOfTheWordsThatPrecedeThem) {
  // "Aleppo 2017" in Arabic: the paragraph is right to left, so the number (logically last) is
  // drawn leftmost and the word to its right.
  const std::u32string text = U"حلب 2017";
  const auto runs = bidiRuns(text);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(text.substr(runs[0].start, runs[0].length), U"2017");
  EXPECT_EQ(runs[0].level % 2, 0);
  EXPECT_EQ(runs[1].start, 0u);  // "حلب " to the right
  EXPECT_EQ(runs[1].level % 2, 1);
}

TEST(TextBidi, LatinTextKeepsItsOrderAndALatinParagraphKeepsArabicInPlace) {
  const auto latin = bidiRuns(u32(U"Kharkiv"));
  ASSERT_EQ(latin.size(), 1u);
  EXPECT_EQ(latin[0].level, 0);
  const std::u32string mixed = U"Mosul الموصل";
  const auto runs = bidiRuns(mixed);
  ASSERT_EQ(runs.size(), 2u);
  EXPECT_EQ(runs[0].start, 0u);  // "Mosul " first, on the left
  EXPECT_EQ(mixed.substr(runs[1].start, runs[1].length), U"الموصل");
}

TEST(TextBidi, TheFontsCoverCyrillicAndArabicLabels) {
  auto fonts = FontSet::loadDefault();
  ASSERT_TRUE(fonts) << fonts.error().message();
  ASSERT_TRUE(fonts->arabic) << "NotoSansArabic-Regular.ttf (fonts-noto-core) not found";
  auto noMissingGlyphs = [&](const std::string& text) {
    int faceId = 0;
    const ShapedText s = fonts->forText(text, FontStyle::Regular, faceId).shape(text);
    if (s.glyphs.empty()) return false;
    for (const ShapedGlyph& g : s.glyphs)
      if (g.index == 0) return false;  // .notdef: a box instead of the letter
    return true;
  };
  EXPECT_TRUE(noMissingGlyphs("Харків"));
  EXPECT_TRUE(noMissingGlyphs("Харьков"));
  EXPECT_TRUE(noMissingGlyphs("Ґалаґан Їжаківка Єнакієве"));
  EXPECT_TRUE(noMissingGlyphs("حلب"));
  EXPECT_TRUE(noMissingGlyphs("دير الزور"));
  int faceId = 0;
  fonts->forText("الرقة", FontStyle::Regular, faceId);
  EXPECT_EQ(faceId, 3);  // the Arabic face
  fonts->forText("Raqqa", FontStyle::Regular, faceId);
  EXPECT_EQ(faceId, 0);
}

TEST(TextBidi, ShapedArabicGlyphsRunLeftToRightOnScreen) {
  auto fonts = FontSet::loadDefault();
  ASSERT_TRUE(fonts && fonts->arabic);
  // Joined letters: the word is narrower than its letters shaped apart, and glyph positions grow
  // from left to right in the order the glyphs are drawn.
  const ShapedText word = fonts->arabic->shape("حلب");
  ASSERT_EQ(word.glyphs.size(), 3u);
  for (size_t i = 1; i < word.glyphs.size(); ++i) EXPECT_GT(word.glyphs[i].x, word.glyphs[i - 1].x);
  // Visual order: the rightmost glyph is the first letter (ح in its initial form), the leftmost the
  // last (ب in its final form); neither is the isolated form of the other letter.
  const ShapedText ha = fonts->arabic->shape("ح");
  const ShapedText ba = fonts->arabic->shape("ب");
  const ShapedText reversed = fonts->arabic->shape("بلح");  // the same letters the other way round
  ASSERT_EQ(ha.glyphs.size(), 1u);
  ASSERT_EQ(ba.glyphs.size(), 1u);
  ASSERT_EQ(reversed.glyphs.size(), 3u);
  EXPECT_NE(word.glyphs.front().index, reversed.glyphs.front().index);
  EXPECT_NE(word.glyphs.back().index, ha.glyphs[0].index);  // joined (initial) form, not isolated
}

}  // namespace
}  // namespace frontline
