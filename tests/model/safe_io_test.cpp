// Messages quoting input, input files that are not regular files, outputs that are devices.
#include <gtest/gtest.h>

#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "geo/model/atomic_file.hpp"
#include "geo/model/date.hpp"
#include "geo/model/display_text.hpp"
#include "geo/model/error.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

std::filesystem::path scratch(const std::string& name) {
  auto dir = std::filesystem::temp_directory_path() / ("frontline-safe-io-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir / name;
}

TEST(DisplayText, EscapesControlCharactersAndInvalidUtf8) {
  EXPECT_EQ(displayText("Raqqa"), "Raqqa");
  EXPECT_EQ(displayText("a\x1b[31mb"), "a\\x1b[31mb");
  EXPECT_EQ(displayText("a\nb\tc\r"), "a\\nb\\tc\\r");
  EXPECT_EQ(displayText("a\xff"), "a\\xff");
  EXPECT_EQ(displayText("\xc2\x9b" "2J"), "\\xc2\\x9b2J");  // C1 CSI
  EXPECT_EQ(displayText("الرقة"), "الرقة");
}

TEST(DisplayText, CutsLongValuesOnCharacters) {
  const std::string cut = displayText(std::string(100000, 'q'));
  EXPECT_EQ(cut, std::string(kQuotedChars, 'q') + "...");
  std::string arabic;
  for (int i = 0; i < 100; ++i) arabic += "ر";
  EXPECT_EQ(displayText(arabic, 3), "ررر...");
}

TEST(DisplayText, SafeMessageCutsEachQuotedValue) {
  const std::string message = safeMessage("unknown controller '" + std::string(100000, 'x') + "' (add it)");
  EXPECT_EQ(message, "unknown controller '" + std::string(kQuotedChars, 'x') + "...' (add it)");
  EXPECT_LE(safeMessage(std::string(100000, 'y')).size(), kMessageChars + 3);
  EXPECT_EQ(makeError(ErrorKind::Data, "f.csv:2", "bad '\x1b]0;title\x07'").message(), "f.csv:2: bad '\\x1b]0;title\\x07'");
}

TEST(DisplayText, ValidUtf8ForGeoJson) {
  EXPECT_TRUE(isWellFormedUtf8("Raqqa الرقة"));
  EXPECT_FALSE(isWellFormedUtf8("Raq\xffqa"));
  EXPECT_FALSE(isWellFormedUtf8("\xc0\xaf"));        // overlong
  EXPECT_FALSE(isWellFormedUtf8("\xed\xa0\x80"));    // surrogate
  EXPECT_EQ(toValidUtf8("Raq\xffqa"), "Raq\xef\xbf\xbdqa");
  EXPECT_TRUE(isWellFormedUtf8(toValidUtf8("\xc0\xaf\xff\xfe")));
  // Found by fuzz_date: a lead byte 0xC2 before ASCII was kept as if it began a C1 control.
  EXPECT_EQ(toValidUtf8("35,\xc2" "298"), "35,\xef\xbf\xbd" "298");
  EXPECT_EQ(toValidUtf8("\xc2\x85"), "\xc2\x85");
}

TEST(InputFile, RefusesDevicesPipesAndFoldersWithoutBlocking) {
  auto zero = readInputFile("/dev/zero", "manifest", kMaxSmallTextBytes);
  ASSERT_FALSE(zero);
  EXPECT_EQ(zero.error().kind, ErrorKind::Input);
  EXPECT_NE(zero.error().what.find("character device"), std::string::npos);
  const auto fifo = scratch("events.csv");
  std::filesystem::remove(fifo);
  ASSERT_EQ(::mkfifo(fifo.c_str(), 0600), 0);
  auto piped = readInputFile(fifo, "table", kMaxTableBytes);  // would block forever if opened for reading
  ASSERT_FALSE(piped);
  EXPECT_NE(piped.error().what.find("pipe"), std::string::npos);
  EXPECT_FALSE(checkInputFile(fifo, "table", kMaxTableBytes));
  auto folder = readInputFile(std::filesystem::temp_directory_path(), "gazetteer", kMaxListBytes);
  ASSERT_FALSE(folder);
  EXPECT_NE(folder.error().what.find("folder"), std::string::npos);
  std::filesystem::remove(fifo);
}

TEST(InputFile, ChecksTheSizeBeforeReading) {
  const auto path = scratch("big.toml");
  { std::ofstream(path) << std::string(2000, '#'); }
  auto tooBig = readInputFile(path, "manifest", 1000);
  ASSERT_FALSE(tooBig);
  EXPECT_NE(tooBig.error().what.find("at most 1000 bytes"), std::string::npos);
  auto fits = readInputFile(path, "manifest", 4000);
  ASSERT_TRUE(fits);
  EXPECT_EQ(fits->size(), 2000u);
}

TEST(AtomicFile, DevicesAreWrittenInPlaceNotReplaced) {
  auto target = atomicWriteTarget("/dev/null");
  ASSERT_TRUE(target);
  EXPECT_EQ(*target, std::filesystem::path("/dev/null"));
  EXPECT_TRUE(writeFileAtomic("/dev/null", "text"));
  struct stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  auto full = writeFileAtomic("/dev/full", std::string(1 << 16, 'x'));
  ASSERT_FALSE(full);
  EXPECT_EQ(full.error().kind, ErrorKind::Io);
  ASSERT_EQ(::stat("/dev/full", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_FALSE(atomicWriteTarget(std::filesystem::temp_directory_path()));
  const auto regular = scratch("out.tsv");
  auto sibling = atomicWriteTarget(regular);
  ASSERT_TRUE(sibling);
  EXPECT_NE(*sibling, regular);
}

TEST(DateLimits, YearZeroIsNotAMonthProblem) {
  auto zero = Date::parse("0000-01-01");
  ASSERT_FALSE(zero);
  EXPECT_NE(zero.error().what.find("year must be 0001..9999"), std::string::npos);
  auto day0 = Date::parse("2017-01-00");
  ASSERT_FALSE(day0);
  EXPECT_NE(day0.error().what.find("day must be 01..31"), std::string::npos);
  auto feb30 = Date::parse("2017-02-30");
  ASSERT_FALSE(feb30);
  EXPECT_NE(feb30.error().what.find("no such day in that month"), std::string::npos);
}

}  // namespace
}  // namespace frontline
