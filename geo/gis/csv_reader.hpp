// A fast reader for plain CSV/TSV files that gives the same rows as OGR's CSV driver opened with
// HEADERS=YES and AUTODETECT_TYPE=NO (quotes, doubled quotes, quoted line breaks, blank lines,
// BOM, CRLF), in a fraction of the time: a million-row event table is read in about 0.3 s instead
// of 1.6 s. table_reader uses it for .csv/.tsv files and falls back to OGR for anything it does not
// handle the same way (see readPlainCsv).
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <vector>

namespace frontline {

struct CsvRecord {
  int line = 0;  // 1-based line the record starts on
  std::vector<std::string>* fields = nullptr;
  bool unclosedQuote = false;  // a quote opened in this record runs to the end of the file
};

enum class PlainCsvResult {
  Read,         // every record was passed to the callbacks
  Unsupported,  // nothing was passed: let OGR read it (lone CR line ends, no clear separator, ...)
  Unreadable,   // the file cannot be read
};

// Reads the header record, then every non-blank record. The separator is a tab for .tsv, otherwise
// the one of ',', ';', '\t' that the header line uses outside quotes (Unsupported when it uses
// none or several, or when the file has a .csvt/.prj companion or a WKT column: OGR treats those
// specially). Header names are given as written ("field_N" for empty ones, like OGR).
// onHeader also gets the number of lines after the header (an upper bound of the records).
PlainCsvResult readPlainCsv(const std::filesystem::path& path,
                            const std::function<void(const std::vector<std::string>& header, size_t lines)>& onHeader,
                            const std::function<void(const CsvRecord&)>& onRecord);

}  // namespace frontline
