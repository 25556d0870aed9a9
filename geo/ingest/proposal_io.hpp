// Writing proposals: the dataset event-table CSV (date,place,country,lat,lon,controller,status,
// source,url,quote,confidence,notes) and JSON with every mention and its character offsets.
#pragma once

#include <string>
#include <vector>

#include "geo/ingest/ingest.hpp"

namespace frontline::ingest {

// The header line of the event-table CSV, with its newline.
std::string proposalCsvHeader();
// One CSV row per proposal (RFC 4180 quoting), each ending in a newline.
std::string proposalCsvRows(const std::vector<Proposal>& proposals);

// One JSON object for an article: file, title, publisher, url, published, dateline, countries,
// places (resolved and unresolved), actors, dates, proposals, warnings.
std::string articleJson(const Article& article, const IngestResult& result);

// A CSV field, quoted when it needs to be.
std::string csvField(std::string_view text);
// A JSON string literal (quotes included); invalid UTF-8 bytes become U+FFFD.
std::string jsonString(std::string_view text);

}  // namespace frontline::ingest
