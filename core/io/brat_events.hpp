#pragma once
// brat events read as goldspan claims. The attribution corpora (PARC 3.0, PolNeAR) come as brat
// with a T span per role and one event per attribution:
//   T1<TAB>Source 0 10<TAB>Ines Oduya
//   T2<TAB>Attribution 11 15<TAB>said
//   T3<TAB>Content 16 30;35 50<TAB>...               (discontinuous content: fragments)
//   E1<TAB>Attribution:T2 Source:T1 Content:T3       TYPE:TRIGGER ROLE:ID ... (roles may be numbered: Source2)
// A mapping names the event type, the role whose span is the claim ("content") and, for each
// other role, the relation from the claim to that role's span; the role "trigger" stands for the
// event's trigger (in PARC the cue is the trigger). Written, for the CLI's --brat-claims:
//   Attribution:claimant=Source,content=Content,cue=trigger
// The entries' order is the order of the arguments on an exported event line.
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "io/export.hpp"
#include "model/schema.hpp"

namespace goldspan {

struct BratDocument;  // io/brat.hpp

struct BratClaimEvent {
  struct Entry {
    std::string relation;  // a relation type, or "content" for the claim itself
    std::string role;      // a brat role (matched without case or number suffix), or "trigger"
  };
  std::string event;           // brat event type, e.g. "Attribution"
  std::vector<Entry> entries;  // exactly one "content"; at most one role "trigger"

  const Entry& content() const;
  // The relation whose first span is the exported event's trigger: the entry with role "trigger",
  // else the first relation entry (its span is then also written as that role's argument).
  const Entry* trigger() const;
};

// "EVENT:REL=ROLE,...[;EVENT:...]". Throws Error("--brat-claims", ...) naming the problem.
std::vector<BratClaimEvent> parse_brat_claims(std::string_view spec);
std::string to_string(const BratClaimEvent& mapping);

// The mappings a schema gives in "brat": {"claim_events": [...]} (Schema::brat_claim_events).
// Throws Error naming brat.claim_events[i] when one is malformed beyond what the schema checks.
std::vector<BratClaimEvent> brat_claims_of(const Schema& schema);

// One brat event line, "TYPE:TRIGGER ROLE:ID ...", split; nullopt when malformed.
struct BratEventLine {
  std::string_view type, trigger;
  std::vector<std::pair<std::string_view, std::string_view>> args;  // (role as written, id)
};
std::optional<BratEventLine> parse_brat_event(std::string_view annotation);
// A role as written ("Source2") matches a mapping's role ("source"): case aside, number suffix aside.
bool brat_role_is(std::string_view written, std::string_view role);

// The mappings to read `documents` with: `given`, then the schema's (brat_claims_of) for event
// types `given` lacks, plus a default for every other event type in
// the files whose roles are all Source, Cue or Content (any case, numbered or not) with a
// Content: claimant=Source, content=Content, and cue=Cue when the events have a Cue role, else
// cue=trigger (the entries in the order of the type's first event). With a schema, a default
// needs a claim type and the relation types it names (`claimant`, `cue`) in it.
std::vector<BratClaimEvent> brat_claim_events(const std::vector<BratDocument>& documents, const std::vector<BratClaimEvent>& given,
                                              const Schema* schema);

// An inferred schema fitted to the mappings: the labels of content spans become claim types,
// those of triggers read as a relation's end cue types, and each mapped relation type is added
// (or widened) from the content labels to the labels seen at its role. A warning says what changed.
Schema with_brat_claims(const Schema& inferred, const std::vector<BratDocument>& documents,
                        const std::vector<BratClaimEvent>& mappings, Warnings& warnings);

}  // namespace goldspan
