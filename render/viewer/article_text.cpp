#include "render/viewer/article_text.hpp"

#include "geo/ingest/article.hpp"
#include "geo/ingest/html_text.hpp"
#include "geo/model/input_file.hpp"

namespace frontline {

Result<std::string> readArticleText(const std::filesystem::path& file) {
  auto bytes = readInputFile(file, "article", kMaxSmallTextBytes);
  if (!bytes) return bytes.error();
  if (ingest::looksLikeHtml(*bytes)) {
    auto article = ingest::parseHtml(file.string(), *bytes);
    if (!article) return article.error();
    return article->text;
  }
  switch (ingest::classifyBytes(*bytes)) {
    case ingest::TextKind::Binary: return makeError(ErrorKind::Data, file.string(), "not a text file");
    case ingest::TextKind::Windows1252:
      return ingest::parsePlainText(file.string(), ingest::decodeWindows1252(*bytes)).text;
    default: return ingest::parsePlainText(file.string(), std::move(bytes).value()).text;
  }
}

std::pair<size_t, size_t> paragraphAround(const std::string& text, size_t begin, size_t end) {
  begin = std::min(begin, text.size());
  end = std::min(std::max(end, begin), text.size());
  const size_t before = begin == 0 ? std::string::npos : text.rfind("\n\n", begin - 1);
  const size_t from = before == std::string::npos ? 0 : before + 2;
  const size_t after = text.find("\n\n", end);
  return {from, after == std::string::npos ? text.size() : after};
}

}  // namespace frontline
