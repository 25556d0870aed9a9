// `frontline stats`: the area series a reader checks against published totals.
#include <gtest/gtest.h>

#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/run_command.hpp"

namespace frontline {
namespace {

std::vector<std::vector<std::string>> csvRows(const std::string& text) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    std::vector<std::string> row;
    std::string cell;
    bool quoted = false;
    for (char c : line) {
      if (c == '"') quoted = !quoted;
      else if (c == ',' && !quoted) row.push_back(cell), cell.clear();
      else cell += c;
    }
    row.push_back(cell);
    rows.push_back(row);
  }
  return rows;
}

TEST(StatsCommand, IslamicStateAreaShrinksAndSharesAddUp) {
  auto r = test::runCommand(test::frontline() + " stats --from 2015-06-01 --to 2018-06-01 --step 365d -q");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto rows = csvRows(r.out);
  ASSERT_GT(rows.size(), 4u);
  EXPECT_EQ(rows[0], (std::vector<std::string>{"date", "controller", "name", "area_km2", "settled_km2", "places",
                                                "settlements", "IQ_km2", "IQ_share", "SY_km2", "SY_share"}));
  std::map<std::string, double> isArea;
  std::map<std::string, double> iraqShare;
  for (size_t i = 1; i < rows.size(); ++i) {
    const auto& row = rows[i];
    ASSERT_EQ(row.size(), rows[0].size());
    // The controller's area is its Iraqi plus its Syrian part.
    EXPECT_NEAR(std::stod(row[3]), std::stod(row[7]) + std::stod(row[9]), 2.0) << row[0] << " " << row[1];
    EXPECT_LE(std::stod(row[4]), std::stod(row[3]) + 1);
    iraqShare[row[0]] += std::stod(row[8]);
    if (row[1] == "islamic_state") isArea[row[0]] = std::stod(row[3]);
  }
  ASSERT_EQ(isArea.size(), 4u);  // 2015-06-01, 2016-05-31, 2017-05-31, 2018-05-31
  EXPECT_GT(isArea["2015-06-01"], isArea["2016-05-31"]);
  EXPECT_GT(isArea["2016-05-31"], isArea["2017-05-31"]);
  EXPECT_GT(isArea["2017-05-31"], isArea["2018-05-31"]);
  for (const auto& [date, share] : iraqShare) EXPECT_LE(share, 1.0001) << date;  // nobody holds more than Iraq
}

TEST(StatsCommand, BadOptionsAreOneClearLine) {
  for (const std::string args : {"--step 0d", "--by region", "--date 2016-02-30", "--from 2017-01-01 --to 2016-01-01",
                                 "--date 2016-01-01 --from 2015-01-01"}) {
    auto r = test::runCommand(test::frontline() + " stats -q " + args);
    EXPECT_EQ(r.exitCode, 2) << args << ": " << r.err;
    EXPECT_NE(r.err.find("frontline stats:"), std::string::npos) << r.err;
  }
}

}  // namespace
}  // namespace frontline
