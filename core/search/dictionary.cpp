#include "search/dictionary.hpp"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include "error.hpp"
#include "model/corpus.hpp"
#include "model/schema.hpp"
#include "text/offset_map.hpp"
#include "text/tokenizer.hpp"
#include "text/utf8.hpp"

namespace goldspan {

namespace {

constexpr size_t kMaxListed = 20;  // bad lines listed in one error; the rest are counted

std::string_view trim(std::string_view s) {
  const auto sp = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!s.empty() && sp(s.front())) s.remove_prefix(1);
  while (!s.empty() && sp(s.back())) s.remove_suffix(1);
  return s;
}

bool ends_with(const std::string& s, const char* tail) {
  const size_t n = std::char_traits<char>::length(tail);
  return s.size() >= n && s.compare(s.size() - n, n, tail) == 0;
}

bool is_entry(std::string_view line) {
  line = trim(line);
  return !line.empty() && line.front() != '#';
}

bool looks_like_jsonl(std::string_view text, const std::string& file_name) {
  if (ends_with(file_name, ".jsonl") || ends_with(file_name, ".ndjson")) return true;
  size_t at = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(at, nl - at);
    if (is_entry(line)) return trim(line).front() == '{';
    at = nl + 1;
  }
  return false;
}

}  // namespace

std::string Dictionary::key(std::string_view token_text) const {
  if (!options_.ignore_case) return std::string(token_text);
  icu::UnicodeString u = icu::UnicodeString::fromUTF8(icu::StringPiece(token_text.data(), int32_t(token_text.size())));
  std::string out;
  u.foldCase(U_FOLD_CASE_DEFAULT).toUTF8String(out);
  return out;
}

uint32_t Dictionary::child(uint32_t node, uint32_t token) const noexcept {
  const auto it = edges_.find(uint64_t(node) << 32 | token);
  return it == edges_.end() ? kNone : it->second;
}

int Dictionary::insert(const std::vector<uint32_t>& ids, uint16_t type, size_t line, size_t& first_line) {
  uint32_t node = 0;
  for (uint32_t id : ids) {
    uint32_t next = child(node, id);
    if (next == kNone) {
      next = uint32_t(label_.size());
      label_.push_back(-1);
      line_.push_back(0);
      edges_.emplace(uint64_t(node) << 32 | id, next);
    }
    node = next;
  }
  const int previous = label_[node];
  first_line = line_[node];
  if (previous < 0) {
    label_[node] = type;
    line_[node] = uint32_t(line);
    ++terms_;
    max_len_ = std::max(max_len_, ids.size());
  }
  return previous;
}

Dictionary Dictionary::parse(std::string_view text, const std::string& file_name, const Schema& schema,
                             Tokenizer& tokenizer, DictionaryOptions options) {
  Dictionary d;
  d.options_ = options;
  d.label_.push_back(-1);  // the root
  d.line_.push_back(0);
  const bool jsonl = options.format == DictionaryOptions::Format::Jsonl ||
                     (options.format == DictionaryOptions::Format::Auto && looks_like_jsonl(text, file_name));
  std::vector<std::string> errors;
  size_t unlisted = 0;
  auto fail = [&](size_t line, const std::string& why) {
    if (errors.size() < kMaxListed) errors.push_back("line " + std::to_string(line) + ": " + why);
    else ++unlisted;
  };
  std::vector<uint32_t> ids;
  size_t at = 0, line = 0;
  while (at < text.size()) {
    size_t nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view raw = text.substr(at, nl - at);
    at = nl + 1;
    ++line;
    if (!is_entry(raw)) continue;
    if (const auto bad = utf8::find_invalid(raw)) {
      fail(line, "invalid UTF-8 at byte " + std::to_string(*bad + 1) + " of the line");
      continue;
    }
    std::string term, label;
    if (jsonl) {
      const nlohmann::json j = nlohmann::json::parse(raw.begin(), raw.end(), nullptr, false);
      if (j.is_discarded()) { fail(line, "not a JSON object"); continue; }
      if (!j.is_object() || !j.contains("term") || !j.contains("label") || !j["term"].is_string() || !j["label"].is_string()) {
        fail(line, "expected {\"term\": \"...\", \"label\": \"...\"}");
        continue;
      }
      term = std::string(trim(j["term"].get<std::string>()));
      label = std::string(trim(j["label"].get<std::string>()));
    } else {
      const std::string_view l = trim(raw);  // a tab at either end is no separator
      const size_t tab = l.find('\t');
      if (tab == std::string_view::npos) { fail(line, "expected term<TAB>LABEL (no tab)"); continue; }
      if (l.find('\t', tab + 1) != std::string_view::npos) { fail(line, "expected term<TAB>LABEL (more than one tab)"); continue; }
      term = std::string(trim(l.substr(0, tab)));
      label = std::string(trim(l.substr(tab + 1)));
    }
    if (term.empty()) { fail(line, "empty term"); continue; }
    const int type = schema.span_type(label);
    if (type < 0) { fail(line, "unknown label '" + label + "' (not in the schema)"); continue; }
    const OffsetMap map(term);
    const std::vector<Token> toks = tokenizer.tokens(term);
    if (toks.empty()) { fail(line, "the term '" + term + "' has no tokens"); continue; }
    ids.clear();
    for (const Token& t : toks) {
      const uint32_t a = map.byte_of_cp(t.start), b = map.byte_of_cp(t.end);
      auto [it, added] = d.vocab_.emplace(d.key(std::string_view(term).substr(a, b - a)), uint32_t(d.vocab_.size()));
      ids.push_back(it->second);
    }
    size_t first = 0;
    const int previous = d.insert(ids, uint16_t(type), line, first);
    if (previous >= 0 && previous != type)
      fail(line, "'" + term + "' is " + label + " here but " + schema.span_types()[size_t(previous)].name + " on line " +
                     std::to_string(first));
  }
  if (!errors.empty()) {
    std::string all = errors[0];
    for (size_t i = 1; i < errors.size(); ++i) all += "\n" + file_name + ": " + errors[i];
    if (unlisted) all += "\n" + file_name + ": " + std::to_string(unlisted) + " more bad lines";
    throw Error(file_name, all);
  }
  return d;
}

std::vector<Proposal> Dictionary::match(const Corpus& corpus) const {
  std::vector<Proposal> out;
  // Views into the documents' texts, which outlive this call: no copy per token.
  std::unordered_map<std::string_view, uint32_t> id_of;
  std::vector<uint32_t> ids;
  struct Found { uint32_t first; uint16_t type; };  // first token; the length is the bucket's
  std::vector<std::vector<Found>> by_len(max_len_);
  std::vector<uint32_t> owner;
  std::vector<uint16_t> type_at;
  for (size_t di = 0; di < corpus.document_count(); ++di) {
    const Document& doc = corpus.document(di);
    const std::vector<Token>& toks = doc.tokens();
    ids.resize(toks.size());
    type_at.resize(toks.size());
    // Byte offsets by walking the text once: OffsetMap lookups cost up to a block of steps each.
    const std::string_view text = doc.text();
    size_t byte = 0;
    uint32_t cp = 0;
    auto advance = [&](uint32_t to) {
      if (doc.offsets().ascii()) byte = cp = to;
      for (; cp < to; ++cp) byte += size_t(utf8::seq_len(static_cast<unsigned char>(text[byte])));
      return byte;
    };
    for (size_t i = 0; i < toks.size(); ++i) {
      const size_t a = advance(toks[i].start), b = advance(toks[i].end);
      const std::string_view s = text.substr(a, b - a);
      auto it = id_of.find(s);
      if (it == id_of.end()) {
        const auto v = vocab_.find(key(s));
        it = id_of.emplace(s, v == vocab_.end() ? kNone : v->second).first;
      }
      ids[i] = it->second;
    }
    // Matches bucketed by length in tokens; each bucket is in start order as found, so taking
    // the buckets longest first gives "longest first, then leftmost" without a sort.
    for (auto& b : by_len) b.clear();
    for (size_t i = 0; i < ids.size(); ++i) {
      uint32_t node = 0;
      for (size_t j = i; j < ids.size() && ids[j] != kNone; ++j) {
        node = child(node, ids[j]);
        if (node == kNone) break;
        if (label_[node] >= 0) by_len[j - i].push_back({uint32_t(i), uint16_t(label_[node])});
      }
    }
    owner.assign(toks.size(), kNone);  // the start token of the match that took each token
    for (size_t len = by_len.size(); len-- > 0;)
      for (const Found& f : by_len[len]) {
        const auto b = owner.begin() + f.first, e = b + ptrdiff_t(len + 1);
        if (std::any_of(b, e, [](uint32_t o) { return o != kNone; })) continue;
        std::fill(b, e, f.first);
        type_at[f.first] = f.type;
      }
    for (size_t i = 0; i < owner.size();) {
      if (owner[i] != i) { ++i; continue; }
      size_t j = i + 1;
      while (j < owner.size() && owner[j] == i) ++j;
      out.push_back(Proposal{di, toks[i].start, toks[j - 1].end, type_at[i]});
      i = j;
    }
  }
  return out;
}

}  // namespace goldspan
