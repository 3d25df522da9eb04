// goldspan agree — inter-annotator agreement between gold files of the same documents.
// Loads and checks the files; the figures come from core/agree/report.hpp (shared with the
// app's Agreement window); prints them as JSON or tables.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <iomanip>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "agree/report.hpp"
#include "annotators.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "io.hpp"
#include "agree_stream.hpp"
#include "io/gold_json.hpp"

namespace goldspan::cli {

namespace {

using ojson = nlohmann::ordered_json;

// Reads one file, once, as the app does for its schema; the figures come from core/agree/report.hpp.
AgreeFile load(const std::string& file, Tokenizer& tok, bool locale_from_schema) {
  AnnotatorFile a = read_annotator_file(file, tok, locale_from_schema);
  return agree_file(std::move(a.import), file, std::move(a.name));
}

// Sums the partial counts of `files` (goldspan agree --partial output).
AgreeCounts merged_counts(const std::vector<std::string>& files) {
  AgreeCounts sum;
  for (size_t f = 0; f < files.size(); ++f) {
    nlohmann::json j;
    try {
      j = nlohmann::json::parse(read_input(files[f]));
    } catch (const nlohmann::json::parse_error& e) {
      throw Error(files[f], std::string("not JSON: ") + e.what());
    }
    AgreeCounts c = agree_counts_from_json(j, files[f]);
    if (f == 0) sum = std::move(c);
    else merge_into(sum, c, files[f] + " (vs " + files[0] + ")");
  }
  return sum;
}

// [SECTION] Text
std::string fixed(const ojson& v) {
  if (v.is_null()) return "n/a";
  std::ostringstream o;
  o << std::fixed << std::setprecision(4) << v.get<double>();
  return o.str();
}

// Four significant digits: disagreements scale as 1/L, so fixed decimals would show 0 on a corpus.
std::string significant(const ojson& v) {
  if (v.is_null()) return "n/a";
  std::ostringstream o;
  o << std::setprecision(4) << v.get<double>();
  return o.str();
}

std::vector<std::string> counts_row(std::vector<std::string> lead, const ojson& c) {
  for (const char* k : {"spans_a", "spans_b", "matched"}) lead.push_back(c[k].dump());
  for (const char* k : {"precision", "recall", "f1"}) lead.push_back(fixed(c[k]));
  return lead;
}

std::string text_of(const ojson& j) {
  std::ostringstream o;
  o << "annotators:";
  for (const ojson& a : j["annotators"]) {
    o << " " << a["name"].get<std::string>();
    if (a.contains("file")) o << " (" << a["file"].get<std::string>() << ")";
  }
  o << "\n";
  const std::vector<std::string> head = {"A", "B", "MATCH", "SPANS A", "SPANS B", "MATCHED", "P", "R", "F1", "MACRO F1"};
  std::vector<std::vector<std::string>> rows;
  for (const ojson& p : j["pairs"])
    for (const char* m : {"exact", "overlap"}) {
      auto r = counts_row({p["a"], p["b"], m}, p[m]);
      r.push_back(fixed(p[m]["macro"]["f1"]));
      rows.push_back(std::move(r));
    }
  print_table(o, "spans (P = matched / spans of B, R = matched / spans of A; overlap: one-to-one maximum matching)", head, rows);
  for (const ojson& p : j["pairs"]) {
    const std::string pair = p["a"].get<std::string>() + " / " + p["b"].get<std::string>();
    if (p["exact"].contains("per_label")) {
      rows.clear();
      for (const char* m : {"exact", "overlap"})
        for (auto it = p[m]["per_label"].begin(); it != p[m]["per_label"].end(); ++it)
          rows.push_back(counts_row({it.key(), m}, it.value()));
      print_table(o, "per label, " + pair, {"LABEL", "MATCH", "SPANS A", "SPANS B", "MATCHED", "P", "R", "F1"}, rows);
      const ojson& c = p["confusion"];
      std::vector<std::string> chead = {"A \\ B"};
      for (const ojson& l : c["labels"]) chead.push_back(l);
      chead.push_back("(none)");
      rows.clear();
      for (size_t i = 0; i < c["labels"].size(); ++i) {
        std::vector<std::string> r = {c["labels"][i]};
        for (const ojson& n : c["counts"][i]) r.push_back(n.dump());
        r.push_back(c["only_a"][i].dump());
        rows.push_back(std::move(r));
      }
      std::vector<std::string> none = {"(none)"};
      for (const ojson& n : c["only_b"]) none.push_back(n.dump());
      none.push_back("");
      rows.push_back(std::move(none));
      print_table(o, "label confusion over overlap-paired spans, " + pair + " (rows A, columns B)", chead, rows);
    }
    if (p.contains("per_document")) {
      rows.clear();
      for (auto it = p["per_document"].begin(); it != p["per_document"].end(); ++it)
        for (const char* m : {"exact", "overlap"}) rows.push_back(counts_row({it.key(), m}, it.value()[m]));
      print_table(o, "per document, " + pair, {"DOCUMENT", "MATCH", "SPANS A", "SPANS B", "MATCHED", "P", "R", "F1"}, rows);
    }
  }
  rows.clear();
  for (const ojson& p : j["pairs"])
    if (p.contains("relations")) {
      auto r = counts_row({p["a"], p["b"], "all"}, p["relations"]);
      rows.push_back(std::move(r));
      if (p["relations"].contains("per_label"))
        for (auto it = p["relations"]["per_label"].begin(); it != p["relations"]["per_label"].end(); ++it)
          rows.push_back(counts_row({p["a"], p["b"], it.key()}, it.value()));
    }
  if (!rows.empty())
    print_table(o, "relations (matched when the type is equal and both ends are overlap-paired spans)",
          {"A", "B", "TYPE", "RELATIONS A", "RELATIONS B", "MATCHED", "P", "R", "F1"}, rows);
  rows.clear();
  for (const ojson& p : j["pairs"])
    if (p.contains("attributes"))
    for (auto it = p["attributes"].begin(); it != p["attributes"].end(); ++it)
      rows.push_back({p["a"], p["b"], it.key(), it.value()["pairs"].dump(), it.value()["equal"].dump(),
                      fixed(it.value()["cohen_kappa"])});
  if (!rows.empty())
    print_table(o, "attributes of overlap-paired spans (pairs where either sets the attribute)",
          {"A", "B", "ATTRIBUTE", "PAIRS", "EQUAL", "COHEN KAPPA"}, rows);
  rows.clear();
  for (const ojson& p : j["pairs"])
    if (p.contains("clusters"))
    for (auto it = p["clusters"].begin(); it != p["clusters"].end(); ++it) {
      const ojson& c = it.value();
      rows.push_back({p["a"], p["b"], it.key(), fixed(c["muc"]["f1"]), fixed(c["b_cubed"]["f1"]), fixed(c["ceaf_e"]["f1"]),
                      fixed(c["blanc"]["f1"]), fixed(c["conll_f1"])});
    }
  if (!rows.empty())
    print_table(o, "clusters (F1; a mention is a span's edges, spans in no cluster are singletons)",
          {"A", "B", "KIND", "MUC", "B3", "CEAF-E", "BLANC", "CONLL"}, rows);
  const ojson& t = j["tokens"];
  rows.clear();
  for (const ojson& k : t["cohen_kappa"]) rows.push_back({"Cohen's kappa", k["a"].get<std::string>() + " / " + k["b"].get<std::string>(), fixed(k["value"])});
  rows.push_back({"Fleiss' kappa", "all", fixed(t["fleiss_kappa"]["value"])});
  rows.push_back({"Krippendorff's alpha (nominal)", "all", fixed(t["krippendorff_alpha_nominal"]["value"])});
  print_table(o, "tokens (" + t["tokens"].dump() + " tokens; entity spans; a token takes its outermost span's label, O outside)",
        {"COEFFICIENT", "ANNOTATORS", "VALUE"}, rows);
  if (t.contains("per_document")) {
    rows.clear();
    for (auto it = t["per_document"].begin(); it != t["per_document"].end(); ++it)
      rows.push_back({it.key(), it.value()["tokens"].dump(), fixed(it.value()["fleiss_kappa"]["value"]),
                      fixed(it.value()["krippendorff_alpha_nominal"]["value"])});
    print_table(o, "tokens per document", {"DOCUMENT", "TOKENS", "FLEISS KAPPA", "ALPHA NOMINAL"}, rows);
  }
  if (j.contains("not_merged")) {
    rows.clear();
    for (auto it = j["not_merged"].begin(); it != j["not_merged"].end(); ++it) rows.push_back({it.key(), it.value()});
    print_table(o, "not merged from partial counts (run agree over the whole files for these)", {"FIGURE", "WHY"}, rows);
  }
  if (j.contains("unitizing")) {
  const ojson& u = j["unitizing"];
  rows.clear();
  auto unitizing_row = [](const std::string& what, const ojson& a) {
    return std::vector<std::string>{what, a["units"].dump(), significant(a["observed_disagreement"]),
                                    significant(a["expected_disagreement"]), fixed(a["alpha"])};
  };
  rows.push_back(unitizing_row("all labels", u));
  if (u.contains("per_label"))
    for (auto it = u["per_label"].begin(); it != u["per_label"].end(); ++it) rows.push_back(unitizing_row(it.key(), it.value()));
  print_table(o, "unitizing alpha (Krippendorff; every span fragment a unit; the " + u["documents"].dump() +
                     " documents every file has, concatenated: " + u["length"].dump() + " code points)",
              {"LABEL", "UNITS", "D_O", "D_E", "ALPHA_U"}, rows);
  if (u.contains("per_document")) {
    rows.clear();
    for (auto it = u["per_document"].begin(); it != u["per_document"].end(); ++it)
      rows.push_back({it.key(), it.value()["length"].dump(), it.value()["units"].dump(), fixed(it.value()["alpha"])});
    print_table(o, "unitizing alpha per document", {"DOCUMENT", "CODE POINTS", "UNITS", "ALPHA_U"}, rows);
  }
  }
  o << "\nn/a: undefined (0/0), e.g. precision when B marked nothing, kappa when every token has one label,\n"
       "alpha_U when nobody marked a unit.\n";
  return o.str();
}

}  // namespace

int cmd_agree(const Args& args) {
  bool as_json = false, per_label = false, per_doc = false, partial = false, merge = false;
  std::string locale;
  std::vector<std::string> files;
  for (size_t i = 0; i < args.size(); ++i) {
    if (args[i] == "--json") as_json = true;
    else if (args[i] == "--per-label") per_label = true;
    else if (args[i] == "--per-doc") per_doc = true;
    else if (args[i] == "--partial") partial = true;
    else if (args[i] == "--merge") merge = true;
    else if (args[i] == "--locale" && i + 1 < args.size()) locale = args[++i];
    else if (args[i].size() > 1 && args[i][0] == '-') {
      std::cerr << "goldspan agree: unknown option '" << args[i] << "'\n";
      return 2;
    } else files.push_back(args[i]);
  }
  if (partial && merge) {
    std::cerr << "goldspan agree: --partial writes counts, --merge reads them: give one\n";
    return 2;
  }
  if (merge) {
    if (files.empty() || per_doc) {
      std::cerr << "goldspan agree: usage: goldspan agree --merge PART.json... [--json] [--per-label] (no --per-doc: "
                   "per-document figures are the shards' own)\n";
      return 2;
    }
    try {
      const AgreeCounts c = merged_counts(files);
      ojson j = agree_figures_json(c, per_label);
      ojson why = ojson::object();
      for (const auto& [k, v] : c.not_merged) why[k] = v;
      j["not_merged"] = std::move(why);
      std::cout << (as_json ? j.dump(2) + "\n" : text_of(j));
      return 0;
    } catch (const Error& e) {
      std::cerr << "goldspan agree: " << e.what() << '\n';
      return 1;
    }
  }
  if (files.size() < 2) {
    std::cerr << "goldspan agree: usage: goldspan agree A.json B.json [C.json ...] [--json] [--per-label] [--per-doc] [--partial]\n";
    return 2;
  }
  // Gold JSONL shards stream, one document at a time (agree_stream.hpp); a whole gold file is
  // one JSON value and is loaded.
  if (std::all_of(files.begin(), files.end(), jsonl_path)) {
    try {
      AgreeStreamed r = agree_stream(files, {locale, per_label, per_doc}, std::cerr);
      if (partial) std::cout << to_json(r.counts).dump(1) << '\n';
      else std::cout << (as_json ? r.figures.dump(2) + "\n" : text_of(r.figures));
      return 0;
    } catch (const Error& e) {
      std::cerr << "goldspan agree: " << e.what() << '\n';
      return 1;
    }
  }
  try {
    Tokenizer tok(locale);
    std::vector<AgreeFile> all;
    bool bad = false;
    for (const std::string& f : files) {
      all.push_back(load(f, tok, locale.empty()));
      for (const std::string& e : all.back().import.errors) std::cerr << "goldspan agree: " << e << '\n', bad = true;
    }
    if (bad) return 1;
    check_same_documents(all);
    std::vector<std::string> names;
    for (const AgreeFile& a : all) names.push_back(a.name);
    number_shared_names(names);
    for (size_t f = 0; f < all.size(); ++f) all[f].name = names[f];
    std::map<std::string, std::string> holder;  // document id -> first file that has it
    for (const AgreeFile& a : all)
      for (const auto& [id, d] : a.doc_index) holder.emplace(id, a.file);
    for (const auto& [id, file] : holder)
      for (const AgreeFile& a : all)
        if (!a.doc_index.count(id))
          std::cerr << "goldspan agree: warning: " << a.file << " lacks document '" << id << "' of " << file
                    << ": compared on the documents both have\n";
    size_t incomplete = 0;  // documents some file lacks
    for (const auto& [id, file] : holder)
      for (const AgreeFile& a : all)
        if (!a.doc_index.count(id)) {
          ++incomplete;
          break;
        }
    if (incomplete)
      std::cerr << "goldspan agree: warning: unitizing alpha leaves out the " << incomplete
                << " document(s) some file lacks: it needs every annotator on the whole continuum\n";
    if (partial) {
      std::cout << to_json(agree_counts(all)).dump(1) << '\n';
      return 0;
    }
    ojson j = agree_json(all, per_label, per_doc);
    for (size_t f = 0; f < all.size(); ++f) j["annotators"][f]["file"] = all[f].file;
    std::cout << (as_json ? j.dump(2) + "\n" : text_of(j));
    return 0;
  } catch (const Error& e) {
    std::cerr << "goldspan agree: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace goldspan::cli
