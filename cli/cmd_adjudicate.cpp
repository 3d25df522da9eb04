// goldspan adjudicate — several annotators' gold files reconciled into one (core/agree/adjudicate).
// Each kept span, relation, cluster and claim link carries "x_annotators" (who had it); the open
// disagreements are listed under the top-level "x_conflicts" and summarised on stdout.
#include <algorithm>
#include <iostream>
#include <map>
#include <nlohmann/json.hpp>

#include "agree/adjudicate.hpp"
#include "annotators.hpp"
#include "commands.hpp"
#include "error.hpp"
#include "formats.hpp"
#include "io.hpp"
#include "io/gold_json.hpp"
#include "io/timestamp.hpp"
#include "model/history.hpp"

namespace goldspan::cli {

namespace {

using ojson = nlohmann::ordered_json;

// The gold text with who had each record added (by the ids the records got when applied), and
// the conflicts.
std::string with_votes(const std::string& gold, const Adjudication& a, const AppliedIds& ids) {
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
  return j.dump(1) + "\n";
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
    Tokenizer tok(locale);
    std::vector<GoldImport> imports;
    std::vector<std::string> names;
    bool bad = false;
    for (const std::string& f : files) {
      ReadOptions r;
      r.schema_locale = locale.empty();  // tokens as the app makes them for the file's schema
      imports.push_back(read_format("gold", f, r, tok));
      names.push_back(annotator_name(read_input(f), f));
      for (const std::string& e : imports.back().errors) std::cerr << "goldspan adjudicate: " << e << '\n', bad = true;
    }
    if (bad) return 1;
    number_shared_names(names);
    if (!opt.prefer.empty() && std::find(names.begin(), names.end(), opt.prefer) == names.end()) {
      std::string known;
      for (const std::string& n : names) known += (known.empty() ? "" : ", ") + n;
      std::cerr << "goldspan adjudicate: --strategy prefer=" << opt.prefer << ": no such annotator (" << known << ")\n";
      return 2;
    }
    std::vector<const GoldImport*> ptrs;
    for (const GoldImport& g : imports) ptrs.push_back(&g);
    const Adjudication a = adjudicate(ptrs, names, opt);
    for (const std::string& w : a.gold.warnings) std::cerr << "goldspan adjudicate: warning: " << w << '\n';

    Corpus corpus(*a.gold.schema);
    History history(corpus);
    history.set_annotator("adjudicator");
    const int64_t now = time.empty() ? now_ms() : *parse_timestamp(time);
    history.set_clock([now] { return now; });
    const AppliedIds ids = apply_gold(corpus, history, a.gold);
    GoldWriteOptions w;
    if (!time.empty()) w.exported_at = time;
    write_output(out_path, with_votes(write_gold(corpus, w), a, ids));
    std::cout << "kept " << a.gold.spans.size() << " spans, " << a.gold.relations.size() << " relations, "
              << a.gold.clusters.size() << " clusters, " << a.gold.links.size() << " claim links from " << files.size() << " annotators (" << strategy << "); "
              << a.conflicts.size() << " conflicts open\n";
    for (const Conflict& c : a.conflicts) {
      std::cout << "  " << c.kind << (c.doc.empty() ? "" : " in " + c.doc) << ": " << c.what;
      if (!c.had.empty()) {
        std::cout << " — had:";
        for (const std::string& n : c.had) std::cout << ' ' << n;
      }
      std::cout << '\n';
    }
    return 0;
  } catch (const Error& e) {
    std::cerr << "goldspan adjudicate: " << e.what() << '\n';
    return 1;
  }
}

}  // namespace goldspan::cli
