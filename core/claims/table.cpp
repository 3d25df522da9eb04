#include "claims/table.hpp"

#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>
#include <numeric>
#include <optional>
#include <set>
#include <tuple>
#include <unordered_map>

// [SECTION] Grouping: union-find over claim spans
// [SECTION] Cells and row links
// [SECTION] Writers: CSV, Markdown, JSON

namespace goldspan {

namespace {

std::string text_of(const Corpus& c, const Span& s) {
  const Document& d = c.document(s.doc);
  std::string out;
  for (const Range& f : s.fragments) out += (out.empty() ? "" : " … ") + std::string(d.slice(f.start, f.end));
  return out;
}

// Disjoint sets over claim span ids (dense indices).
struct Groups {
  std::vector<size_t> parent;
  size_t find(size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
  }
  void join(size_t a, size_t b) { parent[find(a)] = find(b); }
};

}  // namespace

bool ClaimRow::contradicted() const {
  return std::any_of(links.begin(), links.end(), [](const RowLink& l) { return l.type == "contradicts"; });
}

ClaimsTable build_claims_table(const Corpus& corpus, const ClaimsTableOptions& o) {
  const Schema& schema = corpus.schema();
  ClaimsTable table;
  for (size_t d = 0; d < corpus.document_count(); ++d) table.documents.push_back(corpus.document(d).id());

  // Claims in text order: (document, start, id) of the first fragment.
  std::vector<const Span*> claims;
  for (size_t d = 0; d < corpus.document_count(); ++d)
    for (SpanId id : corpus.document_spans(d))
      if (const Span& s = corpus.span(id); corpus.type_of(s).kind == SpanKind::Claim) claims.push_back(&s);
  std::unordered_map<SpanId, size_t> dense;
  for (size_t i = 0; i < claims.size(); ++i) dense[claims[i]->id] = i;

  // A claim cluster stands for its members; an empty one joins nothing.
  Groups g{std::vector<size_t>(claims.size())};
  std::iota(g.parent.begin(), g.parent.end(), size_t(0));
  auto first_of = [&](Ref r) -> std::optional<size_t> {
    if (r.kind == Ref::Span) {
      const auto it = dense.find(r.id);
      return it == dense.end() ? std::nullopt : std::optional<size_t>(it->second);
    }
    const Cluster* c = corpus.find_cluster(r.id);
    if (!c || c->members.empty()) return std::nullopt;
    const auto it = dense.find(c->members.front());
    return it == dense.end() ? std::nullopt : std::optional<size_t>(it->second);
  };
  for (const auto& [id, c] : corpus.clusters())
    if (c.kind == SpanKind::Claim)
      for (SpanId m : c.members)
        if (dense.count(m) && dense.count(c.members.front())) g.join(dense[m], dense[c.members.front()]);
  std::set<int> joining;
  for (const std::string& name : o.join_links)
    if (int t = schema.link_type(name); t >= 0) joining.insert(t);
  for (const auto& [id, l] : corpus.links()) {
    if (!joining.count(l.type)) continue;
    const auto a = first_of(l.source), b = first_of(l.target);
    if (a && b) g.join(*a, *b);
  }

  // Rows in the order of their earliest claim; `claims` is already in that order.
  std::unordered_map<size_t, size_t> row_of_root;
  std::vector<size_t> row_of_claim(claims.size());
  for (size_t i = 0; i < claims.size(); ++i) {
    const size_t root = g.find(i);
    auto [it, fresh] = row_of_root.emplace(root, table.rows.size());
    if (fresh) {
      ClaimRow row;
      row.cells.resize(corpus.document_count());
      table.rows.push_back(std::move(row));
    }
    row_of_claim[i] = it->second;
  }

  const int claimant = schema.relation_type(o.claimant_relation), cue = schema.relation_type(o.cue_relation);
  for (size_t i = 0; i < claims.size(); ++i) {
    const Span& s = *claims[i];
    ClaimRow& row = table.rows[row_of_claim[i]];
    ClaimCell cell;
    cell.span = s.id;
    cell.text = text_of(corpus, s);
    if (const std::string* v = corpus.attribute(s, o.stance_attribute)) cell.stance = *v;
    // Relation targets in text order, so a cell reads the same whichever was linked first.
    std::vector<std::pair<std::tuple<uint32_t, uint32_t, SpanId>, std::pair<int, std::string>>> ends;
    for (RelationId rid : corpus.relations_of(s.id)) {
      const Relation& r = *corpus.find_relation(rid);
      if (r.source != s.id || (int(r.type) != claimant && int(r.type) != cue)) continue;
      const Span& t = corpus.span(r.target);
      ends.push_back({{t.doc, t.fragments[0].start, t.id}, {r.type, text_of(corpus, t)}});
    }
    std::sort(ends.begin(), ends.end());
    for (auto& [key, e] : ends) (e.first == claimant ? cell.claimants : cell.cues).push_back(std::move(e.second));
    if (const ClusterId c = corpus.cluster_of(s.id); c && (!row.cluster || c < row.cluster)) {
      row.cluster = c;
      row.name = corpus.find_cluster(c)->name;
    }
    if (row.name.empty()) row.name = cell.text;
    row.cells[s.doc].push_back(std::move(cell));
  }

  // Links that do not join rows are shown on both rows they connect.
  std::set<std::tuple<size_t, std::string, size_t>> seen;
  for (const auto& [id, l] : corpus.links()) {
    if (joining.count(l.type)) continue;
    const auto a = first_of(l.source), b = first_of(l.target);
    if (!a || !b) continue;
    const size_t ra = row_of_claim[*a], rb = row_of_claim[*b];
    const std::string& type = schema.link_types()[l.type].name;
    seen.insert({ra, type, rb});
    seen.insert({rb, type, ra});
  }
  for (const auto& [from, type, to] : seen) table.rows[from].links.push_back({type, to});
  return table;
}

// [SECTION] Writers
std::string cell_text(const std::vector<ClaimCell>& cell) {
  std::string out;
  for (const ClaimCell& c : cell) {
    if (!out.empty()) out += '\n';
    out += "\u201c" + c.text + "\u201d";
    std::string who;
    for (const std::string& n : c.claimants) who += (who.empty() ? "" : ", ") + n;
    if (!who.empty()) out += " \u2014 " + who;
    std::string how;
    for (const std::string& n : c.cues) how += (how.empty() ? "" : ", ") + n;
    if (!c.stance.empty()) how += (how.empty() ? "" : "; ") + c.stance;
    if (!how.empty()) out += " (" + how + ")";
  }
  return out;
}

namespace {

std::string links_text(const ClaimsTable& t, const ClaimRow& row) {
  std::string out;
  for (const RowLink& l : row.links) out += (out.empty() ? "" : "; ") + l.type + " " + std::to_string(l.row + 1);
  return out;
}

std::string csv_field(const std::string& s) {
  if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
  std::string out = "\"";
  for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string md_field(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '|') out += "\\|";
    else if (c == '\n') out += "<br>";
    else if (c != '\r') out += c;
  }
  return out;
}

}  // namespace

std::string claims_csv(const ClaimsTable& t) {
  std::string out = "row,claim";
  for (const std::string& d : t.documents) out += "," + csv_field(d);
  out += ",links\r\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const ClaimRow& row = t.rows[r];
    out += std::to_string(r + 1) + "," + csv_field(row.name);
    for (const auto& cell : row.cells) out += "," + csv_field(cell_text(cell));
    out += "," + csv_field(links_text(t, row)) + "\r\n";
  }
  return out;
}

std::string claims_markdown(const ClaimsTable& t) {
  std::string out = "| # | claim |";
  for (const std::string& d : t.documents) out += " " + md_field(d) + " |";
  out += " links |\n|---|---|";
  for (size_t i = 0; i < t.documents.size(); ++i) out += "---|";
  out += "---|\n";
  for (size_t r = 0; r < t.rows.size(); ++r) {
    const ClaimRow& row = t.rows[r];
    out += "| " + std::to_string(r + 1) + (row.contradicted() ? " \u26a0" : "") + " | " + md_field(row.name) + " |";
    for (const auto& cell : row.cells) out += " " + md_field(cell_text(cell)) + " |";
    out += " " + md_field(links_text(t, row)) + " |\n";
  }
  return out;
}

nlohmann::ordered_json claims_json(const ClaimsTable& t) {
  using ojson = nlohmann::ordered_json;
  ojson rows = ojson::array();
  for (const ClaimRow& row : t.rows) {
    ojson cells = ojson::object();
    for (size_t d = 0; d < row.cells.size(); ++d) {
      ojson list = ojson::array();
      for (const ClaimCell& c : row.cells[d])
        list.push_back({{"span", format_id('s', c.span)}, {"text", c.text}, {"claimants", c.claimants}, {"cues", c.cues},
                        {"stance", c.stance.empty() ? ojson() : ojson(c.stance)}});
      if (!list.empty()) cells[t.documents[d]] = std::move(list);
    }
    ojson links = ojson::array();
    for (const RowLink& l : row.links) links.push_back({{"type", l.type}, {"row", l.row}});
    rows.push_back({{"name", row.name}, {"cluster", row.cluster ? ojson(format_id('c', row.cluster)) : ojson()},
                    {"contradicted", row.contradicted()}, {"cells", std::move(cells)}, {"links", std::move(links)}});
  }
  return {{"documents", t.documents}, {"rows", std::move(rows)}};
}

}  // namespace goldspan
