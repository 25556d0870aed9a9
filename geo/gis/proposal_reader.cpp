#include "geo/gis/proposal_reader.hpp"

#include <cpl_json.h>

#include <cstdio>

#include "geo/model/input_file.hpp"

namespace frontline {
namespace {

std::string fixed5(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.5f", v);
  return buf;
}

std::optional<TextSpan> spanOf(const CPLJSONObject& o) {
  if (!o.IsValid() || o.GetType() != CPLJSONObject::Type::Object) return std::nullopt;
  const int begin = o.GetInteger("begin", -1), end = o.GetInteger("end", -1);
  if (begin < 0 || end < begin) return std::nullopt;
  return TextSpan{static_cast<size_t>(begin), static_cast<size_t>(end)};
}

// One proposal of an article object. The text shown is the quote (the sentence); spans are moved
// from article offsets to quote offsets. The article file is kept so the viewer can show it whole.
InboxProposal fromJson(const CPLJSONObject& article, const CPLJSONObject& p, const std::string& origin) {
  InboxProposal out;
  const CPLJSONObject place = p.GetObj("place");
  out.values = {{"date", p.GetString("date")},
                {"place", place.GetString("text")},
                {"country", place.GetString("country")},
                {"lat", place.GetBool("resolved") ? fixed5(place.GetDouble("lat")) : std::string()},
                {"lon", place.GetBool("resolved") ? fixed5(place.GetDouble("lon")) : std::string()},
                {"controller", p.GetString("controller")},
                {"status", p.GetString("status")},
                {"source", p.GetString("source")},
                {"url", p.GetString("url")},
                {"quote", p.GetString("quote")},
                {"confidence", p.GetString("confidence")},
                {"notes", p.GetString("notes")}};
  out.origin = origin;
  out.articleFile = article.GetString("file");
  const CPLJSONArray sentence = p.GetArray("sentence");
  if (sentence.IsValid() && sentence.Size() == 2 && sentence[0].ToInteger(-1) >= 0)
    out.sentence = TextSpan{static_cast<size_t>(sentence[0].ToInteger()), static_cast<size_t>(sentence[1].ToInteger())};
  out.place = spanOf(place);
  // The actor: the first mention of the controller inside the sentence.
  const CPLJSONArray actors = article.GetArray("actors");
  for (int i = 0; out.sentence && actors.IsValid() && i < actors.Size(); ++i) {
    const auto span = spanOf(actors[i]);
    if (span && actors[i].GetString("actor") == p.GetString("controller") && span->begin >= out.sentence->begin &&
        span->end <= out.sentence->end) {
      out.actor = span;
      break;
    }
  }
  return out;
}

Result<std::vector<InboxProposal>> readJson(const std::filesystem::path& path) {
  auto bytes = readInputFile(path, "proposals file", kMaxListBytes);
  if (!bytes) return bytes.error();
  CPLJSONDocument doc;
  if (!doc.LoadMemory(*bytes))
    return makeError(ErrorKind::Data, path.string(), "not JSON (expected the output of frontline ingest --format json)");
  const CPLJSONObject root = doc.GetRoot();
  CPLJSONArray articles;
  if (root.GetType() == CPLJSONObject::Type::Array) articles = root.ToArray();
  else if (root.GetType() == CPLJSONObject::Type::Object) articles.Add(root);
  else return makeError(ErrorKind::Data, path.string(), "expected an array of article objects");
  std::vector<InboxProposal> out;
  for (int a = 0; a < articles.Size(); ++a) {
    const CPLJSONObject article = articles[a];
    const CPLJSONArray proposals = article.GetArray("proposals");
    if (article.GetType() != CPLJSONObject::Type::Object || !proposals.IsValid())
      return makeError(ErrorKind::Data, path.string() + ": article " + std::to_string(a + 1),
                       "no \"proposals\" array (expected the output of frontline ingest --format json)");
    const std::string origin = path.filename().string();
    for (int i = 0; i < proposals.Size(); ++i) out.push_back(fromJson(article, proposals[i], origin));
  }
  return out;
}

}  // namespace

Result<std::vector<InboxProposal>> readProposals(const std::filesystem::path& path) {
  std::string ext = path.extension().string();
  for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  if (ext == ".json") return readJson(path);
  auto table = EditableTable::open(path);
  if (!table) return table.error();
  if (table->column("place") < 0 || table->column("controller") < 0)
    return makeError(ErrorKind::Data, path.string(),
                     "not a proposals table: it needs place and controller columns (the output of frontline ingest)");
  return proposalsFromTable(*table);
}

}  // namespace frontline
