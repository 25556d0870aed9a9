// Calendar dates of map time, at day or month precision ("2017-10-17", "2017-10").
// A month-precision date stands for the first day of its month and remembers that it is partial.
#pragma once

#include <compare>
#include <cstdint>
#include <string>
#include <string_view>

#include "geo/model/result.hpp"

namespace frontline {

enum class DatePrecision { Day, Month };

class Date {
 public:
  Date() = default;
  // Days since 1970-01-01 (negative before).
  static Date fromDays(int32_t days, DatePrecision precision = DatePrecision::Day);
  static Result<Date> fromYmd(int year, int month, int day);
  // Accepts YYYY-MM-DD and YYYY-MM; anything else (including 2017-02-30) is an error.
  static Result<Date> parse(std::string_view text);

  int32_t days() const { return days_; }
  DatePrecision precision() const { return precision_; }
  int year() const;
  int month() const;
  int day() const;

  std::string iso() const;      // "2017-10-17" or "2017-10"
  std::string display() const;  // "17 October 2017" or "October 2017"

  Date plusDays(int32_t n) const { return fromDays(days_ + n, DatePrecision::Day); }

  friend bool operator==(const Date& a, const Date& b) { return a.days_ == b.days_; }
  friend std::strong_ordering operator<=>(const Date& a, const Date& b) { return a.days_ <=> b.days_; }

 private:
  int32_t days_ = 0;
  DatePrecision precision_ = DatePrecision::Day;
};

}  // namespace frontline
