#include "agree_stream.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <map>
#include <memory>
#include <optional>
#include <tuple>

#include "agree/by_document.hpp"
#include "agree/report.hpp"
#include "annotators.hpp"
#include "error.hpp"
#include "io/gold_json.hpp"
#include "io/sha256.hpp"
#include "io/split.hpp"
#include "text/tokenizer.hpp"

namespace goldspan::cli {

namespace {

using ojson = nlohmann::ordered_json;

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

// One line of a file, parsed: the document it holds.
struct Line {
  GoldImport import;
  size_t number = 0;
  const std::string& id() const { return import.documents.front()->id(); }
};

// One annotator's gold JSONL file, read a line at a time.
class Source {
 public:
  Source(const std::string& file, const std::string& locale) : file_(file), in_(file, std::ios::binary) {
    if (!in_) throw Error(file, std::string("cannot open: ") + std::strerror(errno));
    if (!next_text()) throw Error(file, "no documents (one gold file per line expected)");
    name = annotator_name(text_, file);
    tok_ = Tokenizer(locale.empty() ? gold_schema_locale(text_) : locale);
  }

  // The next non-blank line, parsed; nullopt at the end of the file.
  std::optional<Line> next(std::ostream& err) {
    if (pending_) pending_ = false;
    else if (!next_text()) return std::nullopt;
    return parse(err);
  }

  // The line at `offset` (from the index), parsed.
  Line at(std::streamoff offset, size_t number, std::ostream& err) {
    in_.clear();
    in_.seekg(offset);
    number_ = number - 1;
    if (!next_text()) throw Error(file_ + ": line " + std::to_string(number), "cannot read the line again");
    return *parse(err);
  }

  // Every document id from the line last read on (that line included), with its offset and line.
  std::vector<std::tuple<std::string, std::streamoff, size_t>> index(bool from_last) {
    std::vector<std::tuple<std::string, std::streamoff, size_t>> out;
    for (bool have = from_last || next_text(); have; have = next_text()) {
      const std::vector<std::string> ids = document_ids(text_);
      if (ids.size() != 1) throw Error(where(), one_document(ids.size()));
      out.emplace_back(ids.front(), offset_, number_);
    }
    return out;
  }

  const std::string& file() const { return file_; }
  std::string name;

 private:
  static std::string one_document(size_t n) {
    return "holds " + std::to_string(n) + " documents; a gold JSONL line holds one";
  }
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

  std::optional<Line> parse(std::ostream& err) {
    Line l;
    l.number = number_;
    l.import = parse_gold(text_, where(), schema_.get(), tok_);
    if (!l.import.ok()) {
      for (const std::string& e : l.import.errors) err << "goldspan agree: " << e << '\n';
      throw Error(where(), "does not read (errors above)");
    }
    if (l.import.documents.size() != 1) throw Error(where(), one_document(l.import.documents.size()));
    if (!schema_) schema_ = l.import.schema;  // later lines are checked against the first's schema
    return l;
  }

  std::string file_;
  std::ifstream in_;
  std::string text_;
  std::streamoff offset_ = 0;
  size_t number_ = 0;
  bool pending_ = true;  // the constructor's first line is not parsed yet
  Tokenizer tok_;
  std::shared_ptr<const Schema> schema_;
};

// Adds documents to the figures, checking what the whole file path checks across files.
class Streamer {
 public:
  Streamer(std::vector<std::unique_ptr<Source>>& sources, const AgreeStreamOptions& o)
      : sources_(sources), seen_(sources.size()), acc_(names(sources), o.per_label, o.per_doc),
        clusters_(sources.size()) {}

  // One document: lines[f] is file f's line holding it, nullptr when file f lacks it.
  void add(const std::vector<const Line*>& lines) {
    const size_t n = sources_.size();
    const Line* first = *std::find_if(lines.begin(), lines.end(), [](const Line* l) { return l; });
    const std::string id = first->id();
    std::string sha, sha_file;
    AgreeDocument doc{id, first->import.documents.front(), std::vector<const DocAnnotations*>(n), std::vector<size_t>(n)};
    std::vector<DocAnnotations> held(n);
    for (size_t f = 0; f < n; ++f) {
      if (!lines[f]) {
        missing_.emplace_back(id, holder(lines), f);
        continue;
      }
      const Line& l = *lines[f];
      const std::string at = sources_[f]->file() + " line " + std::to_string(l.number);
      if (auto [it, fresh] = seen_[f].emplace(id, l.number); !fresh)
        throw Error(sources_[f]->file() + ": line " + std::to_string(l.number),
                    "document '" + id + "' is on line " + std::to_string(it->second) + " too");
      const std::string s = sha256_hex(l.import.documents.front()->text());
      if (sha.empty()) sha = s, sha_file = at;
      else if (s != sha)
        throw Error(sha_file + " and " + at, "document '" + id + "' has different texts (sha256 " + sha.substr(0, 12) +
                                                 "… vs " + s.substr(0, 12) + "…); agreement needs the same documents");
      held[f] = ImportDocuments(l.import).annotations(0);
      doc.files[f] = &held[f];
      doc.lines[f] = l.number;
    }
    incomplete_ += std::find(doc.files.begin(), doc.files.end(), nullptr) != doc.files.end();
    acc_.add(doc);
    clusters_.add(doc);
  }

  // The line of file f that held document `id` already, 0 when none did.
  size_t line_of(size_t f, const std::string& id) const {
    const auto it = seen_[f].find(id);
    return it == seen_[f].end() ? 0 : it->second;
  }

  bool done(const std::string& id) const {
    return std::any_of(seen_.begin(), seen_.end(), [&](const auto& s) { return s.count(id) > 0; });
  }

  AgreeStreamed result(std::ostream& err) {
    // As the whole file path words them, in its order (by document id).
    std::sort(missing_.begin(), missing_.end());
    for (const auto& [id, has, lacks] : missing_)
      err << "goldspan agree: warning: " << sources_[lacks]->file() << " lacks document '" << id << "' of "
          << sources_[has]->file() << ": compared on the documents both have\n";
    if (incomplete_)
      err << "goldspan agree: warning: unitizing alpha leaves out the " << incomplete_
          << " document(s) some file lacks: it needs every annotator on the whole continuum\n";
    AgreeStreamed r;
    r.counts = acc_.counts();
    r.figures = acc_.json(clusters_.json());
    for (size_t f = 0; f < sources_.size(); ++f) r.figures["annotators"][f]["file"] = sources_[f]->file();
    return r;
  }

 private:
  static std::vector<std::string> names(const std::vector<std::unique_ptr<Source>>& sources) {
    std::vector<std::string> out;
    for (const auto& s : sources) out.push_back(s->name);
    number_shared_names(out);
    return out;
  }
  static size_t holder(const std::vector<const Line*>& lines) {
    return size_t(std::find_if(lines.begin(), lines.end(), [](const Line* l) { return l; }) - lines.begin());
  }

  std::vector<std::unique_ptr<Source>>& sources_;
  std::vector<std::map<std::string, size_t>> seen_;  // per file: document id -> line
  AgreeAccumulator acc_;
  ClusterMentions clusters_;
  std::vector<std::tuple<std::string, size_t, size_t>> missing_;  // id, first file with it, file without
  size_t incomplete_ = 0;
};

// The rest of the files through an index of their lines, in order of first appearance.
void by_index(std::vector<std::unique_ptr<Source>>& sources, const std::vector<bool>& pending, Streamer& s,
              std::ostream& err) {
  const size_t n = sources.size();
  std::vector<std::vector<std::tuple<std::string, std::streamoff, size_t>>> order(n);
  std::vector<std::map<std::string, std::pair<std::streamoff, size_t>>> where(n);
  for (size_t f = 0; f < n; ++f) {
    order[f] = sources[f]->index(pending[f]);
    for (const auto& [id, offset, line] : order[f]) {
      size_t before = s.line_of(f, id);
      if (auto [it, fresh] = where[f].emplace(id, std::make_pair(offset, line)); !fresh) before = it->second.second;
      if (before)
        throw Error(sources[f]->file() + ": line " + std::to_string(line),
                    "document '" + id + "' is on line " + std::to_string(before) + " too");
    }
  }
  for (size_t f = 0; f < n; ++f)
    for (const auto& [id, offset, line] : order[f]) {
      if (s.done(id)) continue;
      std::vector<std::optional<Line>> read(n);
      std::vector<const Line*> lines(n);
      for (size_t g = 0; g < n; ++g) {
        const auto it = where[g].find(id);
        if (it == where[g].end()) continue;
        read[g] = sources[g]->at(it->second.first, it->second.second, err);
        if (read[g]->id() != id)  // the index read the id without checking the line
          throw Error(sources[g]->file() + ": line " + std::to_string(it->second.second),
                      "document '" + read[g]->id() + "' where the index saw '" + id + "'");
        lines[g] = &*read[g];
      }
      s.add(lines);
    }
}

}  // namespace

AgreeStreamed agree_stream(const std::vector<std::string>& files, const AgreeStreamOptions& options, std::ostream& err) {
  std::vector<std::unique_ptr<Source>> sources;
  for (const std::string& f : files) sources.push_back(std::make_unique<Source>(f, options.locale));
  Streamer s(sources, options);
  const size_t n = sources.size();
  for (;;) {
    std::vector<std::optional<Line>> cur(n);
    for (size_t f = 0; f < n; ++f) cur[f] = sources[f]->next(err);
    const bool any = std::any_of(cur.begin(), cur.end(), [](const auto& l) { return l.has_value(); });
    if (!any) break;
    const bool same = std::all_of(cur.begin(), cur.end(), [&](const auto& l) { return l && l->id() == cur[0]->id(); });
    if (!same) {
      std::vector<bool> pending(n);
      for (size_t f = 0; f < n; ++f) pending[f] = cur[f].has_value();
      cur.clear();  // the index reads these lines again, from their offsets
      by_index(sources, pending, s, err);
      break;
    }
    std::vector<const Line*> lines(n);
    for (size_t f = 0; f < n; ++f) lines[f] = &*cur[f];
    s.add(lines);
  }
  return s.result(err);
}

}  // namespace goldspan::cli
