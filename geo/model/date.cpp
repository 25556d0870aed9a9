#include "geo/model/date.hpp"

#include <array>
#include <charconv>
#include <chrono>
#include <cstdio>

namespace frontline {
namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};

std::chrono::year_month_day ymdOf(int32_t days) {
  return std::chrono::year_month_day{std::chrono::sys_days{std::chrono::days{days}}};
}

bool parseFixedDigits(std::string_view text, int& out) {
  if (text.empty()) return false;
  for (char c : text)
    if (c < '0' || c > '9') return false;
  auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), out);
  return ec == std::errc() && ptr == text.data() + text.size();
}

Error badDate(std::string_view text, std::string why) {
  return makeError(ErrorKind::Data, "", "invalid date '" + std::string(text) + "': " + why);
}

}  // namespace

Date Date::fromDays(int32_t days, DatePrecision precision) {
  Date d;
  d.days_ = days;
  d.precision_ = precision;
  return d;
}

Result<Date> Date::fromYmd(int year, int month, int day) {
  using namespace std::chrono;
  const year_month_day ymd{std::chrono::year{year}, std::chrono::month{static_cast<unsigned>(month)},
                           std::chrono::day{static_cast<unsigned>(day)}};
  if (year < 1 || year > 9999 || !ymd.ok())
    return makeError(ErrorKind::Data, "", "no such day: " + std::to_string(year) + "-" +
                                              std::to_string(month) + "-" + std::to_string(day));
  return fromDays(static_cast<int32_t>(sys_days{ymd}.time_since_epoch().count()));
}

Result<Date> Date::parse(std::string_view text) {
  constexpr const char* kExpected = "expected YYYY-MM-DD (or YYYY-MM for a whole month)";
  if (text.size() != 10 && text.size() != 7) return badDate(text, kExpected);
  int year = 0, month = 0, day = 1;
  if (text[4] != '-' || !parseFixedDigits(text.substr(0, 4), year) ||
      !parseFixedDigits(text.substr(5, 2), month))
    return badDate(text, kExpected);
  const bool monthOnly = text.size() == 7;
  if (!monthOnly && (text[7] != '-' || !parseFixedDigits(text.substr(8, 2), day)))
    return badDate(text, kExpected);
  if (year < 1) return badDate(text, "year must be 0001..9999");
  if (month < 1 || month > 12) return badDate(text, "month must be 01..12");
  if (day < 1 || day > 31) return badDate(text, "day must be 01..31");
  auto date = fromYmd(year, month, day);
  if (!date) return badDate(text, "no such day in that month");
  Date result = *date;
  if (monthOnly) result.precision_ = DatePrecision::Month;
  return result;
}

int Date::year() const { return static_cast<int>(ymdOf(days_).year()); }
int Date::month() const { return static_cast<int>(static_cast<unsigned>(ymdOf(days_).month())); }
int Date::day() const { return static_cast<int>(static_cast<unsigned>(ymdOf(days_).day())); }

std::string Date::iso() const {
  char buf[16];
  if (precision_ == DatePrecision::Month)
    std::snprintf(buf, sizeof buf, "%04d-%02d", year(), month());
  else
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year(), month(), day());
  return buf;
}

std::string Date::display() const {
  const std::string monthYear =
      std::string(kMonthNames[static_cast<size_t>(month() - 1)]) + " " + std::to_string(year());
  if (precision_ == DatePrecision::Month) return monthYear;
  return std::to_string(day()) + " " + monthYear;
}

}  // namespace frontline
