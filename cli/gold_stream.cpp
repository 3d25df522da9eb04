#include "gold_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <tuple>

#include "agree/report.hpp"  // gold_schema_locale
#include "annotators.hpp"
#include "error.hpp"
#include "io/gold_json.hpp"
#include "io/sha256.hpp"
#include "io/split.hpp"
#include "text/tokenizer.hpp"

namespace goldspan::cli {

namespace {

// The ids of a gold line's documents, parsing nothing else into memory.
std::vector<std::string> document_ids(const std::string& line) {
  using nlohmann::json;
  const json root = json::parse(line, [](int depth, json::parse_event_t ev, json& parsed) {
    if (ev != json::parse_event_t::key) return true;
    return depth == 1 ? parsed == "documents" : depth != 3 || parsed == "id";
  }, false);
  std::vector<std::string> out;
  if (root.is_object() && root.contains("documents") && root["documents"].is_array())
    for (const json& d : root["documents"])
      out.push_back(d.is_object() && d.contains("id") && d["id"].is_string() ? d["id"].get<std::string>() : "");
  return out;
}

std::string one_document(size_t n) { return "holds " + std::to_string(n) + " documents; a gold JSONL line holds one"; }

using IndexEntry = std::tuple<std::string, std::streamoff, size_t>;  // id, offset, line

}  // namespace

// One annotator's gold JSONL file, read a line at a time.
class GoldStreams::Source {
 public:
  Source(const std::string& file, const std::string& locale, const std::string& command)
      : file_(file), command_(command), in_(file, std::ios::binary) {
    if (!in_) throw Error(file, std::string("cannot open: ") + std::strerror(errno));
    if (!next_text()) throw Error(file, "no documents (one gold file per line expected)");
    name = annotator_name(text_, file);
    tok_ = Tokenizer(locale.empty() ? gold_schema_locale(text_) : locale);
  }

  // The next non-blank line, parsed; nullopt at the end of the file.
  std::optional<GoldLine> next(std::ostream& err) {
    if (pending_) pending_ = false;
    else if (!next_text()) return std::nullopt;
    return parse(err);
  }

  // The line at `offset` (from the index), parsed.
  GoldLine at(std::streamoff offset, size_t number, std::ostream& err) {
    in_.clear();
    in_.seekg(offset);
    number_ = number - 1;
    if (!next_text()) throw Error(file_ + ": line " + std::to_string(number), "cannot read the line again");
    return parse(err);
  }

  // Every document id from the line last read on (that line included when `from_last`).
  std::vector<IndexEntry> index(bool from_last, std::ostream& err) {
    std::vector<IndexEntry> out;
    for (bool have = from_last || next_text(); have; have = next_text()) {
      const std::vector<std::string> ids = document_ids(text_);
      // A line whose ids do not read is parsed: it throws with the line's own errors.
      out.emplace_back(ids.size() == 1 ? ids.front() : parse(err).id(), offset_, number_);
    }
    return out;
  }

  const std::string& file() const { return file_; }
  std::string name;

 private:
  std::string where() const { return file_ + ": line " + std::to_string(number_); }

  bool next_text() {
    for (;;) {
      offset_ = in_.tellg();
      if (!std::getline(in_, text_)) return false;
      ++number_;
      if (!text_.empty() && text_.back() == '\r') text_.pop_back();
      if (!blank_line(text_)) return true;
    }
  }

  GoldLine parse(std::ostream& err) {
    GoldLine l;
    l.number = number_;
    l.import = parse_gold(text_, where(), schema_.get(), tok_);
    if (!l.import.ok()) {
      for (const std::string& e : l.import.errors) err << command_ << ": " << e << '\n';
      throw Error(where(), "does not read (errors above)");
    }
    if (l.import.documents.size() != 1) throw Error(where(), one_document(l.import.documents.size()));
    if (!schema_) schema_ = l.import.schema;  // later lines are checked against the first's schema
    return l;
  }

  std::string file_, command_;
  std::ifstream in_;
  std::string text_;
  std::streamoff offset_ = 0;
  size_t number_ = 0;
  bool pending_ = true;  // the constructor's first line is not parsed yet
  Tokenizer tok_;
  std::shared_ptr<const Schema> schema_;
};

GoldStreams::GoldStreams(const std::vector<std::string>& files, const std::string& locale, std::string command)
    : files_(files), command_(std::move(command)) {
  for (const std::string& f : files) {
    sources_.push_back(std::make_unique<Source>(f, locale, command_));
    names_.push_back(sources_.back()->name);
  }
  number_shared_names(names_);
}

GoldStreams::~GoldStreams() = default;

void GoldStreams::each(const std::function<void(const std::vector<const GoldLine*>&)>& visit, std::ostream& err) {
  const size_t n = sources_.size();
  std::vector<std::map<std::string, size_t>> seen(n);  // per file: document id -> line
  // What the whole file path checks across files, then the visit.
  auto add = [&](const std::vector<const GoldLine*>& lines) {
    std::string sha, sha_at;
    for (size_t f = 0; f < n; ++f) {
      if (!lines[f]) continue;
      const GoldLine& l = *lines[f];
      const std::string id = l.id(), at = files_[f] + " line " + std::to_string(l.number);
      if (auto [it, fresh] = seen[f].emplace(id, l.number); !fresh)
        throw Error(files_[f] + ": line " + std::to_string(l.number),
                    "document '" + id + "' is on line " + std::to_string(it->second) + " too");
      const std::string s = sha256_hex(l.import.documents.front()->text());
      if (sha.empty()) sha = s, sha_at = at;
      else if (s != sha)
        throw Error(sha_at + " and " + at, "document '" + id + "' has different texts (sha256 " + sha.substr(0, 12) +
                                               "… vs " + s.substr(0, 12) + "…); agreement needs the same documents");
    }
    visit(lines);
  };
  std::vector<bool> pending(n);  // the line just read, when the files went out of step
  for (;;) {
    std::vector<std::optional<GoldLine>> cur(n);
    for (size_t f = 0; f < n; ++f) cur[f] = sources_[f]->next(err);
    if (std::none_of(cur.begin(), cur.end(), [](const auto& l) { return l.has_value(); })) return;
    const bool same = std::all_of(cur.begin(), cur.end(), [&](const auto& l) { return l && l->id() == cur[0]->id(); });
    if (!same) {
      for (size_t f = 0; f < n; ++f) pending[f] = cur[f].has_value();
      break;
    }
    std::vector<const GoldLine*> lines(n);
    for (size_t f = 0; f < n; ++f) lines[f] = &*cur[f];
    add(lines);
  }
  // Out of step: the rest of each file through an index of its lines (the lines just read
  // included), in order of first appearance.
  std::vector<std::vector<IndexEntry>> order(n);
  std::vector<std::map<std::string, std::pair<std::streamoff, size_t>>> where(n);
  for (size_t f = 0; f < n; ++f) {
    order[f] = sources_[f]->index(pending[f], err);
    for (const auto& [id, offset, line] : order[f]) {
      const auto done = seen[f].find(id);
      size_t before = done == seen[f].end() ? 0 : done->second;
      if (auto [it, fresh] = where[f].emplace(id, std::make_pair(offset, line)); !fresh) before = it->second.second;
      if (before)
        throw Error(files_[f] + ": line " + std::to_string(line),
                    "document '" + id + "' is on line " + std::to_string(before) + " too");
    }
  }
  std::map<std::string, bool> visited;
  for (size_t f = 0; f < n; ++f)
    for (const auto& [id, offset, line] : order[f]) {
      if (visited[id]) continue;
      visited[id] = true;
      std::vector<std::optional<GoldLine>> read(n);
      std::vector<const GoldLine*> lines(n);
      for (size_t g = 0; g < n; ++g) {
        const auto it = where[g].find(id);
        if (it == where[g].end()) continue;
        read[g] = sources_[g]->at(it->second.first, it->second.second, err);
        if (read[g]->id() != id)  // the index read the id without checking the line
          throw Error(files_[g] + ": line " + std::to_string(it->second.second),
                      "document '" + read[g]->id() + "' where the index saw '" + id + "'");
        lines[g] = &*read[g];
      }
      add(lines);
    }
}

}  // namespace goldspan::cli
