#include "platform_web.hpp"

#include <emscripten.h>

#include <cstdlib>

// clang-format off
EM_JS(void, gs_js_download, (const char* name, const char* mime, const char* data, size_t len), {
  globalThis.goldspanShell.download(UTF8ToString(name), UTF8ToString(mime), HEAPU8.slice(data, data + len));
});
EM_JS(void, gs_js_pick_files, (const char* purpose), { globalThis.goldspanShell.pickFiles(UTF8ToString(purpose)); });
EM_JS(void, gs_js_persist, (const char* line, size_t len), {
  globalThis.goldspanShell.persist(UTF8ToString(line, len));
});
EM_JS(void, gs_js_persist_document, (const char* id, const char* text, size_t len), {
  globalThis.goldspanShell.persistDocument(UTF8ToString(id), HEAPU8.slice(text, text + len));
});
EM_JS(void, gs_js_clear_persisted, (), { globalThis.goldspanShell.clearPersisted(); });
EM_JS(int, gs_js_pending_saves, (), { return globalThis.goldspanShell.pendingSaves(); });
EM_JS(void, gs_js_request_font, (const char* file), { globalThis.goldspanShell.requestFont(UTF8ToString(file)); });
// Returns a malloc'd UTF-8 copy (freed by the caller).
EM_JS(char*, gs_js_save_warning, (), {
  const s = globalThis.goldspanShell.saveWarning();
  const n = lengthBytesUTF8(s) + 1;
  const p = _malloc(n);
  stringToUTF8(s, p, n);
  return p;
});
// clang-format on

namespace goldspan::ui {

void WebPlatform::download(const std::string& filename, const std::string& mime, const std::string& bytes) {
  gs_js_download(filename.c_str(), mime.c_str(), bytes.data(), bytes.size());
}
void WebPlatform::pick_files(const char* purpose) { gs_js_pick_files(purpose); }
void WebPlatform::persist(const std::string& line) { gs_js_persist(line.data(), line.size()); }
void WebPlatform::persist_document(const std::string& id, std::string_view text) {
  gs_js_persist_document(id.c_str(), text.data(), text.size());
}
void WebPlatform::clear_persisted() { gs_js_clear_persisted(); }
int WebPlatform::pending_saves() { return gs_js_pending_saves(); }
std::string WebPlatform::save_warning() {
  char* p = gs_js_save_warning();
  std::string s(p);
  free(p);
  return s;
}
void WebPlatform::request_font(const std::string& file) { gs_js_request_font(file.c_str()); }
double WebPlatform::now_ms() { return emscripten_get_now(); }

}  // namespace goldspan::ui
