#include "geo/gis/acled_import.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <vector>

#include "geo/gis/text.hpp"

namespace frontline {
namespace {

using text::concat;
using text::lower;
using text::trim;

bool parseInt(std::string_view text, int& out) {
  if (text.empty()) return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

// 1..12 for an English month name or its three-letter abbreviation ("Sept" too); 0 otherwise.
int monthNumber(std::string_view word) {
  static constexpr std::array<std::string_view, 12> kMonths = {"january", "february", "march",     "april",
                                                                "may",     "june",     "july",      "august",
                                                                "september", "october", "november", "december"};
  const std::string w = lower(word);
  if (w.size() < 3) return 0;
  for (size_t i = 0; i < kMonths.size(); ++i)
    if (w == kMonths[i] || w == kMonths[i].substr(0, 3) || (i == 8 && w == "sept")) return static_cast<int>(i + 1);
  return 0;
}

std::vector<std::string_view> words(std::string_view text) {
  std::vector<std::string_view> out;
  size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '-' || text[i] == ',' || text[i] == '.')) ++i;
    const size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '-' && text[i] != ',' && text[i] != '.') ++i;
    if (i > start) out.push_back(text.substr(start, i - start));
  }
  return out;
}

Error badDate(std::string_view text) {
  return makeError(ErrorKind::Data, "",
                   concat({"invalid date '", text, "': expected YYYY-MM-DD (or YYYY-MM for a whole month, or 15 October 2017)"}));
}

}  // namespace

std::optional<AcledColumns> detectAcled(const TableHeader& header) {
  AcledColumns c;
  c.eventDate = header.find("event_date");
  c.subEventType = header.find("sub_event_type");
  c.actor1 = header.find("actor1");
  c.location = header.find("location");
  if (c.eventDate < 0 || c.subEventType < 0 || c.actor1 < 0 || c.location < 0) return std::nullopt;
  c.latitude = header.find("latitude");
  c.longitude = header.find("longitude");
  c.country = header.find("country");
  c.source = header.find("source");
  c.notes = header.find("notes");
  c.geoPrecision = header.find("geo_precision");
  c.eventId = header.find("event_id_cnty");
  return c;
}

bool isTerritorialTransfer(std::string_view subEventType) {
  const std::string s = lower(trim(subEventType));
  // Older exports combine the event type: "Battle-Government regains territory".
  const size_t dash = s.find('-');
  const std::string_view tail = dash != std::string::npos && s.compare(0, 6, "battle") == 0
                                    ? std::string_view(s).substr(dash + 1)
                                    : std::string_view(s);
  const std::string_view t = trim(tail);
  return t == "government regains territory" || t == "non-state actor overtakes territory" ||
         t == "non-violent transfer of territory";
}

Confidence confidenceFromGeoPrecision(std::string_view geoPrecision) {
  const std::string_view t = trim(geoPrecision);
  if (t == "2") return Confidence::Medium;
  if (t == "3") return Confidence::Low;
  return Confidence::High;
}

Result<Date> parseEventDate(std::string_view text) {
  text = trim(text);
  if (text.size() == 10 && text[4] == '/' && text[7] == '/') {
    std::string iso(text);
    iso[4] = iso[7] = '-';
    auto d = Date::parse(iso);
    if (d) return d;
    return badDate(text);
  }
  if (text.size() >= 5 && text[4] == '-' && std::isdigit(static_cast<unsigned char>(text[0]))) {
    // "2017-10-15T00:00:00" (a spreadsheet's date and time) counts as the day.
    if (text.size() > 10 && text[10] == 'T') text = text.substr(0, 10);
    return Date::parse(text);
  }
  // "15 October 2017", "15-Oct-2017", "October 2017".
  const std::vector<std::string_view> w = words(text);
  int day = 0, year = 0, month = 0;
  if (w.size() == 3 && parseInt(w[0], day) && (month = monthNumber(w[1])) > 0 && parseInt(w[2], year) &&
      w[2].size() == 4) {
    auto d = Date::fromYmd(year, month, day);
    if (d) return d;
    return makeError(ErrorKind::Data, "", concat({"invalid date '", text, "': no such day in that month"}));
  }
  if (w.size() == 2 && (month = monthNumber(w[0])) > 0 && parseInt(w[1], year) && w[1].size() == 4) {
    auto d = Date::fromYmd(year, month, 1);
    if (d) return Date::fromDays(d->days(), DatePrecision::Month);
  }
  return badDate(text);
}

}  // namespace frontline
