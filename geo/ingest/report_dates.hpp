// Dates as reports write them: absolute ("3 November 2017", "Nov. 3", "November 3, 2017",
// "2017-11-03") and relative to the publication date ("on Friday", "yesterday", "last week").
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "geo/model/date.hpp"

namespace frontline::ingest {

struct DateMention {
  size_t begin = 0, end = 0;  // byte offsets in the text searched
  std::string text;
  std::optional<Date> date;   // empty: the expression needs a publication date that is missing
  bool relative = false;      // "on Friday", "yesterday": resolved against the publication date
  bool approximate = false;   // "last week", "earlier this month": a rough date
  bool yearFromWeekday = false;  // "Thursday, September 8" without a publication date: the year in which that day was a Thursday
};

// Every date expression in `text`, in order. `reference` (the publication date) resolves relative
// expressions and supplies missing years (the most recent such date not after reference + 1 day).
// Without a reference, a weekday with its day and month ("Thursday, September 8", "Wednesday (Oct 2)")
// takes the most recent year, not after `latest`, in which that day fell on that weekday.
std::vector<DateMention> findDates(std::string_view text, const std::optional<Date>& reference,
                                   const std::optional<Date>& latest = std::nullopt);

// A publication date as headers and meta tags write it: ISO (with or without a time),
// "17 November 2017", "Nov 17, 2017", "Fri, 17 Nov 2017 10:00:00 GMT". nullopt if none, or no year.
std::optional<Date> parsePublicationDate(std::string_view text);

// January = 1 .. December = 12 for a month name or abbreviation (any case, "Sept" too); 0 otherwise.
int monthNumber(std::string_view word);

}  // namespace frontline::ingest
