#include "io/read_files.hpp"

#include <algorithm>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "error.hpp"
#include "io/brat.hpp"
#include "io/conll.hpp"
#include "io/doccano.hpp"
#include "io/gold_json.hpp"
#include "io/label_studio.hpp"
#include "io/plain_text.hpp"
#include "io/prodigy.hpp"
#include "io/w3c.hpp"

namespace goldspan {

// [SECTION] Detection

namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string lower(std::string s) {
  for (char& c : s)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return s;
}

std::string base_name(const std::string& path) {
  const size_t slash = path.find_last_of('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Calls f(line) for each line without its line break, until f returns false.
template <class F>
void each_line(std::string_view text, F f) {
  for (size_t b = 0; b < text.size();) {
    size_t e = text.find('\n', b);
    if (e == std::string_view::npos) e = text.size();
    std::string_view line = text.substr(b, e - b);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (!f(line)) return;
    b = e + 1;
  }
}

bool blank(std::string_view line) { return line.find_first_not_of(" \t") == std::string_view::npos; }

// Every content line is "term<TAB>LABEL" (the dictionary reader's own format,
// search/dictionary.hpp), with labels of the schema when `schema` is given: a .txt is a
// dictionary only then, while a .tsv of that shape is one whose bad labels its reader reports.
bool looks_like_dictionary(std::string_view text, const Schema* schema) {
  size_t lines = 0;
  bool ok = true;
  each_line(text, [&](std::string_view line) {
    if (blank(line) || line[0] == '#') return true;
    const size_t tab = line.find('\t');
    if (tab == std::string_view::npos || tab == 0 || line.find('\t', tab + 1) != std::string_view::npos ||
        (schema && schema->span_type(line.substr(tab + 1)) < 0)) {
      ok = false;
      return false;
    }
    ++lines;
    return true;
  });
  return ok && lines > 0;
}

bool bio_tag(std::string_view t) {
  return t == "O" || (t.size() > 2 && (t[0] == 'B' || t[0] == 'I' || t[0] == 'E' || t[0] == 'S') && t[1] == '-');
}

// Token and tag columns (space or tab separated), the last a BIO tag, on every content line.
bool looks_like_conll(std::string_view text) {
  size_t tagged = 0;
  bool ok = true;
  each_line(text, [&](std::string_view line) {
    if (blank(line) || line.rfind("-DOCSTART-", 0) == 0) return true;
    const size_t cut = line.find_last_of(" \t");
    if (cut == std::string_view::npos || !bio_tag(line.substr(cut + 1))) {
      ok = false;
      return false;
    }
    ++tagged;
    return true;
  });
  return ok && tagged > 0;
}

std::string_view first_content_line(std::string_view text) {
  std::string_view out;
  each_line(text, [&](std::string_view line) {
    if (blank(line)) return true;
    out = line;
    return false;
  });
  return out;
}

bool is_task(const nlohmann::json& j) {
  return j.is_object() && j.contains("data") && (j.contains("annotations") || j.contains("predictions"));
}

}  // namespace

const char* file_kind_name(FileKind k) {
  switch (k) {
    case FileKind::Text: return "plain text";
    case FileKind::Jsonl: return "JSONL documents";
    case FileKind::Gold: return "gold JSON";
    case FileKind::BratAnn: return "brat annotations";
    case FileKind::BratConf: return "brat annotation.conf";
    case FileKind::Doccano: return "doccano JSONL";
    case FileKind::LabelStudio: return "Label Studio JSON";
    case FileKind::Prodigy: return "Prodigy JSONL";
    case FileKind::W3c: return "W3C Web Annotation";
    case FileKind::Conll: return "CoNLL";
    case FileKind::Dictionary: return "dictionary";
  }
  return "?";
}

std::optional<FileKind> detect_file(const std::string& name, std::string_view bytes, const Schema& schema, std::string& why) {
  const std::string n = lower(name);
  const std::string base = base_name(n);
  if (ends_with(n, ".ann")) return FileKind::BratAnn;
  if (base == "annotation.conf") return FileKind::BratConf;
  if (ends_with(n, ".json") || ends_with(n, ".jsonld")) {
    const auto j = nlohmann::json::parse(bytes, nullptr, false);
    // Recogito and Annotorious export a bare array of annotations, each with its @context.
    if ((j.is_object() && j.contains("@context")) || (j.is_array() && !j.empty() && j.front().is_object() && j.front().contains("@context")))
      return FileKind::W3c;
    if (is_task(j) || (j.is_array() && !j.empty() && is_task(j.front()))) return FileKind::LabelStudio;
    return FileKind::Gold;  // its reader says where it is wrong when it is not
  }
  if (ends_with(n, ".jsonl") || ends_with(n, ".ndjson")) {
    const auto j = nlohmann::json::parse(first_content_line(bytes), nullptr, false);
    if (j.is_object()) {
      if (j.contains("term") && j.contains("label")) return FileKind::Dictionary;
      if (j.contains("entities") || (j.contains("label") && j["label"].is_array())) return FileKind::Doccano;
      if (j.contains("spans") || j.contains("tokens")) return FileKind::Prodigy;
    }
    return FileKind::Jsonl;
  }
  if (ends_with(n, ".conll")) return FileKind::Conll;
  const bool txt = ends_with(n, ".txt") || base.find('.') == std::string::npos;
  if (txt || ends_with(n, ".tsv")) {
    // A .txt of the schema's labels is surely a dictionary; a .tsv of BIO tags surely CoNLL.
    if (txt && looks_like_dictionary(bytes, &schema)) return FileKind::Dictionary;
    if (looks_like_conll(bytes)) return FileKind::Conll;
    if (!txt && looks_like_dictionary(bytes, nullptr)) return FileKind::Dictionary;
    if (txt) return FileKind::Text;
    why = name + ": neither a dictionary (term<TAB>LABEL lines with labels of the schema) nor CoNLL columns";
    return std::nullopt;
  }
  why = name + ": not a format goldspan reads (open .txt, .jsonl, gold .json, brat .ann with its .txt or a .zip of them, "
               "doccano .jsonl, Label Studio .json, or a dictionary .tsv)";
  return std::nullopt;
}

// [SECTION] Merging

void merge_import(GoldImport& all, GoldImport&& more) {
  if (!all.schema) all.schema = more.schema;
  const size_t docs = all.documents.size(), spans = all.spans.size(), clusters = all.clusters.size();
  for (auto& d : more.documents) all.documents.push_back(std::move(d));
  for (auto& s : more.spans) {
    s.doc += docs;
    all.spans.push_back(std::move(s));
  }
  for (auto& r : more.relations) {
    r.doc += docs;
    r.from += spans;
    r.to += spans;
    all.relations.push_back(std::move(r));
  }
  std::set<std::string> cluster_ids, link_ids;
  for (const auto& c : all.clusters) cluster_ids.insert(c.id);
  for (const auto& l : all.links) link_ids.insert(l.id);
  for (auto& c : more.clusters) {
    if (cluster_ids.count(c.id)) c.id = more.file_name + ":" + c.id;
    for (size_t& m : c.members) m += spans;
    all.clusters.push_back(std::move(c));
  }
  for (auto& l : more.links) {
    if (!l.id.empty() && link_ids.count(l.id)) l.id = more.file_name + ":" + l.id;
    for (ImportedRef* r : {&l.from, &l.to}) r->index += r->cluster ? clusters : spans;
    all.links.push_back(std::move(l));
  }
  for (auto& e : more.errors) all.errors.push_back(std::move(e));
  for (auto& w : more.warnings) all.warnings.push_back(std::move(w));
  all.errors_not_listed += more.errors_not_listed;
}

// [SECTION] Reading

namespace {

// "dir/harbor-a.ann" -> "dir/harbor-a"
std::string without_extension(const std::string& name) {
  const size_t dot = name.find_last_of('.');
  const size_t slash = name.find_last_of('/');
  return dot == std::string::npos || (slash != std::string::npos && dot < slash) ? name : name.substr(0, dot);
}

GoldImport one_text(const NamedFile& f, Tokenizer& tok) {
  GoldImport imp;
  imp.file_name = f.name;
  try {
    imp.documents.push_back(std::make_shared<const Document>(f.name, f.bytes, tok));
  } catch (const Error& e) {
    imp.errors.push_back(e.what());
  }
  return imp;
}

}  // namespace

ReadFiles read_files(std::vector<NamedFile> files, const Schema& schema, Tokenizer& tok,
                     const std::vector<std::shared_ptr<const Document>>& open, bool predictions) {
  ReadFiles out;
  GoldImport& all = out.import;
  all.file_name = files.size() == 1 ? files[0].name : std::to_string(files.size()) + " files";
  std::vector<FileKind> kinds(files.size(), FileKind::Text);
  std::map<std::string, size_t> by_stem;  // "dir/harbor-a" -> index of its .txt
  for (size_t i = 0; i < files.size(); ++i) {
    if (std::string e = size_error(files[i].bytes.size()); !e.empty()) {
      all.errors.push_back(files[i].name + ": " + e);
      continue;
    }
    std::string why;
    const auto k = detect_file(files[i].name, files[i].bytes, schema, why);
    if (!k) all.errors.push_back(why);
    else kinds[i] = *k;
    if (ends_with(lower(files[i].name), ".txt")) by_stem[without_extension(files[i].name)] = i;
  }
  if (!all.errors.empty()) return out;

  // brat: each .ann with its .txt; those .txt files are not documents of their own.
  std::vector<BratDocument> brat;
  std::vector<bool> taken(files.size(), false);
  for (size_t i = 0; i < files.size(); ++i) {
    if (kinds[i] != FileKind::BratAnn) continue;
    const std::string stem = without_extension(files[i].name);
    const auto t = by_stem.find(stem);
    if (t == by_stem.end()) {
      all.errors.push_back(files[i].name + ": no " + base_name(stem) + ".txt with it (drop or pick the .txt and .ann together)");
      continue;
    }
    taken[t->second] = true;
    brat.push_back({base_name(stem), files[t->second].bytes, files[i].bytes, files[i].name});
  }
  std::map<std::string, std::string> doc_files;  // document id -> file that gave it
  auto add = [&](GoldImport&& imp, const std::string& name) {
    for (const auto& d : imp.documents) {
      const auto [it, fresh] = doc_files.emplace(d->id(), name);
      if (!fresh) all.errors.push_back(name + ": document '" + d->id() + "' is also in " + it->second);
    }
    merge_import(all, std::move(imp));
  };
  if (!brat.empty()) add(parse_brat(brat, schema, tok), brat.size() == 1 ? brat[0].ann_name : "brat files");
  // W3C: the texts are the drop's plain text files (not yet taken) and the open documents.
  std::vector<size_t> text_files;
  std::vector<std::shared_ptr<const Document>> texts;
  for (size_t i = 0; i < files.size(); ++i) {
    if (kinds[i] != FileKind::W3c) continue;
    if (text_files.empty() && texts.empty()) {
      for (size_t t = 0; t < files.size(); ++t) {
        if (kinds[t] != FileKind::Text || taken[t]) continue;
        GoldImport doc = one_text(files[t], tok);
        if (!doc.ok()) continue;  // its own read below reports why
        text_files.push_back(t);
        texts.push_back(doc.documents[0]);
      }
      texts.insert(texts.end(), open.begin(), open.end());
    }
    std::vector<size_t> used;
    add(parse_w3c(files[i].bytes, files[i].name, texts, schema, tok, &used), files[i].name);
    for (size_t u : used)
      if (u < text_files.size()) taken[text_files[u]] = true;
  }
  for (size_t i = 0; i < files.size(); ++i) {
    const NamedFile& f = files[i];
    if (taken[i]) continue;  // brat's text, whatever it looks like
    switch (kinds[i]) {
      case FileKind::Text: add(one_text(f, tok), f.name); break;
      case FileKind::Jsonl: add(parse_jsonl(f.bytes, f.name, tok), f.name); break;
      case FileKind::Gold: add(parse_gold(f.bytes, f.name, &schema, tok), f.name); break;
      case FileKind::Doccano: add(parse_doccano(f.bytes, f.name, schema, tok), f.name); break;
      case FileKind::LabelStudio: add(parse_label_studio(f.bytes, f.name, schema, tok, LabelStudioReadOptions{predictions}), f.name); break;
      case FileKind::Prodigy: add(parse_prodigy(f.bytes, f.name, schema, tok), f.name); break;
      case FileKind::BratConf:
        all.warnings.push_back(f.name + ": brat's annotation.conf is not read: the page's schema is used");
        break;
      case FileKind::Dictionary: out.dictionaries.push_back(f); break;
      case FileKind::BratAnn: break;  // read above
      case FileKind::Conll: add(parse_conll(f.bytes, f.name, schema, tok), f.name); break;
      case FileKind::W3c: break;  // read above
    }
  }
  return out;
}

}  // namespace goldspan
