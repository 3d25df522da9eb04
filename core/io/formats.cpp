#include "io/formats.hpp"

#include "error.hpp"
#include "io/brat.hpp"
#include "io/conll.hpp"
#include "io/doccano.hpp"
#include "io/gold_json.hpp"
#include "io/gold_jsonl.hpp"
#include "io/label_studio.hpp"
#include "io/prodigy.hpp"
#include "io/w3c.hpp"

namespace goldspan {

std::vector<ExportFile> write_format(const std::string& format, const Corpus& corpus, const ExportOptions& o, Tokenizer& tok,
                                     Warnings& warnings) {
  if (format == "gold") {
    GoldWriteOptions g;
    g.utf16_offsets = o.utf16;
    g.exported_at = o.time;
    return {{"", write_gold(corpus, g)}};
  }
  if (format == "gold-jsonl") {
    GoldWriteOptions g;
    g.utf16_offsets = o.utf16;
    g.exported_at = o.time;
    return {{"", write_gold_jsonl(corpus, g, warnings)}};
  }
  if (format == "brat") return write_brat(corpus, warnings, o.brat_claims);
  if (format == "conll") {
    ConllOptions c;
    c.kinds = o.conll_kinds;
    return {{"", write_conll(corpus, tok, c, warnings)}};
  }
  if (format == "doccano") {
    DoccanoWriteOptions d;
    d.offsets = o.utf16 ? DoccanoOffsets::Utf16 : DoccanoOffsets::CodePoints;
    return {{"", write_doccano(corpus, warnings, d)}};
  }
  if (format == "label-studio") return {{"", write_label_studio(corpus, warnings)}};
  if (format == "prodigy") return {{"", write_prodigy(corpus, warnings)}};
  if (format == "w3c") return {{"", write_w3c(corpus, warnings)}};
  throw Error("--to", "unknown format '" + format + "' (one of " + kWriteFormats + ")");
}

}  // namespace goldspan
