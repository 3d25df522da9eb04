// Opening files in the page: every format the core reads (core/io/read_files.hpp) and
// dictionary pre-annotation (core/search/dictionary.hpp, the code behind `goldspan preannotate`).
#include <cstdio>

#include <map>
#include <nlohmann/json.hpp>

#include "agree/adjudicate.hpp"
#include "app/app.hpp"
#include "error.hpp"
#include "io/gold_json.hpp"
#include "io/import.hpp"
#include "search/dictionary.hpp"
#include "search/label.hpp"
#include "search/suggest.hpp"
#include "text/icu_data.hpp"

namespace goldspan::ui {

OpenResult App::open_file(const std::string& name, std::string bytes) {
  std::vector<NamedFile> one;
  one.push_back({name, std::move(bytes)});
  return open_files(std::move(one));
}

namespace {

std::string suggested_text(const std::string& from, const SuggestCounts& c) {
  char msg[400];
  std::snprintf(msg, sizeof msg, "Suggestions from %s: %zu added, %zu already there", from.c_str(), c.added, c.duplicates);
  std::string out = msg;
  if (c.relations || c.clusters || c.links || c.attributes) {
    std::snprintf(msg, sizeof msg, " (suggestions are spans: %zu relations, %zu clusters, %zu links, %zu attributes not taken)",
                  c.relations, c.clusters, c.links, c.attributes);
    out += msg;
  }
  return out;
}

}  // namespace

bool App::lacks_dictionaries(const std::vector<NamedFile>& files) const {
  if (dictionaries_) return false;
  for (const NamedFile& f : files)
    if (needs_break_dictionary(f.bytes)) return true;
  return false;
}

OpenResult App::open_files(std::vector<NamedFile> files, bool as_suggestions) {
  OpenResult r;
  if (files.empty()) return r;
  if (lacks_dictionaries(files)) {
    r.ok = false;
    r.needs_dictionaries = true;
    return r;  // the page loads them and calls again
  }
  const std::string what = files.size() == 1 ? files[0].name : std::to_string(files.size()) + " files";
  // A W3C file carries no text: it may annotate the documents already open, so they are
  // offered as its texts (copies, tokenized again; only when such a file is in the drop).
  std::vector<std::shared_ptr<const Document>> open;
  for (const NamedFile& f : files) {
    std::string why;
    if (detect_file(f.name, f.bytes, corpus_->schema(), why) != FileKind::W3c) continue;
    for (size_t d = 0; d < corpus_->document_count(); ++d)
      open.push_back(std::make_shared<const Document>(corpus_->document(d).id(), std::string(corpus_->document(d).text()), tokenizer_));
    break;
  }
  ReadFiles in = read_files(std::move(files), corpus_->schema(), tokenizer_, open, as_suggestions);
  r.errors = in.import.errors;
  if (in.import.errors_not_listed)
    r.errors.push_back("\xE2\x80\xA6 and " + std::to_string(in.import.errors_not_listed) + " more errors");

  // Dictionaries are parsed (every bad line reported) before anything changes.
  std::vector<std::pair<std::string, Dictionary>> dicts;
  const bool any_documents = corpus_->document_count() > 0 || !in.import.documents.empty();
  for (const NamedFile& f : in.dictionaries) {
    if (!any_documents) {
      r.errors.push_back(f.name + ": a dictionary labels open documents: open some first");
      continue;
    }
    try {
      dicts.emplace_back(f.name, Dictionary::parse(f.bytes, f.name, corpus_->schema(), tokenizer_));
    } catch (const Error& e) {
      r.errors.push_back(e.what());
    }
  }
  if (as_suggestions) {
    open_suggestions(in, dicts, what, r);
    return r;
  }
  if (r.errors.empty() && (!in.import.documents.empty() || !in.import.spans.empty())) apply_import(in.import, r, !in.import.spans.empty());
  r.ok = r.errors.empty();
  if (!r.ok) {
    dialog_title_ = "Could not open " + what;
    dialog_errors_ = r.errors;
    dialog_info_ = false;
    return r;
  }
  std::string status = in.import.documents.empty() ? "" : "Opened " + what;
  if (!in.import.warnings.empty()) status += " (" + std::to_string(in.import.warnings.size()) + " warnings)";
  for (auto& [name, d] : dicts) {
    Labeled l = label_all(*corpus_, d.match(*corpus_), "dictionary " + name);
    if (l.command) history_->execute(std::move(l.command));
    const LabelCounts& c = l.counts;
    char msg[384];
    std::snprintf(msg, sizeof msg, "%sDictionary %s: %zu terms, %zu labelled, %zu refused by overlap rules, %zu already there",
                  status.empty() ? "" : "; ", name.c_str(), d.size(), c.added, c.refused_overlap, c.duplicates);
    status += msg;
  }
  set_status(status);
  return r;
}

// File > Open as suggestions: the files' documents are opened as usual, their spans (Label
// Studio: the predictions) and the dictionaries' matches become suggestions, one step each.
void App::open_suggestions(const ReadFiles& in, std::vector<std::pair<std::string, Dictionary>>& dicts,
                           const std::string& what, OpenResult& r) {
  GoldImport docs;  // the documents alone: suggestions are added below
  docs.file_name = in.import.file_name;
  docs.schema = in.import.schema;
  docs.documents = in.import.documents;
  if (r.errors.empty() && !docs.documents.empty()) apply_import(docs, r, false);
  std::vector<std::string> status;
  auto run = [&](Suggested s, const std::string& from) {
    if (s.command) history_->execute(std::move(s.command));
    status.push_back(suggested_text(from, s.counts));
  };
  if (r.errors.empty()) {
    try {
      if (!in.import.spans.empty() || in.dictionaries.empty()) run(suggest_import(*corpus_, in.import, "file:" + what), what);
      for (auto& [name, d] : dicts) run(suggest_proposals(*corpus_, d.match(*corpus_), "dict:" + name), name);
    } catch (const Error& e) {
      r.errors.push_back(e.what());
    }
  }
  r.ok = r.errors.empty();
  if (!r.ok) {
    show_errors("Could not open " + what + " as suggestions", r.errors);
    return;
  }
  std::string line;
  for (const std::string& s : status) line += (line.empty() ? "" : "; ") + s;
  set_status(line + " â Enter accept, X reject, N next");
  suggestions_.start(*this);
}

void App::apply_import(const GoldImport& in, OpenResult& r, bool show) {
  // The journal line of the import must follow the documents it refers to in the autosave
  // log, so it is held back until the new documents are persisted.
  std::vector<std::string> held;
  history_->set_journal([&held](const std::string& line) { held.push_back(line); });
  const size_t before = corpus_->document_count();
  try {
    apply_gold(*corpus_, *history_, in);  // checks everything first: all or nothing
  } catch (const Error& e) {
    r.errors.push_back(in.file_name + ": " + e.what());
  }
  history_->set_journal([this](const std::string& line) { platform_.persist(line); });
  for (size_t i = before; i < corpus_->document_count(); ++i) {
    platform_.persist_document(corpus_->document(i).id(), corpus_->document(i).text());
    fonts_.note_text(corpus_->document(i).text());
  }
  for (const std::string& line : held) platform_.persist(line);
  if (r.errors.empty() && !in.documents.empty() && (show || before == 0 || canvas().document() == nullptr)) {
    const ptrdiff_t first = corpus_->find_document(in.documents.front()->id());
    if (first >= 0) show_document(static_cast<size_t>(first));
  }
}

// [SECTION] Adjudication (File > Adjudicate…, window.goldspan.adjudicate)

namespace {

// As `goldspan adjudicate` names annotators: the file's one provenance annotator, else the
// file name; a name two files share (every page export says "annotator") is the file name.
std::vector<std::string> annotator_names(const std::vector<NamedFile>& files) {
  std::vector<std::string> names;
  for (const NamedFile& f : files) {
    const nlohmann::json j = nlohmann::json::parse(f.bytes, nullptr, false);
    std::string name = f.name;
    if (j.is_object() && j.contains("provenance") && j["provenance"].is_object()) {
      const nlohmann::json a = j["provenance"].value("annotators", nlohmann::json::array());
      if (a.is_array() && a.size() == 1 && a[0].is_string()) name = a[0].get<std::string>();
    }
    names.push_back(name);
  }
  std::map<std::string, int> uses;
  for (const std::string& n : names) ++uses[n];
  for (size_t i = 0; i < names.size(); ++i)
    if (uses[names[i]] > 1) names[i] = files[i].name;
  return names;
}

}  // namespace

// [SECTION] Agreement (File > Agreement…, window.goldspan.agreement): measures only.
OpenResult App::agreement(std::vector<NamedFile> files) {
  OpenResult r;
  if (lacks_dictionaries(files)) {
    r.ok = false;
    r.needs_dictionaries = true;
    return r;  // the page loads them and calls again
  }
  r.errors = agreement_.measure(files, annotator_names(files));
  r.ok = r.errors.empty();
  if (!r.ok) {  // the window keeps what it showed
    show_errors("Could not measure the agreement of these files", r.errors);
    return r;
  }
  set_status("Agreement of " + std::to_string(files.size()) + " annotators (the open documents are unchanged)");
  return r;
}

OpenResult App::adjudicate(std::vector<NamedFile> files, const std::string& strategy, bool again) {
  OpenResult r;
  if (!history_->read_only().empty()) {
    r.ok = false;
    r.errors.push_back("read-only: " + history_->read_only());
    return r;
  }
  if (files.size() < 2) r.errors.push_back("Adjudicate: choose two or more annotators' gold JSON files of the same documents");
  if (lacks_dictionaries(files)) {
    r.ok = false;
    r.needs_dictionaries = true;
    return r;  // the page loads them and calls again
  }
  std::vector<GoldImport> in;
  in.reserve(files.size());
  for (const NamedFile& f : files) {
    in.push_back(parse_gold(f.bytes, f.name, &corpus_->schema(), tokenizer_));
    for (const std::string& e : in.back().errors) r.errors.push_back(e);
  }
  AdjudicateOptions options;
  const std::vector<std::string> names = annotator_names(files);
  if (strategy == "unanimous") options.strategy = AdjudicationStrategy::Unanimous;
  else if (strategy.rfind("prefer=", 0) == 0) options.prefer = strategy.substr(7);
  else if (strategy != "majority") r.errors.push_back("Adjudicate: unknown strategy '" + strategy + "' (majority, unanimous or prefer=NAME)");
  if (!options.prefer.empty() && std::find(names.begin(), names.end(), options.prefer) == names.end())
    r.errors.push_back("Adjudicate: prefer=" + options.prefer + ": no such annotator");
  Adjudication a;
  if (r.errors.empty()) {
    std::vector<const GoldImport*> ptrs;
    for (const GoldImport& g : in) ptrs.push_back(&g);
    try {
      a = goldspan::adjudicate(ptrs, names, options);
    } catch (const Error& e) {
      r.errors.push_back(e.what());
    }
  }
  if (!r.errors.empty()) {  // nothing changed
    r.ok = false;
    show_errors("Could not adjudicate these files", r.errors);
    return r;
  }
  // The new session replaces the open work and its autosave: that work goes to the user as a
  // gold file first, so nothing made before is lost even if it was never exported.
  std::string backup;
  if (corpus_->document_count() > 0 && !again) {
    try {
      const Exported e = export_as("gold", false);
      backup = "goldspan-before-adjudication.json";
      platform_.download(backup, e.mime, e.bytes);
    } catch (const Error& e) {
      r.ok = false;
      r.errors.push_back("Adjudicate: the open work could not be saved as a file first, so it was kept: " + std::string(e.what()));
      show_errors("Could not adjudicate these files", r.errors);
      return r;
    }
  }
  new_session();
  apply_import(a.gold, r, true);
  r.ok = r.errors.empty();
  if (!r.ok) return r;
  edit("Adjudicate", [&] { adjudication_.begin(*this, a); });
  adjudication_files_ = std::move(files);
  set_status("Adjudicating " + std::to_string(adjudication_files_.size()) + " annotators (" + a.strategy + "): " + std::to_string(a.gold.spans.size()) +
             " spans agreed, " + adjudication_.progress() +
             (backup.empty() ? "" : "; the work open before was downloaded as " + backup));
  return r;
}

void App::new_session() {
  platform_.clear_persisted();
  // Everything that points into the old corpus goes with it: panes, picks, panels' caches.
  for (Pane& p : panes_) {
    p.canvas.set_document(nullptr);
    p.doc = 0;
  }
  split_ = false;
  active_ = 0;
  selected_ = 0;
  hovered_ = 0;
  pick_ = RelationPick();
  link_pick_ = LinkPick();
  search_ = SearchPanel();
  claims_ = ClaimsView();
  finder_ = ClusterFinder();
  clusters_ = ClustersPanel();
  adjudication_ = AdjudicationView();
  suggestions_ = SuggestionsView();
  const std::string read_only = history_->read_only();
  Schema schema = corpus_->schema();
  history_.reset();
  corpus_ = std::make_unique<Corpus>(std::move(schema));
  history_ = std::make_unique<History>(*corpus_);
  history_->set_annotator("annotator");
  history_->set_read_only(read_only);
  history_->set_journal([this](const std::string& line) { platform_.persist(line); });
  cached_revision_ = ~0ull;
  cached_doc_ = ~size_t(0);
}

}  // namespace goldspan::ui
