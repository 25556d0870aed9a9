// Report text handling: header lines, datelines, dates, sentences, encodings, HTML, CSV/JSON output.
#include <gtest/gtest.h>

#include "geo/ingest/article.hpp"
#include "geo/ingest/html_text.hpp"
#include "geo/ingest/ingest.hpp"
#include "geo/ingest/proposal_io.hpp"
#include "geo/ingest/report_dates.hpp"

namespace frontline::ingest {
namespace {

TEST(ReportDates, AbsoluteAndRelative) {
  const auto ref = *Date::parse("2017-11-18");  // a Saturday
  auto dates = findDates("on 3 November, Nov. 17 and November 9, 2017, yesterday, on Friday, last week, 2017-10-31",
                         ref);
  ASSERT_EQ(dates.size(), 7u);
  EXPECT_EQ(dates[0].date->iso(), "2017-11-03");
  EXPECT_EQ(dates[1].date->iso(), "2017-11-17");
  EXPECT_EQ(dates[2].date->iso(), "2017-11-09");
  EXPECT_EQ(dates[3].date->iso(), "2017-11-17");
  EXPECT_EQ(dates[4].date->iso(), "2017-11-17");
  EXPECT_EQ(dates[5].date->iso(), "2017-11-11");
  EXPECT_TRUE(dates[5].approximate);
  EXPECT_EQ(dates[6].date->iso(), "2017-10-31");
}

TEST(ReportDates, YearInferredBackwardsAndNothingGuessed) {
  auto dates = findDates("on 28 December", *Date::parse("2018-01-02"));
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_EQ(dates[0].date->iso(), "2017-12-28");
  dates = findDates("on Friday", std::nullopt);
  ASSERT_EQ(dates.size(), 1u);
  EXPECT_FALSE(dates[0].date);
  EXPECT_TRUE(findDates("Iraqi forces may retake it", std::nullopt).empty());  // "may" is no month
}

TEST(ReportDates, WeekdayWithDayAndMonthGivesTheYearOfAnUndatedReport) {
  const auto latest = *Date::parse("2024-12-31");
  auto dates = findDates("regained Balaklia on Thursday, September 8, and Lyman on Saturday (Oct 1)", std::nullopt, latest);
  ASSERT_EQ(dates.size(), 2u);
  ASSERT_TRUE(dates[0].date);
  EXPECT_EQ(dates[0].date->iso(), "2022-09-08");  // the last Thursday 8 September up to 2024
  EXPECT_TRUE(dates[0].yearFromWeekday);
  EXPECT_EQ(dates[0].text, "Thursday, September 8");
  ASSERT_TRUE(dates[1].date);
  EXPECT_EQ(dates[1].date->iso(), "2022-10-01");
  // without a bound nothing is guessed; with a publication date, the usual year
  EXPECT_FALSE(findDates("on Thursday, September 8", std::nullopt)[0].date);
  dates = findDates("on Thursday, September 8", *Date::parse("2022-09-10"), latest);
  ASSERT_TRUE(dates[0].date);
  EXPECT_EQ(dates[0].date->iso(), "2022-09-08");
  EXPECT_FALSE(dates[0].yearFromWeekday);
}

TEST(ReportDates, PublicationDates) {
  EXPECT_EQ(parsePublicationDate("2017-11-17T10:22:00Z")->iso(), "2017-11-17");
  EXPECT_EQ(parsePublicationDate("Fri, 17 Nov 2017 10:00:00 GMT")->iso(), "2017-11-17");
  EXPECT_EQ(parsePublicationDate("November 17, 2017")->iso(), "2017-11-17");
  EXPECT_FALSE(parsePublicationDate("Friday"));
}

TEST(Article, HeaderLinesAndDateline) {
  const Article a = parsePlainText("a.txt",
                                   "Title: Iraqi forces retake Rawa\nPublisher: Reuters\nURL: https://example.org/x\n"
                                   "Date: 2017-11-17\n\nBAGHDAD, Nov 17 (Reuters) - Iraqi forces retook Rawa.\n");
  EXPECT_EQ(a.title, "Iraqi forces retake Rawa");
  EXPECT_EQ(a.publisher, "Reuters");
  EXPECT_EQ(a.url, "https://example.org/x");
  EXPECT_EQ(a.published->iso(), "2017-11-17");
  EXPECT_EQ(a.dateline, "BAGHDAD");
  EXPECT_EQ(a.text.rfind("BAGHDAD", 0), 0u);
}

TEST(Article, DatelineGivesTheDateWhenTheHeaderHasNone) {
  const Article a = parsePlainText("a.txt", "BAGHDAD, Nov 17, 2017 (Reuters) - Iraqi forces retook Rawa.");
  ASSERT_TRUE(a.published);
  EXPECT_EQ(a.published->iso(), "2017-11-17");
}

TEST(Article, Encodings) {
  EXPECT_EQ(classifyBytes("plain text\n"), TextKind::Utf8);
  EXPECT_EQ(classifyBytes(std::string("bin\0ary", 7)), TextKind::Binary);
  EXPECT_EQ(classifyBytes("caf\xE9 \x93quoted\x94"), TextKind::Windows1252);
  EXPECT_EQ(decodeWindows1252("caf\xE9 \x93q\x94"), "caf\xC3\xA9 \xE2\x80\x9Cq\xE2\x80\x9D");
}

TEST(Sentences, AbbreviationsDoNotEndSentences) {
  const std::string text = "Rawa fell on Nov. 17 to U.S.-backed forces. Then Anah fell.\n\nA new paragraph";
  const auto s = splitSentences(text);
  ASSERT_EQ(s.size(), 3u);
  EXPECT_EQ(text.substr(s[0].first, s[0].second - s[0].first), "Rawa fell on Nov. 17 to U.S.-backed forces.");
}

TEST(Sentences, AHeadlineLineEndsItsSentence) {
  const std::string text = "Russian Forces Seize Control of Vuhledar\nRussian troops have reportedly taken the town.";
  const auto s = splitSentences(text);
  ASSERT_EQ(s.size(), 2u);
  EXPECT_EQ(text.substr(s[0].first, s[0].second - s[0].first), "Russian Forces Seize Control of Vuhledar");
  // a sentence wrapped across lines stays one sentence
  EXPECT_EQ(splitSentences("Iraqi forces retook the town of\nRawa on Friday, officials said.").size(), 1u);
}

TEST(Html, TextAndMetadata) {
  const std::string html =
      "<html><head><title>Ignored title</title><meta property=\"og:title\" content=\"Rawa retaken\">"
      "<meta property=\"og:site_name\" content=\"Example News\"><meta property=\"og:url\" content=\"https://e.org/r\">"
      "<meta property=\"article:published_time\" content=\"2017-11-17T09:00:00Z\"><script>var x = '<p>no</p>';</script>"
      "<style>p{}</style></head><body><nav>Home | World</nav><p>Iraqi forces <b>retook</b> Rawa.</p><p>Second "
      "paragraph</p></body></html>";
  auto a = parseHtml("r.html", html);
  ASSERT_TRUE(a);
  EXPECT_EQ(a->title, "Rawa retaken");
  EXPECT_EQ(a->publisher, "Example News");
  EXPECT_EQ(a->url, "https://e.org/r");
  EXPECT_EQ(a->published->iso(), "2017-11-17");
  EXPECT_EQ(a->text, "Iraqi forces retook Rawa.\n\nSecond paragraph");
}

TEST(Html, BrokenMarkupAndDeclaredLatin1) {
  auto a = parseHtml("b.html", "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Caf\xE9 <b>unclosed<div>x");
  ASSERT_TRUE(a);
  EXPECT_NE(a->text.find("Caf\xC3\xA9"), std::string::npos);
  EXPECT_TRUE(looksLikeHtml("<!DOCTYPE html><p>x"));
  EXPECT_FALSE(looksLikeHtml("Title: x\n\nplain"));
}

TEST(Output, CsvQuotingAndJsonEscapes) {
  EXPECT_EQ(csvField("plain"), "plain");
  EXPECT_EQ(csvField("a, \"b\""), "\"a, \"\"b\"\"\"");
  EXPECT_EQ(jsonString("a\"b\n\xFF"), "\"a\\\"b\\n\xEF\xBF\xBD\"");
  EXPECT_EQ(proposalCsvHeader(), "date,place,country,lat,lon,controller,status,source,url,quote,confidence,notes\n");
}

}  // namespace
}  // namespace frontline::ingest
