// `frontline ingest`: report texts (plain text, HTML, folders of them, stdin) -> proposed events in
// the dataset's event-table format, or JSON with every mention; --append merges them (only with
// --accept-all) and checks the result; --evaluate measures the proposals against a labelled set.
#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <set>
#include <sstream>

#include "cli_support.hpp"
#include "commands.hpp"
#include "geo/gazetteer/distance.hpp"
#include "geo/gis/dataset_loader.hpp"
#include "geo/ingest/html_text.hpp"
#include "geo/ingest/proposal_io.hpp"
#include "geo/model/atomic_file.hpp"
#include "ingest_setup.hpp"

namespace frontline::cli {
namespace {

constexpr int kSomeUnreadable = 1;
constexpr size_t kChunkBytes = size_t{1} << 20;      // plain text is analysed in pieces of this size (memory ~60x)
constexpr size_t kMaxHtmlBytes = size_t{64} << 20;   // HTML must be parsed whole

struct IngestOptions {
  std::vector<std::string> inputs;  // [DATASET] FILE... | -
  std::string output;
  std::string format = "csv";
  std::string date;
  std::string actors;
  std::vector<std::string> gazetteers, aliases;
  std::string append;
  bool acceptAll = false;
  std::string evaluate;
  std::vector<std::string> evalDatasets;  // PREFIX=DATASET
  std::string assets;
  bool verbose = false, quiet = false;
};

bool isDatasetPath(const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  return ext == ".toml" || ext == ".csv" || ext == ".xlsx" || ext == ".ods" || ext == ".geojson" || ext == ".gpkg";
}

bool isReportFile(const std::filesystem::path& p) {
  const std::string ext = p.extension().string();
  return ext == ".txt" || ext == ".text" || ext == ".html" || ext == ".htm" || ext == ".xhtml";
}

struct Output {
  std::string csv;   // rows only
  std::string json;  // article objects separated by commas
  size_t proposals = 0, articles = 0;
};

class Runner {
 public:
  Runner(const IngestOptions& o, ingest::Ingestor& ingestor, std::optional<Date> fallbackDate)
      : o_(o), ingestor_(ingestor), fallbackDate_(fallbackDate) {}

  // Reads and analyses one file (or stdin); false when it could not be read.
  bool file(const std::string& name) {
    std::FILE* f = name == "-" ? stdin : std::fopen(name.c_str(), "rb");
    if (!f) {
      note(name, std::string("cannot open: ") + std::strerror(errno));
      return false;
    }
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> closer(f == stdin ? nullptr : f, std::fclose);
    std::string buffer;
    std::vector<char> block(1 << 20);
    size_t total = 0;
    ingest::Article meta;
    bool first = true, html = false, decode1252 = false;
    std::string htmlBytes;
    while (true) {
      const size_t n = std::fread(block.data(), 1, block.size(), f);
      if (n == 0) break;
      buffer.append(block.data(), n);
      total += n;
      if (first && buffer.size() >= 65536) {
        if (!classify(name, buffer, html, decode1252)) return false;
        first = false;
      }
      if (!first && html) {
        if (buffer.size() > kMaxHtmlBytes) {
          note(name, "HTML file larger than 64 MiB; not read");
          return false;
        }
        continue;
      }
      if (!first && buffer.size() >= kChunkBytes) {
        // analyse up to the last paragraph or sentence break, keep the rest
        size_t cut = buffer.rfind("\n\n");
        if (cut == std::string::npos || cut < buffer.size() / 2) cut = buffer.rfind(". ");
        if (cut == std::string::npos || cut < buffer.size() / 2) cut = buffer.find_last_of(" \n\t");
        if (cut == std::string::npos || cut < buffer.size() / 2) cut = buffer.size() - 1;
        std::string piece = buffer.substr(0, cut + 1);
        buffer.erase(0, cut + 1);
        plainChunk(name, std::move(piece), meta, decode1252);
      }
    }
    if (std::ferror(f)) {
      note(name, std::string("read error: ") + std::strerror(errno));
      return false;
    }
    if (total == 0) {
      note(name, "empty file; nothing to read");
      return false;
    }
    if (first && !classify(name, buffer, html, decode1252)) return false;
    if (html) {
      auto article = ingest::parseHtml(name, buffer);
      if (!article) {
        note(name, article.error().what);
        return false;
      }
      if (article->text.find_first_not_of(" \n\t") == std::string::npos) {
        note(name, "HTML without visible text; nothing to read");
        return false;
      }
      analyse(*article, 0);
      return true;
    }
    plainChunk(name, std::move(buffer), meta, decode1252);
    return true;
  }

  bool folder(const std::filesystem::path& dir, size_t& read, size_t& failed) {
    std::error_code ec;
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir, ec))
      if (entry.is_regular_file() && isReportFile(entry.path())) files.push_back(entry.path());
    if (ec) {
      note(dir.string(), "cannot list the folder: " + ec.message());
      return false;
    }
    std::sort(files.begin(), files.end());
    if (files.empty()) note(dir.string(), "no .txt or .html files in the folder");
    for (const auto& f : files) (file(f.string()) ? read : failed) += 1;
    return !files.empty();
  }

  Output out;
  std::vector<std::pair<ingest::Article, ingest::IngestResult>> kept;  // for --evaluate
  bool keep = false;

 private:
  bool classify(const std::string& name, const std::string& bytes, bool& html, bool& decode1252) {
    const ingest::TextKind kind = ingest::classifyBytes(bytes);
    if (kind == ingest::TextKind::Binary) {
      note(name, "binary data (NUL or control bytes), not a text or HTML report; skipped");
      return false;
    }
    html = ingest::looksLikeHtml(bytes);
    decode1252 = !html && kind == ingest::TextKind::Windows1252;
    if (decode1252 && !o_.quiet) note(name, "not UTF-8; read as Windows-1252/Latin-1");
    return true;
  }

  void plainChunk(const std::string& name, std::string bytes, ingest::Article& meta, bool decode1252) {
    if (decode1252) bytes = ingest::decodeWindows1252(bytes);
    ingest::Article article;
    size_t offset = 0;
    if (chunks_ == 0) {
      article = ingest::parsePlainText(name, std::move(bytes));
      meta = article;
      meta.text.clear();
    } else {
      article = meta;
      offset = offsets_;
      article.text = std::move(bytes);
    }
    if (decode1252) article.encodingNote = "decoded as Windows-1252";
    offsets_ += article.text.size();
    ++chunks_;
    analyse(article, offset);
  }

  void analyse(ingest::Article& article, size_t offset) {
    if (!article.published && fallbackDate_) {
      article.published = fallbackDate_;
      article.dateText = "--date";
    }
    ingest::IngestResult r = ingestor_.analyse(article);
    if (offset) {
      for (auto& p : r.places) p.begin += offset, p.end += offset;
      for (auto& a : r.actors) a.begin += offset, a.end += offset;
      for (auto& d : r.dates) d.begin += offset, d.end += offset;
      for (auto& p : r.proposals) {
        p.sentenceBegin += offset, p.sentenceEnd += offset;
        p.place.begin += offset, p.place.end += offset;
      }
    }
    if (!article.published && !r.proposals.empty() && !o_.quiet)
      note(article.name, "no publication date found (Date: line, meta tag or dateline); relative dates stay empty; pass --date");
    if (!o_.quiet) {
      std::set<std::string> said;
      for (const std::string& w : r.warnings)
        if (said.insert(w).second && said.size() <= 20) note(article.name, "note: " + w);
    }
    out.proposals += r.proposals.size();
    if (offset == 0) ++out.articles;
    if (o_.format == "json") {
      if (!out.json.empty()) out.json += ",\n";
      out.json += ingest::articleJson(article, r);
    } else {
      out.csv += ingest::proposalCsvRows(r.proposals);
    }
    if (keep) {
      article.text.clear();
      kept.emplace_back(std::move(article), std::move(r));
    }
  }

  void note(const std::string& name, const std::string& what) {
    std::cerr << "frontline ingest: " << name << ": " << what << "\n";
  }

  const IngestOptions& o_;
  ingest::Ingestor& ingestor_;
  std::optional<Date> fallbackDate_;
  size_t chunks_ = 0, offsets_ = 0;

 public:
  void startFile() { chunks_ = 0, offsets_ = 0; }
};

// ---------------------------------------------------------------- --append

// Splits one CSV header line into lower-case column names.
std::vector<std::string> csvHeader(const std::string& line) {
  std::vector<std::string> cols;
  std::string cur;
  bool quoted = false;
  for (char c : line) {
    if (c == '"') quoted = !quoted;
    else if (c == ',' && !quoted) cols.push_back(cur), cur.clear();
    else if (c != '\r') cur += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  }
  cols.push_back(cur);
  for (auto& c : cols) {
    while (!c.empty() && c.back() == ' ') c.pop_back();
    while (!c.empty() && c.front() == ' ') c.erase(0, 1);
  }
  return cols;
}

int appendProposals(const IngestOptions& o, const std::vector<ingest::Proposal>& proposals) {
  const std::string cmd = "ingest";
  auto table = firstEventTable(o.append);
  if (!table) return fail(cmd, table.error());
  if (table->extension() != ".csv")
    return fail(cmd, makeError(ErrorKind::Usage, table->string(), "--append writes only to CSV event tables"));
  std::string existing;
  {
    std::unique_ptr<std::FILE, int (*)(std::FILE*)> in(std::fopen(table->c_str(), "rb"), std::fclose);
    if (!in) return fail(cmd, makeError(ErrorKind::Input, table->string(), "cannot read the event table"));
    char block[65536];
    for (size_t n; (n = std::fread(block, 1, sizeof block, in.get())) > 0;) existing.append(block, n);
  }
  const size_t eol = existing.find('\n');
  const std::vector<std::string> cols = csvHeader(existing.substr(0, eol));
  const std::string newline = eol != std::string::npos && eol > 0 && existing[eol - 1] == '\r' ? "\r\n" : "\n";
  for (const char* needed : {"date", "place", "controller"})
    if (std::find(cols.begin(), cols.end(), needed) == cols.end())
      return fail(cmd, makeError(ErrorKind::Data, table->string(), std::string("the table has no '") + needed + "' column"));
  std::string rows;
  size_t appended = 0, skipped = 0;
  for (const ingest::Proposal& p : proposals) {
    if (!p.date) {
      std::cerr << "frontline ingest: not appended (no date): " << p.place.text << " -> " << p.controller << ": \""
                << p.quote.substr(0, 120) << "\"\n";
      ++skipped;
      continue;
    }
    std::map<std::string, std::string> v{{"date", p.date->iso()},
                                         {"place", p.place.text},
                                         {"country", p.place.country},
                                         {"lat", std::to_string(p.place.lat)},
                                         {"lon", std::to_string(p.place.lon)},
                                         {"controller", p.controller},
                                         {"status", statusName(p.status)},
                                         {"source", p.source},
                                         {"url", p.url},
                                         {"quote", p.quote},
                                         {"confidence", confidenceName(p.confidence)},
                                         {"notes", "proposed by frontline ingest; " + p.notes}};
    for (size_t i = 0; i < cols.size(); ++i) {
      if (i) rows += ',';
      const auto it = v.find(cols[i]);
      if (it != v.end()) rows += ingest::csvField(it->second);
    }
    rows += newline;
    ++appended;
  }
  std::string bytes = existing;
  if (!bytes.empty() && bytes.back() != '\n') bytes += newline;
  bytes += rows;
  if (auto w = writeFileAtomic(*table, bytes); !w) return fail(cmd, w.error());
  std::cerr << "frontline ingest: appended " << appended << " proposal" << (appended == 1 ? "" : "s") << " to "
            << table->string() << (skipped ? " (" + std::to_string(skipped) + " without a date left out)" : "") << "\n";
  // check the result
  DatasetLoadOptions options;
  options.assetDir = assetDir(o.assets);
  for (const auto& g : o.gazetteers) options.gazetteerFiles.emplace_back(g);
  for (const auto& a : o.aliases) options.aliasFiles.emplace_back(a);
  auto loaded = loadDataset(o.append, options);
  if (!loaded) return fail(cmd, loaded.error());
  size_t errors = 0, warnings = 0;
  for (const DatasetIssue& issue : loaded->dataset.issues) {
    (issue.error ? errors : warnings) += 1;
    std::cerr << "frontline ingest: check: " << issue.text() << "\n";
  }
  std::cerr << "frontline ingest: check: " << errors << " error" << (errors == 1 ? "" : "s") << ", " << warnings
            << " warning" << (warnings == 1 ? "" : "s") << " in " << o.append << "\n";
  return errors ? kData : kOk;
}

// ---------------------------------------------------------------- --evaluate

struct Score {
  size_t tp = 0, predicted = 0, gold = 0;
  double precision() const { return predicted ? double(tp) / double(predicted) : 1.0; }
  double recall() const { return gold ? double(tp) / double(gold) : 1.0; }
  double f1() const {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0;
  }
};

std::vector<std::string> splitTab(const std::string& line) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : line) {
    if (c == '\t') out.push_back(cur), cur.clear();
    else if (c != '\r') cur += c;
  }
  out.push_back(cur);
  return out;
}

bool toDouble(const std::string& s, double& v) {
  char* end = nullptr;
  v = std::strtod(s.c_str(), &end);
  return !s.empty() && end && *end == 0;
}

struct GoldPlace {
  double lat, lon;
  std::string mention;
};
struct GoldEvent {
  std::optional<Date> date;
  double lat, lon;
  std::string controller, status, mention;
};

int runEvaluate(const IngestOptions& o, const IngestSources& base) {
  const std::string cmd = "ingest";
  const std::filesystem::path dir(o.evaluate);
  std::ifstream split(dir / "split.tsv");
  if (!split) return fail(cmd, makeError(ErrorKind::Input, (dir / "split.tsv").string(), "cannot read the split file"));
  std::vector<std::pair<std::string, std::string>> ids;
  for (std::string line; std::getline(split, line);) {
    auto f = splitTab(line);
    if (f.size() >= 2 && !f[0].empty() && f[0][0] != '#' && f[0] != "id") ids.emplace_back(f[0], f[1]);
  }
  // datasets by id prefix
  std::vector<std::pair<std::string, std::string>> prefixes;
  for (const std::string& spec : o.evalDatasets) {
    const size_t eq = spec.find('=');
    if (eq == std::string::npos)
      return fail(cmd, makeError(ErrorKind::Usage, "--eval-dataset '" + spec + "'", "expected PREFIX=DATASET, e.g. ua-=ukraine.toml"));
    prefixes.emplace_back(spec.substr(0, eq), spec.substr(eq + 1));
  }
  std::map<std::string, std::unique_ptr<IngestSetup>> setups;
  std::map<std::string, std::unique_ptr<ingest::Ingestor>> ingestors;
  auto ingestorFor = [&](const std::string& id) -> Result<ingest::Ingestor*> {
    std::string which;  // "" = the default sources
    for (const auto& [prefix, ds] : prefixes)
      if (id.rfind(prefix, 0) == 0) which = prefix;
    if (!ingestors.count(which)) {
      IngestSources s = base;
      if (!which.empty()) {
        const std::string ds = std::find_if(prefixes.begin(), prefixes.end(), [&](auto& p) { return p.first == which; })->second;
        if (std::filesystem::path(ds).extension() == ".csv" && ds.find("actors") != std::string::npos) {
          s.dataset.clear();
          s.actors = ds;
        } else {
          s.dataset = ds;
          s.actors.clear();
        }
      }
      auto setup = loadIngestSetup(s);
      if (!setup) return setup.error();
      auto owned = std::make_unique<IngestSetup>(std::move(*setup));
      ingestors[which] = std::make_unique<ingest::Ingestor>(*owned->gazetteer, owned->dataset.actors, ingestConfig(*owned));
      setups[which] = std::move(owned);
    }
    return ingestors[which].get();
  };

  std::map<std::string, Score> places, events, relaxed;
  std::set<std::string> groups;  // "dev", "test", "dev/is", "test/ua", "dev/dated", ...
  std::map<std::string, size_t> passageCount;
  size_t passages = 0;
  for (const auto& [id, part] : ids) {
    auto ingestor = ingestorFor(id);
    if (!ingestor) return fail(cmd, ingestor.error());
    IngestOptions quiet = o;
    quiet.quiet = true;
    quiet.format = "csv";
    Runner runner(quiet, **ingestor, std::nullopt);
    runner.keep = true;
    if (!runner.file((dir / (id + ".txt")).string())) continue;
    std::vector<GoldPlace> goldPlaces;
    std::vector<GoldEvent> goldEvents;
    std::ifstream gold(dir / (id + ".gold.tsv"));
    if (!gold) {
      std::cerr << "frontline ingest: " << (dir / (id + ".gold.tsv")).string() << ": missing; passage skipped\n";
      continue;
    }
    ++passages;
    for (std::string line; std::getline(gold, line);) {
      const auto f = splitTab(line);
      double lat = 0, lon = 0;
      if (f.size() >= 5 && f[0] == "place") {
        if (toDouble(f[2], lat) && toDouble(f[3], lon)) goldPlaces.push_back({lat, lon, f[1]});
      } else if (f.size() >= 7 && f[0] == "event") {
        if (!toDouble(f[3], lat) || !toDouble(f[4], lon)) continue;
        GoldEvent e{std::nullopt, lat, lon, f[5], f[6], f[2]};
        if (auto d = Date::parse(f[1])) e.date = *d;
        goldEvents.push_back(e);
      }
    }
    // places: distinct locations (1 km) on each side, matched one to one within 15 km
    std::vector<std::pair<double, double>> predicted;
    std::vector<std::string> predictedText;
    for (const auto& [article, result] : runner.kept)
      for (const auto& p : result.places)
        if (p.resolved && std::none_of(predicted.begin(), predicted.end(), [&](auto& q) {
              return greatCircleKm(q.first, q.second, p.lat, p.lon) < 1;
            }))
          predicted.emplace_back(p.lat, p.lon), predictedText.push_back(p.text);
    std::vector<GoldPlace> goldDistinct;
    for (const auto& g : goldPlaces)
      if (std::none_of(goldDistinct.begin(), goldDistinct.end(),
                       [&](auto& q) { return greatCircleKm(q.lat, q.lon, g.lat, g.lon) < 1; }))
        goldDistinct.push_back(g);
    Score ps;
    std::vector<bool> used(goldDistinct.size());
    size_t tp = 0;
    for (size_t i = 0; i < predicted.size(); ++i) {
      bool hit = false;
      for (size_t g = 0; g < goldDistinct.size() && !hit; ++g)
        if (!used[g] && greatCircleKm(predicted[i].first, predicted[i].second, goldDistinct[g].lat, goldDistinct[g].lon) <= 15)
          used[g] = hit = true;
      tp += hit;
      if (!hit && o.verbose) std::cerr << id << ": extra place '" << predictedText[i] << "'\n";
    }
    if (o.verbose)
      for (size_t g = 0; g < goldDistinct.size(); ++g)
        if (!used[g]) std::cerr << id << ": missed place '" << goldDistinct[g].mention << "'\n";
    ps.tp += tp, ps.predicted += predicted.size(), ps.gold += goldDistinct.size();
    // events: proposals of medium or high confidence. Strict: the date within a day. Relaxed: in a
    // passage whose header gives no date (the labels' dates then come from outside the passage), an
    // undated proposal may match on place and controller.
    const bool undatedPassage = !runner.kept.empty() && !runner.kept.front().first.published;
    Score es, rs;
    std::vector<bool> usedEvent(goldEvents.size()), usedRelaxed(goldEvents.size());
    auto matchEvent = [&](const ingest::Proposal& p, std::vector<bool>& taken, bool relax) {
      for (size_t g = 0; g < goldEvents.size(); ++g) {
        const GoldEvent& e = goldEvents[g];
        const bool dateOk = (!e.date && !p.date) || (e.date && p.date && std::abs(e.date->days() - p.date->days()) <= 1) ||
                            (relax && undatedPassage && !p.date);
        if (!taken[g] && dateOk && e.controller == p.controller && greatCircleKm(e.lat, e.lon, p.place.lat, p.place.lon) <= 15) {
          taken[g] = true;
          return true;
        }
      }
      return false;
    };
    for (const auto& [article, result] : runner.kept)
      for (const auto& p : result.proposals) {
        if (p.confidence == Confidence::Low) continue;
        ++es.predicted;
        ++rs.predicted;
        const bool hit = matchEvent(p, usedEvent, false);
        es.tp += hit;
        rs.tp += matchEvent(p, usedRelaxed, true);
        if (!hit && o.verbose)
          std::cerr << id << ": extra event " << (p.date ? p.date->iso() : "?") << " " << p.place.text << " "
                    << p.controller << " " << statusName(p.status) << " [" << p.notes << "]: " << p.quote << "\n";
      }
    if (o.verbose)
      for (size_t g = 0; g < goldEvents.size(); ++g)
        if (!usedEvent[g])
          std::cerr << id << ": missed event " << (goldEvents[g].date ? goldEvents[g].date->iso() : "?") << " "
                    << goldEvents[g].mention << " " << goldEvents[g].controller << " " << goldEvents[g].status
                    << (usedRelaxed[g] ? " (relaxed: matched)" : " (relaxed: missed too)") << "\n";
    es.gold += goldEvents.size();
    rs.gold += goldEvents.size();
    const std::string group = part + "/" + id.substr(0, id.find('-'));
    // "dev/dated": the passages whose page gives a publication date (the others' labels were dated
    // from outside the passage, which no reader of the passage alone can match)
    std::vector<std::string> keys{part, group};
    if (!undatedPassage) keys.push_back(part + "/dated");
    for (const std::string& key : keys) {
      ++passageCount[key];
      auto add = [](Score& total, const Score& one) {
        total.tp += one.tp, total.predicted += one.predicted, total.gold += one.gold;
      };
      add(places[key], ps);
      add(events[key], es);
      add(relaxed[key], rs);
      groups.insert(key);
    }
  }
  if (passages == 0) return fail(cmd, makeError(ErrorKind::Input, dir.string(), "no labelled passages could be read"));
  std::ostringstream out;
  out << "split\tpassages\tplaces_P\tplaces_R\tplaces_F1\tevents_P\tevents_R\tevents_F1\trelaxed_P\trelaxed_R\trelaxed_F1"
         "\tplaces_tp/pred/gold\tevents_tp/pred/gold\n";
  std::vector<std::string> order{"dev", "test"};
  for (const std::string& g : groups)
    if (g.find('/') != std::string::npos) order.push_back(g);
  for (const std::string& key : order) {
    const char* part = key.c_str();
    const Score& p = places[part];
    const Score& e = events[part];
    const Score& x = relaxed[part];
    const size_t n = passageCount[key];
    char buf[512];
    std::snprintf(buf, sizeof buf, "%s\t%zu\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%.3f\t%zu/%zu/%zu\t%zu/%zu/%zu\n",
                  part, n, p.precision(), p.recall(), p.f1(), e.precision(), e.recall(), e.f1(), x.precision(), x.recall(),
                  x.f1(), p.tp, p.predicted, p.gold, e.tp, e.predicted, e.gold);
    out << buf;
  }
  std::cout << out.str() << std::flush;
  return kOk;
}

// ---------------------------------------------------------------- main

int runIngest(IngestOptions o) {
  const std::string cmd = "ingest";
  if (o.format != "csv" && o.format != "json")
    return fail(cmd, makeError(ErrorKind::Usage, "--format '" + o.format + "'", "expected csv or json"));
  if (!o.append.empty() && !o.acceptAll)
    return fail(cmd, makeError(ErrorKind::Usage, "--append",
                               "nothing is merged without --accept-all: review the proposals (ingest -o proposals.csv) first"));
  if (o.acceptAll && o.append.empty())
    return fail(cmd, makeError(ErrorKind::Usage, "--accept-all", "only meaningful with --append DATASET"));
  std::optional<Date> fallback;
  if (!o.date.empty()) {
    auto d = Date::parse(o.date);
    if (!d || d->precision() != DatePrecision::Day)
      return fail(cmd, makeError(ErrorKind::Usage, "--date '" + o.date + "'", "expected YYYY-MM-DD"));
    fallback = *d;
  }
  IngestSources sources;
  sources.assetDir = assetDir(o.assets);
  for (const auto& g : o.gazetteers) sources.gazetteers.emplace_back(g);
  for (const auto& a : o.aliases) sources.aliases.emplace_back(a);
  sources.actors = o.actors;
  std::vector<std::string> inputs = o.inputs;
  if (!o.append.empty()) sources.dataset = o.append;
  if (!inputs.empty() && isDatasetPath(inputs.front()) && o.append.empty()) {
    sources.dataset = inputs.front();
    inputs.erase(inputs.begin());
  }
  if (sources.dataset.empty() && o.actors.empty()) sources.dataset = bundledDatasetPath(sources.assetDir);
  if (!o.evaluate.empty()) return runEvaluate(o, sources);
  if (inputs.empty())
    return fail(cmd, makeError(ErrorKind::Usage, "", "no reports given (FILE..., a folder, or - for stdin)"));

  auto setup = loadIngestSetup(sources);
  if (!setup) return fail(cmd, setup.error());
  for (const std::string& n : setup->notes)
    if (o.verbose || (!o.quiet && n.rfind("warning:", 0) == 0)) std::cerr << "frontline ingest: " << n << "\n";
  ingest::Ingestor ingestor(*setup->gazetteer, setup->dataset.actors, ingestConfig(*setup));
  Runner runner(o, ingestor, fallback);
  runner.keep = !o.append.empty();
  size_t read = 0, failed = 0;
  for (const std::string& input : inputs) {
    runner.startFile();
    std::error_code ec;
    if (input != "-" && std::filesystem::is_directory(input, ec)) {
      runner.folder(input, read, failed);
      continue;
    }
    if (input != "-" && !std::filesystem::exists(input, ec)) {
      std::cerr << "frontline ingest: " << input << ": no such file\n";
      ++failed;
      continue;
    }
    (runner.file(input) ? read : failed) += 1;
  }
  if (read == 0) return fail(cmd, makeError(ErrorKind::Input, "", "no report could be read"));
  if (!o.quiet)
    std::cerr << "frontline ingest: " << runner.out.proposals << " proposal" << (runner.out.proposals == 1 ? "" : "s")
              << " from " << runner.out.articles << " report" << (runner.out.articles == 1 ? "" : "s") << "\n";

  if (!o.append.empty()) {
    std::vector<ingest::Proposal> all;
    for (auto& [a, r] : runner.kept)
      for (auto& p : r.proposals) all.push_back(p);
    const int code = appendProposals(o, all);
    return code != kOk ? code : (failed ? kSomeUnreadable : kOk);
  }
  const std::string text = o.format == "json" ? "[\n" + runner.out.json + "\n]\n" : ingest::proposalCsvHeader() + runner.out.csv;
  if (o.output.empty() || o.output == "-") {
    std::cout << text << std::flush;
    if (!std::cout) return fail(cmd, makeError(ErrorKind::Io, "stdout", "cannot write the proposals"));
  } else if (auto w = writeFileAtomic(o.output, text); !w) {
    return fail(cmd, w.error());
  }
  return failed ? kSomeUnreadable : kOk;
}

}  // namespace

Command addIngestCommand(CLI::App& parent) {
  auto options = std::make_shared<IngestOptions>();
  CLI::App* app = parent.add_subcommand(
      "ingest", "Read reports (text, HTML, folders, stdin) and propose events: who took which place, when, with the quote.");
  app->add_option("inputs", options->inputs,
                  "[DATASET] FILE...: an optional dataset (.toml or event table; default: the bundled one) whose "
                  "actors and gazetteer are used, then report files, folders of .txt/.html files, or - for stdin");
  app->add_option("-o,--output", options->output, "Write the proposals here (atomically) instead of stdout");
  app->add_option("--format", options->format, "csv (the dataset's event-table columns, default) or json (every mention with offsets)");
  app->add_option("--date", options->date, "Publication date (YYYY-MM-DD) for reports that state none");
  app->add_option("--actors", options->actors, "Actors table (id,name,color,aliases) to use instead of the dataset's");
  app->add_option("--gazetteer", options->gazetteers, "Also load this GeoNames-format file (repeatable)")
      ->expected(1)->allow_extra_args(false)->take_all();
  app->add_option("--aliases", options->aliases, "Also load this extras/aliases file (repeatable)")
      ->expected(1)->allow_extra_args(false)->take_all();
  app->add_option("--append", options->append, "Append the proposals to this dataset's first event table (needs --accept-all), then check it");
  app->add_flag("--accept-all", options->acceptAll, "Accept every proposal (with --append)");
  app->add_option("--evaluate", options->evaluate,
                  "Measure against a labelled folder (<id>.txt, <id>.gold.tsv, split.tsv): precision, recall, F1 of "
                  "places and events for the dev and test splits");
  app->add_option("--eval-dataset", options->evalDatasets,
                  "With --evaluate: PREFIX=DATASET uses DATASET (or an actors .csv) for passages whose id starts with PREFIX (repeatable)")
      ->expected(1)->allow_extra_args(false)->take_all();
  app->add_option("--assets", options->assets, "Folder of bundled data (default: the project's assets/)");
  app->add_flag("-v,--verbose", options->verbose, "Say what was loaded; with --evaluate, list every miss");
  app->add_flag("-q,--quiet", options->quiet, "No notes on stderr (errors still)");
  app->footer(
      "Nothing is merged into a dataset unless --append DATASET --accept-all is given; the proposals go to stdout or -o.\n"
      "Exit codes: 0 ok, 1 some inputs could not be read (the others were), 2 bad command line,\n"
      "            3 no input could be read / missing dataset, 4 the dataset has errors after --append,\n"
      "            6 cannot write the output.\n"
      "Examples:\n"
      "  frontline ingest article.txt page.html\n"
      "  frontline ingest my.toml reports/ --format json -o proposals.json\n"
      "  frontline ingest --append my.toml --accept-all reports/\n"
      "  frontline ingest --evaluate tests/fixtures/ingest/labelled");
  return {app, [options] { return runIngest(*options); }};
}

}  // namespace frontline::cli
