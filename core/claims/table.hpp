#pragma once
// The claims table: what each source says. One row per group of claims that say the same
// thing — a claim cluster, or claims joined by "same"/"refines" links (transitively, through
// clusters too) — and one column per document. Each cell lists that document's claims of the
// row with their claimant, cue and stance. Rows joined by a "contradicts" (or "supports") link
// say so, which is the disagreement between the outlets at a glance.
//
// Built from a Corpus, so the page (web/app/claims_table.cpp) and `goldspan claims` show the
// same rows; written as CSV (RFC 4180), Markdown (GitHub tables) or JSON.
#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

#include "model/corpus.hpp"

namespace goldspan {

// Which schema names play which role. Names not in the schema are simply never matched.
struct ClaimsTableOptions {
  std::vector<std::string> join_links = {"same", "refines"};  // link types that put claims in one row
  std::string claimant_relation = "claimant";
  std::string cue_relation = "cue";
  std::string stance_attribute = "stance";
};

struct ClaimCell {
  SpanId span = 0;
  std::string text;                     // the claim's fragments, joined by " … "
  std::vector<std::string> claimants;   // texts of the claimant relation's targets, in span order
  std::vector<std::string> cues;
  std::string stance;                   // empty when unset
};

// A link from this row to another row of a type that does not join rows.
struct RowLink {
  std::string type;  // e.g. "contradicts"
  size_t row = 0;    // index into ClaimsTable::rows (may be this row: a link inside a group)
};

struct ClaimRow {
  std::string name;          // the cluster's name, else the first claim's text
  ClusterId cluster = 0;     // the lowest claim cluster in the row, 0 when none
  std::vector<std::vector<ClaimCell>> cells;  // [document] → claims, in text order
  std::vector<RowLink> links;                 // by type, then row; no repeats
  bool contradicted() const;                  // some link of type "contradicts"
};

struct ClaimsTable {
  std::vector<std::string> documents;  // column headers: document ids, corpus order
  std::vector<ClaimRow> rows;          // by the earliest claim (document, start, id)
};

ClaimsTable build_claims_table(const Corpus& corpus, const ClaimsTableOptions& options = {});

// One cell as one line of text: `“text” — claimant (cue; stance)`; several claims of one
// document are separated by newlines (CSV keeps them inside the quoted field; Markdown gets <br>).
std::string cell_text(const std::vector<ClaimCell>& cell);
// Columns: claim, one per document, links. Fields quoted when they hold `,` `"` or a line break.
std::string claims_csv(const ClaimsTable& table);
// A GitHub-flavoured Markdown table; `|` escaped, contradicted rows marked ⚠.
std::string claims_markdown(const ClaimsTable& table);
nlohmann::ordered_json claims_json(const ClaimsTable& table);

}  // namespace goldspan
