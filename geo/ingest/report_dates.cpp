#include "geo/ingest/report_dates.hpp"

#include <array>
#include <cctype>
#include <charconv>

namespace frontline::ingest {
namespace {

struct Word {
  std::string_view text;
  size_t begin = 0, end = 0;
};

bool isAlnum(char c) { return std::isalnum(static_cast<unsigned char>(c)) != 0; }

std::vector<Word> words(std::string_view text) {
  std::vector<Word> out;
  size_t i = 0;
  while (i < text.size()) {
    if (!isAlnum(text[i])) {
      ++i;
      continue;
    }
    size_t j = i;
    while (j < text.size() && isAlnum(text[j])) ++j;
    out.push_back({text.substr(i, j - i), i, j});
    i = j;
  }
  return out;
}

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool capitalised(std::string_view w) { return !w.empty() && std::isupper(static_cast<unsigned char>(w[0])); }

int number(std::string_view w, size_t minDigits, size_t maxDigits) {
  size_t digits = 0;
  while (digits < w.size() && std::isdigit(static_cast<unsigned char>(w[digits]))) ++digits;
  if (digits < minDigits || digits > maxDigits) return -1;
  const std::string_view rest = w.substr(digits);
  if (!rest.empty() && rest != "st" && rest != "nd" && rest != "rd" && rest != "th") return -1;
  int value = 0;
  std::from_chars(w.data(), w.data() + digits, value);
  return value;
}

int weekdayNumber(std::string_view word) {  // Monday = 0
  static const std::array<const char*, 7> names{"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  const std::string l = lower(word);
  for (size_t i = 0; i < names.size(); ++i)
    if (l == names[i]) return static_cast<int>(i);
  return -1;
}

int weekdayOf(const Date& d) { return ((d.days() % 7) + 7 + 3) % 7; }  // 1970-01-01 was a Thursday

// Most recent year for month/day not after reference + 1 day.
std::optional<Date> withYear(int year, int month, int day, const std::optional<Date>& reference) {
  if (year > 0) {
    auto d = day > 0 ? Date::fromYmd(year, month, day) : Date::fromYmd(year, month, 1);
    if (!d) return std::nullopt;
    return day > 0 ? *d : Date::fromDays(d->days(), DatePrecision::Month);
  }
  if (!reference) return std::nullopt;
  for (int y = reference->year(); y >= reference->year() - 1; --y) {
    auto d = Date::fromYmd(y, month, day > 0 ? day : 1);
    if (!d) continue;
    if (d->days() <= reference->days() + 1) return day > 0 ? *d : Date::fromDays(d->days(), DatePrecision::Month);
  }
  return std::nullopt;
}

}  // namespace

int monthNumber(std::string_view word) {
  static const std::array<const char*, 12> full{"january", "february", "march",     "april",   "may",      "june",
                                                "july",    "august",   "september", "october", "november", "december"};
  const std::string l = lower(word);
  for (size_t i = 0; i < full.size(); ++i)
    if (l == full[i]) return static_cast<int>(i) + 1;
  if (l == "sept") return 9;
  if (l.size() == 3)
    for (size_t i = 0; i < full.size(); ++i)
      if (std::string_view(full[i]).substr(0, 3) == l) return static_cast<int>(i) + 1;
  return 0;
}

std::vector<DateMention> findDates(std::string_view text, const std::optional<Date>& reference,
                                   const std::optional<Date>& latest) {
  std::vector<DateMention> out;
  const std::vector<Word> w = words(text);
  auto add = [&](size_t first, size_t last, std::optional<Date> date, bool relative, bool approximate) {
    DateMention m;
    m.begin = w[first].begin;
    m.end = w[last].end;
    m.text = std::string(text.substr(m.begin, m.end - m.begin));
    m.date = date;
    m.relative = relative;
    m.approximate = approximate;
    out.push_back(std::move(m));
  };
  auto lowerAt = [&](size_t i) { return i < w.size() ? lower(w[i].text) : std::string(); };
  for (size_t i = 0; i < w.size(); ++i) {
    const std::string_view t = w[i].text;
    // 2017-11-03
    if (t.size() == 4 && number(t, 4, 4) > 1900 && i + 2 < w.size() && w[i].end < text.size() && text[w[i].end] == '-' &&
        w[i + 1].begin == w[i].end + 1 && text[w[i + 1].end] == '-' && w[i + 2].begin == w[i + 1].end + 1) {
      const int m = number(w[i + 1].text, 1, 2), d = number(w[i + 2].text.substr(0, 2), 1, 2);
      if (m > 0 && d > 0) {
        if (auto date = Date::fromYmd(number(t, 4, 4), m, d)) {
          add(i, i + 2, *date, false, false);
          i += 2;
          continue;
        }
      }
    }
    // 3 November [2017]
    if (const int day = number(t, 1, 2); day > 0 && i + 1 < w.size()) {
      size_t mi = i + 1;
      if (lowerAt(mi) == "of" && mi + 1 < w.size()) ++mi;
      if (const int month = monthNumber(w[mi].text); month > 0 && capitalised(w[mi].text)) {
        const int year = mi + 1 < w.size() ? number(w[mi + 1].text, 4, 4) : -1;
        add(i, year > 0 ? mi + 1 : mi, withYear(year > 0 ? year : 0, month, day, reference), year <= 0, false);
        i = year > 0 ? mi + 1 : mi;
        continue;
      }
    }
    // November 3[, 2017] / Nov. 3 / November 2017 / in November
    if (const int month = monthNumber(t); month > 0 && capitalised(t)) {
      const bool mayBeVerb = lower(t) == "may" || lower(t) == "march";
      if (i + 1 < w.size()) {
        if (const int day = number(w[i + 1].text, 1, 2); day > 0 && day <= 31) {
          const int year = i + 2 < w.size() ? number(w[i + 2].text, 4, 4) : -1;
          add(i, year > 0 ? i + 2 : i + 1, withYear(year > 0 ? year : 0, month, day, reference), year <= 0, false);
          i += year > 0 ? 2 : 1;
          continue;
        }
        if (const int year = number(w[i + 1].text, 4, 4); year > 1900) {
          add(i, i + 1, withYear(year, month, 0, reference), false, false);
          ++i;
          continue;
        }
      }
      const std::string before = i > 0 ? lower(w[i - 1].text) : std::string();
      if (!mayBeVerb || before == "in" || before == "since" || before == "early" || before == "late" || before == "mid") {
        if (before == "in" || before == "since" || before == "early" || before == "late" || before == "mid" ||
            before == "of") {
          add(i, i, withYear(0, month, 0, reference), true, true);
          continue;
        }
      }
    }
    const std::string l = lower(t);
    if (const int wd = weekdayNumber(t); wd >= 0 && capitalised(t)) {
      // "Thursday, September 8", "Wednesday (Oct 2)", "Friday 3 November 2017": one expression
      int month = 0, day = 0, year = 0;
      size_t lastWord = i;
      if (i + 2 < w.size() && (month = monthNumber(w[i + 1].text)) > 0 && capitalised(w[i + 1].text)) {
        day = number(w[i + 2].text, 1, 2);
        lastWord = i + 2;
      } else if (i + 2 < w.size() && (day = number(w[i + 1].text, 1, 2)) > 0 &&
                 (month = monthNumber(w[i + 2].text)) > 0 && capitalised(w[i + 2].text)) {
        lastWord = i + 2;
      }
      if (month > 0 && day > 0 && day <= 31 && w[i + 1].begin - w[i].end <= 3) {
        if (lastWord + 1 < w.size() && number(w[lastWord + 1].text, 4, 4) > 1900 &&
            w[lastWord + 1].begin - w[lastWord].end <= 2)
          year = number(w[++lastWord].text, 4, 4);
        std::optional<Date> date = withYear(year, month, day, reference);
        bool fromWeekday = false;
        if (!date && latest)
          for (int y = latest->year(); y >= latest->year() - 30 && !date; --y)
            if (auto d = Date::fromYmd(y, month, day); d && d->days() <= latest->days() && weekdayOf(*d) == wd)
              date = *d, fromWeekday = true;
        add(i, lastWord, date, year == 0, false);
        out.back().yearFromWeekday = fromWeekday;
        i = lastWord;
        continue;
      }
      const bool last = i > 0 && lower(w[i - 1].text) == "last";
      std::optional<Date> date;
      if (reference) {
        int back = (weekdayOf(*reference) - wd + 7) % 7;
        if (last && back == 0) back = 7;
        date = reference->plusDays(-back);
      }
      add(last ? i - 1 : i, i, date, true, false);
      continue;
    }
    auto relativeDays = [&](int days, size_t first, size_t last, bool approximate) {
      add(first, last, reference ? std::optional<Date>(reference->plusDays(days)) : std::nullopt, true, approximate);
    };
    if (l == "yesterday") {
      relativeDays(-1, i, i, false);
    } else if (l == "today" || l == "tonight") {
      relativeDays(0, i, i, false);
    } else if (l == "last" && i + 1 < w.size() && lower(w[i + 1].text) == "week") {
      relativeDays(-7, i, i + 1, true);
      ++i;
    } else if (l == "last" && i + 1 < w.size() && lower(w[i + 1].text) == "month") {
      std::optional<Date> date;
      if (reference) {
        const int m = reference->month() == 1 ? 12 : reference->month() - 1;
        const int y = reference->month() == 1 ? reference->year() - 1 : reference->year();
        date = withYear(y, m, 0, reference);
      }
      add(i, i + 1, date, true, true);
      ++i;
    } else if (l == "this" && i + 1 < w.size() && lower(w[i + 1].text) == "morning") {
      relativeDays(0, i, i + 1, false);
      ++i;
    }
  }
  return out;
}

std::optional<Date> parsePublicationDate(std::string_view text) {
  // ISO first: 2017-11-17, 2017-11-17T10:00:00Z, 2017/11/17
  for (size_t i = 0; i + 10 <= text.size(); ++i) {
    const std::string_view s = text.substr(i, 10);
    if (std::isdigit(static_cast<unsigned char>(s[0])) && (s[4] == '-' || s[4] == '/') && s[7] == s[4]) {
      int y = -1, m = -1, d = -1;
      const bool ok = std::from_chars(s.data(), s.data() + 4, y).ptr == s.data() + 4 &&
                      std::from_chars(s.data() + 5, s.data() + 7, m).ptr == s.data() + 7 &&
                      std::from_chars(s.data() + 8, s.data() + 10, d).ptr == s.data() + 10;
      if (ok)
        if (auto date = Date::fromYmd(y, m, d)) return *date;
    }
    if (!std::isdigit(static_cast<unsigned char>(text[i]))) continue;
  }
  for (const DateMention& m : findDates(text, std::nullopt))
    if (m.date && !m.relative) return m.date;
  return std::nullopt;
}

}  // namespace frontline::ingest
