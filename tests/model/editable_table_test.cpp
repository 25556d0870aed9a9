// Editing an event table in memory and saving it: untouched rows byte-identical, new and changed
// rows in the table's column order and quoting, undo/redo, refusals when the file changed on disk
// or is read-only, and nothing lost when a save fails.
#include <gtest/gtest.h>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "geo/model/edit_history.hpp"
#include "geo/model/editable_table.hpp"
#include "geo/model/inbox.hpp"
#include "geo/model/table_edits.hpp"

namespace frontline {
namespace {

namespace fs = std::filesystem;

fs::path scratch(const std::string& name) {
  auto dir = fs::temp_directory_path() / ("frontline-edit-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  return dir / name;
}

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream s;
  s << in.rdbuf();
  return s.str();
}

void spit(const fs::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary) << bytes;
}

// Odd but valid: CRLF line ends, quoted fields with commas, doubled quotes and a line break, a blank
// line, spaces kept, no final newline.
const std::string kOdd =
    "date,place,country,lat,lon,controller,status,source,url,quote,confidence,notes\r\n"
    "2014-06-10,Mosul,IQ,,,islamic_state,control,\"Reuters, June\",,\"said \"\"taken\"\"\",high, spaced \r\n"
    "\r\n"
    "2016-11-01,Mosul,IQ,,,iraqi_forces,contested,AP,,\"two\r\nlines\",medium,\r\n"
    "2017-07-10,Mosul,IQ,,,iraqi_forces,control,AP,,,high,last";

TEST(EditableTable, UneditedSavesByteIdentical) {
  auto t = EditableTable::parse(kOdd, "odd.csv");
  ASSERT_TRUE(t) << t.error().message();
  EXPECT_EQ(t->size(), 3u);
  EXPECT_EQ(t->serialise(), kOdd);
  EXPECT_FALSE(t->dirty());
  EXPECT_EQ(t->value(0, "source"), "Reuters, June");
  EXPECT_EQ(t->value(0, "quote"), "said \"taken\"");
  EXPECT_EQ(t->value(1, "quote"), "two\r\nlines");
  EXPECT_EQ(t->record(1).line, 4);
  EXPECT_EQ(t->record(2).line, 6);
}

TEST(EditableTable, NewRowsFollowTheColumnOrderSeparatorAndLineEnds) {
  const std::string semi = "place;controller;date\nRaqqa;sdf;2017-10-17\n";
  auto t = EditableTable::parse(semi, "semi.csv");
  ASSERT_TRUE(t);
  EditHistory h;
  h.perform(addRowEdit(*t, t->makeRecord({{"date", "2017-11-03"}, {"controller", "iraqi_forces"}, {"place", "Al-Qaim; district"}, {"extra", "x"}}), "add"));
  EXPECT_EQ(t->serialise(), semi + "\"Al-Qaim; district\";iraqi_forces;2017-11-03\n");
  EXPECT_TRUE(t->dirty());

  auto odd = EditableTable::parse(kOdd, "odd.csv");
  ASSERT_TRUE(odd);
  h.perform(addRowEdit(*odd, odd->makeRecord({{"date", "2017-11-03"}, {"place", "Rawa"}, {"quote", "a \"b\", c"}}), "add"));
  // The last row had no newline: it gets the table's line end, and so does the new row.
  EXPECT_EQ(odd->serialise(), kOdd + "\r\n2017-11-03,Rawa,,,,,,,,\"a \"\"b\"\", c\",,\r\n");
}

TEST(EditableTable, QuotedHeadersMeanQuotedNewRows) {
  auto t = EditableTable::parse("\"date\",\"place\"\n\"2014-01-01\",\"Baghdad\"\n", "q.csv");
  ASSERT_TRUE(t);
  t->insert(t->size(), t->makeRecord({{"place", "Erbil"}, {"date", "2014-01-02"}}));
  EXPECT_EQ(t->serialise(), "\"date\",\"place\"\n\"2014-01-01\",\"Baghdad\"\n\"2014-01-02\",\"Erbil\"\n");
}

TEST(EditableTable, ChangeAndDeleteTouchOnlyTheirRowsAndUndoRedoRestoresBytes) {
  auto t = EditableTable::parse(kOdd, "odd.csv");
  ASSERT_TRUE(t);
  EditHistory h;
  h.perform(changeRowEdit(*t, t->withValue(t->record(0), "controller", "iraqi_forces"), "change"));
  h.perform(deleteRowEdit(*t, t->record(1).id, "delete"));
  const std::string expected =
      "date,place,country,lat,lon,controller,status,source,url,quote,confidence,notes\r\n"
      "2014-06-10,Mosul,IQ,,,iraqi_forces,control,\"Reuters, June\",,\"said \"\"taken\"\"\",high, spaced \r\n"
      "\r\n"
      "2017-07-10,Mosul,IQ,,,iraqi_forces,control,AP,,,high,last";
  EXPECT_EQ(t->serialise(), expected);
  EXPECT_EQ(h.undoLabel(), "delete");
  ASSERT_TRUE(h.undo());
  ASSERT_TRUE(h.undo());
  EXPECT_FALSE(h.undo());
  EXPECT_EQ(t->serialise(), kOdd);
  EXPECT_FALSE(t->dirty());
  ASSERT_TRUE(h.redo());
  ASSERT_TRUE(h.redo());
  EXPECT_FALSE(h.redo());
  EXPECT_EQ(t->serialise(), expected);
  // A new edit after an undo drops the redo.
  h.undo();
  h.perform(addRowEdit(*t, t->makeRecord({{"place", "Tikrit"}}), "add"));
  EXPECT_FALSE(h.canRedo());
}

TEST(EditableTable, SaveRefusesWhenTheFileChangedOnDiskAndOverwriteIsAChoice) {
  const fs::path path = scratch("changed.csv");
  spit(path, kOdd);
  auto t = EditableTable::open(path);
  ASSERT_TRUE(t) << t.error().message();
  t->insert(t->size(), t->makeRecord({{"place", "Rawa"}, {"date", "2017-11-17"}}));
  const std::string theirs = kOdd + "\r\n2018-01-01,Hajin,SY,,,sdf,control,,,,high,\r\n";
  spit(path, theirs);
  fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(5));
  SaveOutcome saved = t->save();
  EXPECT_EQ(saved.problem, SaveProblem::ChangedOnDisk);
  EXPECT_NE(saved.message.find("changed on disk"), std::string::npos) << saved.message;
  EXPECT_NE(saved.message.find(path.string()), std::string::npos) << saved.message;
  EXPECT_EQ(slurp(path), theirs);  // theirs is untouched
  EXPECT_TRUE(t->dirty());         // ours is kept
  // Save as a copy, then overwrite.
  const fs::path copy = scratch("changed-copy.csv");
  ASSERT_TRUE(t->saveAs(copy).ok());
  EXPECT_EQ(slurp(copy), t->serialise());
  EXPECT_FALSE(t->dirty());
  EXPECT_EQ(t->path(), copy);
  auto again = EditableTable::open(path);
  ASSERT_TRUE(again);
  again->insert(again->size(), again->makeRecord({{"place", "Rawa"}}));
  spit(path, kOdd);  // changed back to other bytes
  fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(10));
  EXPECT_EQ(again->save().problem, SaveProblem::ChangedOnDisk);
  EXPECT_TRUE(again->save(true).ok());
  EXPECT_EQ(slurp(path), again->serialise());
}

TEST(EditableTable, TouchedButUnchangedFilesSaveNormally) {
  const fs::path path = scratch("touched.csv");
  spit(path, kOdd);
  auto t = EditableTable::open(path);
  ASSERT_TRUE(t);
  fs::last_write_time(path, fs::last_write_time(path) + std::chrono::seconds(5));
  t->remove(0);
  EXPECT_TRUE(t->save().ok());
}

TEST(EditableTable, ReadOnlyFilesAreNotWrittenAndTheEditsStay) {
  const fs::path path = scratch("readonly.csv");
  spit(path, kOdd);
  auto t = EditableTable::open(path);
  ASSERT_TRUE(t);
  t->remove(0);
  fs::permissions(path, fs::perms::owner_read | fs::perms::group_read | fs::perms::others_read);
  SaveOutcome saved = t->save(true);
  EXPECT_EQ(saved.problem, SaveProblem::ReadOnly);
  EXPECT_NE(saved.message.find("read-only"), std::string::npos) << saved.message;
  EXPECT_EQ(slurp(path), kOdd);
  EXPECT_TRUE(t->dirty());
  fs::permissions(path, fs::perms::owner_write, fs::perm_options::add);
  EXPECT_TRUE(t->save().ok());
  EXPECT_EQ(slurp(path), t->serialise());
  // Permissions survive the atomic replace.
  EXPECT_EQ(fs::status(path).permissions() & fs::perms::owner_write, fs::perms::owner_write);
}

TEST(EditableTable, AFailedWriteLosesNothing) {
  auto t = EditableTable::parse(kOdd, "odd.csv");
  ASSERT_TRUE(t);
  t->remove(0);
  const std::string mine = t->serialise();
  SaveOutcome saved = t->saveAs(scratch("no-such-folder") / "x.csv");
  EXPECT_EQ(saved.problem, SaveProblem::Failed);
  EXPECT_NE(saved.message.find("your edits are kept"), std::string::npos) << saved.message;
  EXPECT_EQ(t->serialise(), mine);
  EXPECT_TRUE(t->dirty());
}

TEST(EditableTable, BadTablesSayWhy) {
  auto empty = EditableTable::parse("\n\n", "empty.csv");
  ASSERT_FALSE(empty);
  EXPECT_EQ(empty.error().message(), "empty.csv: no header line (date,place,...)");
  auto open = EditableTable::parse("a,b\n1,\"2\n", "open.csv");
  ASSERT_FALSE(open);
  EXPECT_EQ(open.error().message(), "open.csv:2: a quote is never closed");
  auto missing = EditableTable::open(scratch("missing.csv"));
  ASSERT_FALSE(missing);
}

TEST(Inbox, AcceptEditRejectAreUndoable) {
  auto t = EditableTable::parse("date,place,controller\n2014-01-01,Baghdad,iraqi_forces\n", "t.csv");
  ASSERT_TRUE(t);
  auto proposals = EditableTable::parse("date,place,controller,quote\n2017-11-03,al-Qaim,iraqi_forces,q1\n"
                                        "2017-11-17,Rawa,iraqi_forces,q2\n2017-11-08,Albu Kamal,islamic_state,q3\n",
                                        "p.csv");
  ASSERT_TRUE(proposals);
  Inbox inbox;
  for (auto& p : proposalsFromTable(*proposals)) inbox.add(std::move(p));
  ASSERT_EQ(inbox.size(), 3u);
  EXPECT_EQ(inbox.at(1).origin, "proposals:3");
  EditHistory h;
  h.perform(inbox.accept(0, *t));
  h.perform(inbox.accept(1, *t));
  h.perform(inbox.edit(1, "date", "2017-11-16", *t));
  h.perform(inbox.reject(2));
  const std::string after = "date,place,controller\n2014-01-01,Baghdad,iraqi_forces\n2017-11-03,al-Qaim,iraqi_forces\n"
                            "2017-11-16,Rawa,iraqi_forces\n";
  EXPECT_EQ(t->serialise(), after);
  EXPECT_EQ(inbox.count(InboxProposal::State::Accepted), 2u);
  EXPECT_EQ(inbox.at(2).state, InboxProposal::State::Rejected);
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(h.undo());
  EXPECT_EQ(inbox.count(InboxProposal::State::Pending), 3u);
  EXPECT_EQ(inbox.at(1).value("date"), "2017-11-17");
  EXPECT_FALSE(t->dirty());
  for (int i = 0; i < 4; ++i) ASSERT_TRUE(h.redo());
  EXPECT_EQ(t->serialise(), after);
  // Editing a pending proposal changes what accepting adds.
  h.undo();
  h.undo();
  h.perform(inbox.edit(1, "controller", "peshmerga", *t));
  EXPECT_EQ(inbox.at(1).value("controller"), "peshmerga");
  EXPECT_EQ(t->value(2, "controller"), "peshmerga");
}

}  // namespace
}  // namespace frontline
