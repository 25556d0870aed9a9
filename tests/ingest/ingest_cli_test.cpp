// `frontline ingest` as a user runs it: real reports, bad input, --append, --evaluate.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "support/run_command.hpp"

namespace fs = std::filesystem;
std::string frontlineBinary() { return frontline::test::frontline(); }
using frontline::test::runCommand;

namespace {

const fs::path kSource = FRONTLINE_SOURCE_DIR;
const fs::path kLabelled = kSource / "tests/fixtures/ingest/labelled";

fs::path scratch(const std::string& name) {
  const fs::path dir = fs::path(FRONTLINE_TEST_OUTPUT) / "ingest" / name;
  fs::remove_all(dir);
  fs::create_directories(dir);
  return dir;
}

void write(const fs::path& path, const std::string& bytes) {
  std::ofstream out(path, std::ios::binary);
  out << bytes;
}

std::string read(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string q(const fs::path& p) {
  std::string out = "'";
  out += p.string();
  out += '\'';
  return out;
}

// The Done-when check: the fall of al-Qaim (3 Nov 2017), Rawa (17 Nov 2017) and Albu Kamal (Nov 2017).
TEST(IngestCli, ThreeArticlesFromNovember2017) {
  const auto r = runCommand(frontlineBinary() + " ingest " + q(kLabelled / "is-01-alqaim.txt") + " " +
                            q(kLabelled / "is-05-rawa.txt") + " " + q(kLabelled / "is-04-albukamal-mee.txt"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("2017-11-03,al-Qaim,IQ,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("iraqi_forces,control,Reuters,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("2017-11-17,Rawa,IQ,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(",Albu Kamal,SY,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("syrian_government,control,"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("\"Syrian troops and allied militiamen on Thursday expelled"), std::string::npos) << r.out;
  // the Albu Kamal page has no date: its weekday stays unresolved, with a note naming the file
  EXPECT_NE(r.err.find("is-04-albukamal-mee.txt: no publication date"), std::string::npos) << r.err;
}

TEST(IngestCli, BadInputGetsOneLineNamingTheFile) {
  const fs::path dir = scratch("bad");
  write(dir / "binary.txt", std::string("\x7f" "ELF\0\0\0\x01\x02", 9));
  write(dir / "empty.txt", "");
  auto r = runCommand(frontlineBinary() + " ingest " + q(dir / "binary.txt") + " " + q(dir / "empty.txt") + " " +
                      q(dir / "missing.txt"));
  EXPECT_EQ(r.exitCode, 3) << r.err;
  EXPECT_NE(r.err.find("binary.txt: binary data"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("empty.txt: empty file"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("missing.txt: no such file"), std::string::npos) << r.err;

  write(dir / "good.txt", "Date: 2017-11-18\n\nIraqi forces recaptured Rawa on Friday.\n");
  r = runCommand(frontlineBinary() + " ingest " + q(dir / "binary.txt") + " " + q(dir / "good.txt"));
  EXPECT_EQ(r.exitCode, 1) << r.err;  // some read, some not
  EXPECT_NE(r.out.find("2017-11-17,Rawa,IQ"), std::string::npos) << r.out;
}

TEST(IngestCli, Windows1252AndHtml) {
  const fs::path dir = scratch("encodings");
  write(dir / "latin.txt", "Date: 2017-11-18\n\nIraqi forces recaptured Rawa on Friday, \x93the army\x94 said.\n");
  write(dir / "page.html",
        "<!DOCTYPE html><html><head><meta charset=\"windows-1252\"><meta property=\"og:url\" content=\"https://e.org/rawa\">"
        "<meta name=\"date\" content=\"2017-11-18\"><script>document.write('Islamic State captured Rawa')</script></head>"
        "<body><p>Iraqi forces recaptured Rawa on Friday, \x93officials\x94 said.<p>unclosed <div>tags</body>");
  const auto r = runCommand(frontlineBinary() + " ingest " + q(dir));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.err.find("latin.txt: not UTF-8; read as Windows-1252"), std::string::npos) << r.err;
  EXPECT_NE(r.out.find("https://e.org/rawa"), std::string::npos) << r.out;
  EXPECT_EQ(r.out.find("islamic_state"), std::string::npos) << r.out;  // script text is not read
  EXPECT_NE(r.out.find("\xE2\x80\x9Cthe army\xE2\x80\x9D"), std::string::npos) << r.out;
}

TEST(IngestCli, LargeSingleLineFileIsReadInPieces) {
  const fs::path dir = scratch("large");
  std::string text;
  const std::string sentence = "Iraqi forces recaptured Rawa on Friday after heavy fighting near the town ";
  while (text.size() < (size_t{6} << 20)) text += sentence;  // 6 MiB, one line, no full stop
  write(dir / "big.txt", text);
  const auto r = runCommand(frontlineBinary() + " ingest --date 2017-11-18 " + q(dir / "big.txt"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  EXPECT_NE(r.out.find("2017-11-17,Rawa"), std::string::npos);
}

TEST(IngestCli, JsonHasMentionsWithOffsets) {
  const fs::path dir = scratch("json");
  write(dir / "a.txt", "Date: 2017-11-18\n\nIraqi forces recaptured Rawa on Friday near Zzyzxville.\n");
  const auto r = runCommand(frontlineBinary() + " ingest --format json -o " + q(dir / "out.json") + " " + q(dir / "a.txt"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const std::string json = read(dir / "out.json");
  EXPECT_NE(json.find("\"places\":[{\"begin\":24,\"end\":28,\"text\":\"Rawa\""), std::string::npos) << json;
  EXPECT_NE(json.find("\"unresolved\":[{"), std::string::npos) << json;
  EXPECT_NE(json.find("\"proposals\":[{\"date\":\"2017-11-17\""), std::string::npos) << json;
}

TEST(IngestCli, AppendNeedsAcceptAllAndKeepsExistingBytes) {
  const fs::path dir = scratch("append");
  for (const auto& entry : fs::directory_iterator(kSource / "assets/datasets/isis-2014-2019"))
    if (entry.path().extension() == ".csv" || entry.path().extension() == ".toml")
      fs::copy_file(entry.path(), dir / entry.path().filename(), fs::copy_options::overwrite_existing);
  write(dir / "report.txt", "Date: 2017-11-18\n\nIraqi forces recaptured Rawa on Friday.\n");
  const std::string before = read(dir / "events.csv");
  auto r = runCommand(frontlineBinary() + " ingest --append " + q(dir / "dataset.toml") + " " + q(dir / "report.txt"));
  EXPECT_EQ(r.exitCode, 2) << r.err;
  EXPECT_NE(r.err.find("--accept-all"), std::string::npos);
  EXPECT_EQ(read(dir / "events.csv"), before);

  r = runCommand(frontlineBinary() + " ingest --append " + q(dir / "dataset.toml") + " --accept-all " + q(dir / "report.txt"));
  EXPECT_EQ(r.exitCode, 0) << r.err;
  const std::string after = read(dir / "events.csv");
  ASSERT_GT(after.size(), before.size());
  EXPECT_EQ(after.substr(0, before.size()), before);
  EXPECT_NE(after.find("\n2017-11-17,Rawa,IQ,"), std::string::npos);
  EXPECT_NE(r.err.find("appended 1 proposal"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("check: 0 errors"), std::string::npos) << r.err;
}

TEST(IngestCli, UsageErrors) {
  EXPECT_EQ(runCommand(frontlineBinary() + " ingest").exitCode, 2);
  EXPECT_EQ(runCommand(frontlineBinary() + " ingest --format xml x.txt").exitCode, 2);
  EXPECT_EQ(runCommand(frontlineBinary() + " ingest --date 17/11/2017 x.txt").exitCode, 2);
}

}  // namespace

namespace {

// A row of `ingest --evaluate`'s table by its first column.
std::vector<double> evaluationRow(const std::string& table, const std::string& split) {
  std::istringstream in(table);
  for (std::string line; std::getline(in, line);) {
    std::istringstream fields(line);
    std::string name;
    std::getline(fields, name, '\t');
    if (name != split) continue;
    std::vector<double> values;
    for (std::string f; std::getline(fields, f, '\t');)
      if (f.find('/') == std::string::npos) values.push_back(std::stod(f));
    return values;  // passages, places P R F1, events P R F1, relaxed P R F1
  }
  return {};
}

// The labelled set with the bundled gazetteer (Iraq/Syria): floors a little below what was measured
// (dev/is places F1 1.00, events relaxed F1 0.85; test/is places F1 0.91, relaxed F1 0.62), so a
// regression fails. Ukrainian places need a world gazetteer, which the repository does not bundle.
TEST(IngestEvaluation, LabelledSetFloors) {
  const auto r = runCommand(frontlineBinary() + " ingest --evaluate " + q(kLabelled) + " --eval-dataset ua-=" +
                            q(kSource / "tests/fixtures/ingest/ukraine-actors.csv"));
  ASSERT_EQ(r.exitCode, 0) << r.err;
  const auto devIs = evaluationRow(r.out, "dev/is"), testIs = evaluationRow(r.out, "test/is");
  ASSERT_EQ(devIs.size(), 10u) << r.out;
  ASSERT_EQ(testIs.size(), 10u) << r.out;
  EXPECT_GE(devIs[1], 0.95) << r.out;  // places precision
  EXPECT_GE(devIs[2], 0.90) << r.out;  // places recall
  EXPECT_GE(devIs[9], 0.75) << r.out;  // events F1, undated passages relaxed
  EXPECT_GE(testIs[3], 0.80) << r.out;  // places F1
  EXPECT_GE(testIs[9], 0.50) << r.out;  // events F1, relaxed
}

}  // namespace
