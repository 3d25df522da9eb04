#pragma once
// Shared setup for the import/export tests: the shipped samples with a realistic set of
// annotations (entities, claims, cues, a discontinuous span, relations, clusters across
// documents, claim links), and random multilingual corpora for the round-trip property.
#include <random>
#include <regex>
#include <string>
#include <vector>

#include "io/gold_json.hpp"
#include "io/import.hpp"
#include "model/model_support.hpp"

namespace goldspan::test {

inline const char* kFixedTime = "2024-01-01T00:00:00.000Z";

inline GoldWriteOptions fixed_options(bool utf16 = false) {
  GoldWriteOptions o;
  o.exported_at = kFixedTime;
  o.tool_version = "test";
  o.utf16_offsets = utf16;
  return o;
}

inline std::string fixtures_dir() { return std::string(GOLDSPAN_SOURCE_DIR) + "/tests/io/fixtures"; }

// Annotates the three samples through the model API, as an annotator would.
inline void annotate_samples(Fixture& f) {
  History& h = f.history;
  const SpanId ines = f.add("PERSON", "Ines Oduya");
  const SpanId kestrel = f.add("ORGANIZATION", "Kestrel Logistics");
  f.add("LOCATION", "Port of Valmora");
  f.add("DATE", "Saturday night");
  const SpanId tomas = f.add("PERSON", "Tomas Brandt");
  const SpanId kestrel2 = f.add("ORGANIZATION", "Kestrel Logistics", 0, 1);
  f.add("QUANTITY", "14 workers");
  const SpanId claim1 = f.add("CLAIM", "The sprinklers failed in the east wing");
  h.run<SetAttribute>(claim1, "stance", "asserted");
  h.run<SetAttribute>(claim1, "check_worthy", "yes");
  const SpanId said = f.add("CUE", "said", 0, 0);
  h.run<AddRelation>("claimant", claim1, ines);
  h.run<AddRelation>("cue", claim1, said);
  // A discontinuous claim: "Kestrel Logistics denied ... at fault".
  const Range a = f.find("Kestrel Logistics denied"), b = f.find("were at fault");
  h.set_annotator("bo");
  const SpanId claim2 = h.run<AddSpan>("harbor-a", "CLAIM", std::vector<Range>{a, b}).id();
  h.run<SetAttribute>(claim2, "stance", "denied");
  h.run<AddRelation>("claimant", claim2, kestrel2);
  h.run<AddRelation>("about", claim2, kestrel);
  h.run<AddRelation>("claimant", f.add("CLAIM", "the fire began in a neighbouring shed"), tomas);

  // harbor-b
  const SpanId ines_b = f.add("PERSON", "Ines Oduya", 1);
  const SpanId kestrel_b = f.add("ORGANIZATION", "Kestrel Logistics", 1);
  const SpanId claim_b = f.add("CLAIM", "Two people were treated in hospital for smoke inhalation", 1);
  h.run<SetAttribute>(claim_b, "stance", "reported");
  const SpanId claim_b2 = f.add("CLAIM", "blamed faulty sprinklers", 1);
  h.run<AddRelation>("claimant", claim_b2, ines_b);

  // multilingual: Cyrillic name, an emoji with ZWJ, a flag, CJK.
  h.set_annotator("čeněk");
  const SpanId ines_ru = f.add("PERSON", "Инес Одуя", 2);
  f.add("LOCATION", "Valmora", 2);
  h.run<AddSpan>("multilingual", "EVENT", std::vector<Range>{f.find("👨‍👩‍👧", 2)}, EdgeMode::Character);
  f.add("LOCATION", "🇰🇬", 2);
  f.add("CLAIM", "十四名工人已被疏散", 2);

  h.set_annotator("ana");
  const ClusterId ines_c = h.run<CreateCluster>(SpanKind::Entity, "Ines Oduya").id();
  for (SpanId s : {ines, ines_b, ines_ru}) h.run<AddMember>(ines_c, s);
  const ClusterId kestrel_c = h.run<CreateCluster>(SpanKind::Entity, "Kestrel \"KL\" Logistics").id();
  for (SpanId s : {kestrel, kestrel2, kestrel_b}) h.run<AddMember>(kestrel_c, s);
  const ClusterId injured = h.run<CreateCluster>(SpanKind::Claim, "Were workers injured?").id();
  h.run<AddMember>(injured, claim_b);
  const ClusterId sprinklers = h.run<CreateCluster>(SpanKind::Claim, "Sprinklers failed").id();
  h.run<AddMember>(sprinklers, claim1);
  h.run<AddMember>(sprinklers, claim_b2);
  h.run<AddLink>("same", Ref{Ref::Cluster, sprinklers}, Ref{Ref::Span, claim2});
  h.run<AddLink>("contradicts", Ref{Ref::Span, claim_b}, Ref{Ref::Cluster, injured});
  h.run<AddLink>("supports", Ref{Ref::Cluster, sprinklers}, Ref{Ref::Cluster, injured});
}

// canonical_dump without the spans' "modified" times, which the gold format does not carry.
inline std::string dump_without_modified(const Corpus& c) {
  static const std::regex modified(",\"modified\":-?[0-9]+");
  return std::regex_replace(c.canonical_dump(), modified, "");
}

// A corpus of its own over given documents (the state a reader of a file starts from).
struct Blank {
  Tokenizer tok;
  Corpus corpus;
  History history;
  explicit Blank(const Schema& schema = default_schema()) : tok(schema.locale()), corpus(schema), history(corpus) {
    history.set_annotator("importer");
    history.set_clock([] { return int64_t(1800000000000); });
  }
};

// [SECTION] Random multilingual corpora
inline std::string random_text(std::mt19937_64& rng, size_t pieces) {
  static const char* kPieces[] = {
      "Askar", "Akayev", "said", "the", "port", "fire", "14", "€4.5", "million", ".", ",", "\"", "—",
      "Инес", "Одуя", "заявила", "Η", "πυρκαγιά", "قالت", "مديرة", "מנהלת", "港口主管表示", "十四名工人", "港湾局長は",
      "ผู้อำนวยการท่าเรือ", "बंदरगाह", "की", "café", "cafe\xCC\x81", "👨‍👩‍👧", "🇰🇬", "👍🏽", "🚢", "a\\b", "tab\there",
      "x\x01y", "e\xCC\x81\xCC\x81", "\xEF\xBC\x81", "𝔘𝔫𝔦", "ﬁ", "İ"};
  static const char* kGaps[] = {" ", " ", " ", "  ", "\n", "\n\n", "\r\n", "\t", "\xC2\xA0", ""};
  std::string t;
  for (size_t i = 0; i < pieces; ++i) {
    t += kPieces[rng() % (sizeof kPieces / sizeof *kPieces)];
    t += kGaps[rng() % (sizeof kGaps / sizeof *kGaps)];
  }
  return t;
}

// Random annotations through the model API: spans in token and character mode (some
// discontinuous, some nested), attributes, relations, clusters, claim links, several
// annotators. With `removals`, some edits are removed or undone, which leaves gaps in the ids.
inline void random_annotations(History& h, std::mt19937_64& rng, int steps, bool removals) {
  const Corpus& c = h.corpus();
  const Schema& s = c.schema();
  auto pick = [&](size_t n) { return size_t(rng() % n); };
  const char* annotators[] = {"ana", "bo", "čeněk", ""};
  auto try_run = [&](std::unique_ptr<Command> cmd) {
    try {
      h.execute(std::move(cmd));
    } catch (const Error&) {
    }
  };
  for (int step = 0; step < steps; ++step) {
    h.set_annotator(annotators[pick(4)]);
    const size_t doc = pick(c.document_count());
    const Document& d = c.document(doc);
    const int r = int(pick(100));
    const std::vector<SpanId> ids = c.span_ids();
    if (r < 45 || ids.size() < 4) {
      if (d.tokens().empty()) continue;
      std::vector<Range> frags;
      const size_t n = pick(5) ? 1 : 2 + pick(2);
      for (size_t i = 0; i < n; ++i) {
        if (pick(2)) {
          const size_t t = pick(d.tokens().size());
          frags.push_back(Range{d.tokens()[t].start, d.tokens()[std::min(d.tokens().size() - 1, t + pick(4))].end});
        } else {
          const uint32_t a = uint32_t(pick(d.length()));
          frags.push_back(Range{a, std::min(d.length(), a + 1 + uint32_t(pick(12)))});
        }
      }
      const auto& types = s.span_types();
      try_run(std::make_unique<AddSpan>(d.id(), types[pick(types.size())].name, frags, pick(3) ? EdgeMode::Token : EdgeMode::Character));
      continue;
    }
    const SpanId span = ids[pick(ids.size())];
    const Span& sp = c.span(span);
    if (r < 55) {
      const SpanType& t = c.type_of(sp);
      if (t.attributes.empty()) continue;
      const AttributeDef& a = t.attributes[pick(t.attributes.size())];
      try_run(std::make_unique<SetAttribute>(span, a.name, a.values[pick(a.values.size())]));
    } else if (r < 70) {
      const std::vector<SpanId> same = c.document_spans(sp.doc);
      const auto& types = s.relation_types();
      try_run(std::make_unique<AddRelation>(types[pick(types.size())].name, span, same[pick(same.size())]));
    } else if (r < 76) {
      try_run(std::make_unique<CreateCluster>(pick(2) ? SpanKind::Entity : SpanKind::Claim, "cluster \"" + std::to_string(pick(9)) + "\" ✓"));
    } else if (r < 86 && !c.clusters().empty()) {
      auto it = c.clusters().begin();
      std::advance(it, pick(c.clusters().size()));
      try_run(std::make_unique<AddMember>(it->first, span));
    } else if (r < 94) {
      std::vector<Ref> ends;
      for (SpanId id : ids)
        if (c.type_of(c.span(id)).kind == SpanKind::Claim) ends.push_back(Ref{Ref::Span, id});
      for (const auto& [id, cl] : c.clusters())
        if (cl.kind == SpanKind::Claim) ends.push_back(Ref{Ref::Cluster, id});
      if (ends.size() < 2) continue;
      const auto& types = s.link_types();
      try_run(std::make_unique<AddLink>(types[pick(types.size())].name, ends[pick(ends.size())], ends[pick(ends.size())]));
    } else if (removals) {
      if (r < 97) try_run(std::make_unique<RemoveSpan>(span));
      else if (h.can_undo()) h.undo();
    }
  }
}

}  // namespace goldspan::test
