// goldspan — command-line front end to the core. Subcommands live in cmd_*.cpp.
#include <cstring>
#include <filesystem>
#include <iostream>

#include "commands.hpp"
#include "error.hpp"
#include "text/icu_data.hpp"

namespace {

const char* kUsage =
    "usage: goldspan <command> [options]\n"
    "\n"
    "commands:\n"
    "  tokenize [--locale TAG] [--uax29] [--sentences] [--boundaries] [--kinds] FILE... | -\n"
    "      --uax29       raw UAX #29 word segments: no clitic/elision post-pass for en*/fr*\n"
    "      One JSON object per input (JSONL): {\"id\", \"tokens\": [[start,end],...]}.\n"
    "      Offsets are Unicode code points, half-open.\n"
    "      --sentences   add \"sentences\": [[start,end],...]\n"
    "      --boundaries  print every UAX #29 word boundary as \"boundaries\" instead of tokens\n"
    "      --kinds       add \"kinds\": [\"word\"|\"number\"|\"punctuation\"|\"kana\"|\"ideographic\"|\"other\",...]\n"
    "      --locale TAG  BCP 47 tag selecting ICU's tailored rules and dictionaries (default: root)\n"
    "  validate [--schema FILE] FILE... | -\n"
    "      Checks gold JSON files (docs/gold-json.md); prints every error with its JSON path.\n"
    "      --schema FILE  the file's embedded schema must equal this one (default: checked against its own)\n"
    "  convert --from FORMAT --to FORMAT [options] IN OUT\n"
    "      --from  gold, gold-jsonl, txt, jsonl, brat, conll, doccano, label-studio, prodigy, w3c (brat and txt: IN may be a directory)\n"
    "      --to    gold, gold-jsonl, brat, conll, doccano, label-studio, prodigy, w3c (brat: OUT is a directory; - is stdout)\n"
    "      gold-jsonl: one gold file per line, one document each, for shards (docs/shards.md); every command\n"
    "      that reads gold files reads a gold file named *.jsonl this way\n"
    "      --schema FILE    label schema (needed for every input format but gold and brat; brat without it:\n"
    "                       inferred from annotation.conf beside the files, else from the labels, warned)\n"
    "      --texts PATH     w3c: the texts the annotations' sources name (a directory of .txt files, a .txt, or a\n"
    "                       JSONL of {\"id\",\"text\"}; default: the .txt files beside IN)\n"
    "      --ls-config FILE label-studio: also write the labelling config (XML) for the schema to FILE\n"
    "      --brat-claims EVENT:REL=ROLE,...  brat: events of type EVENT read as claims and claims written as\n"
    "                       such events: content=ROLE the claim span, REL=ROLE a relation from it (ROLE trigger:\n"
    "                       the event's trigger), e.g. Attribution:claimant=Source,content=Content,cue=trigger;\n"
    "                       events with Source/Cue/Content roles are read so by default (docs/formats.md)\n"
    "      --utf16          gold: add UTF-16 offsets; doccano: offsets in UTF-16 code units, as the\n"
    "                       annotation page of a doccano project without grapheme mode counts (default: code points)\n"
    "      --time ISO       exported_at, and the time of imported records that carry none (default: now)\n"
    "      --annotator NAME annotator of imported records that carry none (default: import)\n"
    "      --predictions    label-studio: read predictions instead of annotations\n"
    "      --kinds LIST     conll: span kinds that become tags (default: entity)\n"
    "      --locale TAG     tokenizer locale (default: the schema's, e.g. en)\n"
    "      Warnings (what the output format cannot carry) go to stderr.\n"
    "  stats [--json] FILE\n"
    "      Counts of a gold file per label, relation and link type, document and annotator.\n"
    "  search PATTERN FILE [--regex] [--ignore-case] [--context N] [--max N] [--from FORMAT --schema FILE]\n"
    "      One JSON line per hit: {\"doc\", \"start\", \"end\", \"match\", \"before\", \"after\"}, offsets in code points.\n"
    "      --regex        PATTERN is an ICU regular expression (\\p{L}, \\b, ...); default: literal text\n"
    "      --ignore-case  full Unicode case folding (BISHKEK = Bishkek, ΑΘΉΝΑ = αθήνα, STRASSE = Straße)\n"
    "  preannotate --dict FILE [--ignore-case] [--jsonl] [--from FORMAT --schema FILE] [--time ISO] IN -o OUT\n"
    "      Labels every dictionary term (term<TAB>LABEL lines, or JSONL {\"term\", \"label\"}) in IN, longest\n"
    "      first, on whole tokens, skipping what the schema's overlap rules refuse; writes gold JSON to OUT\n"
    "      (gold JSONL, one document per line, when OUT ends in .jsonl or with --jsonl: for shards, docs/shards.md).\n"
    "      Prints the counts; a bad dictionary line is an error naming the file and line, and OUT is not written.\n"
    "  agree [--json] [--per-label] [--per-doc] [--partial] A.json B.json [C.json ...]\n"
    "      Inter-annotator agreement of gold files of the same documents (docs/agreement.md):\n"
    "      span P/R/F1 per pair (exact and overlap match, micro and macro), token-level Cohen's\n"
    "      kappa per pair, Fleiss' kappa and Krippendorff's alpha (nominal), Krippendorff's\n"
    "      unitizing alpha over the code points (per label and overall); for clustered\n"
    "      files MUC, B3, CEAF-e, BLANC and CoNLL F1 per pair. n/a = undefined.\n"
    "      --per-label  per label results and the label confusion matrix\n"
    "      --per-doc    per document results\n"
    "      --partial    write the counts that merge over shards as JSON instead (docs/shards.md)\n"
    "  agree --merge PART.json... [--json] [--per-label]\n"
    "      Sums the --partial counts of shards and prints the table of one run; clusters, unitizing\n"
    "      alpha and attributes are listed as not merged, with the reason.\n"
    "  adjudicate A.json B.json [C.json ...] -o OUT.json [--strategy majority|unanimous|prefer=NAME] [--time ISO]\n"
    "      One gold file from several annotators' (docs/agreement.md): a span, relation, cluster or claim link is kept\n"
    "      when more than half had it (majority; ties go to prefer=NAME) or all did (unanimous). Each kept\n"
    "      record lists its annotators in \"x_annotators\"; the open disagreements are in \"x_conflicts\".\n"
    "  claims [--format md|csv|json] [--from FORMAT --schema FILE] [-o OUT] FILE\n"
    "      The claims table: one row per group of claims saying the same thing (a claim cluster, or claims\n"
    "      joined by same/refines links), one column per document with each claim's text, claimant, cue and\n"
    "      stance; rows joined by a contradicts link are marked (md: a warning sign; csv/json: the links column).\n"
    "  help           this text\n";

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || !std::strcmp(argv[1], "help") || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h")) {
    std::cout << kUsage;
    return argc < 2 ? 2 : 0;
  }
#ifdef __EMSCRIPTEN__
  try {
    goldspan::load_icu_data_file(GOLDSPAN_ICU_DATA_FILE);
    goldspan::load_icu_data_file(GOLDSPAN_ICU_DICT_FILE);
  } catch (const goldspan::Error& e) {
    std::cerr << "goldspan: " << e.what() << '\n';
    return 1;
  }
#endif
  const std::string cmd = argv[1];
  const goldspan::cli::Args args(argv + 2, argv + argc);
  using goldspan::cli::Args;
  static const std::pair<const char*, int (*)(const Args&)> kCommands[] = {
      {"tokenize", goldspan::cli::cmd_tokenize},     {"validate", goldspan::cli::cmd_validate},
      {"convert", goldspan::cli::cmd_convert},       {"stats", goldspan::cli::cmd_stats},
      {"search", goldspan::cli::cmd_search},         {"preannotate", goldspan::cli::cmd_preannotate},
      {"agree", goldspan::cli::cmd_agree},           {"adjudicate", goldspan::cli::cmd_adjudicate},
      {"claims", goldspan::cli::cmd_claims}};
  for (const auto& [name, run] : kCommands) {
    if (cmd != name) continue;
    // Errors a command does not handle itself end here, named by the command: an option's
    // ("--schema: ...") is a usage error (2), any other (a file, its content) is 1.
    try {
      return run(args);
    } catch (const goldspan::Error& e) {
      std::cerr << "goldspan " << name << ": " << e.what() << '\n';
      return e.where().rfind("--", 0) == 0 ? 2 : 1;
    } catch (const std::filesystem::filesystem_error& e) {
      std::cerr << "goldspan " << name << ": " << e.what() << '\n';
      return 1;
    }
  }
  std::cerr << "goldspan: unknown command '" << cmd << "'\n" << kUsage;
  return 2;
}
