// Ingest throughput on one core once the gazetteer is loaded: articles of about 5,000 characters
// made from report passages (default: the labelled set in tests/fixtures/ingest/labelled), read
// with the bundled dataset's actors and gazetteer (plus --gazetteer FILE). Prints articles/s and MB/s
// for a first pass over the articles with a fresh Ingestor (each new name goes to the gazetteer, then
// to the Ingestor's cache) and a second pass (names all cached, as in a feed where towns recur).
//   ingest_bench [--articles N] [--gazetteer FILE] [FOLDER]
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "../frontline/ingest_setup.hpp"
#include "geo/gis/dataset_loader.hpp"
#include "geo/ingest/article.hpp"

namespace fs = std::filesystem;
using namespace frontline;

int main(int argc, char** argv) {
  size_t count = 1000;
  fs::path folder = fs::path(FRONTLINE_SOURCE_DIR) / "tests/fixtures/ingest/labelled";
  std::vector<fs::path> gazetteers;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    if (a == "--articles" && i + 1 < argc) count = std::stoul(argv[++i]);
    else if (a == "--gazetteer" && i + 1 < argc) gazetteers.emplace_back(argv[++i]);
    else folder = a;
  }
  // paragraphs of every passage
  std::vector<std::string> paragraphs;
  for (const auto& entry : fs::directory_iterator(folder)) {
    if (entry.path().extension() != ".txt") continue;
    std::ifstream in(entry.path());
    std::stringstream s;
    s << in.rdbuf();
    const ingest::Article a = ingest::parsePlainText(entry.path().string(), s.str());
    size_t start = 0;
    while (start < a.text.size()) {
      size_t end = a.text.find("\n\n", start);
      if (end == std::string::npos) end = a.text.size();
      if (end > start + 40) paragraphs.push_back(a.text.substr(start, end - start));
      start = end + 2;
    }
  }
  if (paragraphs.empty()) {
    std::fprintf(stderr, "ingest_bench: %s: no .txt passages\n", folder.c_str());
    return 3;
  }
  std::mt19937 random(42);
  std::vector<ingest::Article> articles;
  size_t bytes = 0;
  for (size_t n = 0; n < count; ++n) {
    ingest::Article a;
    a.name = "article-" + std::to_string(n);
    a.published = *Date::parse("2017-11-18");
    while (a.text.size() < 5000) a.text += paragraphs[random() % paragraphs.size()] + "\n\n";
    bytes += a.text.size();
    articles.push_back(std::move(a));
  }

  cli::IngestSources sources;
  sources.assetDir = FRONTLINE_ASSET_DIR;
  sources.dataset = bundledDatasetPath(sources.assetDir);
  sources.gazetteers = gazetteers;
  const auto loadStart = std::chrono::steady_clock::now();
  auto setup = cli::loadIngestSetup(sources);
  if (!setup) {
    std::fprintf(stderr, "ingest_bench: %s\n", setup.error().message().c_str());
    return 3;
  }
  const double loadSeconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - loadStart).count();
  std::printf("gazetteer and dataset loaded in %.2f s (%zu places)\n", loadSeconds, setup->gazetteer->places().size());
  const ingest::IngestConfig config = cli::ingestConfig(*setup);
  const auto indexStart = std::chrono::steady_clock::now();
  ingest::Ingestor ingestor(*setup->gazetteer, setup->dataset.actors, config);
  std::printf("ingestor built in %.2f s (name keys of the gazetteer's towns)\n",
              std::chrono::duration<double>(std::chrono::steady_clock::now() - indexStart).count());
  size_t proposals = 0;
  for (const char* pass : {"first pass (cache filling)", "second pass (names cached)"}) {
    const auto start = std::chrono::steady_clock::now();
    for (const ingest::Article& a : articles) proposals += ingestor.analyse(a).proposals.size();
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::printf("%s: %zu articles (%.1f MB, mean %zu characters) in %.2f s: %.0f articles/s, %.2f MB/s\n", pass,
                articles.size(), double(bytes) / 1e6, bytes / articles.size(), seconds, double(articles.size()) / seconds,
                double(bytes) / 1e6 / seconds);
  }
  std::printf("(%zu proposals)\n", proposals);
  return 0;
}
