// The viewer in a window under Xvfb (one server for the suite), driven by its automation options (--date, --play-to, --keys,
// --screenshot, --print-state, --quit). Screenshots include the UI (panels, timeline, badges):
// they check what a user sees, not only the map (tests/cli/cli_view_test.cpp checks that the map
// alone matches `render`). Golden tolerance: the default of tests/render/golden.hpp (a channel
// differs by more than 16/255 in at most 0.5% of the pixels), enough for llvmpipe's rounding.
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "geo/gis/dataset_loader.hpp"
#include "geo/gis/map_session.hpp"
#include "render/golden.hpp"
#include "render/png_io.hpp"
#include "render/viewer/export_job.hpp"
#include "support/fixtures.hpp"
#include "support/run_command.hpp"

namespace frontline {
namespace {

// One Xvfb server for all the tests here (xvfb-run per command is slower, and its clean-up
// sometimes fails when many run at once, turning a good run into exit code 5).
class XServer {
 public:
  static XServer& get() {
    static XServer server;
    return server;
  }
  bool ok() const { return display_ > 0; }
  std::string env() const { return "DISPLAY=:" + std::to_string(display_); }
  ~XServer() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
  }

 private:
  XServer() {
    if (std::system("command -v Xvfb >/dev/null 2>&1") != 0) return;
    for (int n = 90 + ::getpid() % 300; n < 400 && display_ == 0; n += 7) {
      const std::string lock = "/tmp/.X" + std::to_string(n) + "-lock";
      if (std::filesystem::exists(lock)) continue;
      const std::string name = ":" + std::to_string(n);
      const pid_t pid = ::fork();
      if (pid == 0) {
        ::execlp("Xvfb", "Xvfb", name.c_str(), "-screen", "0", "1280x1024x24", "-nolisten", "tcp", "-noreset",
                 static_cast<char*>(nullptr));
        ::_exit(127);
      }
      if (pid < 0) return;
      const std::string socket = "/tmp/.X11-unix/X" + std::to_string(n);
      for (int i = 0; i < 100; ++i) {  // up to 10 s
        if (std::filesystem::exists(socket)) {
          pid_ = pid;
          display_ = n;
          break;
        }
        if (::waitpid(pid, nullptr, WNOHANG) == pid) break;  // it exited: the display was taken
        std::this_thread::sleep_for(std::chrono::milliseconds(100));
      }
      if (display_ == 0 && ::waitpid(pid, nullptr, WNOHANG) == 0) {
        ::kill(pid, SIGTERM);
        ::waitpid(pid, nullptr, 0);
      }
    }
  }
  int display_ = 0;
  pid_t pid_ = -1;
};

test::CommandResult view(const std::string& args, const std::string& env = "") {
  return test::runCommand("env " + XServer::get().env() + " " + env + " " + test::frontline() + " view " + args);
}

std::string quoted(const std::filesystem::path& p) {
  std::string out = "'";  // built piecewise (GCC 12 -Wrestrict false positive)
  return out.append(p.string()).append("'");
}

// The share of pixels within `tolerance` of `rgb`.
double shareOf(const Image& image, int r, int g, int b, int tolerance = 12) {
  size_t n = 0;
  for (size_t i = 0; i + 3 < image.rgba.size(); i += 4)
    n += std::abs(image.rgba[i] - r) <= tolerance && std::abs(image.rgba[i + 1] - g) <= tolerance &&
         std::abs(image.rgba[i + 2] - b) <= tolerance;
  return static_cast<double>(n) / (static_cast<double>(image.width) * image.height);
}

class ViewerWindow : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!XServer::get().ok()) GTEST_SKIP() << "Xvfb is not installed (Debian package xvfb)";
  }
};

TEST_F(ViewerWindow, ScreenshotsAtTwoDatesMatchTheGoldenImages) {
  const auto dir = test::freshDir("viewer-golden");
  for (const char* date : {"2014-08-03", "2017-10-17"}) {
    const auto shot = dir / (std::string(date) + ".png");
    auto r = view(std::string("--date ") + date + " --size 960x600 --screenshot " + quoted(shot) + " --quit");
    ASSERT_EQ(r.exitCode, 0) << r.err;
    auto image = readPng(shot);
    ASSERT_TRUE(image.ok()) << image.error().message();
    EXPECT_EQ(image->width, 960);
    EXPECT_EQ(image->height, 600);
    const std::string mismatch = test::compareWithGolden(std::string("viewer_") + date + "_960x600", *image);
    EXPECT_TRUE(mismatch.empty()) << mismatch;
  }
}

TEST_F(ViewerWindow, PresentationModeStepsToSlideThreeOnItsDate) {
  // Page Down and Space go forward, Backspace back: three forward, one back is slide 3.
  auto r = view("--presentation --windowed --size 960x600 --frame-seconds 0.25 --keys PageDown,Space,PageDown,Backspace "
                "--print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("date=2014-08-03 slide=3/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("presenting=yes"), std::string::npos) << r.out;
  // P leaves presentation mode and keeps the date.
  r = view("--slide 3 --windowed --size 960x600 --keys P --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("date=2014-08-03 slide=3/"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("presenting=no"), std::string::npos) << r.out;
}

TEST_F(ViewerWindow, PlayToStepsScrubbingAndTypingLandOnExactDates) {
  auto r = view("--date 2014-06-01 --play-to 2014-06-20 --speed 60 --size 640x400 --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("date=2014-06-20"), std::string::npos) << r.out;
  // ] next event, . a day, Home the start of the range.
  r = view("--date 2017-10-16 --size 640x400 --keys ],.,. --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("date=2017-10-19"), std::string::npos) << r.out;
  r = view("--date 2017-10-16 --size 640x400 --keys Home --print-state --quit");
  EXPECT_NE(r.out.find("date=2014-01-01"), std::string::npos) << r.out;
  // Dragging along the timeline (it snaps to the event date under the pointer), and typing a date.
  r = view("--size 960x600 --keys scrub:2017-10-17 --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("date=2017-10-17"), std::string::npos) << r.out;
  r = view("--size 960x600 --keys G,type:2016-06-26 --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("date=2016-06-26"), std::string::npos) << r.out;
}

TEST_F(ViewerWindow, ClickingAPlaceOpensItsHistory) {
  const auto dir = test::freshDir("viewer-history");
  const auto before = dir / "before.png", after = dir / "after.png";
  auto r = view("--date 2017-10-17 --size 960x600 --screenshot " + quoted(before) + " --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  r = view("--date 2017-10-17 --size 960x600 --keys click:Raqqa --screenshot " + quoted(after) + " --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto a = readPng(before), b = readPng(after);
  ASSERT_TRUE(a.ok() && b.ok());
  // The history window's highlighted row (the report in force) is a pale yellow found nowhere else.
  EXPECT_LT(shareOf(*a, 255, 236, 170, 3), 0.0005);
  EXPECT_GT(shareOf(*b, 255, 236, 170, 3), 0.002);
  r = view("--date 2017-10-17 --size 960x600 --keys click:Atlantis --quit");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("no place named 'Atlantis'"), std::string::npos) << r.err;
}

// Pixels in rows y0 .. y1 whose channels spread by more than 80 (a saturated colour: a
// controller's line, not the white, grey or black of the panels), as a share of the rows.
double colouredShare(const Image& image, int y0, int y1) {
  size_t n = 0;
  for (int y = y0; y < y1; ++y)
    for (int x = 0; x < image.width; ++x) {
      const uint8_t* p = &image.rgba[(static_cast<size_t>(y) * image.width + x) * 4];
      n += std::max({p[0], p[1], p[2]}) - std::min({p[0], p[1], p[2]}) > 80;
    }
  return static_cast<double>(n) / (static_cast<double>(y1 - y0) * image.width);
}

size_t differingPixels(const Image& a, const Image& b, int y0, int y1) {
  size_t n = 0;
  for (size_t i = static_cast<size_t>(y0) * a.width * 4; i < static_cast<size_t>(y1) * a.width * 4; i += 4)
    n += a.rgba[i] != b.rgba[i] || a.rgba[i + 1] != b.rgba[i + 1] || a.rgba[i + 2] != b.rgba[i + 2];
  return n;
}

TEST_F(ViewerWindow, TheAreaChartIsUnderTheTimeBarHoversAndTogglesWithA) {
  const auto dir = test::freshDir("viewer-chart");
  const auto on = dir / "on.png", off = dir / "off.png", hover = dir / "hover.png";
  auto r = view("--date 2017-10-17 --size 960x600 --screenshot " + quoted(on) + " --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  r = view("--date 2017-10-17 --size 960x600 --keys A --screenshot " + quoted(off) + " --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  r = view("--date 2017-10-17 --size 960x600 --keys chart:2016-06-01 --screenshot " + quoted(hover) + " --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto a = readPng(on), b = readPng(off), c = readPng(hover);
  ASSERT_TRUE(a.ok() && b.ok() && c.ok());
  // The chart: the bottom 76 rows of a 600-pixel window, under the 118-pixel time bar. Its lines
  // are in the controllers' colours; without it the time bar sits there, grey and white.
  const int chartTop = 600 - 76, barTop = chartTop - 118;
  const double lines = colouredShare(*a, chartTop + 22, 600 - 8);
  EXPECT_GT(lines, 0.03) << "the chart's region has too few coloured pixels";
  EXPECT_LT(colouredShare(*b, chartTop + 22, 600 - 8), lines / 3);
  // The time bar moves up to make room: with the chart, its area above is no longer map.
  EXPECT_GT(shareOf(*a, 255, 255, 255, 2), shareOf(*b, 255, 255, 255, 2));
  EXPECT_GT(differingPixels(*a, *b, barTop, chartTop), 10'000u);
  // Hovering shows a tooltip (over the time bar and the chart) and a line at the hovered date.
  EXPECT_GT(differingPixels(*a, *c, barTop, 600), 2'000u);
  // With the chart off, there is nothing to hover.
  r = view("--date 2017-10-17 --size 960x600 --keys A,chart:2016-06-01 --quit");
  EXPECT_EQ(r.exitCode, 2);
  EXPECT_NE(r.err.find("needs the area chart"), std::string::npos) << r.err;
}

TEST_F(ViewerWindow, CopyingWhatChangedGivesTheSamePixelsAsCopyingAll) {
  const auto dir = test::freshDir("viewer-copy");
  const std::string script =
      "--date 2017-10-17 --size 960x600 --frame-seconds 0.05 --keys hover:Raqqa,click:Mosul,Escape,hover:Baghdad,.,],scrub:2016-01-01,"
      "f,3,H,H,[,c --quit --screenshot ";
  auto r1 = view(script + quoted(dir / "partial.png"));
  auto r2 = view(script + quoted(dir / "full.png"), "FRONTLINE_VIEWER_FULL_COPY=1");
  ASSERT_EQ(r1.exitCode, 0) << r1.err;
  ASSERT_EQ(r2.exitCode, 0) << r2.err;
  auto a = readPng(dir / "partial.png"), b = readPng(dir / "full.png");
  ASSERT_TRUE(a.ok() && b.ok());
  const ImageDiff diff = compareImages(*b, *a, 0);
  EXPECT_EQ(diff.differingPixels, 0u) << "max channel difference " << diff.maxChannelDifference;
}

TEST_F(ViewerWindow, ADatasetWithErrorsOpensWithTheErrorPanel) {
  const auto dir = test::freshDir("viewer-errors");
  test::writeTextFile(dir / "events.csv",
                      "date,place,lat,lon,controller,status\n"
                      "2017-01-05,Good town,36.0,40.0,red,control\n"
                      "2017-02-30,Bad date,36.5,40.5,red,control\n"
                      "2017-03-01,Other town,35.5,41.0,blue,sideways\n"
                      "2017-04-01,Third town,35.0,39.0,blue,control\n");
  const auto shot = dir / "shot.png";
  auto r = view(quoted(dir / "events.csv") + " --size 960x600 --screenshot " + quoted(shot) + " --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("events.csv:3:"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("events.csv:4:"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("date=2017-04-01"), std::string::npos) << r.out;  // the valid rows' span
  auto image = readPng(shot);
  ASSERT_TRUE(image.ok());
  // The panel's red title bar.
  EXPECT_GT(shareOf(*image, 179, 41, 41, 10), 0.002);
}

TEST_F(ViewerWindow, MissingFilesAndBrokenLayersDoNotStopIt) {
  const auto dir = test::freshDir("viewer-missing");
  auto r = view(quoted(dir / "nothing.csv") + " --size 640x400 --print-state --quit");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("nothing.csv"), std::string::npos) << r.err;

  test::writeTextFile(dir / "rivers.geojson", "{ this is not GeoJSON");
  r = view("--layer rivers=" + quoted(dir / "rivers.geojson") + " --date 2016-01-01 --size 640x400 --print-state --quit");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("rivers.geojson"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("date=2016-01-01"), std::string::npos) << r.out;

  test::writeTextFile(dir / "story.toml", "[[slide]]\ndate = 2017-13-01\n");
  r = view("--story " + quoted(dir / "story.toml") + " --presentation --size 640x400 --print-state --quit");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("story.toml:2:"), std::string::npos) << r.err;
  EXPECT_EQ(r.out.find("presenting=yes"), std::string::npos) << r.out;
}

// Proposals as `frontline ingest` writes them (the event-table CSV), for the inbox.
const char* kProposals =
    "date,place,country,lat,lon,controller,status,source,url,quote,confidence,notes\n"
    "2017-11-03,al-Qaim,IQ,34.39251,40.98945,iraqi_forces,control,Reuters,https://example.org/a,"
    "\"ERBIL (Reuters) - Iraqi forces seized the district of al-Qaim on Friday, one of the last territories held by "
    "Islamic State militants.\",high,rule: active capture\n"
    "2017-11-17,Rawa,IQ,34.48229,41.91898,iraqi_forces,control,Hindustan Times,https://example.org/b,"
    "\"Government troops \"\"liberated the whole of Rawa\"\"\",medium,rule: active capture\n"
    "2017-11-08,Albu Kamal,SY,34.45226,40.91854,islamic_state,besieged,OANN,https://example.org/c,"
    "the Syrian army encircled and attacked Albu Kamal,medium,rule: active siege\n";

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

// A copy of the bundled dataset to edit, its first event table's bytes, and the proposals file.
struct EditFixture {
  std::filesystem::path dir, manifest, table, proposals;
  std::string original;
  explicit EditFixture(const std::string& name) {
    dir = test::freshDir(name);
    std::filesystem::copy(FRONTLINE_SOURCE_DIR "/assets/datasets/isis-2014-2019", dir / "ds",
                          std::filesystem::copy_options::recursive);
    manifest = dir / "ds" / "dataset.toml";
    table = dir / "ds" / "events.csv";
    original = slurp(table);
    proposals = dir / "proposals.csv";
    test::writeTextFile(proposals, kProposals);
  }
};

// The "done when" of the inbox: accept two, edit one, reject one, undo and redo (buttons' steps and
// the keys), save: the table differs from the original by exactly the accepted rows, as edited.
TEST_F(ViewerWindow, InboxSessionSavesExactlyTheAcceptedAndEditedRows) {
  EditFixture f("viewer-inbox");
  const std::string iraq = slurp(f.dir / "ds" / "events-iraq.csv");
  auto r = view(quoted(f.manifest) + " --inbox " + quoted(f.proposals) +
                " --size 1280x800 --keys inbox:1,accept,inbox:2,accept,edit:date=2017-11-16,inbox:3,reject,"
                "undo,undo,redo,redo,Ctrl+Z,Ctrl+Shift+Z,save --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("inbox=0/2/1 unsaved=no"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("edit: saved " + f.table.string()), std::string::npos) << r.out;
  const std::string added =
      "2017-11-03,al-Qaim,IQ,34.39251,40.98945,iraqi_forces,control,Reuters,https://example.org/a,"
      "\"ERBIL (Reuters) - Iraqi forces seized the district of al-Qaim on Friday, one of the last territories held by "
      "Islamic State militants.\",high,rule: active capture\n"
      "2017-11-16,Rawa,IQ,34.48229,41.91898,iraqi_forces,control,Hindustan Times,https://example.org/b,"
      "\"Government troops \"\"liberated the whole of Rawa\"\"\",medium,rule: active capture\n";
  EXPECT_EQ(slurp(f.table), f.original + added);
  EXPECT_EQ(slurp(f.dir / "ds" / "events-iraq.csv"), iraq);  // other tables untouched
  // The saved dataset still checks clean.
  auto check = test::runCommand(test::frontline() + " check " + quoted(f.manifest));
  EXPECT_EQ(check.exitCode, 0) << check.out << check.err;

  // Undone decisions leave nothing; a row changed directly is the only difference.
  EditFixture g("viewer-inbox-undone");
  r = view(quoted(g.manifest) + " --inbox " + quoted(g.proposals) +
           " --size 960x600 --keys inbox:1,accept,inbox:3,reject,Ctrl+Z,Ctrl+Z,row:1,change:notes=checked,save "
           "--print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("inbox=3/0/0 unsaved=no"), std::string::npos) << r.out;
  std::string expected = g.original;
  const std::string note = "Context row: the capital stayed under government control throughout.";
  ASSERT_NE(expected.find(note), std::string::npos);
  expected.replace(expected.find(note), note.size(), "checked");
  EXPECT_EQ(slurp(g.table), expected);
}

// The map and `check`'s messages follow unsaved edits: a new place appears (and goes with undo),
// and a name the gazetteer does not know is reported with the table's row.
TEST_F(ViewerWindow, TheMapAndChecksFollowUnsavedEdits) {
  EditFixture f("viewer-inbox-map");
  test::writeTextFile(f.dir / "new.csv",
                      "date,place,country,lat,lon,controller,status,source,url,quote,confidence,notes\n"
                      "2017-11-03,Testville,IQ,34.0,42.5,islamic_state,control,X,,Testville was taken,high,\n"
                      "2017-11-04,Qqzx Nowhere,IQ,,,islamic_state,control,X,,q,high,\n");
  const auto shot = f.dir / "shot.png";
  auto r = view(quoted(f.manifest) + " --inbox " + quoted(f.dir / "new.csv") +
                " --date 2017-11-10 --size 960x600 --keys inbox:1,accept --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("places=171"), std::string::npos) << r.out;  // the bundled dataset has 170
  r = view(quoted(f.manifest) + " --inbox " + quoted(f.dir / "new.csv") +
           " --date 2017-11-10 --size 960x600 --keys 'inbox:1,accept,Ctrl+Z,inbox:2,accept,add:date=2017-11-05;"
           "place=Testville;lat=34.0;lon=42.5;controller=iraqi_forces' --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("places=171"), std::string::npos) << r.out;  // Testville by the added row only
  EXPECT_NE(r.out.find("edit: add 2017-11-05 Testville"), std::string::npos) << r.out;
  // The panel's checks name the row the gazetteer cannot place (test in the error panel's text).
  r = view(quoted(f.manifest) + " --inbox " + quoted(f.dir / "new.csv") +
           " --size 960x600 --keys inbox:2,accept,save --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  auto check = test::runCommand(test::frontline() + " check " + quoted(f.manifest));
  EXPECT_NE(check.exitCode, 0);
  EXPECT_NE((check.out + check.err).find("events.csv:155:2: place 'Qqzx Nowhere' does not geocode"), std::string::npos)
      << check.out << check.err;
}

TEST_F(ViewerWindow, AReadOnlyTableIsNotWrittenAndSaveAsKeepsTheEdits) {
  EditFixture f("viewer-inbox-readonly");
  std::filesystem::permissions(f.table, std::filesystem::perms::owner_read | std::filesystem::perms::group_read |
                                            std::filesystem::perms::others_read);
  const auto copy = f.dir / "events-copy.csv";
  // The proposals come by a drop on the window this time.
  auto r = view(quoted(f.manifest) + " --size 960x600 --keys drop:" + f.proposals.string() + ",inbox:2,accept,save," +
                "save-as:" + copy.string() + " --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_EQ(slurp(f.table), f.original);
  EXPECT_EQ(slurp(copy), f.original +
                             "2017-11-17,Rawa,IQ,34.48229,41.91898,iraqi_forces,control,Hindustan Times,"
                             "https://example.org/b,\"Government troops \"\"liberated the whole of Rawa\"\"\",medium,"
                             "rule: active capture\n");
  EXPECT_NE(r.out.find("unsaved=no"), std::string::npos) << r.out;

  // Without Save as, the refusal says why and the edits are not lost (--quit warns).
  r = view(quoted(f.manifest) + " --inbox " + quoted(f.proposals) + " --size 960x600 --keys inbox:2,accept,save --print-state --quit");
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("read-only"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("unsaved=yes"), std::string::npos) << r.out;
  EXPECT_NE(r.err.find("unsaved edits"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(f.table), f.original);
}

TEST_F(ViewerWindow, BadProposalsFilesAndStepsSayWhy) {
  EditFixture f("viewer-inbox-bad");
  test::writeTextFile(f.dir / "broken.json", "[{ not json");
  auto r = view(quoted(f.manifest) + " --inbox " + quoted(f.dir / "missing.csv") + " --inbox " +
                quoted(f.dir / "broken.json") + " --size 960x600 --print-state --quit");
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("missing.csv"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("broken.json: not JSON"), std::string::npos) << r.err;
  // A step that cannot be done stops the script with a message naming it.
  r = view(quoted(f.manifest) + " --inbox " + quoted(f.proposals) + " --size 960x600 --keys inbox:7,accept --quit");
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("inbox:7: no such proposal"), std::string::npos) << r.err;
  r = view(quoted(f.manifest) + " --inbox " + quoted(f.proposals) + " --size 960x600 --keys inbox:1,reject,accept,reject --quit");
  EXPECT_NE(r.exitCode, 0);
  EXPECT_NE(r.err.find("reject: already accepted"), std::string::npos) << r.err;
  EXPECT_EQ(slurp(f.table), f.original);
}

// The export dialog's job, without the dialog: a short PNG sequence made on a worker thread with
// its own GL context and session, and a cancelled one.
TEST(ViewerExportJob, WritesFramesInTheBackgroundAndCanBeCancelled) {
  const std::filesystem::path assets = FRONTLINE_SOURCE_DIR "/assets";
  MapSourceOptions source;
  source.layers = BaseLayerPaths::bundled(assets);
  DatasetLoadOptions options;
  options.assetDir = assets;
  auto data = loadDataset(bundledDatasetPath(assets), options);
  ASSERT_TRUE(data.ok());
  std::optional<LoadedDataset> dataset = std::move(data).value();

  auto settingsFor = [&](const std::filesystem::path& out, const char* to) {
    ExportJobSettings s;
    s.output = out;
    s.from = *Date::parse("2017-10-01");
    s.to = *Date::parse(to);
    s.fps = 10;
    s.daysPerSecond = 10;
    s.width = 320;
    s.height = 200;
    s.samples = 0;
    s.frame.title = "test";
    s.frame.scale = 0.75f;
    s.frame.view.centre = {0, 0};
    s.frame.view.unitsPerPixel = 0;  // set below from the session's map
    s.openSession = [source, dataset]() { return MapSession::open(source, dataset); };
    return s;
  };
  auto waitFor = [](ExportJob& job) {
    for (int i = 0; i < 1200 && !job.finished(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(50));
    return job.finished();
  };
  auto session = MapSession::open(source, dataset);
  ASSERT_TRUE(session.ok());
  const MapView home = fitView((*session)->scene().viewExtent, 320, 200);

  const auto dir = test::freshDir("viewer-export");
  ExportJobSettings s = settingsFor(dir / "frames", "2017-10-05");
  s.frame.view = home;
  auto job = ExportJob::start(s);
  ASSERT_TRUE(waitFor(*job));
  EXPECT_TRUE(job->succeeded()) << job->outcome();
  EXPECT_EQ(job->framesTotal(), 5u);
  EXPECT_EQ(job->framesDone(), 5u);
  for (int i = 0; i < 5; ++i) EXPECT_TRUE(std::filesystem::exists(dir / "frames" / ("frame_0000" + std::to_string(i) + ".png")));

  ExportJobSettings longer = settingsFor(dir / "long", "2019-04-30");
  longer.frame.view = home;
  auto cancelled = ExportJob::start(longer);
  cancelled->cancel();
  ASSERT_TRUE(waitFor(*cancelled));
  EXPECT_FALSE(cancelled->succeeded());
  EXPECT_NE(cancelled->outcome().find("cancelled"), std::string::npos) << cancelled->outcome();
  EXPECT_LT(cancelled->framesDone(), cancelled->framesTotal());

  ExportJobSettings bad = settingsFor(dir / "bad", "2017-09-01");  // to before from
  bad.frame.view = home;
  auto failed = ExportJob::start(bad);
  ASSERT_TRUE(waitFor(*failed));
  EXPECT_FALSE(failed->succeeded());
  EXPECT_FALSE(failed->outcome().empty());
}

}  // namespace
}  // namespace frontline
