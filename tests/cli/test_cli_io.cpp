// End-to-end tests of `goldspan validate`, `convert` and `stats`: real process, real files.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>
#include <sys/wait.h>
#include <unistd.h>

#include "cli_support.hpp"
#include "support.hpp"

namespace {

using goldspan::test::Run;
using goldspan::test::run;
using goldspan::test::write_temp;
using goldspan::test::temp_dir;

namespace fs = std::filesystem;
using json = nlohmann::json;


const std::string kSource = GOLDSPAN_SOURCE_DIR;
const std::string kGold = kSource + "/tests/io/fixtures/samples.gold.json";
const std::string kSchema = kSource + "/assets/schema/default.json";
const std::string kTime = "--time 2024-01-01T00:00:00.000Z";

json gold_of(const std::string& path) { return json::parse(goldspan::test::read_file(path).value()); }

}  // namespace

TEST_CASE("cli validate: a good file, bad files with every error, exit codes", "[cli][io]") {
  const Run ok = run("validate " + kGold);
  CHECK(ok.code == 0);
  CHECK(ok.out == kGold + ": valid (3 documents, 20 spans, 6 relations, 4 clusters, 3 cluster links)\n");
  CHECK(run("validate --schema " + kSchema + " " + kGold).code == 0);

  json j = gold_of(kGold);
  j["documents"][0]["spans"][0]["label"] = "TIME";
  j["documents"][1]["sha256"] = std::string(64, '0');
  const std::string bad = write_temp("bad.json", j.dump());
  const Run r = run("validate " + kGold + " " + bad);
  CHECK(r.code == 1);
  CHECK(r.out == kGold + ": valid (3 documents, 20 spans, 6 relations, 4 clusters, 3 cluster links)\n" + bad + ": INVALID (2 errors)\n");
  CHECK(r.err.find("goldspan validate: " + bad + ": documents[0].spans[0].label: unknown label 'TIME' (not in the schema)\n") != std::string::npos);
  CHECK(r.err.find(bad + ": documents[1].sha256: does not match the text") != std::string::npos);

  const Run missing = run("validate /nonexistent/gold.json");
  CHECK(missing.code == 1);
  CHECK(missing.err.find("/nonexistent/gold.json: cannot open") != std::string::npos);
  CHECK(run("validate").code == 2);
  CHECK(run("validate --frob x").code == 2);
}

TEST_CASE("cli validate: a 100 MB file is refused by its size with a clear error", "[cli][io]") {
  // A sparse file: the refusal comes from the size, before anything is read (no timing here:
  // a loaded machine made a "quickly" bound flaky).
  const std::string big = temp_dir() + "/big.json";
  std::ofstream(big, std::ios::binary) << ' ';
  fs::resize_file(big, 100u << 20);
  const Run r = run("validate " + big);
  CHECK(r.code == 1);
  CHECK(r.err == "goldspan validate: " + big + ": the file is 100.0 MiB, more than the 64 MiB an import may have\n");
  fs::remove(big);
}

TEST_CASE("cli convert: gold to gold is lossless and deterministic", "[cli][io]") {
  const std::string out = temp_dir() + "/again.json";
  const Run r = run("convert --from gold --to gold " + kTime + " " + kGold + " " + out);
  REQUIRE(r.code == 0);
  CHECK(r.err.empty());
  json a = gold_of(kGold), b = gold_of(out);
  a["provenance"].erase("tool_version");
  b["provenance"].erase("tool_version");
  CHECK(a == b);
  const std::string out2 = temp_dir() + "/again2.json";
  REQUIRE(run("convert --from gold --to gold " + kTime + " " + out + " " + out2).code == 0);
  CHECK(goldspan::test::read_file(out) == goldspan::test::read_file(out2));
  REQUIRE(run("convert --from gold --to gold --utf16 " + kTime + " " + kGold + " " + out).code == 0);
  CHECK(gold_of(out)["documents"][2]["spans"][0].contains("start_utf16"));
}

TEST_CASE("cli convert: brat out and back in, warnings on stderr", "[cli][io]") {
  const std::string dir = temp_dir() + "/brat";
  const Run r = run("convert --from gold --to brat " + kGold + " " + dir);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("goldspan convert: warning: brat: 3 claim links not carried") != std::string::npos);
  CHECK(fs::exists(dir + "/harbor-a.ann"));
  CHECK(fs::exists(dir + "/multilingual.txt"));
  CHECK(fs::exists(dir + "/annotation.conf"));
  const std::string back = temp_dir() + "/from-brat.json";
  const Run b = run("convert --from brat --to gold --schema " + kSchema + " " + kTime + " " + dir + " " + back);
  REQUIRE(b.code == 0);
  CHECK(b.err.find("notes (#) skipped") != std::string::npos);
  const json g = gold_of(back), orig = gold_of(kGold);
  REQUIRE(g["documents"].size() == 3);
  for (size_t d = 0; d < 3; ++d) {
    CHECK(g["documents"][d]["spans"].size() == orig["documents"][d]["spans"].size());
    CHECK(g["documents"][d]["relations"].size() == orig["documents"][d]["relations"].size());
  }
  CHECK(g["documents"][0]["spans"][0]["annotator"] == "import");
  CHECK(g["documents"][0]["spans"][0]["created"] == "2024-01-01T00:00:00.000Z");
  // No --schema: inferred from the annotation.conf the export wrote (brat's own configuration).
  const std::string inferred = temp_dir() + "/from-brat-inferred.json";
  const Run c = run("convert --from brat --to gold " + kTime + " " + dir + " " + inferred);
  REQUIRE(c.code == 0);
  CHECK(c.err.find("warning: brat: no --schema: schema inferred from " + dir + "/annotation.conf: 8 span types, 3 relation types") !=
        std::string::npos);
  CHECK(c.err.find("kinds guessed from the names (CLAIM claim, CUE cue, the others entity)") != std::string::npos);
  const json gi = gold_of(inferred);
  CHECK(gi["schema"]["claim_types"][0]["name"] == "CLAIM");
  for (size_t d = 0; d < 3; ++d) {
    CHECK(gi["documents"][d]["spans"].size() == orig["documents"][d]["spans"].size());
    CHECK(gi["documents"][d]["relations"].size() == orig["documents"][d]["relations"].size());
  }
  // Without annotation.conf: from the labels found.
  const std::string bare = temp_dir() + "/brat-bare";
  fs::create_directories(bare);
  for (const char* f : {"harbor-a.txt", "harbor-a.ann"}) fs::copy_file(dir + "/" + f, bare + "/" + f, fs::copy_options::overwrite_existing);
  const Run l = run("convert --from brat --to gold " + kTime + " " + bare + " -");
  REQUIRE(l.code == 0);
  CHECK(l.err.find("schema inferred from the labels found in the .ann files") != std::string::npos);
  CHECK(json::parse(l.out)["documents"][0]["spans"].size() == orig["documents"][0]["spans"].size());
}

// brat's own example corpora (nlplab/brat, example-data/corpora/BioNLP-ST_2011/BioNLP-ST_2011_*,
// each with its annotation.conf), when a copy is at $GOLDSPAN_BRAT_EXAMPLES or
// GOLDSPAN_SOURCE_DIR/../shared/interop/brat/BioNLP-ST_2011; skipped otherwise. The counts are
// those of brat's files: no two * lines of a document share a member there, so lines = groups.
TEST_CASE("cli convert: brat's BioNLP-ST 2011 example corpora convert without --schema", "[cli][io]") {
  const char* env = std::getenv("GOLDSPAN_BRAT_EXAMPLES");
  const std::string root = env ? std::string(env) : kSource + "/../shared/interop/brat/BioNLP-ST_2011";
  if (!fs::is_directory(root)) {
    WARN(root + " not present: brat's example corpora not tried");
    return;
  }
  const std::pair<const char*, const char*> expected[] = {{"EPI", "25 equivalences (from 25 * lines"},
                                                          {"GE", "14 equivalences (from 14 * lines"},
                                                          {"ID", "36 equivalences (from 36 * lines"},
                                                          {"REL", "13 equivalences (from 13 * lines"}};
  for (const auto& [corpus, equivs] : expected) {
    INFO(corpus);
    const Run r = run("convert --from brat --to gold " + kTime + " " + root + "/BioNLP-ST_2011_" + corpus + " -");
    INFO(r.err);
    CHECK(r.code == 0);
    CHECK(r.err.find(equivs) != std::string::npos);
  }
}

// doccano's annotation page indexes JavaScript strings (UTF-16) unless the project's grapheme
// mode is on (doccano/doccano, frontend/pages/projects/_id/sequence-labeling/index.vue passes
// project.enableGraphemeMode); its backend stores code points. --utf16 writes the former.
TEST_CASE("cli convert: --to doccano --utf16 writes UTF-16 code unit offsets", "[cli][io]") {
  const Run cp = run("convert --from gold --to doccano " + kGold + " -");
  const Run u = run("convert --from gold --to doccano --utf16 " + kGold + " -");
  REQUIRE(cp.code == 0);
  REQUIRE(u.code == 0);
  CHECK(cp.err.find("warning: doccano: offsets in code points") != std::string::npos);
  CHECK(u.err.find("warning: doccano: offsets in UTF-16 code units") != std::string::npos);
  std::istringstream a(cp.out), b(u.out);
  size_t differ = 0, checked = 0;
  for (std::string la, lb; std::getline(a, la) && std::getline(b, lb);) {
    const json ja = json::parse(la), jb = json::parse(lb);
    const std::string text = ja["text"];
    // UTF-16 offset of each code point offset: astral characters (4 UTF-8 bytes) count 2.
    std::vector<size_t> u16{0};
    for (size_t i = 0; i < text.size();) {
      const unsigned char c = static_cast<unsigned char>(text[i]);
      const size_t n = c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
      u16.push_back(u16.back() + (n == 4 ? 2 : 1));
      i += n;
    }
    REQUIRE(ja["entities"].size() == jb["entities"].size());
    for (size_t k = 0; k < ja["entities"].size(); ++k) {
      const size_t s = ja["entities"][k]["start_offset"], e = ja["entities"][k]["end_offset"];
      CHECK(jb["entities"][k]["start_offset"] == u16[s]);
      CHECK(jb["entities"][k]["end_offset"] == u16[e]);
      differ += u16[e] != e;
      ++checked;
    }
  }
  CHECK(checked == 21);  // 20 spans, the discontinuous one as two entities
  CHECK(differ > 0);  // the multilingual sample has emoji and a flag before or in its spans
}

// Label Studio shows tasks through a labelling config whose tags name the result fields
// (labelstud.io/tags/labels, /tags/text: <Labels name="label" toName="text">, <Text name="text"
// value="$text">, as the tasks' from_name, to_name and data.text).
TEST_CASE("cli convert: --ls-config writes the Label Studio labelling config", "[cli][io]") {
  const std::string cfg = temp_dir() + "/ls.config.xml";
  const Run r = run("convert --from gold --to label-studio --ls-config " + cfg + " " + kGold + " -");
  REQUIRE(r.code == 0);
  const std::string x = goldspan::test::read_file(cfg).value();
  CHECK(x.find("<Labels name=\"label\" toName=\"text\">") != std::string::npos);
  CHECK(x.find("<Label value=\"PERSON\"") != std::string::npos);
  CHECK(x.find("<Text name=\"text\" value=\"$text\"/>") != std::string::npos);
  CHECK(x.find("<Relation value=\"claimant\"/>") != std::string::npos);
  const json tasks = json::parse(r.out);
  CHECK(tasks[0]["annotations"][0]["result"][0]["from_name"] == "label");
  CHECK(run("convert --from gold --to doccano --ls-config " + cfg + " " + kGold + " -").code == 2);
}

TEST_CASE("cli convert: every output format, and inputs txt, jsonl, doccano, label-studio", "[cli][io]") {
  for (const char* to : {"conll", "doccano", "label-studio", "prodigy", "w3c", "gold"}) {
    INFO(to);
    const Run r = run(std::string("convert --from gold --to ") + to + " " + kGold + " -");
    CHECK(r.code == 0);
    CHECK(!r.out.empty());
  }
  const std::string txt = run("convert --from txt --to gold --schema " + kSchema + " " + kTime + " " + kSource + "/assets/sample -").out;
  const json t = json::parse(txt);
  REQUIRE(t["documents"].size() == 3);
  CHECK(t["documents"][0]["id"] == "harbor-a");
  CHECK(t["documents"][0]["spans"].empty());
  const std::string jsonl = write_temp("c.jsonl", "{\"id\": \"x\", \"text\": \"Ines Oduya\"}\n");
  CHECK(json::parse(run("convert --from jsonl --to gold --schema " + kSchema + " " + jsonl + " -").out)["documents"][0]["text"] == "Ines Oduya");
  for (const char* fmt : {"doccano", "label-studio"}) {
    INFO(fmt);
    const std::string mid = temp_dir() + "/mid-" + fmt;
    REQUIRE(run(std::string("convert --from gold --to ") + fmt + " " + kGold + " " + mid).code == 0);
    const Run back = run(std::string("convert --from ") + fmt + " --to gold --schema " + kSchema + " " + mid + " -");
    REQUIRE(back.code == 0);
    CHECK(json::parse(back.out)["documents"][1]["spans"].size() == 4);
  }
}

TEST_CASE("cli convert: --from conll reads back what --to conll wrote; errors name file and line", "[cli][io][conll]") {
  const std::string conll = temp_dir() + "/samples.conll";
  REQUIRE(run("convert --from gold --to conll " + kGold + " " + conll).code == 0);
  const Run back = run("convert --from conll --to gold --schema " + kSchema + " " + kTime + " " + conll + " -");
  REQUIRE(back.code == 0);
  const json g = json::parse(back.out);
  REQUIRE(g["documents"].size() == gold_of(kGold)["documents"].size());
  CHECK(g["documents"][0]["id"] == "samples.conll-1");
  size_t spans = 0;
  for (const json& d : g["documents"]) spans += d["spans"].size();
  CHECK(spans > 5);
  const std::string bad = write_temp("bad.conll", "Ines _ _ B-PERSON\nOduya _ I-PERSON\n");
  const Run r = run("convert --from conll --to gold --schema " + kSchema + " " + bad + " -");
  CHECK(r.code == 1);
  CHECK(r.err.find("bad.conll: line 2: expected 4 columns (as on line 1), found 3") != std::string::npos);
  CHECK(run("convert --from conll --to gold " + bad + " -").code != 0);  // CoNLL carries no schema
}

TEST_CASE("cli convert: the Label Studio fixture is what the current writer writes", "[cli][io][label-studio]") {
  // Regenerate with: goldspan convert --from gold --to label-studio tests/io/fixtures/samples.gold.json
  //   tests/io/fixtures/samples.label-studio.json
  const Run r = run("convert --from gold --to label-studio " + kGold + " -");
  REQUIRE(r.code == 0);
  CHECK(r.out == goldspan::test::read_file(kSource + "/tests/io/fixtures/samples.label-studio.json").value());
}

TEST_CASE("cli convert: errors and usage", "[cli][io]") {
  json j = gold_of(kGold);
  j["documents"][0]["spans"][0]["end"] = 9999;
  const std::string bad = write_temp("bad-convert.json", j.dump());
  const Run r = run("convert --from gold --to brat " + bad + " " + temp_dir() + "/never");
  CHECK(r.code == 1);
  CHECK(r.err.find("documents[0].spans[0].end: 9999 is past the end of the text") != std::string::npos);
  CHECK(r.err.find("not converted") != std::string::npos);
  CHECK_FALSE(fs::exists(temp_dir() + "/never"));
  CHECK(run("convert --from gold --to docx " + kGold + " -").code == 2);
  CHECK(run("convert --from pdf --to gold " + kGold + " -").code == 2);
  CHECK(run("convert --from gold " + kGold + " -").code == 2);
  CHECK(run("convert --from gold --to gold --time yesterday " + kGold + " -").code == 2);
}

TEST_CASE("cli stats: per label, per document, per annotator", "[cli][io]") {
  const Run r = run("stats " + kGold);
  REQUIRE(r.code == 0);
  CHECK(r.out.find(kGold + ": 3 documents, 20 spans, 6 relations, 4 clusters (2 entity, 2 claim), 3 cluster links") == 0);
  CHECK(r.out.find("per annotator") != std::string::npos);
  CHECK(r.out.find("čeněk") != std::string::npos);
  const json s = json::parse(run("stats --json " + kGold).out);
  CHECK(s["labels"]["PERSON"] == 4);
  CHECK(s["labels"]["CLAIM"] == 6);
  CHECK(s["labels"]["EVENT"] == 1);
  CHECK(s["relation_types"]["claimant"] == 4);
  CHECK(s["link_types"]["refines"] == 0);
  CHECK(s["per_document"]["harbor-b"]["spans"] == 4);
  CHECK(s["per_annotator"]["bo"]["spans"] == 6);
  CHECK(s["per_annotator"]["ana"]["clusters"] == 4);
  CHECK(run("stats").code == 2);
  CHECK(run("stats /nonexistent.json").code == 1);
}

// brat events as claims (docs/formats.md, "Events as claims"): the PARC-style fixture brat to
// brat without --schema gives the same T and E lines; gold to brat with --brat-claims writes
// events; the option's errors.
TEST_CASE("cli convert: brat attribution events to claims and back", "[cli][io]") {
  const std::string parc = kSource + "/tests/io/fixtures/parc";
  const std::string out = temp_dir() + "/parc-out";
  const Run r = run("convert --from brat --to brat " + kTime + " " + parc + " " + out);
  REQUIRE(r.code == 0);
  CHECK(r.err.find("warning: brat: 3 events read as claims (Attribution:claimant=Source,content=Content,cue=trigger)") != std::string::npos);
  CHECK(r.err.find("warning: brat: 3 claims written as Attribution:claimant=Source,content=Content,cue=trigger events") != std::string::npos);
  auto te_lines = [](const std::string& ann) {
    std::istringstream in(ann);
    std::string keep;
    for (std::string l; std::getline(in, l);)
      if (!l.empty() && (l[0] == 'T' || l[0] == 'E' || l[0] == 'R')) keep += l + "\n";
    return keep;
  };
  const std::string original = goldspan::test::read_file(parc + "/harbour-attribution.ann").value();
  CHECK(te_lines(goldspan::test::read_file(out + "/harbour-attribution.ann").value()) == original);

  // To gold: the events are claimant and cue relations of claim spans.
  const Run g = run("convert --from brat --to gold " + kTime + " " + parc + " -");
  REQUIRE(g.code == 0);
  const json gold = json::parse(g.out);
  CHECK(gold["schema"]["claim_types"][0]["name"] == "Content");
  CHECK(gold["documents"][0]["relations"].size() == 7);

  // The shipped samples with --brat-claims: each claim with a claimant becomes an event.
  const std::string events = temp_dir() + "/samples-events";
  const Run s = run("convert --from gold --to brat --brat-claims Attribution:claimant=Source,content=Content,cue=Cue " + kGold + " " + events);
  REQUIRE(s.code == 0);
  CHECK(goldspan::test::read_file(events + "/harbor-a.ann").value().find("\tAttribution:T") != std::string::npos);
  const Run back = run("convert --from brat --to gold --schema " + kSchema + " " + kTime + " " + events + " -");
  REQUIRE(back.code == 0);
  const json orig = gold_of(kGold), again = json::parse(back.out);
  for (size_t d = 0; d < 3; ++d) CHECK(again["documents"][d]["relations"].size() == orig["documents"][d]["relations"].size());

  const Run bad = run("convert --from brat --to gold --brat-claims Attribution:claimant=Source " + parc + " -");
  CHECK(bad.code != 0);
  CHECK(bad.err.find("--brat-claims: Attribution: needs exactly one content=ROLE") != std::string::npos);
  const Run wrong = run("convert --from gold --to doccano --brat-claims Attribution:content=Content,cue=trigger " + kGold + " -");
  CHECK(wrong.code == 2);
  CHECK(wrong.err.find("--brat-claims goes with --from brat or --to brat") != std::string::npos);
}

TEST_CASE("cli convert: --from w3c reads its export back over the texts; --texts; located errors", "[cli][io][w3c]") {
  const std::string w3c = temp_dir() + "/samples.w3c.jsonld";
  REQUIRE(run("convert --from gold --to w3c " + kGold + " " + w3c).code == 0);
  const Run back = run("convert --from w3c --to gold --schema " + kSchema + " " + kTime + " --texts " + kSource + "/assets/sample " + w3c + " -");
  INFO(back.err);
  REQUIRE(back.code == 0);
  const json g = json::parse(back.out), a = gold_of(kGold);
  REQUIRE(g["documents"].size() == a["documents"].size());
  for (size_t d = 0; d < a["documents"].size(); ++d) {
    CHECK(g["documents"][d]["id"] == a["documents"][d]["id"]);
    CHECK(g["documents"][d]["spans"] == a["documents"][d]["spans"]);  // ids, offsets, annotators, times
    CHECK(g["documents"][d]["relations"] == a["documents"][d]["relations"]);
  }
  CHECK(g["clusters"] == a["clusters"]);
  CHECK(g["cluster_links"] == a["cluster_links"]);
  // Without --texts, the .txt files beside the W3C file, which has none of them here.
  const Run lost = run("convert --from w3c --to gold --schema " + kSchema + " " + w3c + " -");
  CHECK(lost.code == 1);
  CHECK(lost.err.find(w3c + ": first.items[0] (urn:goldspan:span:s4): target.source: no text for 'urn:goldspan:doc:harbor-a'") != std::string::npos);
  const Run no_schema = run("convert --from w3c --to gold " + w3c + " -");
  CHECK(no_schema.code == 2);
  CHECK(no_schema.err.find("--schema: is needed to read w3c") != std::string::npos);
  CHECK(run("convert --from gold --to gold --texts " + kSource + "/assets/sample " + kGold + " -").code == 2);
}

// The mapping in the schema ("brat": {"claim_events": [...]}): roles the default does not know
// (Speaker, Quote) read as claims and written back as the same events, with no --brat-claims;
// gold JSON carries the mapping with its schema, so gold to brat writes the events too.
TEST_CASE("cli convert: brat events mapped by the schema's brat field, in and out without an option", "[cli][io][events]") {
  std::string ann = goldspan::test::read_file(kSource + "/tests/io/fixtures/parc/harbour-attribution.ann").value();
  for (const auto& [from, to] : {std::make_pair(std::string("Source"), std::string("Speaker")), std::make_pair(std::string("Content"), std::string("Quote"))})
    for (size_t at = ann.find(from); at != std::string::npos; at = ann.find(from, at + to.size())) ann.replace(at, from.size(), to);
  const std::string dir = temp_dir() + "/parc-speaker";
  std::filesystem::create_directories(dir);
  std::ofstream(dir + "/harbour-attribution.ann", std::ios::binary) << ann;
  std::ofstream(dir + "/harbour-attribution.txt", std::ios::binary)
      << goldspan::test::read_file(kSource + "/tests/io/fixtures/parc/harbour-attribution.txt").value();
  const std::string schema = write_temp("speaker-schema.json", R"({"version": 1, "entity_types": [{"name": "Speaker", "color": "#000000"}],
    "claim_types": [{"name": "Quote", "color": "#000000"}], "cue_types": [{"name": "Attribution", "color": "#000000"}],
    "relation_types": [{"name": "claimant", "color": "#000000", "source": ["claim"], "target": ["Speaker"]},
                       {"name": "cue", "color": "#000000", "source": ["claim"], "target": ["cue"]}],
    "brat": {"claim_events": ["Attribution:claimant=Speaker,content=Quote,cue=trigger"]}})");
  const std::string gold = temp_dir() + "/parc-speaker.json";
  const Run in = run("convert --from brat --to gold --schema " + schema + " " + kTime + " " + dir + " " + gold);
  INFO(in.err);
  REQUIRE(in.code == 0);
  CHECK(in.err.find("warning: brat: 3 events read as claims (Attribution:claimant=Speaker,content=Quote,cue=trigger)") != std::string::npos);
  const json g = gold_of(gold);
  CHECK(g["documents"][0]["relations"].size() == 7);
  CHECK(g["schema"]["brat"]["claim_events"][0] == "Attribution:claimant=Speaker,content=Quote,cue=trigger");
  const std::string out = temp_dir() + "/parc-speaker-out";
  const Run back = run("convert --from gold --to brat " + gold + " " + out);
  REQUIRE(back.code == 0);
  std::istringstream lines(goldspan::test::read_file(out + "/harbour-attribution.ann").value());
  std::string te;
  for (std::string l; std::getline(lines, l);)
    if (!l.empty() && (l[0] == 'T' || l[0] == 'E' || l[0] == 'R')) te += l + "\n";
  CHECK(te == ann);
  // A mapping the schema cannot have is an error at its place, before anything is read.
  const std::string bad = write_temp("bad-schema.json", R"({"version": 1, "entity_types": [{"name": "Speaker", "color": "#000000"}],
    "brat": {"claim_events": ["Attribution:claimant=Speaker,content=Quote"]}})");
  const Run refused = run("convert --from brat --to gold --schema " + bad + " " + dir + " -");
  CHECK(refused.code != 0);
  CHECK(refused.err.find("brat.claim_events[0]: unknown relation type 'claimant' (not in relation_types)") != std::string::npos);
}

// docs/formats.md, "Interchange formats": "Every input format but gold and brat needs `--schema
// FILE`"; "Records from formats without annotators or times get `--annotator` (default
// `import`) and `--time` (default now)".
TEST_CASE("cli convert: --schema needed for every input but gold and brat; --annotator, --time default now", "[cli][io][docs]") {
  const std::string fx = kSource + "/tests/io/fixtures/";
  const std::string conll = write_temp("s.conll", "Ines _ _ B-PERSON\n");
  const std::string jsonl = write_temp("s.jsonl", "{\"id\": \"x\", \"text\": \"Ines\"}\n");
  const std::string prodigy = write_temp("s.prodigy.jsonl", "{\"text\": \"Ines\", \"answer\": \"accept\"}\n");
  for (const auto& [from, in] : {std::make_pair("txt", kSource + "/assets/sample"), std::make_pair("jsonl", jsonl), std::make_pair("conll", conll),
                                 std::make_pair("doccano", fx + "samples.doccano.jsonl"), std::make_pair("label-studio", fx + "samples.label-studio.json"),
                                 std::make_pair("prodigy", prodigy), std::make_pair("w3c", jsonl)}) {
    INFO(from);
    const Run r = run(std::string("convert --from ") + from + " --to gold " + in + " -");
    CHECK(r.code != 0);
    CHECK(r.err.find("--schema: is needed") != std::string::npos);
    CHECK(r.out.empty());
  }
  auto iso = [](std::time_t t) {
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", std::gmtime(&t));
    return std::string(buf);
  };
  const std::string before = iso(std::time(nullptr) - 1);
  const Run r = run("convert --from doccano --to gold --schema " + kSchema + " --annotator zoe " + fx + "samples.doccano.jsonl -");
  const std::string after = iso(std::time(nullptr) + 1);
  REQUIRE(r.code == 0);
  const json span = json::parse(r.out)["documents"][0]["spans"][0];
  CHECK(span["annotator"] == "zoe");
  CHECK(span["created"].get<std::string>() >= before);  // ISO 8601 strings of one form sort as times
  CHECK(span["created"].get<std::string>() <= after);
}

// docs/formats.md: brat import of "one `.ann`"; Prodigy import; Label Studio's "with
// `--predictions` the first prediction"; CoNLL "Entity spans by default (`--kinds entity,claim,cue`)".
TEST_CASE("cli convert: one .ann, --from prodigy, --predictions, --kinds", "[cli][io][docs]") {
  const std::string dir = temp_dir() + "/brat-one";
  REQUIRE(run("convert --from gold --to brat " + kGold + " " + dir).code == 0);
  const Run one = run("convert --from brat --to gold --schema " + kSchema + " " + kTime + " " + dir + "/harbor-b.ann -");
  REQUIRE(one.code == 0);
  const json b = json::parse(one.out);
  REQUIRE(b["documents"].size() == 1);
  CHECK(b["documents"][0]["id"] == "harbor-b");
  CHECK(b["documents"][0]["spans"].size() == gold_of(kGold)["documents"][1]["spans"].size());

  const std::string p = temp_dir() + "/samples.prodigy.jsonl";
  REQUIRE(run("convert --from gold --to prodigy " + kGold + " " + p).code == 0);
  const Run back = run("convert --from prodigy --to gold --schema " + kSchema + " " + kTime + " " + p + " -");
  REQUIRE(back.code == 0);
  CHECK(json::parse(back.out)["documents"][1]["spans"].size() == 4);

  const std::string task = write_temp("pred.json", R"([{"id": 7, "data": {"text": "Ines Oduya said"}, "annotations": [],
    "predictions": [{"result": [{"id": "a", "from_name": "label", "to_name": "text", "type": "labels",
      "value": {"start": 0, "end": 10, "labels": ["PERSON"]}}]}]}])");
  const Run plain = run("convert --from label-studio --to gold --schema " + kSchema + " " + task + " -");
  const Run pred = run("convert --from label-studio --to gold --predictions --schema " + kSchema + " " + task + " -");
  REQUIRE(plain.code == 0);
  REQUIRE(pred.code == 0);
  CHECK(json::parse(plain.out)["documents"][0]["spans"].empty());
  CHECK(json::parse(pred.out)["documents"][0]["spans"].size() == 1);

  const Run entities = run("convert --from gold --to conll " + kGold + " -");
  const Run claims = run("convert --from gold --to conll --kinds claim " + kGold + " -");
  REQUIRE(entities.code == 0);
  REQUIRE(claims.code == 0);
  CHECK(entities.out.find("B-PERSON") != std::string::npos);
  CHECK(entities.out.find("B-CLAIM") == std::string::npos);
  CHECK(claims.out.find("B-CLAIM") != std::string::npos);
  CHECK(claims.out.find("B-PERSON") == std::string::npos);
}
