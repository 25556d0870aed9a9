#include "geo/model/lonlat_box.hpp"

#include <gtest/gtest.h>

namespace frontline {
namespace {

TEST(LonLatBox, Parses) {
  auto b = LonLatBox::parse("34,28, 50,40");
  ASSERT_TRUE(b.ok());
  EXPECT_DOUBLE_EQ(b->lon0, 34);
  EXPECT_DOUBLE_EQ(b->lat1, 40);
  EXPECT_TRUE(b->contains(40, 33));
  EXPECT_FALSE(b->contains(51, 33));
}

TEST(LonLatBox, RejectsBadBoxes) {
  for (const char* bad : {"", "1,2,3", "1,2,3,4,5", "a,b,c,d", "50,28,34,40", "34,40,50,28", "-200,0,10,10",
                          "0,-95,10,10", "1,,3,4"}) {
    auto b = LonLatBox::parse(bad);
    EXPECT_FALSE(b.ok()) << bad;
  }
}

}  // namespace
}  // namespace frontline
