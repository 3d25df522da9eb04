// The Agreement window (agreement_view.hpp): figures, the pair's label confusion heatmap, the
// spans behind a cell, and a jump to one of them in the canvas.
//
// [SECTION] Measuring   — reading the files, the report, the chosen pair and cell
// [SECTION] Drawing     — the figures' tables (spans, tokens, relations, attributes, clusters,
//                         per document), the heatmap, the list of spans
#include "app/agreement_view.hpp"

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "app/app.hpp"
#include "error.hpp"
#include "io/gold_json.hpp"
#include "text/tokenizer.hpp"
#include "text/visual_order.hpp"

namespace goldspan::ui {

namespace {

// "0.8123", or "n/a" for the report's null (0/0, see docs/agreement.md "Undefined values").
std::string fixed(const nlohmann::ordered_json& v) {
  if (!v.is_number()) return "n/a";
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.4f", v.get<double>());
  return buf;
}

}  // namespace

// [SECTION] Measuring

std::vector<std::string> AgreementView::measure(const std::vector<NamedFile>& files, const std::vector<std::string>& names) {
  std::vector<std::string> errors;
  if (files.size() < 2) {
    errors.push_back("Agreement: choose two or more annotators' gold JSON files of the same documents");
    return errors;
  }
  std::vector<AgreeFile> all;
  for (size_t f = 0; f < files.size(); ++f) {
    // As `goldspan agree` reads a file: against its own schema, tokenized for its locale, so
    // the figures do not depend on the session's schema or what is open.
    Tokenizer tok(gold_schema_locale(files[f].bytes));
    GoldImport in = parse_gold(files[f].bytes, files[f].name, nullptr, tok);
    errors.insert(errors.end(), in.errors.begin(), in.errors.end());
    all.push_back(agree_file(std::move(in), files[f].name, names[f]));
  }
  if (!errors.empty()) return errors;
  nlohmann::ordered_json figures;
  try {
    check_same_documents(all);
    figures = agree_json(all, true, true);
  } catch (const Error& e) {
    errors.push_back(e.what());
    return errors;
  }
  files_ = std::move(all);
  names_ = names;
  figures_ = std::move(figures);
  open_ = true;
  pair_ = 0;
  refresh_pair();
  return errors;
}

void AgreementView::set_pair(size_t pair) {
  if (!active() || pair >= figures_["pairs"].size() || pair == pair_) return;
  pair_ = pair;
  refresh_pair();
}

void AgreementView::refresh_pair() {
  // The pairs run (0,1), (0,2), ..., (1,2), ... as in the report.
  for (size_t i = 0, k = 0; i < files_.size(); ++i)
    for (size_t j = i + 1; j < files_.size(); ++j, ++k)
      if (k == pair_) pair_a_ = i, pair_b_ = j;
  labels_ = figures_["pairs"][pair_]["confusion"]["labels"].get<std::vector<std::string>>();
  confused_ = confused_spans(files_[pair_a_], files_[pair_b_]);
  cells_.clear();
  items_.clear();
  row_ = col_ = -1;
}

void AgreementView::choose_cell(size_t row, size_t col) {
  const size_t none = labels_.size();
  auto index = [&](const std::optional<AgreeSpan>& s) {
    return s ? size_t(std::lower_bound(labels_.begin(), labels_.end(), s->label) - labels_.begin()) : none;
  };
  row_ = int(row);
  col_ = int(col);
  items_.clear();
  const AgreeFile& a = files_[pair_a_];
  for (const ConfusedSpans& c : confused_) {
    if (index(c.a) != row || index(c.b) != col) continue;
    const AgreeSpan& any = c.a ? *c.a : *c.b;
    Item it;
    it.doc = any.doc;
    it.label_a = c.a ? c.a->label : "";
    it.label_b = c.b ? c.b->label : "";
    it.start = std::min(c.a ? c.a->start : any.start, c.b ? c.b->start : any.start);
    it.end = std::max(c.a ? c.a->end : any.end, c.b ? c.b->end : any.end);
    // Both files have the document (confused_spans keeps only those), with the same text.
    it.text = std::string(a.import.documents[a.doc_index.at(it.doc)]->slice(it.start, it.end));
    items_.push_back(std::move(it));
  }
  // Document order of A's file, then by position.
  std::sort(items_.begin(), items_.end(), [&](const Item& x, const Item& y) {
    const size_t dx = a.doc_index.at(x.doc), dy = a.doc_index.at(y.doc);
    return dx != dy ? dx < dy : x.start != y.start ? x.start < y.start : x.end < y.end;
  });
}

bool AgreementView::show_item(App& app, size_t i) {
  if (i >= items_.size()) return false;
  const Item& it = items_[i];
  const ptrdiff_t d = app.corpus().find_document(it.doc);
  const AgreeFile& a = files_[pair_a_];
  // Offsets are the file's: only a document open with that very text can show them.
  if (d < 0 || app.corpus().document(size_t(d)).text() != a.import.documents[a.doc_index.at(it.doc)]->text()) {
    app.show_status("Agreement: document '" + it.doc + "' is not open" + (d < 0 ? "" : " with this text") +
                    ": open it (File > Open files…) to see it in the canvas");
    return false;
  }
  app.select(size_t(d), it.start, it.end);
  return true;
}

// [SECTION] Drawing

void AgreementView::draw(App& app) {
  controls_.clear();
  if (!is_open()) {
    cells_.clear();
    return;
  }
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowSize(ImVec2(vp->WorkSize.x * 0.48f, vp->WorkSize.y * 0.85f), ImGuiCond_FirstUseEver);
  ImGui::SetNextWindowPos(ImVec2(vp->WorkPos.x + vp->WorkSize.x * 0.5f, vp->WorkPos.y + vp->WorkSize.y * 0.05f), ImGuiCond_FirstUseEver);
  // No focus on appearing: the canvas keeps the keys.
  if (!ImGui::Begin("Agreement", &open_, ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoCollapse | ImGuiWindowFlags_NoFocusOnAppearing |
                                           ImGuiWindowFlags_HorizontalScrollbar)) {
    ImGui::End();
    cells_.clear();
    return;
  }
  std::string who;
  for (size_t f = 0; f < names_.size(); ++f) who += (f ? ", " : "") + names_[f];
  ImGui::TextWrapped("%zu annotators: %s", names_.size(), display_order(who).c_str());
  if (files_.size() > 2) {
    const auto& pairs = figures_["pairs"];
    auto pair_name = [&](size_t k) { return pairs[k]["a"].get<std::string>() + " / " + pairs[k]["b"].get<std::string>(); };
    ImGui::SetNextItemWidth(ImGui::GetFontSize() * 16);
    if (ImGui::BeginCombo("pair", display_order(pair_name(pair_)).c_str())) {
      for (size_t k = 0; k < pairs.size(); ++k)
        if (ImGui::Selectable(display_order(pair_name(k)).c_str(), k == pair_)) set_pair(k);
      ImGui::EndCombo();
    }
    controls_.note("pair");
  }
  draw_figures();
  draw_heatmap();
  draw_items(app);
  ImGui::End();
}

void AgreementView::draw_figures() {
  const auto& p = figures_["pairs"][pair_];
  ImGui::Text("Spans, %s (A) / %s (B): P = matched / spans of B, R = matched / spans of A",
              display_order(names_[pair_a_]).c_str(), display_order(names_[pair_b_]).c_str());
  const char* head[] = {"match", "spans A", "spans B", "matched", "P", "R", "F1", "macro F1"};
  auto row = [](const std::string& first, const nlohmann::ordered_json& c, bool macro) {
    ImGui::TableNextRow();
    ImGui::TableNextColumn();
    ImGui::TextUnformatted(first.c_str());
    for (const char* k : {"spans_a", "spans_b", "matched"}) {
      ImGui::TableNextColumn();
      ImGui::Text("%zu", c[k].get<size_t>());
    }
    for (const char* k : {"precision", "recall", "f1"}) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(fixed(c[k]).c_str());
    }
    if (macro) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(fixed(c["macro"]["f1"]).c_str());
    }
  };
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("##spans", 8, flags)) {
    for (const char* h : head) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    for (const char* m : {"exact", "overlap"}) row(m, p[m], true);
    ImGui::EndTable();
  }
  if (ImGui::TreeNode("Per label")) {
    if (ImGui::BeginTable("##labels", 7, flags)) {
      ImGui::TableSetupColumn("label / match");
      for (size_t h = 1; h < 7; ++h) ImGui::TableSetupColumn(head[h]);
      ImGui::TableHeadersRow();
      for (const char* m : {"exact", "overlap"})
        for (auto it = p[m]["per_label"].begin(); it != p[m]["per_label"].end(); ++it)
          row(display_order(it.key()) + " " + m, it.value(), false);
      ImGui::EndTable();
    }
    ImGui::TreePop();
  }
  const auto& t = figures_["tokens"];
  const auto& u = figures_["unitizing"];
  std::string cohen = "n/a";
  for (const auto& k : t["cohen_kappa"])
    if (k["a"] == p["a"] && k["b"] == p["b"]) cohen = fixed(k["value"]);
  if (ImGui::BeginTable("##coefficients", 3, flags)) {
    ImGui::TableSetupColumn("coefficient");
    ImGui::TableSetupColumn("annotators");
    ImGui::TableSetupColumn("value");
    ImGui::TableHeadersRow();
    auto line = [](const char* what, const char* who, const std::string& v) {
      ImGui::TableNextRow();
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(what);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(who);
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(v.c_str());
    };
    line("Cohen's kappa (tokens)", "A / B", cohen);
    line("Fleiss' kappa (tokens)", "all", fixed(t["fleiss_kappa"]["value"]));
    line("Krippendorff's alpha (tokens, nominal)", "all", fixed(t["krippendorff_alpha_nominal"]["value"]));
    line("unitizing alpha_U (code points)", "all", fixed(u["alpha"]));
    ImGui::EndTable();
  }
  ImGui::TextDisabled("%zu tokens; alpha_U over the %zu documents every file has", t["tokens"].get<size_t>(),
                      u["documents"].get<size_t>());
  draw_structure(p);
  draw_documents(p);
}

// Relations (claimant, cue, about …: F1 over matched ends), claim attributes (stance …) and
// clusters (within and across documents) of the pair, each shown only when someone made them.
void AgreementView::draw_structure(const nlohmann::ordered_json& p) {
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  auto cells = [](std::initializer_list<std::string> v) {
    ImGui::TableNextRow();
    for (const std::string& c : v) {
      ImGui::TableNextColumn();
      ImGui::TextUnformatted(c.c_str());
    }
  };
  auto count = [](const nlohmann::ordered_json& v) { return std::to_string(v.get<size_t>()); };
  if (p.contains("relations") && ImGui::TreeNodeEx("Relations (ends matched by overlap)", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (ImGui::BeginTable("##relations", 7, flags)) {
      for (const char* h : {"type", "A", "B", "matched", "P", "R", "F1"}) ImGui::TableSetupColumn(h);
      ImGui::TableHeadersRow();
      auto row = [&](const std::string& name, const nlohmann::ordered_json& c) {
        cells({name, count(c["spans_a"]), count(c["spans_b"]), count(c["matched"]), fixed(c["precision"]), fixed(c["recall"]), fixed(c["f1"])});
      };
      row("all", p["relations"]);
      if (p["relations"].contains("per_label"))
        for (auto it = p["relations"]["per_label"].begin(); it != p["relations"]["per_label"].end(); ++it)
        row(display_order(it.key()), it.value());
      ImGui::EndTable();
    }
    ImGui::TreePop();
  }
  if (p.contains("attributes") && !p["attributes"].empty() && ImGui::TreeNodeEx("Claim attributes (spans both marked)", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (ImGui::BeginTable("##attributes", 4, flags)) {
      for (const char* h : {"attribute", "pairs", "equal", "Cohen's kappa"}) ImGui::TableSetupColumn(h);
      ImGui::TableHeadersRow();
      for (auto it = p["attributes"].begin(); it != p["attributes"].end(); ++it)
        cells({display_order(it.key()), count(it.value()["pairs"]), count(it.value()["equal"]), fixed(it.value()["cohen_kappa"])});
      ImGui::EndTable();
    }
    ImGui::TreePop();
  }
  if (p.contains("clusters") && !p["clusters"].empty() && ImGui::TreeNodeEx("Clusters (F1; A is the key)", ImGuiTreeNodeFlags_DefaultOpen)) {
    if (ImGui::BeginTable("##clusters", 7, flags)) {
      for (const char* h : {"kind", "MUC", "B3", "CEAF-e", "CEAF-m", "BLANC", "CoNLL"}) ImGui::TableSetupColumn(h);
      ImGui::TableHeadersRow();
      for (auto it = p["clusters"].begin(); it != p["clusters"].end(); ++it) {
        const auto& c = it.value();
        cells({it.key(), fixed(c["muc"]["f1"]), fixed(c["b_cubed"]["f1"]), fixed(c["ceaf_e"]["f1"]), fixed(c["ceaf_m"]["f1"]),
               fixed(c["blanc"]["f1"]), fixed(c["conll_f1"])});
      }
      ImGui::EndTable();
    }
    ImGui::TreePop();
  }
}

// Each document's span F1 for the pair and its token and unitizing coefficients, so that the
// document where annotators part ways is found at a glance.
void AgreementView::draw_documents(const nlohmann::ordered_json& p) {
  if (!p.contains("per_document") || !ImGui::TreeNode("Per document")) return;
  const auto& tokens = figures_["tokens"]["per_document"];
  const auto& units = figures_["unitizing"]["per_document"];
  const ImGuiTableFlags flags = ImGuiTableFlags_Borders | ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingFixedFit;
  if (ImGui::BeginTable("##documents", 6, flags)) {
    for (const char* h : {"document", "F1 exact", "F1 overlap", "Cohen's kappa", "Fleiss' kappa", "alpha_U"}) ImGui::TableSetupColumn(h);
    ImGui::TableHeadersRow();
    const auto& pr = figures_["pairs"][pair_];
    for (auto it = p["per_document"].begin(); it != p["per_document"].end(); ++it) {
      const std::string& id = it.key();
      std::string cohen = "n/a", fleiss = "n/a", alpha = "n/a";
      if (tokens.contains(id)) {
        for (const auto& k : tokens[id]["cohen_kappa"])
          if (k["a"] == pr["a"] && k["b"] == pr["b"]) cohen = fixed(k["value"]);
        fleiss = fixed(tokens[id]["fleiss_kappa"]["value"]);
      }
      if (units.contains(id)) alpha = fixed(units[id]["alpha"]);
      for (const std::string& c : {display_order(id), fixed(it.value()["exact"]["f1"]), fixed(it.value()["overlap"]["f1"]), cohen, fleiss, alpha}) {
        ImGui::TableNextColumn();
        ImGui::TextUnformatted(c.c_str());
      }
    }
    ImGui::EndTable();
  }
  ImGui::TreePop();
}

void AgreementView::draw_heatmap() {
  const auto& c = figures_["pairs"][pair_]["confusion"];
  const size_t n = labels_.size();
  auto count = [&](size_t r, size_t k) -> size_t {
    if (r < n && k < n) return c["counts"][r][k].get<size_t>();
    if (r < n) return c["only_a"][r].get<size_t>();
    if (k < n) return c["only_b"][k].get<size_t>();
    return 0;
  };
  auto name = [&](size_t i) { return i < n ? display_order(labels_[i]) : std::string("none"); };
  ImGui::Spacing();
  ImGui::Text("Label confusion over overlap-paired spans (rows %s, columns %s); click a cell for its spans",
              display_order(names_[pair_a_]).c_str(), display_order(names_[pair_b_]).c_str());
  // Agreement (the diagonal) in green, disagreement in red, each shaded by its share of the
  // largest cell of its kind, so that a few confusions stand out beside many agreements.
  size_t max_same = 1, max_other = 1;
  for (size_t r = 0; r <= n; ++r)
    for (size_t k = 0; k <= n; ++k) (r == k ? max_same : max_other) = std::max(r == k ? max_same : max_other, count(r, k));
  const float fs = ImGui::GetFontSize();
  float head_w = ImGui::CalcTextSize("A \\ B").x;
  for (size_t i = 0; i <= n; ++i) head_w = std::max(head_w, ImGui::CalcTextSize(name(i).c_str()).x);
  head_w = std::min(head_w, fs * 12) + fs * 0.6f;
  // Cells share the window's width (the default schema's 8 labels + none fit at 1280 px); a
  // narrow window keeps them 2.6 em wide and scrolls sideways.
  const float fit = std::floor((ImGui::GetContentRegionAvail().x - head_w) / float(n + 1));
  const float cell_w = std::clamp(fit, std::round(fs * 2.6f), std::round(fs * 5.5f)), cell_h = std::round(fs * 1.8f);
  ImDrawList* dl = ImGui::GetWindowDrawList();
  const ImVec2 origin = ImGui::GetCursorScreenPos();
  const ImU32 text = ImGui::GetColorU32(ImGuiCol_Text), frame = ImGui::GetColorU32(ImGuiCol_Border);
  auto clipped = [&](ImVec2 a, ImVec2 b, const std::string& s) {
    dl->PushClipRect(a, b, true);
    dl->AddText(ImVec2(a.x + 3, a.y + (b.y - a.y - fs) * 0.5f), text, s.c_str());
    dl->PopClipRect();
  };
  clipped(origin, ImVec2(origin.x + head_w, origin.y + cell_h), "A \\ B");
  for (size_t k = 0; k <= n; ++k) {
    const ImVec2 a(origin.x + head_w + k * cell_w, origin.y);
    clipped(a, ImVec2(a.x + cell_w, a.y + cell_h), name(k));
  }
  cells_.clear();
  for (size_t r = 0; r <= n; ++r) {
    const float y = origin.y + (r + 1) * cell_h;
    clipped(ImVec2(origin.x, y), ImVec2(origin.x + head_w, y + cell_h), name(r));
    for (size_t k = 0; k <= n; ++k) {
      if (r == n && k == n) continue;  // none / none: nothing to count
      const size_t v = count(r, k);
      const ImVec2 a(origin.x + head_w + k * cell_w, y), b(a.x + cell_w, y + cell_h);
      ImGui::SetCursorScreenPos(a);
      ImGui::PushID(int(r * (n + 1) + k));
      if (ImGui::InvisibleButton("cell", ImVec2(cell_w, cell_h))) choose_cell(r, k);
      const bool hovered = ImGui::IsItemHovered();
      if (hovered) ImGui::SetTooltip("%s: %s, %s: %s: %zu span(s)", names_[pair_a_].c_str(), name(r).c_str(),
                                     names_[pair_b_].c_str(), name(k).c_str(), v);
      ImGui::PopID();
      const float share = v ? 0.25f + 0.75f * float(v) / float(r == k ? max_same : max_other) : 0.0f;
      const ImU32 fill = r == k ? IM_COL32(44, 160, 44, int(255 * share)) : IM_COL32(214, 39, 40, int(255 * share));
      if (v) dl->AddRectFilled(a, b, fill);
      const bool chosen = int(r) == row_ && int(k) == col_;
      dl->AddRect(a, b, chosen || hovered ? text : frame, 0, 0, chosen ? 2.5f : 1.0f);
      const std::string s = std::to_string(v);
      const ImVec2 size = ImGui::CalcTextSize(s.c_str());
      dl->AddText(ImVec2(a.x + (cell_w - size.x) * 0.5f, a.y + (cell_h - size.y) * 0.5f), text, s.c_str());
      cells_.push_back({r, k, v, a.x, a.y, cell_w, cell_h});
    }
  }
  // The grid was drawn by position: the window learns its extent from one item that covers it.
  ImGui::SetCursorScreenPos(origin);
  ImGui::Dummy(ImVec2(head_w + (n + 1) * cell_w, (n + 2) * cell_h));
}

void AgreementView::draw_items(App& app) {
  if (row_ < 0) return;
  const size_t n = labels_.size();
  auto name = [&](int i) { return size_t(i) < n ? labels_[size_t(i)] : std::string("none"); };
  ImGui::Spacing();
  ImGui::Text("%s: %s, %s: %s: %zu span(s); click one to see it", names_[pair_a_].c_str(), name(row_).c_str(),
              names_[pair_b_].c_str(), name(col_).c_str(), items_.size());
  for (size_t i = 0; i < items_.size(); ++i) {
    Item& it = items_[i];
    it.doc_open = app.corpus().find_document(it.doc) >= 0;
    const std::string line = it.doc + ": \xE2\x80\x9C" + it.text + "\xE2\x80\x9D  A: " + (it.label_a.empty() ? "none" : it.label_a) +
                             "  B: " + (it.label_b.empty() ? "none" : it.label_b) + (it.doc_open ? "" : "  (document not open)");
    ImGui::PushID(int(i));
    if (ImGui::Selectable(display_order(line).c_str(), false)) show_item(app, i);
    controls_.note("item:" + std::to_string(i));
    ImGui::PopID();
  }
}

}  // namespace goldspan::ui
