// C API of the wasm core for the page's JavaScript. Strings cross as UTF-8; results are
// JSON owned by this module and valid until the next call.
#include <nlohmann/json.hpp>
#include <string>

#include "error.hpp"
#include "text/document.hpp"
#include "text/icu_data.hpp"

namespace {
std::string g_result, g_error;
}

extern "C" {

// Hands ICU its data package (bytes stay owned by the caller, for the whole session).
int gs_init(const void* icu_data, size_t size) {
  try {
    goldspan::set_icu_data(icu_data, size);
    return 1;
  } catch (const goldspan::Error& e) {
    g_error = e.what();
    return 0;
  }
}

// {"tokens": [[s,e],...], "kinds": [...], "sentences": [[s,e],...], "length": n} in code points,
// or null with gs_last_error() set.
const char* gs_tokenize(const char* utf8, const char* locale) {
  try {
    goldspan::Tokenizer tok(locale ? locale : "");
    const goldspan::Document doc("pasted text", utf8, tok);
    nlohmann::json j;
    auto& toks = j["tokens"] = nlohmann::json::array();
    auto& kinds = j["kinds"] = nlohmann::json::array();
    for (const auto& t : doc.tokens()) {
      toks.push_back({t.start, t.end});
      kinds.push_back(goldspan::to_string(t.kind));
    }
    auto& sents = j["sentences"] = nlohmann::json::array();
    for (const auto& s : doc.sentences()) sents.push_back({s.start, s.end});
    j["length"] = doc.length();
    g_result = j.dump();
    return g_result.c_str();
  } catch (const goldspan::Error& e) {
    g_error = e.what();
    return nullptr;
  }
}

const char* gs_last_error() { return g_error.c_str(); }

}  // extern "C"
