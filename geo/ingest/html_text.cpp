#include "geo/ingest/html_text.hpp"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <memory>

namespace frontline::ingest {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::string attribute(xmlNode* node, const char* name) {
  xmlChar* v = xmlGetProp(node, reinterpret_cast<const xmlChar*>(name));
  if (!v) return {};
  std::string out(reinterpret_cast<const char*>(v));
  xmlFree(v);
  return out;
}

bool skipped(std::string_view tag) {
  static const char* const tags[] = {"script", "style", "noscript", "nav", "footer", "aside", "form", "iframe",
                                     "svg", "template", "button", "select", "head", "figcaption"};
  for (const char* t : tags)
    if (tag == t) return true;
  return false;
}

bool block(std::string_view tag) {
  static const char* const tags[] = {"p", "div", "br", "h1", "h2", "h3", "h4", "h5", "h6", "li", "tr", "article",
                                     "section", "blockquote", "header", "ul", "ol", "table", "pre", "dd", "dt", "hr"};
  for (const char* t : tags)
    if (tag == t) return true;
  return false;
}

struct Walker {
  Article& article;
  std::string text;

  void meta(xmlNode* n) {
    const std::string key = lower(attribute(n, "property").empty()
                                      ? (attribute(n, "name").empty() ? attribute(n, "itemprop") : attribute(n, "name"))
                                      : attribute(n, "property"));
    const std::string content = attribute(n, "content");
    if (content.empty()) return;
    auto set = [&](std::string& field) {
      if (field.empty()) field = content;
    };
    if (key == "og:title") article.title = content;  // the headline, not the page title with the site's name
    else if (key == "twitter:title" || key == "headline") set(article.title);
    else if (key == "og:site_name" || key == "publisher" || key == "application-name") set(article.publisher);
    else if (key == "og:url") set(article.url);
    else if (key == "article:published_time" || key == "date" || key == "pubdate" || key == "publishdate" ||
             key == "dc.date" || key == "dc.date.issued" || key == "datepublished" || key == "sailthru.date" ||
             key == "parsely-pub-date")
      set(article.dateText);
  }

  void walk(xmlNode* node) {
    for (xmlNode* n = node; n; n = n->next) {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
        if (n->content) text += reinterpret_cast<const char*>(n->content);
        continue;
      }
      if (n->type != XML_ELEMENT_NODE) continue;
      const std::string tag = lower(reinterpret_cast<const char*>(n->name));
      if (tag == "meta") {
        meta(n);
        continue;
      }
      if (tag == "title" && article.title.empty()) {
        xmlChar* t = xmlNodeGetContent(n);
        if (t) {
          article.title = reinterpret_cast<const char*>(t);
          xmlFree(t);
        }
        continue;
      }
      if (tag == "link" && lower(attribute(n, "rel")) == "canonical" && article.url.empty()) article.url = attribute(n, "href");
      if (tag == "time" && article.dateText.empty()) article.dateText = attribute(n, "datetime");
      if (tag == "head") {
        walk(n->children);  // meta and title only: head's text is not the article
        continue;
      }
      if (skipped(tag)) continue;
      if (block(tag)) text += "\n\n";
      walk(n->children);
      if (block(tag)) text += "\n\n";
    }
  }
};

std::string declaredCharset(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, 4096));
  const size_t at = head.find("charset=");
  if (at == std::string::npos) return {};
  size_t b = at + 8;
  while (b < head.size() && (head[b] == '"' || head[b] == '\'')) ++b;
  size_t e = b;
  while (e < head.size() && (std::isalnum(static_cast<unsigned char>(head[e])) || head[e] == '-' || head[e] == '_')) ++e;
  return head.substr(b, e - b);
}

std::string squeezeWhitespace(const std::string& s) {
  // Runs of spaces collapse; paragraph breaks (blank lines) survive as "\n\n".
  std::string out;
  out.reserve(s.size());
  int newlines = 0;
  bool space = false;
  for (char c : s) {
    if (c == '\n') {
      ++newlines;
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
      space = true;
      continue;
    }
    if (!out.empty()) {
      if (newlines >= 2) out += "\n\n";
      else if (newlines == 1 || space) out += ' ';
    }
    newlines = 0;
    space = false;
    out += c;
  }
  return out;
}

}  // namespace

bool looksLikeHtml(std::string_view bytes) {
  const std::string head = lower(bytes.substr(0, 2048));
  return head.find("<!doctype html") != std::string::npos || head.find("<html") != std::string::npos ||
         head.find("<head") != std::string::npos || head.find("<body") != std::string::npos ||
         head.find("<p>") != std::string::npos;
}

Result<Article> parseHtml(std::string name, std::string_view bytes) {
  Article article;
  article.name = std::move(name);
  const std::string charset = declaredCharset(bytes);
  const char* encoding = nullptr;  // libxml2 honours a declared charset itself
  if (charset.empty()) {
    const TextKind kind = classifyBytes(bytes);
    encoding = kind == TextKind::Utf8 ? "UTF-8" : "windows-1252";
    if (kind != TextKind::Utf8) article.encodingNote = "decoded as Windows-1252 (not UTF-8, no charset declared)";
  } else if (charset != "utf-8" && charset != "utf8") {
    article.encodingNote = "decoded as " + charset + " (declared)";
  }
  if (bytes.size() > static_cast<size_t>(INT32_MAX))
    return makeError(ErrorKind::Input, article.name, "HTML file too large");
  std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
      htmlReadMemory(bytes.data(), static_cast<int>(bytes.size()), nullptr, encoding,
                     HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_NONET | HTML_PARSE_COMPACT),
      xmlFreeDoc);
  if (!doc) return makeError(ErrorKind::Input, article.name, "cannot parse the HTML (libxml2 gave no document)");
  Walker walker{article, {}};
  walker.walk(xmlDocGetRootElement(doc.get()));
  article.text = squeezeWhitespace(walker.text);
  auto trim = [](std::string& s) {
    s = squeezeWhitespace(s);
  };
  trim(article.title);
  trim(article.publisher);
  completeDates(article);
  return article;
}

}  // namespace frontline::ingest
