// libFuzzer targets for the readers of user input. One source, one target per FUZZ_* define
// (tests/fuzz/CMakeLists.txt). Each target feeds the bytes to a reader and checks only what
// must always hold: no crash, no sanitizer report, and errors that are safe to print.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>

#include "geo/model/date.hpp"
#include "geo/model/display_text.hpp"
#include "geo/model/lonlat_box.hpp"

#if defined(FUZZ_GEONAMES) || defined(FUZZ_ALIASES) || defined(FUZZ_INGEST)
#include "geo/gazetteer/alias_reader.hpp"
#include "geo/gazetteer/geonames_reader.hpp"
#endif
#if defined(FUZZ_STORY) || defined(FUZZ_MANIFEST) || defined(FUZZ_CSV) || defined(FUZZ_TABLE_OGR) || \
    defined(FUZZ_ACTORS) || defined(FUZZ_DATASET)
#include "geo/gis/actor_table.hpp"
#include "geo/gis/csv_reader.hpp"
#include "geo/gis/dataset_loader.hpp"
#include "geo/gis/manifest.hpp"
#include "geo/gis/story_loader.hpp"
#include "geo/gis/table_reader.hpp"
#endif
#ifdef FUZZ_OPTIONS
#include "tools/frontline/cli_support.hpp"
#endif
#ifdef FUZZ_INGEST
#include "geo/ingest/article.hpp"
#include "geo/ingest/html_text.hpp"
#include "geo/ingest/ingest.hpp"
#include "geo/ingest/proposal_io.hpp"
#endif

namespace {

// No control characters may reach a terminal through a message.
void checkMessage(const std::string& message) {
  for (const char c : message)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) std::abort();
  if (message.size() > 2 * frontline::kMessageChars + 16) std::abort();
}

// The input as a file with the given extension (the readers take paths), reused per process.
[[maybe_unused]] std::filesystem::path asFile(const uint8_t* data, size_t size, const char* extension) {
  static const std::filesystem::path dir = [] {
    auto d = std::filesystem::temp_directory_path() / ("frontline-fuzz-" + std::to_string(::getpid()));
    std::filesystem::create_directories(d);
    return d;
  }();
  const auto path = dir / (std::string("input") + extension);
  std::ofstream(path, std::ios::binary | std::ios::trunc).write(reinterpret_cast<const char*>(data),
                                                                 static_cast<std::streamsize>(size));
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  using namespace frontline;
  const std::string_view text(reinterpret_cast<const char*>(data), size);
#if defined(FUZZ_DATE)
  if (auto d = Date::parse(text)) {
    auto again = Date::parse(d->iso());
    if (!again || again->days() != d->days()) std::abort();  // what it prints, it reads back
  } else {
    checkMessage(d.error().message());
  }
  if (auto box = LonLatBox::parse(text); !box) checkMessage(box.error().message());
  const std::string shown = displayText(text);
  checkMessage(shown);
  if (!isWellFormedUtf8(toValidUtf8(text))) std::abort();
  checkMessage(safeMessage(text));
#elif defined(FUZZ_GEONAMES)
  if (auto places = parseGeoNames(text, "fuzz.tsv"); !places) checkMessage(places.error().message());
#elif defined(FUZZ_ALIASES)
  if (auto aliases = parseAliases(text, "fuzz.tsv"); !aliases) checkMessage(aliases.error().message());
#elif defined(FUZZ_STORY)
  if (auto story = parseStory(std::string(text), "fuzz.toml"); !story) checkMessage(story.error().message());
#elif defined(FUZZ_MANIFEST)
  if (auto manifest = readManifest(asFile(data, size, ".toml")); !manifest) checkMessage(manifest.error().message());
  else
    for (const auto& issue : manifest->issues) checkMessage(issue.text());
#elif defined(FUZZ_CSV)
  const auto path = asFile(data, size, ".csv");
  size_t rows = 0;
  readPlainCsv(path, [](const std::vector<std::string>&, size_t) {}, [&](const CsvRecord&) { ++rows; });
#elif defined(FUZZ_TABLE_OGR)
  // The OGR path for CSV, and whatever GDAL detects for other content, through frontline's
  // allowed drivers: no network, no VRT.
  TableReadOptions options;
  options.ogrForCsv = true;
  if (auto table = readTable(asFile(data, size, ".csv"), options); !table) checkMessage(table.error().message());
  if (auto table = readTable(asFile(data, size, ".geojson"), {}); !table) checkMessage(table.error().message());
#elif defined(FUZZ_ACTORS)
  ActorIndex index(true);
  std::vector<DatasetIssue> issues;
  if (auto r = readActorTable(asFile(data, size, ".csv"), "", index, issues); !r) checkMessage(r.error().message());
  for (const auto& issue : issues) checkMessage(issue.text());
#elif defined(FUZZ_DATASET)
  // A bare event table, geocoded against no gazetteer: dates, statuses, coordinates, controllers.
  DatasetLoadOptions options;
  if (auto loaded = loadDataset(asFile(data, size, ".csv"), options); loaded)
    for (const auto& issue : loaded->dataset.issues) checkMessage(issue.text());
  else
    checkMessage(loaded.error().message());
#elif defined(FUZZ_OPTIONS)
  if (auto s = cli::parseSize(std::string(text)); s) {
    if (s->width < 16 || s->height < 16 || s->width > 16384 || s->height > 16384) std::abort();
  } else {
    checkMessage(s.error().message());
  }
#elif defined(FUZZ_INGEST)
  // A report as `frontline ingest` reads it: encoding, HTML or header lines, dates, then mentions
  // and statements against a small gazetteer and two actors. Offsets must lie inside the text and
  // the JSON it would write must be valid UTF-8.
  using namespace frontline::ingest;
  static const Gazetteer gazetteer = [] {
    const char* rows =
        "1\tMosul\tMosul\tal-Mawsil,Mossoul\t36.335\t43.1189\tP\tPPLA\tIQ\t\t\t\t\t\t1\t\t\t\t\n"
        "2\tAl Qa'im\tAl Qa'im\tal-Qaim,Qaim\t34.3683\t41.0942\tP\tPPL\tIQ\t\t\t\t\t\t1\t\t\t\t\n"
        "3\tAbu Kamal\tAbu Kamal\tAlbu Kamal,Boukamal\t34.4506\t40.9186\tP\tPPL\tSY\t\t\t\t\t\t1\t\t\t\t\n"
        "4\tBakhmut\tBakhmut\tBachmut,Artemivsk\t48.5947\t38.0003\tP\tPPL\tUA\t\t\t\t\t\t1\t\t\t\t\n";
    auto places = parseGeoNames(rows, "fuzz-gazetteer.tsv");
    if (!places) std::abort();
    return Gazetteer::build(std::move(*places));
  }();
  static Ingestor ingestor(gazetteer,
                           {Actor{"isis", "Islamic State", 0, {"ISIS", "ISIL", "Daesh"}},
                            Actor{"iraq", "Iraqi government", 0, {"Iraqi forces", "government forces"}}},
                           IngestConfig{});
  std::string bytes(text.substr(0, 1 << 16));
  Article article;
  if (looksLikeHtml(bytes)) {
    auto html = parseHtml("fuzz.html", bytes);
    if (!html) {
      checkMessage(html.error().message());
      return 0;
    }
    article = std::move(*html);
  } else {
    const TextKind kind = classifyBytes(bytes);
    if (kind == TextKind::Binary) return 0;
    article = parsePlainText("fuzz.txt", kind == TextKind::Windows1252 ? decodeWindows1252(bytes) : bytes);
  }
  completeDates(article);
  if (!isWellFormedUtf8(article.text)) std::abort();
  const IngestResult result = ingestor.analyse(article);
  for (const auto& m : result.places)
    if (m.begin > m.end || m.end > article.text.size()) std::abort();
  for (const auto& p : result.proposals)
    if (p.sentenceBegin > p.sentenceEnd || p.sentenceEnd > article.text.size()) std::abort();
  if (!isWellFormedUtf8(articleJson(article, result))) std::abort();
  if (!isWellFormedUtf8(proposalCsvRows(result.proposals))) std::abort();
#else
#error "define one FUZZ_* target"
#endif
  return 0;
}
