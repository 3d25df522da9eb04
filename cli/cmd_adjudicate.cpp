// goldspan adjudicate — several annotators' gold files reconciled into one (core/agree/adjudicate).
// Each kept span, relation, cluster and claim link carries "x_annotators" (who had it); the open
// disagreements are listed under the top-level "x_conflicts" and summarised on stdout.
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "agree/adjudicate.hpp"
#include "annotators.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "gold_stream.hpp"
#include "io.hpp"
#include "io/gold_json.hpp"
#include "io/timestamp.hpp"
#include "model/history.hpp"

namespace goldspan::cli {

namespace {

using ojson = nlohmann::ordered_json;

// The gold text with who had each record added (by the ids the records got when applied), and
// the conflicts.
// A usage error (exit 2) when --strategy prefer=NAME names nobody.
struct PreferError {
  std::string message;
};
void check_prefer(const AdjudicateOptions& opt, const std::vector<std::string>& names) {
  if (opt.prefer.empty() || std::find(names.begin(), names.end(), opt.prefer) != names.end()) return;
  std::string known;
  for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
  throw PreferError{"--strategy prefer=" + opt.prefer + ": no such annotator (" + known + ")"};
}

ojson with_votes(const std::string& gold, const Adjudication& a, const AppliedIds& ids) {
  ojson j = ojson::parse(gold);
  std::map<std::string, const std::vector<std::string>*> spans, relations, clusters, links;
  for (size_t i = 0; i < ids.spans.size(); ++i) spans[format_id('s', ids.spans[i])] = &a.span_votes[i];
  for (size_t i = 0; i < ids.relations.size(); ++i) relations[format_id('r', ids.relations[i])] = &a.relation_votes[i];
  for (size_t i = 0; i < ids.clusters.size(); ++i) clusters[format_id('c', ids.clusters[i])] = &a.cluster_votes[i];
  for (size_t i = 0; i < ids.links.size(); ++i) links[format_id('l', ids.links[i])] = &a.link_votes[i];
  auto votes = [](const std::map<std::string, const std::vector<std::string>*>& m, const ojson& id) {
    const auto it = m.find(id.get<std::string>());
    return it == m.end() ? ojson::array() : ojson(*it->second);
  };
  for (ojson& d : j["documents"]) {
    for (ojson& s : d["spans"]) s["x_annotators"] = votes(spans, s["id"]);
    for (ojson& r : d["relations"]) r["x_annotators"] = votes(relations, r["id"]);
  }
  if (j.contains("clusters"))
    for (ojson& c : j["clusters"]) c["x_annotators"] = votes(clusters, c["id"]);
  if (j.contains("cluster_links"))
    for (ojson& l : j["cluster_links"]) l["x_annotators"] = votes(links, l["id"]);
  ojson conflicts = ojson::array();
  for (const Conflict& c : a.conflicts)
    conflicts.push_back({{"doc", c.doc}, {"kind", c.kind}, {"what", c.what}, {"had", c.had}, {"lacked", c.lacked}});
  j["x_conflicts"] = std::move(conflicts);
  return j;
}

// The adjudicated gold file with the votes, stamped "adjudicator" at `time` ("" = now).
ojson adjudicated(const Adjudication& a, const std::string& time) {
  Corpus corpus(*a.gold.schema);
  History history(corpus);
  history.set_annotator("adjudicator");
  const int64_t now = time.empty() ? now_ms() : *parse_timestamp(time);
  history.set_clock([now] { return now; });
  const AppliedIds ids = apply_gold(corpus, history, a.gold);
  GoldWriteOptions w;
  if (!time.empty()) w.exported_at = time;
  return with_votes(write_gold(corpus, w), a, ids);
}

// What was kept and the open conflicts, summed over one or more adjudications.
struct Summary {
  size_t spans = 0, relations = 0, clusters = 0, links = 0, conflicts = 0;
  std::string lines;
  void add(const Adjudication& a) {
    spans += a.gold.spans.size(), relations += a.gold.relations.size(), clusters += a.gold.clusters.size();
    links += a.gold.links.size(), conflicts += a.conflicts.size();
    for (const Conflict& c : a.conflicts) {
      lines += "  " + c.kind + (c.doc.empty() ? "" : " in " + c.doc) + ": " + c.what;
      if (!c.had.empty()) {
        lines += " — had:";
        for (const std::string& n : c.had) lines += ' ' + n;
      }
      lines += '\n';
    }
  }
  void print(size_t files, const std::string& strategy) const {
    std::cout << "kept " << spans << " spans, " << relations << " relations, " << clusters << " clusters, " << links
              << " claim links from " << files << " annotators (" << strategy << "); " << conflicts << " conflicts open\n"
              << lines;
  }
};

// Gold JSONL in and out: each document adjudicated alone and written as one line (gold_stream.hpp).
// A file that lacks the document takes part as an empty file of the same schema, so spans are
// voted on by the files that have the document and clusters and links out of all files, as in
// one run over whole files. Record ids are numbered per line.
void adjudicate_stream(const std::vector<std::string>& files, const std::string& locale, const std::string& out_path,
                       const AdjudicateOptions& opt, const std::string& time, Summary& summary) {
  GoldStreams streams(files, locale, "goldspan adjudicate");
  check_prefer(opt, streams.names());
  const std::string tmp = out_path + ".tmp";
  std::ofstream out(tmp, std::ios::binary);
  if (!out) throw Error(out_path, "cannot write");
  try {
    streams.each([&](const std::vector<const GoldLine*>& lines) {
      const GoldLine* first = *std::find_if(lines.begin(), lines.end(), [](const GoldLine* l) { return l; });
      std::vector<GoldImport> empty(files.size());
      std::vector<const GoldImport*> ptrs;
      for (size_t f = 0; f < files.size(); ++f) {
        empty[f].file_name = files[f];
        empty[f].schema = first->import.schema;
        ptrs.push_back(lines[f] ? &lines[f]->import : &empty[f]);
      }
      const Adjudication a = adjudicate(ptrs, streams.names(), opt);
      for (const std::string& w : a.gold.warnings) std::cerr << "goldspan adjudicate: warning: " << w << '\n';
      out << adjudicated(a, time).dump() << '\n';
      summary.add(a);
    }, std::cerr);
    if (!out.flush()) throw Error(out_path, "cannot write");
  } catch (...) {
    out.close();
    std::remove(tmp.c_str());
    throw;
  }
  out.close();
  std::error_code ec;
  std::filesystem::rename(tmp, out_path, ec);
  if (ec) throw Error(out_path, "cannot write: " + ec.message());
}

}  // namespace

int cmd_adjudicate(const Args& args) {
  std::vector<std::string> files;
  std::string out_path, strategy = "majority", locale, time;
  for (size_t i = 0; i < args.size(); ++i) {
    const std::string& a = args[i];
    if ((a == "-o" || a == "--strategy" || a == "--locale" || a == "--time") && i + 1 < args.size()) {
      (a == "-o" ? out_path : a == "--strategy" ? strategy : a == "--locale" ? locale : time) = args[++i];
    } else if (a.size() > 1 && a[0] == '-') {
      std::cerr << "goldspan adjudicate: unknown option '" << a << "'\n";
      return 2;
    } else {
      files.push_back(a);
    }
  }
  AdjudicateOptions opt;
  if (strategy == "unanimous") opt.strategy = AdjudicationStrategy::Unanimous;
  else if (strategy.rfind("prefer=", 0) == 0) opt.prefer = strategy.substr(7);
  else if (strategy != "majority") files.clear();
  if (files.size() < 2 || out_path.empty() || (strategy.rfind("prefer=", 0) == 0 && opt.prefer.empty())) {
    std::cerr << "goldspan adjudicate: usage: goldspan adjudicate A.json B.json [C.json ...] -o OUT.json"
                 " [--strategy majority|unanimous|prefer=NAME] [--time ISO]\n";
    return 2;
  }
  if (!time.empty() && !parse_timestamp(time)) {
    std::cerr << "goldspan adjudicate: --time: not an ISO 8601 time: " << time << "\n";
    return 2;
  }
  try {
    Summary summary;
    // Gold JSONL in and out streams, one document at a time; anything else is loaded whole.
    if (jsonl_path(out_path) && std::all_of(files.begin(), files.end(), jsonl_path)) {
      adjudicate_stream(files, locale, out_path, opt, time, summary);
      summary.print(files.size(), strategy);
      return 0;
    }
    Tokenizer tok(locale);
    std::vector<GoldImport> imports;
    std::vector<std::string> names;
    bool bad = false;
    for (const std::string& f : files) {
      AnnotatorFile a = read_annotator_file(f, tok, locale.empty());  // read once
      imports.push_back(std::move(a.import));
      names.push_back(a.name.empty() ? f : a.name);
      for (const std::string& e : imports.back().errors) std::cerr << "goldspan adjudicate: " << e << '\n', bad = true;
    }
    if (bad) return 1;
    number_shared_names(names);
    check_prefer(opt, names);
    std::vector<const GoldImport*> ptrs;
    for (const GoldImport& g : imports) ptrs.push_back(&g);
    const Adjudication a = adjudicate(ptrs, names, opt);
    for (const std::string& w : a.gold.warnings) std::cerr << "goldspan adjudicate: warning: " << w << '\n';

    write_output(out_path, adjudicated(a, time).dump(1) + "\n");
    summary.add(a);
    summary.print(files.size(), strategy);
    return 0;
  } catch (const PreferError& e) {
    std::cerr << "goldspan adjudicate: " << e.message << '\n';
    return 2;
  } catch (const Error& e) {
    std::cerr << "goldspan adjudicate: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace goldspan::cli
