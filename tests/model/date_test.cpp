#include "geo/model/date.hpp"

#include <gtest/gtest.h>

namespace frontline {
namespace {

TEST(Date, ParsesDaysAndMonths) {
  auto d = Date::parse("2017-10-17");
  ASSERT_TRUE(d.ok());
  EXPECT_EQ(d->year(), 2017);
  EXPECT_EQ(d->month(), 10);
  EXPECT_EQ(d->day(), 17);
  EXPECT_EQ(d->iso(), "2017-10-17");
  EXPECT_EQ(d->display(), "17 October 2017");
  EXPECT_EQ(d->precision(), DatePrecision::Day);

  auto m = Date::parse("2014-06");
  ASSERT_TRUE(m.ok());
  EXPECT_EQ(m->precision(), DatePrecision::Month);
  EXPECT_EQ(m->iso(), "2014-06");
  EXPECT_EQ(m->display(), "June 2014");
  EXPECT_EQ(m->day(), 1);
}

TEST(Date, RejectsInvalidDates) {
  for (const char* bad : {"", "2017", "2017-13-01", "2017-02-30", "2017-00-10", "17-10-2017", "2017/10/17",
                          "2017-10-17x", "2017-1-7", "abcd-ef-gh", "2019-02-29"}) {
    auto d = Date::parse(bad);
    EXPECT_FALSE(d.ok()) << bad;
    if (!d.ok()) {
      EXPECT_NE(d.error().what.find(bad), std::string::npos) << d.error().what;
    }
  }
  EXPECT_TRUE(Date::parse("2016-02-29").ok());  // leap year
}

TEST(Date, DayArithmeticAndOrdering) {
  const Date a = *Date::parse("2017-12-31");
  EXPECT_EQ(a.plusDays(1).iso(), "2018-01-01");
  EXPECT_LT(a, a.plusDays(1));
  EXPECT_EQ(Date::fromDays(0).iso(), "1970-01-01");
  EXPECT_EQ((*Date::parse("2019-03-23")).days() - (*Date::parse("2014-06-10")).days(), 1747);
}

}  // namespace
}  // namespace frontline
