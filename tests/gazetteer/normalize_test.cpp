// Name normalisation: folding, article removal, transliteration keys and the weighted distance.
#include <gtest/gtest.h>

#include <ostream>
#include <string>
#include <vector>

#include "geo/gazetteer/normalize.hpp"
#include "geo/gazetteer/utf8.hpp"

namespace frontline {
namespace {

TEST(gazetteerFoldName, LowercasesAndStripsDiacritics) {
  EXPECT_EQ(foldName("Ālbū Kamāl"), "albu kamal");
  EXPECT_EQ(foldName("Ḩajīn"), "hajin");
  EXPECT_EQ(foldName("Al Buşayrah"), "al bushayrah");  // ş is "sh" (Turkish, Kurdish)
  EXPECT_EQ(foldName("Tall Abyaḑ"), "tall abyad");
  EXPECT_EQ(foldName("Deïr ez Zor"), "deir ez zor");
  EXPECT_EQ(foldName("Ţarţūs"), "tartus");
  EXPECT_EQ(foldName("Şanlıurfa"), "shanliurfa");
  EXPECT_EQ(foldName("Akçakale"), "akchakale");
  EXPECT_EQ(foldName("Hewlêr"), "hewler");
  EXPECT_EQ(foldName("MOSUL"), "mosul");
}

TEST(gazetteerFoldName, DropsApostrophesAndAynHamzaMarks) {
  EXPECT_EQ(foldName("Tall ‘Afar"), "tall afar");   // U+2018
  EXPECT_EQ(foldName("Al Qā’im"), "al qaim");       // U+2019
  EXPECT_EQ(foldName("Al Qa'im"), "al qaim");
  EXPECT_EQ(foldName("Tal `Afar"), "tal afar");
  EXPECT_EQ(foldName("Talʿafar"), "talafar");      // U+02BF ayn
  EXPECT_EQ(foldName("al-Bāġūz"), "al baguz");
  EXPECT_EQ(foldName("Sāmarrāʾ"), "samarra");       // U+02BE hamza
  EXPECT_EQ(foldName("Ma\u0304yadin"), "mayadin");  // combining macron
}

TEST(gazetteerFoldName, HyphensDashesAndPunctuationSeparateWords) {
  EXPECT_EQ(foldName("Deir ez-Zor"), "deir ez zor");
  EXPECT_EQ(foldName("ar‐Raqqah"), "ar raqqah");  // U+2010
  EXPECT_EQ(foldName("Abu Kamal – Syria"), "abu kamal syria");
  EXPECT_EQ(foldName("  Hit,  Anbar. "), "hit anbar");
  EXPECT_EQ(foldName("Qaim (town)"), "qaim town");
  EXPECT_EQ(foldName(""), "");
  EXPECT_EQ(foldName("'-'"), "");
}

TEST(gazetteerFoldName, UnifiesArabicSpellingsAndKeepsOtherScripts) {
  EXPECT_EQ(foldName("دَيْرُ ٱلزَّوْرِ"), foldName("دير الزور"));  // vowel signs, alef wasla
  EXPECT_EQ(foldName("الرقة"), foldName("الرقه"));             // ta marbuta
  EXPECT_EQ(foldName("أربيل"), foldName("اربيل"));             // hamza seat
  EXPECT_EQ(foldName("Абу-Камаль"), "абу камаль");
}

TEST(gazetteerFoldName, DropsIllFormedBytes) {
  EXPECT_EQ(foldName("Ra\xFFqqa"), "raqqa");
  EXPECT_EQ(foldName("Ra\xC3"), "ra");  // truncated sequence at the end
}

TEST(gazetteerUtf8, DecodesAndEncodesRoundTrip) {
  const std::string text = "a\u00E9\u1E29\u0627\U0001F600";
  std::string again;
  size_t pos = 0;
  std::vector<char32_t> cps;
  while (pos < text.size()) cps.push_back(decodeUtf8(text, pos));
  ASSERT_EQ(cps.size(), 5u);
  EXPECT_EQ(cps[2], U'\u1E29');
  for (const char32_t cp : cps) appendUtf8(again, cp);
  EXPECT_EQ(again, text);
  const std::string bad = "\xE2\x82";
  pos = 0;
  EXPECT_EQ(decodeUtf8(bad, pos), U'\uFFFD');
  EXPECT_EQ(pos, 1u);
}

TEST(gazetteerArticles, RemovesArabicArticleForms) {
  auto words = [](const char* name) {
    std::vector<std::string> out;
    const std::string folded = foldName(name);
    for (auto w : coreWords(folded)) out.emplace_back(w);
    return out;
  };
  using V = std::vector<std::string>;
  EXPECT_EQ(words("al-Qaim"), V{"qaim"});
  EXPECT_EQ(words("El Kaim"), V{"kaim"});
  EXPECT_EQ(words("ar-Raqqah"), V{"raqqah"});
  EXPECT_EQ(words("Deir ez-Zor"), (V{"deir", "zor"}));
  EXPECT_EQ(words("Dayr az Zawr"), (V{"dayr", "zawr"}));
  EXPECT_EQ(words("Ath Thawrah"), V{"thawrah"});
  EXPECT_EQ(words("Ash Shaddadah"), V{"shaddadah"});
  EXPECT_EQ(words("An Najaf"), V{"najaf"});
  EXPECT_EQ(words("Ayn al-Arab"), (V{"ayn", "arab"}));
  // Not articles: the letter does not match, or nothing follows.
  EXPECT_EQ(words("Ar Rutbah"), V{"rutbah"});
  EXPECT_EQ(words("As Rutbah"), (V{"as", "rutbah"}));
  EXPECT_EQ(words("An Nasiriyah"), V{"nasiriyah"});
  EXPECT_EQ(words("Al"), V{"al"});
  EXPECT_TRUE(isArabicArticle("el", "bab"));
  EXPECT_FALSE(isArabicArticle("ez", "bab"));
  EXPECT_FALSE(isArabicArticle("al", ""));
}

// Spellings of one place, from the issue: every group shares one key of the given kind.
struct Group {
  const char* kind;  // "exact", "phonetic" or "skeleton"
  std::vector<const char*> names;
};

void PrintTo(const Group& g, std::ostream* os) { *os << g.kind << " key of " << g.names.front() << "..."; }

class SpellingGroups : public testing::TestWithParam<Group> {};

TEST_P(SpellingGroups, ShareAKey) {
  const Group& g = GetParam();
  auto key = [&](const char* name) {
    const NameKeys k = makeNameKeys(name);
    return std::string(g.kind) == "exact" ? k.exact : std::string(g.kind) == "phonetic" ? k.phonetic : k.skeleton;
  };
  const std::string first = key(g.names.front());
  EXPECT_FALSE(first.empty());
  for (const char* name : g.names) EXPECT_EQ(key(name), first) << name << " vs " << g.names.front();
}

INSTANTIATE_TEST_SUITE_P(
    gazetteerIssue3, SpellingGroups,
    testing::Values(Group{"phonetic", {"Albu Kamal", "Abu Kamal", "Boukamal", "Al-Bukamal", "Bukamal", "Al Bu Kamal"}},
                    Group{"phonetic", {"Deir ez-Zor", "Deir al-Zor", "Deir el-Zour", "Dayr az Zawr", "Deyr ez-Zor"}},
                    Group{"skeleton", {"Deir ez-Zor", "Deir Ezzor", "Dair az-Zaur"}},
                    Group{"exact", {"al-Qaim", "Qaim", "Al Qa'im", "Al Qā’im"}},
                    Group{"phonetic", {"al-Qaim", "El Kaim", "Al Qa'im"}},
                    Group{"phonetic", {"Tal Afar", "Tall 'Afar", "Tel Afar"}},
                    Group{"skeleton", {"Tal Afar", "Telafer", "Talafar"}},
                    Group{"phonetic", {"Rawa", "Rawah", "Rāwah"}},
                    Group{"phonetic", {"Raqqa", "ar-Raqqah", "Rakka", "Al-Raqqah"}},
                    Group{"phonetic", {"Mayadin", "Mayadeen", "Al Mayadin", "al-Mayādīn"}},
                    Group{"skeleton", {"Kobani", "Kobane", "Kobanî"}},
                    Group{"phonetic", {"Ayn al-Arab", "Ain al-Arab", "‘Ayn al ‘Arab"}},
                    Group{"phonetic", {"Heet", "Hit", "Hīt"}},
                    Group{"phonetic", {"Qayara", "Qayyarah", "Al Qayyārah"}}),
    [](const testing::TestParamInfo<Group>& param) { return "Group" + std::to_string(param.index); });

TEST(gazetteerPhoneticKey, FoldsTransliterationClasses) {
  EXPECT_EQ(makeNameKeys("Deir el-Zour").phonetic, "derzur");
  EXPECT_EQ(makeNameKeys("Boukamal").phonetic, "bukamal");
  EXPECT_EQ(makeNameKeys("Khan Shaykhun").phonetic, makeNameKeys("Khan Sheikhoun").phonetic);
  EXPECT_EQ(makeNameKeys("Zakho").phonetic, makeNameKeys("Zaxo").phonetic);  // kh = x
  EXPECT_EQ(makeNameKeys("Dhiban").phonetic, makeNameKeys("Ziban").phonetic);
  EXPECT_EQ(makeNameKeys("Jebel Sinjar").phonetic, makeNameKeys("Jabal Sinjar").phonetic);
  EXPECT_EQ(makeNameKeys("Qayyarah").phonetic, "kayara");  // yy is a consonant, final h after a vowel drops
  EXPECT_EQ(makeNameKeys("Heet").skeleton, "ht");
  EXPECT_TRUE(makeNameKeys("القامشلي").phonetic.empty());  // not Latin script: exact key only
  EXPECT_FALSE(makeNameKeys("القامشلي").exact.empty());
}

TEST(gazetteerPhoneticDistance, WeighsVowelsLessThanConsonants) {
  EXPECT_EQ(phoneticDistance("kubani", "kubani", 3), 0.0);
  EXPECT_DOUBLE_EQ(phoneticDistance("kubani", "kubane", 3), 0.25);   // e ~ i
  EXPECT_DOUBLE_EQ(phoneticDistance("talafar", "tilafir", 3), 1.0);  // two a/i
  EXPECT_DOUBLE_EQ(phoneticDistance("hit", "ht", 3), 0.5);           // vowel deleted
  EXPECT_DOUBLE_EQ(phoneticDistance("bab", "bam", 3), 1.0);          // consonant changed
  EXPECT_DOUBLE_EQ(phoneticDistance("raka", "rcka", 3), 1.0);
  EXPECT_DOUBLE_EQ(phoneticDistance("raka", "raca", 3), 0.5);        // c ~ k
  EXPECT_DOUBLE_EQ(phoneticDistance("abcd", "abdc", 3), 1.0);        // transposition
  EXPECT_DOUBLE_EQ(phoneticDistance("derzur", "zurder", 10), phoneticDistance("zurder", "derzur", 10));
}

TEST(gazetteerPhoneticDistance, StopsEarlyPastTheLimit) {
  EXPECT_GT(phoneticDistance("bukamal", "dimask", 1.0), 1.0);
  EXPECT_GT(phoneticDistance("a", "abcdefgh", 1.0), 1.0);  // length alone exceeds the limit
  const std::string longA(200, 'b'), longB(200, 'b');
  EXPECT_EQ(phoneticDistance(longA, longB, 1.0), 0.0);  // long keys are compared by their beginnings
}

}  // namespace
}  // namespace frontline
