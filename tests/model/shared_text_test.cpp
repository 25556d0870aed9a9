// SharedText reads like a string and shares its buffer between copies; TextPool interns.
#include "geo/model/shared_text.hpp"

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <utility>

namespace frontline {
namespace {

TEST(SharedText, ReadsLikeTheStringItWasMadeFrom) {
  const SharedText raqqa("Raqqa");
  EXPECT_EQ(raqqa, "Raqqa");
  EXPECT_EQ(raqqa, std::string("Raqqa"));
  EXPECT_EQ(std::string("Raqqa"), raqqa);
  EXPECT_NE(raqqa, "Raqq");
  EXPECT_EQ(raqqa.size(), 5u);
  EXPECT_STREQ(raqqa.c_str(), "Raqqa");
  EXPECT_EQ(raqqa.str() + "!", "Raqqa!");
  EXPECT_EQ("in " + raqqa, "in Raqqa");
  EXPECT_LT(SharedText("Aleppo"), raqqa);
  const std::string embedded("a\0b", 3);  // cells may hold any byte
  EXPECT_EQ(SharedText(embedded).view(), embedded);
}

TEST(SharedText, EmptyNeedsNoBuffer) {
  const SharedText empty, fromEmpty("");
  EXPECT_TRUE(empty.empty());
  EXPECT_EQ(empty, fromEmpty);
  EXPECT_EQ(empty, "");
  EXPECT_STREQ(empty.c_str(), "");
}

TEST(SharedText, CopiesShareAndOutliveTheOriginal) {
  auto original = std::make_unique<SharedText>("Deir ez-Zor");
  SharedText copy = *original;
  EXPECT_TRUE(copy.sharesBufferWith(*original));
  SharedText assigned;
  assigned = copy;
  original.reset();
  EXPECT_EQ(copy, "Deir ez-Zor");
  SharedText moved = std::move(copy);
  EXPECT_EQ(moved, "Deir ez-Zor");
  const SharedText& self = assigned;
  assigned = self;  // self-assignment keeps the text
  EXPECT_EQ(assigned, "Deir ez-Zor");
}

TEST(TextPool, InternsEqualStringsToOneBuffer) {
  TextPool pool;
  const SharedText a = pool.intern(std::string("islamic_state"));
  const SharedText b = pool.intern("islamic_state");
  const SharedText c = pool.intern("sdf");
  EXPECT_TRUE(a.sharesBufferWith(b));
  EXPECT_FALSE(a.sharesBufferWith(c));
  EXPECT_EQ(b, "islamic_state");
  EXPECT_TRUE(pool.intern("").empty());
}

}  // namespace
}  // namespace frontline
