#include "geo/ingest/proposal_io.hpp"

#include <cstdio>

#include "geo/gazetteer/utf8.hpp"

namespace frontline::ingest {
namespace {

std::string fixed(double v, int decimals) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.*f", decimals, v);
  return buf;
}

std::string placeJson(const PlaceMention& p) {
  std::string o = "{\"begin\":" + std::to_string(p.begin) + ",\"end\":" + std::to_string(p.end) +
                  ",\"text\":" + jsonString(p.text) + ",\"resolved\":" + (p.resolved ? "true" : "false");
  if (p.resolved)
    o += ",\"name\":" + jsonString(p.name) + ",\"country\":" + jsonString(p.country) + ",\"lat\":" + fixed(p.lat, 5) +
         ",\"lon\":" + fixed(p.lon, 5) + ",\"score\":" + fixed(p.score, 3) + ",\"ambiguous\":" + (p.ambiguous ? "true" : "false");
  else
    o += ",\"why\":" + jsonString(p.why);
  return o + "}";
}

}  // namespace

std::string csvField(std::string_view text) {
  if (text.find_first_of(",\"\n\r") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string jsonString(std::string_view text) {
  std::string out = "\"";
  size_t i = 0;
  while (i < text.size()) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      ++i;
      switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        default:
          if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
          } else {
            out += static_cast<char>(c);
          }
      }
      continue;
    }
    appendUtf8(out, decodeUtf8(text, i));
  }
  return out + "\"";
}

std::string proposalCsvHeader() { return "date,place,country,lat,lon,controller,status,source,url,quote,confidence,notes\n"; }

std::string proposalCsvRows(const std::vector<Proposal>& proposals) {
  std::string out;
  for (const Proposal& p : proposals) {
    out += p.date ? p.date->iso() : std::string();
    out += ',' + csvField(p.place.text) + ',' + csvField(p.place.country) + ',' + fixed(p.place.lat, 5) + ',' +
           fixed(p.place.lon, 5) + ',' + csvField(p.controller) + ',' + statusName(p.status) + ',' + csvField(p.source) +
           ',' + csvField(p.url) + ',' + csvField(p.quote) + ',' + confidenceName(p.confidence) + ',' + csvField(p.notes) +
           '\n';
  }
  return out;
}

std::string articleJson(const Article& a, const IngestResult& r) {
  std::string o = "{\"file\":" + jsonString(a.name) + ",\"title\":" + jsonString(a.title) +
                  ",\"publisher\":" + jsonString(a.publisher) + ",\"url\":" + jsonString(a.url) +
                  ",\"published\":" + (a.published ? jsonString(a.published->iso()) : std::string("null")) +
                  ",\"dateline\":" + jsonString(a.dateline) + ",\"encoding\":" + jsonString(a.encodingNote.empty() ? "UTF-8" : a.encodingNote) +
                  ",\"countries\":[";
  for (size_t i = 0; i < r.countries.size(); ++i) {
    if (i) o += ',';
    o += jsonString(r.countries[i]);
  }
  o += "],\"places\":[";
  for (size_t i = 0; i < r.places.size(); ++i) {
    if (i) o += ',';
    o += placeJson(r.places[i]);
  }
  o += "],\"unresolved\":[";
  bool first = true;
  for (const PlaceMention& p : r.places)
    if (!p.resolved) {
      if (!first) o += ',';
      o += placeJson(p);
      first = false;
    }
  o += "],\"actors\":[";
  for (size_t i = 0; i < r.actors.size(); ++i) {
    if (i) o += ',';
    o += "{\"begin\":" + std::to_string(r.actors[i].begin) + ",\"end\":" +
         std::to_string(r.actors[i].end) + ",\"text\":" + jsonString(r.actors[i].text) +
         ",\"actor\":" + jsonString(r.actors[i].actor) + "}";
  }
  o += "],\"dates\":[";
  for (size_t i = 0; i < r.dates.size(); ++i) {
    if (i) o += ',';
    o += "{\"begin\":" + std::to_string(r.dates[i].begin) + ",\"end\":" +
         std::to_string(r.dates[i].end) + ",\"text\":" + jsonString(r.dates[i].text) + ",\"date\":" +
         (r.dates[i].date ? jsonString(r.dates[i].date->iso()) : std::string("null")) +
         ",\"relative\":" + (r.dates[i].relative ? "true" : "false") + "}";
  }
  o += "],\"proposals\":[";
  for (size_t i = 0; i < r.proposals.size(); ++i) {
    const Proposal& p = r.proposals[i];
    if (i) o += ',';
    o += "{\"date\":" + (p.date ? jsonString(p.date->iso()) : std::string("null")) +
         ",\"date_text\":" + jsonString(p.dateText) + ",\"place\":" + placeJson(p.place) +
         ",\"controller\":" + jsonString(p.controller) + ",\"status\":" + jsonString(statusName(p.status)) +
         ",\"confidence\":" + jsonString(confidenceName(p.confidence)) + ",\"quote\":" + jsonString(p.quote) +
         ",\"sentence\":[" + std::to_string(p.sentenceBegin) + "," + std::to_string(p.sentenceEnd) + "]" +
         ",\"source\":" + jsonString(p.source) + ",\"url\":" + jsonString(p.url) + ",\"notes\":" + jsonString(p.notes) + "}";
  }
  o += "],\"warnings\":[";
  for (size_t i = 0; i < r.warnings.size(); ++i) {
    if (i) o += ',';
    o += jsonString(r.warnings[i]);
  }
  return o + "]}";
}

}  // namespace frontline::ingest
