// Place-name normalisation: turns the many spellings of a name into keys that compare equal.
// foldName handles case, diacritics, apostrophes/ayn/hamza and hyphens; NameKeys adds Arabic
// article removal (exact key), transliteration classes (phonetic key) and a consonant skeleton.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace frontline {

// Lowercase, diacritics and marks removed, words separated by single spaces:
// "Tall ‘Afar" -> "tall afar", "Dayr az-Zawr" -> "dayr az zawr", "Ḩajīn" -> "hajin".
// Letters of other scripts are kept (Arabic hamza seats and final forms unified). Ill-formed UTF-8
// bytes are dropped.
std::string foldName(std::string_view utf8);

// The words of a folded name without Arabic articles: "al", "el" before any word, and the
// assimilated forms before their letter ("ar raqqah", "ad dawr", "ath thawrah", "ez zor", "ash sham").
// An article is never the last word, so a name is never emptied.
std::vector<std::string_view> coreWords(std::string_view folded);

// True when `word` is an article in front of `next` (see coreWords).
bool isArabicArticle(std::string_view word, std::string_view next);

struct NameKeys {
  // Folded words without articles, joined: "Deir ez-Zor" -> "deirzor", "Al Qa'im" -> "qaim".
  std::string exact;
  // The exact key with transliteration classes folded: vowel runs to a/e/i/u (o=u, ou/oo/aw=u,
  // ei/ay/ai=e, ee=i), q/k/g/gh=k, kh/x=h, sh/ch=S, th/dh/z=z, dj=j, v=w, p=b, doubled letters once,
  // a word-final h after a vowel dropped, Albu/Abu/Bu=bu and Tal/Tall/Tel/Tell=tal as first words,
  // Jebel/Jabal and Sheik/Sheikh as one word each.
  // "Deir el-Zour" -> "derzur", "Boukamal" -> "bukamal". Ukrainian and Russian Cyrillic words are
  // romanised first (cyrillicToLatin): "Харків" -> "harkiw" as "Kharkiv". Empty for other scripts.
  std::string phonetic;
  // The phonetic key without vowels, S as s: "derzur" -> "drzr". Empty when phonetic is empty.
  std::string skeleton;
};

NameKeys makeNameKeys(std::string_view utf8);

// A folded Cyrillic word in the Latin letters reports use: "харків" -> "kharkiv", "харьков" ->
// "kharkov" (і ї є ґ mark Ukrainian: г = h, и = y; else Russian: г = g, и = i). Empty if the word is
// not all Cyrillic letters.
std::string cyrillicToLatin(std::string_view word);

// Phonetic key of folded ASCII (or Cyrillic) words (already without articles); empty if a word is not ASCII.
std::string phoneticKey(const std::vector<std::string_view>& words);

// The phonetic key's consonants.
std::string skeletonKey(std::string_view phonetic);

// True for the vowel classes of a phonetic key ('a', 'e', 'i', 'u').
inline bool isPhoneticVowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'u'; }

// Weighted edit distance between phonetic keys (optimal string alignment). Costs: e<->a and e<->i
// 0.25; other vowel changes, insertions and deletions 0.5; inserting or deleting h, y or w 0.75;
// y<->i, w<->u, s<->S and c<->k/j/s 0.5 (c is k in Raca, j in Kurdish Celewla); everything else,
// and adjacent transpositions, 1. Returns a value above `limit` as soon as the distance must exceed it.
double phoneticDistance(std::string_view a, std::string_view b, double limit);

}  // namespace frontline
