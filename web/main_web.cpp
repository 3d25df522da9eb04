// Browser entry points: boot (GL context, ImGui, the App), the frame loop, and the C API the
// page's JavaScript calls (shell/goldspan-shell.js wraps it as window.goldspan).
// Strings cross as UTF-8; returned strings are valid until the next call.
#include <GLES3/gl3.h>
#include <GLFW/glfw3.h>
#include <emscripten.h>
#include <emscripten/html5.h>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <cstdio>
#include <deque>
#include <memory>
#include <optional>
#include <stdexcept>
#include <nlohmann/json.hpp>
#include <string>

#include "app/app.hpp"
#include "app/keys.hpp"
#include "app/solid_fill.hpp"
#include "model/schema.hpp"
#include "error.hpp"
#include "gl_texture.hpp"
#include "frame_hash.hpp"
#include "platform_web.hpp"
#include "text/icu_data.hpp"

using goldspan::ui::App;
using nlohmann::json;

// clang-format off
EM_JS(void, gs_js_set_canvas_size, (int w, int h), { Browser.setCanvasSize(w, h); });
// clang-format on

namespace {

// [SECTION] State and frame loop

GLFWwindow* g_window = nullptr;
goldspan::ui::WebPlatform g_platform;
goldspan::ui::GlTexture g_glyph_texture;
std::unique_ptr<App> g_app;
std::string g_out;
std::vector<std::pair<std::string, std::string>> g_pending_fonts;
float g_dpr = 1;
double g_frame_ms = 0;  // CPU time of the last frame, for the benchmark

json result_json(const goldspan::ui::OpenResult& r) {
  json j = {{"ok", r.ok}, {"errors", r.errors}};
  if (r.needs_dictionaries) j["needsDictionaries"] = true;
  return j;
}

const char* out(const json& j) {
  g_out = j.dump();
  return g_out.c_str();
}

void apply_style(float dpr) {
  ImGuiStyle& style = ImGui::GetStyle();
  style = ImGuiStyle();
  ImGui::StyleColorsLight(&style);
  style.FrameRounding = 4;
  style.WindowRounding = 6;
  style.ScrollbarSize = 14;
  // Child windows keep ImGui's transparent background: they lie on their window's. Under
  // software WebGL every opaque pixel drawn costs (SwiftShader blends and samples each one), and
  // the stacked backgrounds of the main window and its children were half a frame's GPU time.
  style.Colors[ImGuiCol_WindowBg] = ImVec4(0.96f, 0.95f, 0.93f, 1);
  style.ScaleAllSizes(dpr);
}

// The frame loop runs only while something changes: at rest no animation frame is asked for,
// the canvas keeps its last picture and the page costs nothing (a frame under SwiftShader costs
// milliseconds, and even an animation frame that only checked for changes was 4 % of a core).
// Input, every API call, fonts arriving and the autosave's progress (the shell calls gs_wake)
// wake it; it then builds kAwakeFrames more, enough for ImGui to settle hover and focus after the
// input. A change that comes with time alone (a status message expiring) sets a timer. The loop
// is ours (requestAnimationFrame asked for while awake), not Emscripten's main loop, whose
// pause and resume lagged the first input after a rest.
// Counted in frames, not time: ImGui settles in frames, and a slow machine has fewer per second.
// (300 ms of frames after each input, as before, cost a wheel step ~19 frames of main thread.)
constexpr int kAwakeFrames = 6;
int g_awake_left = 0;
uint64_t g_frames = 0;  // frames drawn since boot (tests check that none are drawn at rest)
uint64_t g_animation_frames = 0;  // animation frames the loop ran (none at rest)
bool g_sleeping = false;
bool g_frame_asked = false;  // an animation frame is requested
int g_last_pending = -1;
std::string g_last_warning;
bool frame();
void ask_frame() {
  if (g_frame_asked) return;
  g_frame_asked = true;
  emscripten_request_animation_frame(
      [](double, void*) -> EM_BOOL {
        g_frame_asked = false;
        ++g_animation_frames;
        if (frame()) ask_frame();
        return EM_FALSE;
      },
      nullptr);
}
void wake() {
  g_awake_left = kAwakeFrames;
  g_sleeping = false;
  if (g_app) ask_frame();
}
// Set by the page's input: a frame after input is always drawn. Skipping those (their picture
// unchanged, e.g. a mouse down) changed how Chromium delivered the next mouse events to the
// page, and a drag's start landed on another token.
bool g_input_since_frame = false;
void input() {
  g_input_since_frame = true;
  wake();
}
// Where the mouse was pressed, until a frame has shown ImGui the press there. A press and the
// moves after it can reach the page before one animation frame (always after a rest: the
// moves are delivered with the frame the press asked for); ImGui 1.86 reads the cursor once per
// frame, so the drag would start where the moves ended.
std::optional<ImVec2> g_press_at;

uint64_t g_presented = 0;  // frames drawn on the canvas (GL), a subset of g_frames
uint64_t g_drawn_hash = 0;

uint64_t draw_data_hash(const ImDrawData& dd, int fb_w, int fb_h) {
  goldspan::ui::FrameHash h;
  h.add_value(fb_w);
  h.add_value(fb_h);
  h.add_value(dd.DisplayPos);
  h.add_value(dd.DisplaySize);
  h.add_value(dd.FramebufferScale);
  for (int i = 0; i < dd.CmdListsCount; ++i) {
    const ImDrawList& l = *dd.CmdLists[i];
    h.add(l.VtxBuffer.Data, static_cast<size_t>(l.VtxBuffer.Size) * sizeof(ImDrawVert));
    h.add(l.IdxBuffer.Data, static_cast<size_t>(l.IdxBuffer.Size) * sizeof(ImDrawIdx));
    for (const ImDrawCmd& c : l.CmdBuffer) {
      h.add_value(c.ClipRect);
      h.add_value(c.TextureId);
      h.add_value(c.VtxOffset);
      h.add_value(c.IdxOffset);
      h.add_value(c.ElemCount);
      h.add_value(c.UserCallback);
    }
  }
  return h.value();
}

// ImGui 1.86 reads the keys' state once per frame, so a key pressed and released between two
// frames (a quick tap, or any key while the loop sleeps: the press wakes it, the release comes
// before the frame) would never be seen pressed by its widgets (Enter in a text field), and
// characters typed after a key in the same frame would be applied before it (Backspace then
// "O" deleting the "O"). So keys and characters are fed to ImGui in the order they came: each
// frame takes one key press (held down for that frame if it was already released, with the
// modifiers it was pressed with) and the characters that follow it up to the next key press.
struct Input {
  int key;  // -1: a character
  int mods;
  unsigned ch;
};
std::deque<Input> g_input;  // not yet given to ImGui
std::vector<int> g_held;    // held down by the last frame for a press already released
void feed_input() {
  ImGuiIO& io = ImGui::GetIO();
  for (int k : g_held) io.KeysDown[k] = false;
  bool mods_changed = !g_held.empty();
  g_held.clear();
  io.InputQueueCharacters.resize(0);  // rebuilt below, in order (the backend added them as they came)
  int mods = 0;
  if (!g_input.empty() && g_input.front().key >= 0) {
    const Input in = g_input.front();
    g_input.pop_front();
    if (!io.KeysDown[in.key]) {
      io.KeysDown[in.key] = true;
      g_held.push_back(in.key);
      mods = in.mods;
      mods_changed = true;
    }
  }
  // The characters up to the next press: those of the press just given (a browser sends a key's
  // character right after its keydown; a hotkey that opens a text field must not type into it).
  for (; !g_input.empty() && g_input.front().key < 0; g_input.pop_front()) io.AddInputCharacter(g_input.front().ch);
  if (mods_changed) {  // as ImGui's GLFW backend derives them, plus the held press's own
    io.KeyCtrl = (mods & GLFW_MOD_CONTROL) || io.KeysDown[GLFW_KEY_LEFT_CONTROL] || io.KeysDown[GLFW_KEY_RIGHT_CONTROL];
    io.KeyShift = (mods & GLFW_MOD_SHIFT) || io.KeysDown[GLFW_KEY_LEFT_SHIFT] || io.KeysDown[GLFW_KEY_RIGHT_SHIFT];
    io.KeyAlt = (mods & GLFW_MOD_ALT) || io.KeysDown[GLFW_KEY_LEFT_ALT] || io.KeysDown[GLFW_KEY_RIGHT_ALT];
    io.KeySuper = (mods & GLFW_MOD_SUPER) || io.KeysDown[GLFW_KEY_LEFT_SUPER] || io.KeysDown[GLFW_KEY_RIGHT_SUPER];
  }
  if (!g_input.empty() || !g_held.empty()) wake();  // the rest, and the release, in the next frames
}

// ImGui's backend samples its font atlas linearly. Under software WebGL that is four texel
// fetches per pixel of every glyph and filled shape, a quarter of a frame's GPU time; the UI font
// is baked without oversampling and snapped to pixels (Fonts::prepare), and lines are drawn as
// geometry (NoBakedLines, at boot), so nearest sampling gives the same picture. Checked each
// frame because the backend recreates the texture when the fonts change.
void sample_font_texture_nearest() {
  static ImTextureID done = nullptr;
  const ImTextureID tex = ImGui::GetIO().Fonts->TexID;
  if (!tex || tex == done) return;
  glBindTexture(GL_TEXTURE_2D, static_cast<GLuint>(reinterpret_cast<intptr_t>(tex)));
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, GL_NEAREST);
  glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, GL_NEAREST);
  done = tex;
}

// app/solid_fill.hpp: an opaque rectangle becomes a scissored clear, recorded in the draw list
// as a callback so that it keeps its place among the draws. The colour travels in the
// callback's data pointer; the rectangle is the command's clip rect.
void solid_fill(ImDrawList* dl, ImVec2 min, ImVec2 max, ImU32 color) {
  dl->PushClipRect(min, max, true);
  dl->AddCallback(
      [](const ImDrawList*, const ImDrawCmd* cmd) {
        const ImDrawData& dd = *ImGui::GetDrawData();
        const ImVec2 s = dd.FramebufferScale, o = dd.DisplayPos;
        const float fb_h = dd.DisplaySize.y * s.y;
        const ImVec4 r = cmd->ClipRect;
        const int x0 = static_cast<int>((r.x - o.x) * s.x), x1 = static_cast<int>((r.z - o.x) * s.x);
        const int y0 = static_cast<int>((r.y - o.y) * s.y), y1 = static_cast<int>((r.w - o.y) * s.y);
        if (x1 <= x0 || y1 <= y0) return;
        const ImVec4 c = ImGui::ColorConvertU32ToFloat4(static_cast<ImU32>(reinterpret_cast<uintptr_t>(cmd->UserCallbackData)));
        glScissor(x0, static_cast<int>(fb_h) - y1, x1 - x0, y1 - y0);  // the backend sets it again per draw
        glClearColor(c.x, c.y, c.z, 1);
        glClear(GL_COLOR_BUFFER_BIT);
      },
      reinterpret_cast<void*>(uintptr_t(color)));
  dl->PopClipRect();
}

// Called by the first animation frame with nothing to do; sets the timer once per rest.
void sleep_until_woken() {
  if (g_sleeping) return;
  g_sleeping = true;
  const double due = g_app->redraw_due(), now = ImGui::GetTime();
  if (due > now) emscripten_async_call([](void*) { wake(); }, nullptr, static_cast<int>((due - now) * 1000) + 20);
}

// Builds (and, when its picture changed, draws) one frame. False when there was nothing to do:
// the loop then stops until something wakes it.
bool frame() {
  const double t0 = emscripten_get_now();
  glfwPollEvents();
  const int pending = g_platform.pending_saves();
  std::string warning = g_platform.save_warning();
  if (pending != g_last_pending || warning != g_last_warning) g_awake_left = kAwakeFrames;
  const bool active = g_awake_left > 0;
  if (active) --g_awake_left;
  g_last_pending = pending;
  g_last_warning = std::move(warning);
  if (!active) {
    sleep_until_woken();
    return false;
  }
  ++g_frames;
  bool textures_changed = false;
  if (g_app->fonts().prepare()) {
    ImGui::GetIO().FontDefault = g_app->fonts().text_font();
    textures_changed = true;
  }
  ImGui_ImplOpenGL3_NewFrame();
  sample_font_texture_nearest();
  ImGui_ImplGlfw_NewFrame();
  if (g_press_at) {  // this frame takes the press where it happened; the next, where the mouse is
    ImGui::GetIO().MousePos = *g_press_at;
    g_press_at.reset();
    wake();
  }
  feed_input();
  ImGui::NewFrame();
  g_app->frame();
  ImGui::Render();
  // Glyphs the canvas met for the first time this frame go up before the draw that uses them.
  if (g_app->fonts().atlas().flush(g_glyph_texture)) {
    wake();
    textures_changed = true;
  }
  int w = 0, h = 0;
  glfwGetFramebufferSize(g_window, &w, &h);
  // A frame that would draw what the canvas shows already is not drawn (web/frame_hash.hpp).
  const uint64_t hash = draw_data_hash(*ImGui::GetDrawData(), w, h);
  if (!g_input_since_frame && hash == g_drawn_hash && !textures_changed) {
    goldspan::ui::key_log().clear();
    g_frame_ms = emscripten_get_now() - t0;
    return true;
  }
  g_input_since_frame = false;
  g_drawn_hash = hash;
  ++g_presented;
  glViewport(0, 0, w, h);
  // The app's full-window layout has no background of its own (App::frame): this clear is it.
  const ImVec4 bg = ImGui::GetStyle().Colors[ImGuiCol_WindowBg];
  glClearColor(bg.x, bg.y, bg.z, 1);
  glClear(GL_COLOR_BUFFER_BIT);
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
  goldspan::ui::key_log().clear();
  g_frame_ms = emscripten_get_now() - t0;
  return true;
}

std::optional<size_t> doc_index(const char* id) {
  if (!g_app) return std::nullopt;
  const ptrdiff_t i = g_app->corpus().find_document(id);
  return i < 0 ? std::nullopt : std::optional<size_t>(static_cast<size_t>(i));
}

json hit_json(const goldspan::Hit& h) {
  const auto& d = g_app->corpus().document(h.doc);
  return {{"doc", d.id()}, {"start", h.start}, {"end", h.end}, {"text", d.slice(h.start, h.end)}};
}

// Opening documents in a read-only tab is refused: they could not be saved.
std::optional<json> refused_read_only() {
  const std::string& why = g_app->history().read_only();
  if (why.empty()) return std::nullopt;
  g_app->show_status("read-only: " + why);
  return json{{"ok", false}, {"errors", {"read-only: " + why}}};
}

// Files passed as one buffer: `names` is [{name, size}, ...] in the order their bytes follow one
// another in `data`. Returns null, or the {ok: false, errors} answer of the call named `what`.
const char* unpack_files(const char* names, size_t names_len, const char* data, size_t len,
                         std::vector<goldspan::NamedFile>& files, const char* what) {
  try {
    size_t at = 0;
    for (const auto& f : json::parse(names, names + names_len)) {
      const size_t n = f.at("size").get<size_t>();
      if (n > len - at) throw std::out_of_range("file sizes exceed the data");
      files.push_back({f.at("name").get<std::string>(), std::string(data + at, n)});
      at += n;
    }
  } catch (const std::exception& e) {
    return out({{"ok", false}, {"errors", {std::string(what) + ": " + e.what()}}});
  }
  return nullptr;
}

}  // namespace

extern "C" {

// [SECTION] Boot

// Fonts, any number, before or after boot; the first is the UI font, later ones fill gaps
// (see Fonts::add_ttf). Script fonts arrive here after the app asked for them.
EMSCRIPTEN_KEEPALIVE void gs_add_font(const char* name, const char* data, size_t len) {
  wake();
  if (g_app) g_app->fonts().add_ttf(name, std::string(data, len));
  else g_pending_fonts.emplace_back(name, std::string(data, len));
}

// The script fonts the site offers: [{"file": ..., "scripts": ["Arab", ...]}, ...] (after boot).
EMSCRIPTEN_KEEPALIVE void gs_font_catalog(const char* catalog_json) {
  std::vector<goldspan::ui::ScriptFont> list;
  for (const json& f : json::parse(catalog_json))
    list.push_back({f.at("file").get<std::string>(), f.at("scripts").get<std::vector<std::string>>()});
  g_app->fonts().set_catalog(std::move(list), [](const std::string& file) { g_platform.request_font(file); });
}

// Font files in the app ({"loaded": [...], "pending": [...]}) and the canvas glyph atlas.
EMSCRIPTEN_KEEPALIVE const char* gs_fonts() {
  auto& f = g_app->fonts();
  return out({{"loaded", f.loaded()}, {"pending", f.pending()}, {"glyphs", f.atlas().glyph_count()},
              {"atlasHeight", f.atlas().height()}});
}

// Wakes the frame loop: the shell calls it when the autosave's state changes (a transaction
// completed or failed), which the status bar shows.
EMSCRIPTEN_KEEPALIVE void gs_wake() { wake(); }

// Frames run since boot (constant while the page is at rest), and of those the ones drawn on the
// canvas (a frame that would draw the same picture again is not).
EMSCRIPTEN_KEEPALIVE double gs_frames() { return static_cast<double>(g_frames); }
EMSCRIPTEN_KEEPALIVE double gs_presented() { return static_cast<double>(g_presented); }
// Animation frames the loop ran since boot (constant at rest: none is asked for).
EMSCRIPTEN_KEEPALIVE double gs_animation_frames() { return static_cast<double>(g_animation_frames); }

// Hands over ICU data (kept by the caller for the session) and the label schema (JSON),
// creates the window and starts the frame loop. Returns null on success, else an error message.
EMSCRIPTEN_KEEPALIVE const char* gs_boot(const void* icu, size_t icu_len, const char* schema_json, int width,
                                         int height, float dpr) {
  std::optional<goldspan::Schema> schema;
  try {
    goldspan::set_icu_data(icu, icu_len);
    schema = goldspan::Schema::parse(schema_json);
  } catch (const goldspan::Error& e) {
    g_out = std::string("schema.json: ") + e.what();
    return g_out.c_str();
  }
  if (!glfwInit()) return "GLFW could not start";
  glfwWindowHint(GLFW_CLIENT_API, GLFW_OPENGL_ES_API);
  glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
  // An opaque canvas with no depth or stencil buffer: the app draws neither, and the
  // compositor then copies the canvas instead of blending it with the page.
  glfwWindowHint(GLFW_ALPHA_BITS, 0);
  glfwWindowHint(GLFW_DEPTH_BITS, 0);
  glfwWindowHint(GLFW_STENCIL_BITS, 0);
  g_window = glfwCreateWindow(width, height, "goldspan", nullptr, nullptr);
  if (!g_window) return "WebGL2 is not available in this browser";
  glfwMakeContextCurrent(g_window);
  IMGUI_CHECKVERSION();
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // layout is not persisted; annotations are
  io.Fonts->Flags |= ImFontAtlasFlags_NoBakedLines;  // see sample_font_texture_nearest
  g_dpr = dpr;
  apply_style(dpr);
  // Installed before ImGui's own callbacks, which chain to them: input wakes the frame loop,
  // and key presses are logged per frame.
  glfwSetCursorPosCallback(g_window, [](GLFWwindow*, double, double) { input(); });
  glfwSetMouseButtonCallback(g_window, [](GLFWwindow* w, int, int action, int) {
    if (action == GLFW_PRESS) {
      double x = 0, y = 0;
      glfwGetCursorPos(w, &x, &y);
      g_press_at = ImVec2(static_cast<float>(x), static_cast<float>(y));
    }
    input();
  });
  glfwSetScrollCallback(g_window, [](GLFWwindow*, double, double) { wake(); });
  glfwSetCharCallback(g_window, [](GLFWwindow*, unsigned int c) {
    input();
    g_input.push_back({-1, 0, c});
  });
  glfwSetCursorEnterCallback(g_window, [](GLFWwindow*, int) { wake(); });  // hover ends on leaving
  glfwSetWindowFocusCallback(g_window, [](GLFWwindow*, int) { wake(); });
  glfwSetKeyCallback(g_window, [](GLFWwindow*, int key, int, int action, int mods) {
    input();
    if (action == GLFW_PRESS && key >= 0 && key < IM_ARRAYSIZE(ImGuiIO::KeysDown)) g_input.push_back({key, mods, 0});
    if (action == GLFW_RELEASE) {
      // A key released before any frame took it (a quick tap) is handled now, in this event's
      // task: its edit is made, drawn and sent to IndexedDB even if the page goes away before
      // the next animation frame.
      if (!g_input.empty()) frame();
      return;
    }
    goldspan::ui::key_log().record({key, (mods & (GLFW_MOD_CONTROL | GLFW_MOD_SUPER)) != 0, (mods & GLFW_MOD_SHIFT) != 0,
                                    (mods & GLFW_MOD_ALT) != 0});
  });
  ImGui_ImplGlfw_InitForOpenGL(g_window, true);
  // Emscripten 3.1.6's library_glfw.js hands GLFW's scroll callback the raw DOM deltaY (sign of
  // the page, pixels per notch, deltaMode dropped), which ImGui adds to io.MouseWheel: inverted and
  // ~100x too strong. Replace ImGui's scroll callback (it only wakes now) and feed io from the DOM
  // wheel event, normalized to notches: pixel /100, line /3, page x1; wheel down -> negative.
  // ImGui scrolls 5 font heights per wheel unit, about two canvas lines; browsers and desktops
  // scroll three lines per notch, so one notch is 1.5 units.
  glfwSetScrollCallback(g_window, [](GLFWwindow*, double, double) { wake(); });
  emscripten_set_wheel_callback("#canvas", nullptr, false, [](int, const EmscriptenWheelEvent* e, void*) -> EM_BOOL {
    constexpr double kUnitsPerNotch = 1.5;
    const double per = e->deltaMode == DOM_DELTA_PIXEL ? 100.0 : e->deltaMode == DOM_DELTA_LINE ? 3.0 : 1.0;
    ImGuiIO& io = ImGui::GetIO();
    io.MouseWheel -= float(e->deltaY / per * kUnitsPerNotch);
    io.MouseWheelH -= float(e->deltaX / per * kUnitsPerNotch);
    input();
    return EM_TRUE;
  });
  ImGui_ImplOpenGL3_Init("#version 300 es");
  goldspan::ui::solid_fill_hook() = solid_fill;
  g_app = std::make_unique<App>(g_platform, std::move(*schema));
  for (auto& [n, b] : g_pending_fonts) g_app->fonts().add_ttf(n, std::move(b));
  g_pending_fonts.clear();
  g_app->fonts().set_scale(dpr);
  wake();  // the first frames
  return nullptr;
}

// A further ICU data package (the dictionaries), kept by the caller for the session.
EMSCRIPTEN_KEEPALIVE const char* gs_add_icu_data(const void* data, size_t len) {
  wake();
  try {
    goldspan::set_icu_data(data, len);
  } catch (const goldspan::Error& e) {
    return out(e.what());
  }
  g_app->dictionaries_loaded();
  return out(nullptr);
}

EMSCRIPTEN_KEEPALIVE void gs_resize(int width, int height, float dpr) {
  wake();
  if (!g_window) return;
  // Not glfwSetWindowSize: Emscripten's GLFW turns a window the size of the screen into a
  // fullscreen request. Sizing the canvas notifies GLFW through Browser's resize listeners.
  gs_js_set_canvas_size(width, height);
  if (dpr != g_dpr) {
    g_dpr = dpr;
    apply_style(dpr);
    g_app->fonts().set_scale(dpr);
  }
}

// [SECTION] Documents and files

// Another tab owns the autosave log: nothing opened or edited here could be saved, so the
// history refuses every step and documents are not opened (restore has run already).
EMSCRIPTEN_KEEPALIVE void gs_set_read_only(const char* reason) {
  wake();
  g_app->history().set_read_only(reason);
}

EMSCRIPTEN_KEEPALIVE const char* gs_open_file(const char* name, const char* data, size_t len) {
  wake();
  if (const auto r = refused_read_only()) return out(*r);
  const auto r = g_app->open_file(name, std::string(data, len));
  return out(result_json(r));
}

// Errors the page found before the app could read the files (an archive it could not unpack):
// shown in the same dialog as the app's own.
EMSCRIPTEN_KEEPALIVE void gs_show_errors(const char* title, const char* errors) {
  wake();
  std::vector<std::string> list;
  try {
    list = json::parse(errors).get<std::vector<std::string>>();
  } catch (const json::exception& e) {
    list.push_back(e.what());
  }
  g_app->show_errors(title, std::move(list));
}

// Several files read together (one drop or pick): `names` is [{name, size}, ...] in the order
// their bytes follow one another in `data`; `as_suggestions` 1: File > Open as suggestions.
// {ok, errors}.
EMSCRIPTEN_KEEPALIVE const char* gs_open_files(const char* names, size_t names_len, const char* data, size_t len, int as_suggestions) {
  wake();
  std::vector<goldspan::NamedFile> files;
  if (const char* err = unpack_files(names, names_len, data, len, files, "openFiles")) return err;
  return out(result_json(g_app->open_files(std::move(files), as_suggestions != 0)));
}

// The strategy of gs_adjudicate: majority, unanimous or prefer=NAME; the page sets it before
// each call (kept, not reset, because a call that needs dictionaries is made again).
std::string g_adjudication_strategy = "majority";
EMSCRIPTEN_KEEPALIVE void gs_adjudication_strategy(const char* strategy) { g_adjudication_strategy = strategy; }

// Several annotators' gold files (File > Adjudicate…), passed as gs_open_files passes files:
// {ok, errors}. On success a new session holds the kept records and the view walks the rest.
EMSCRIPTEN_KEEPALIVE const char* gs_adjudicate(const char* names, size_t names_len, const char* data, size_t len) {
  wake();
  if (const auto r = refused_read_only()) return out(*r);
  std::vector<goldspan::NamedFile> files;
  if (const char* err = unpack_files(names, names_len, data, len, files, "adjudicate")) return err;
  return out(result_json(g_app->adjudicate(std::move(files), g_adjudication_strategy)));
}

// The adjudication session: {active, open, annotators, strategy, untouched, total, left,
// progress, current, disagreements: [{doc, start, end, kind, choice, versions: [{label, start,
// end, text, fragments, attributes, annotators, kept}], records: [{type, text, spans: [{role,
// doc, label, start, end}], annotators, kept}]}], controls} (annotators by index into
// `annotators`; controls in canvas pixels).
EMSCRIPTEN_KEEPALIVE const char* gs_adjudication() {
  wake();
  auto& v = g_app->adjudication_view();
  v.sync(*g_app);
  json list = json::array();
  for (size_t i = 0; i < v.disagreements().size(); ++i) {
    const auto& d = v.disagreements()[i];
    const auto doc = doc_index(d.doc.c_str());
    json versions = json::array();
    for (const auto& x : d.versions) {
      json frags = json::array(), attrs = json::object();
      for (const auto& f : x.fragments) frags.push_back({f.start, f.end});
      for (const auto& [k, val] : x.attributes) attrs[k] = val;
      const uint32_t a = x.fragments.front().start, b = x.fragments.back().end;
      versions.push_back({{"label", x.label}, {"start", a}, {"end", b},
                          {"text", doc ? std::string(g_app->corpus().document(*doc).slice(a, b)) : std::string()},
                          {"fragments", frags}, {"attributes", attrs}, {"annotators", x.annotators}, {"kept", x.kept}});
    }
    json records = json::array();
    for (size_t r = 0; r < d.records.size(); ++r) {
      const auto& x = d.records[r];
      json spans = json::array();
      for (const auto& [role, refs] : {std::pair{"from", &x.from}, {"to", &x.to}, {"member", &x.members}})
        for (const auto& s : *refs)
          spans.push_back({{"role", role}, {"doc", s.doc}, {"label", s.label}, {"start", s.fragments.front().start}, {"end", s.fragments.back().end}});
      records.push_back({{"type", x.type}, {"text", v.describe(g_app->corpus(), d, r)}, {"spans", spans},
                         {"annotators", x.annotators}, {"kept", x.kept}});
    }
    list.push_back({{"doc", d.doc}, {"start", d.extent.start}, {"end", d.extent.end}, {"kind", d.kind},
                    {"choice", v.choices()[i].empty() ? json(nullptr) : json(v.choices()[i])}, {"versions", versions}, {"records", records}});
  }
  json controls = json::object();
  for (const auto& c : v.controls()) controls[c.name] = {{"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}};
  return out({{"active", v.active()}, {"open", v.is_open()}, {"annotators", v.annotators()}, {"strategy", v.strategy()},
              {"untouched", v.untouched(*g_app)}, {"total", v.disagreements().size()},
              {"left", v.left()}, {"progress", v.active() ? v.progress() : ""}, {"current", v.current()}, {"disagreements", list},
              {"controls", controls}});
}

// Several annotators' gold files (File > Agreement…), passed as gs_open_files passes files:
// {ok, errors}. Only measures (nothing in the session changes), so allowed when read-only.
EMSCRIPTEN_KEEPALIVE const char* gs_agreement(const char* names, size_t names_len, const char* data, size_t len) {
  wake();
  std::vector<goldspan::NamedFile> files;
  if (const char* err = unpack_files(names, names_len, data, len, files, "agreement")) return err;
  return out(result_json(g_app->agreement(std::move(files))));
}

// The Agreement window: {active, open, annotators, pair, figures (as `goldspan agree --json
// --per-label`), labels, cells: [{row, col, a, b, count, x, y, w, h}] (the chosen pair's heatmap
// as last drawn; a / b null for "none"), chosen: {row, col} | null, items: [{doc, start, end, text,
// a, b, open}], controls: {"item:<i>", "pair"}} (rectangles in ImGui pixels).
EMSCRIPTEN_KEEPALIVE const char* gs_agreement_view() {
  wake();
  const auto& v = g_app->agreement_view();
  const auto& labels = v.labels();
  auto label = [&](size_t i) { return i < labels.size() ? json(labels[i]) : json(nullptr); };
  json cells = json::array(), items = json::array(), controls = json::object();
  for (const auto& c : v.cells())
    cells.push_back({{"row", c.row}, {"col", c.col}, {"a", label(c.row)}, {"b", label(c.col)}, {"count", c.count},
                     {"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}});
  for (const auto& it : v.items())
    items.push_back({{"doc", it.doc}, {"start", it.start}, {"end", it.end}, {"text", it.text},
                     {"a", it.label_a.empty() ? json(nullptr) : json(it.label_a)},
                     {"b", it.label_b.empty() ? json(nullptr) : json(it.label_b)},
                     {"open", g_app->corpus().find_document(it.doc) >= 0}});
  for (const auto& c : v.controls()) controls[c.name] = {{"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}};
  json chosen = v.chosen_row() < 0 ? json(nullptr) : json({{"row", v.chosen_row()}, {"col", v.chosen_col()}});
  return out({{"active", v.active()}, {"open", v.is_open()}, {"annotators", v.annotators()}, {"pair", v.pair()},
              {"figures", v.active() ? json::parse(v.figures().dump()) : json(nullptr)}, {"labels", labels},
              {"cells", cells}, {"chosen", chosen}, {"items", items}, {"controls", controls}});
}

// [{id, text}, ...] → {ok, errors}. Large inputs come through malloc'd memory, not the stack.
EMSCRIPTEN_KEEPALIVE const char* gs_open_texts(const char* data, size_t len) {
  wake();
  if (const auto r = refused_read_only()) return out(*r);
  std::vector<std::pair<std::string, std::string>> docs;
  try {
    for (const auto& d : json::parse(data, data + len)) docs.emplace_back(d.at("id").get<std::string>(), d.at("text").get<std::string>());
  } catch (const json::exception& e) {
    return out({{"ok", false}, {"errors", {std::string("openTexts: ") + e.what()}}});
  }
  const auto r = g_app->open_texts(std::move(docs));
  return out(result_json(r));
}

// Start-up replay of the autosave log, one record at a time, in order: {ok, errors}.
EMSCRIPTEN_KEEPALIVE const char* gs_restore_document(const char* id, const char* text, size_t len) {
  wake();
  const auto r = g_app->restore_document(id, std::string(text, len));
  return out(result_json(r));
}
EMSCRIPTEN_KEEPALIVE const char* gs_restore_line(const char* line, size_t len, size_t number) {
  wake();
  const auto r = g_app->restore_line(std::string(line, len), number);
  return out(result_json(r));
}

EMSCRIPTEN_KEEPALIVE const char* gs_documents() {
  wake();
  json a = json::array();
  const auto& c = g_app->corpus();
  for (size_t i = 0; i < c.document_count(); ++i) {
    const auto& d = c.document(i);
    a.push_back({{"id", d.id()}, {"length", d.length()}, {"tokens", d.tokens().size()},
                 {"spans", c.document_spans(i).size()}, {"current", i == g_app->current()}});
  }
  return out(a);
}

// Adds spans {label, start, end} (code points) to a document as one undo step: {ok, errors}.
// mode: "token" (edges widen to whole tokens) or "character" (edges must be grapheme boundaries).
EMSCRIPTEN_KEEPALIVE const char* gs_add_spans(const char* data, size_t len) {
  wake();
  if (const auto r = refused_read_only()) return out(*r);
  try {
    const json req = json::parse(data, data + len);
    const auto i = doc_index(req.at("doc").get<std::string>().c_str());
    if (!i) return out({{"ok", false}, {"errors", {"no document '" + req.at("doc").get<std::string>() + "'"}}});
    std::vector<App::NewSpan> spans;
    for (const auto& s : req.at("spans"))
      spans.push_back({s.at("label").get<std::string>(), s.at("start").get<uint32_t>(), s.at("end").get<uint32_t>()});
    const auto mode = req.value("mode", "token") == "character" ? goldspan::EdgeMode::Character : goldspan::EdgeMode::Token;
    const auto r = g_app->add_spans(*i, spans, mode);
    return out(result_json(r));
  } catch (const json::exception& e) {
    return out({{"ok", false}, {"errors", {std::string("addSpans: ") + e.what()}}});
  }
}

// [SECTION] Export and import

// Writes `format` (core/io/formats.hpp): {name, mime, size, warnings}; the bytes stay until the
// next export, at gs_export_data(). Errors: {error}.
goldspan::ui::App::Exported g_export;
EMSCRIPTEN_KEEPALIVE const char* gs_export(const char* format, int utf16) {
  wake();
  try {
    g_export = g_app->export_as(format, utf16 != 0);
  } catch (const goldspan::Error& e) {
    return out({{"error", e.what()}});
  }
  return out({{"name", g_export.file_name}, {"mime", g_export.mime}, {"size", g_export.bytes.size()},
              {"warnings", g_export.warnings}});
}
EMSCRIPTEN_KEEPALIVE const char* gs_export_data() { return g_export.bytes.data(); }

// The same as File > Export: offers the file as a download.
EMSCRIPTEN_KEEPALIVE void gs_download(const char* format, int utf16) {
  wake();
  g_app->download(format, utf16 != 0);
}

// A gold JSON text: {ok, errors[, needsDictionaries]}; on any error nothing changes.
EMSCRIPTEN_KEEPALIVE const char* gs_import_gold(const char* data, size_t len) {
  wake();
  if (const auto r = refused_read_only()) return out(*r);
  return out(result_json(g_app->import_gold("import.json", std::string_view(data, len))));
}

// Labels with their kind, colour and hotkey.
EMSCRIPTEN_KEEPALIVE const char* gs_schema() {
  wake();
  json labels = json::array();
  for (const auto& t : g_app->corpus().schema().span_types()) {
    char color[8];
    std::snprintf(color, sizeof color, "#%06x", t.color);
    labels.push_back({{"name", t.name}, {"kind", goldspan::to_string(t.kind)}, {"color", color},
                      {"hotkey", t.hotkey ? std::string(1, t.hotkey) : std::string()}});
  }
  json relations = json::array();
  for (const auto& r : g_app->corpus().schema().relation_types()) relations.push_back(r.name);
  return out({{"name", g_app->corpus().schema().name()}, {"labels", labels}, {"relations", relations}});
}

// The spans of one document in reading order: {id, label, kind, start, end, text, fragments}.
EMSCRIPTEN_KEEPALIVE const char* gs_spans(const char* doc) {
  wake();
  const auto i = doc_index(doc);
  if (!i) return out(nullptr);
  const auto& c = g_app->corpus();
  const auto& d = c.document(*i);
  json a = json::array();
  for (goldspan::SpanId id : c.document_spans(*i)) {
    const auto& s = c.span(id);
    const auto e = s.fragments.extent();
    json frags = json::array();
    for (const auto& f : s.fragments) frags.push_back({f.start, f.end});
    json attrs = json::object();
    for (const auto& def : c.type_of(s).attributes)
      if (const std::string* v = c.attribute(s, def.name)) attrs[def.name] = *v;
    a.push_back({{"id", "s" + std::to_string(id)}, {"label", c.type_of(s).name}, {"kind", goldspan::to_string(c.type_of(s).kind)},
                 {"start", e.start}, {"end", e.end}, {"text", d.slice(e.start, e.end)}, {"fragments", frags},
                 {"cluster", c.cluster_of(id) ? json("c" + std::to_string(c.cluster_of(id))) : json(nullptr)},
                 {"attributes", attrs}});
  }
  return out(a);
}

// {left, current, suggestions: [{id, label, start, end, text, fragments, source}]}: the suggestions
// of document `doc` in reading order ("" for every document's); current is the id or null.
EMSCRIPTEN_KEEPALIVE const char* gs_suggestions(const char* doc) {
  wake();
  const auto& c = g_app->corpus();
  std::vector<size_t> docs;
  if (*doc) {
    const auto i = doc_index(doc);
    if (!i) return out(nullptr);
    docs.push_back(*i);
  } else {
    for (size_t i = 0; i < c.document_count(); ++i) docs.push_back(i);
  }
  json list = json::array();
  for (size_t d : docs)
    for (goldspan::SuggestionId id : c.suggestions_in(d, 0, c.document(d).length() + 1)) {
      const auto& g = *c.find_suggestion(id);
      const auto e = g.fragments.extent();
      json frags = json::array();
      for (const auto& f : g.fragments) frags.push_back({f.start, f.end});
      list.push_back({{"id", "g" + std::to_string(id)}, {"doc", c.document(d).id()}, {"label", c.schema().span_types()[g.type].name},
                      {"start", e.start}, {"end", e.end}, {"text", c.document(d).slice(e.start, e.end)}, {"fragments", frags},
                      {"source", c.annotator_name(g.source)}});
    }
  const goldspan::SuggestionId cur = g_app->suggestions_view().current(*g_app);
  return out({{"left", c.suggestions().size()}, {"current", cur ? json("g" + std::to_string(cur)) : json(nullptr)}, {"suggestions", list}});
}

// [SECTION] Automation

EMSCRIPTEN_KEEPALIVE int gs_scroll_to(const char* doc, uint32_t cp) {
  wake();
  const auto i = doc_index(doc);
  if (!i) return 0;
  g_app->scroll_to(*i, cp);
  return 1;
}

// {x, y, w, h} in canvas pixels (device pixels), or null.
EMSCRIPTEN_KEEPALIVE const char* gs_char_rect(const char* doc, uint32_t cp) {
  wake();
  const auto i = doc_index(doc);
  if (!i) return out(nullptr);
  const auto r = g_app->char_rect(*i, cp);
  if (!r) return out(nullptr);
  return out({{"x", r->x}, {"y", r->y}, {"w", r->w}, {"h", r->h}});
}

EMSCRIPTEN_KEEPALIVE int gs_select(const char* doc, uint32_t start, uint32_t end) {
  wake();
  const auto i = doc_index(doc);
  if (!i) return 0;
  g_app->select(*i, start, end);
  return 1;
}

EMSCRIPTEN_KEEPALIVE const char* gs_selection() {
  wake();
  auto& c = g_app->canvas();
  if (!c.document() || !c.has_selection()) return out(nullptr);
  return out({{"doc", c.document()->id()}, {"start", c.sel_start()}, {"end", c.sel_end()}});
}

// A document's relations by id: {id, type, from: {id, label, text}, to: {...}}; null when no such document.
EMSCRIPTEN_KEEPALIVE const char* gs_relations(const char* doc) {
  wake();
  const auto i = doc_index(doc);
  if (!i) return out(nullptr);
  const auto& c = g_app->corpus();
  auto end = [&](goldspan::SpanId id) {
    const auto& s = c.span(id);
    const auto e = s.fragments.extent();
    return json{{"id", "s" + std::to_string(id)}, {"label", c.type_of(s).name}, {"text", c.document(s.doc).slice(e.start, e.end)}};
  };
  json a = json::array();
  for (const auto& [id, r] : c.relations())
    if (c.span(r.source).doc == *i)
      a.push_back({{"id", "r" + std::to_string(id)}, {"type", c.schema().relation_types()[r.type].name},
                   {"from", end(r.source)}, {"to", end(r.target)}});
  return out(a);
}

// Pick-target mode: {relation, source, candidates, focused} (span ids), or null when not picking.
EMSCRIPTEN_KEEPALIVE const char* gs_pick() {
  wake();
  const auto& p = g_app->pick();
  if (!p.active()) return out(nullptr);
  auto sid = [](goldspan::SpanId id) { return "s" + std::to_string(id); };
  json cands = json::array();
  for (auto id : p.candidates) cands.push_back(sid(id));
  return out({{"relation", g_app->corpus().schema().relation_types()[size_t(p.type)].name}, {"source", sid(p.source)},
              {"candidates", cands}, {"focused", p.focused() ? json(sid(p.focused())) : json(nullptr)}});
}

// [SECTION] Claim links and panes (web/app/link_pick.cpp)

namespace {
json ref_json(goldspan::Ref r) {
  const auto& c = g_app->corpus();
  json j = {{"kind", r.kind == goldspan::Ref::Span ? "span" : "cluster"}, {"id", goldspan::to_string(r)}};
  if (r.kind == goldspan::Ref::Span)
    if (const auto* s = c.find_span(r.id)) {
      const auto e = s->fragments.extent();
      j["doc"] = c.document(s->doc).id();
      j["text"] = c.document(s->doc).slice(e.start, e.end);
    }
  return j;
}
}  // namespace

// Every claim link by id: {id, type, from: {kind, id, doc?, text?}, to: {...}}.
EMSCRIPTEN_KEEPALIVE const char* gs_links() {
  wake();
  const auto& c = g_app->corpus();
  json a = json::array();
  for (const auto& [id, l] : c.links())
    a.push_back({{"id", "l" + std::to_string(id)}, {"type", c.schema().link_types()[l.type].name},
                 {"from", ref_json(l.source)}, {"to", ref_json(l.target)}});
  return out(a);
}

// The Shift+L pick: null, or {source, target (null until chosen), menu: [{type, x, y, w, h}]}.
EMSCRIPTEN_KEEPALIVE const char* gs_link_pick() {
  wake();
  const auto& p = g_app->link_pick();
  if (!p.active) return out(nullptr);
  json menu = json::array();
  for (const auto& r : p.rows) menu.push_back({{"type", r.type}, {"x", r.x}, {"y", r.y}, {"w", r.w}, {"h", r.h}});
  return out({{"source", ref_json(p.source)}, {"target", p.target ? ref_json(*p.target) : json(nullptr)}, {"menu", menu}});
}

// The panes: {sideBySide, active, panes: [doc id per shown pane]}.
EMSCRIPTEN_KEEPALIVE const char* gs_panes() {
  wake();
  json panes = json::array();
  for (int i = 0; i < (g_app->side_by_side() ? 2 : 1); ++i) {
    const auto* d = g_app->pane(i).canvas.document();
    panes.push_back(d ? json(d->id()) : json(nullptr));
  }
  return out({{"sideBySide", g_app->side_by_side()}, {"active", g_app->active_pane()}, {"panes", panes}});
}

EMSCRIPTEN_KEEPALIVE void gs_side_by_side(int on) {
  wake();
  g_app->set_side_by_side(on != 0);
}

// Shows a document in pane 0 (left) or 1 (right, turning side by side on); 0 when no such document.
EMSCRIPTEN_KEEPALIVE int gs_show_in_pane(const char* doc, int pane) {
  wake();
  const auto i = doc_index(doc);
  if (!i || pane < 0 || pane > 1) return 0;
  g_app->show_in_pane(pane, *i);
  return 1;
}

// The selected span's id, or null.
EMSCRIPTEN_KEEPALIVE const char* gs_selected_span() {
  wake();
  const auto id = g_app->selected_span();
  return out(id ? json("s" + std::to_string(id)) : json(nullptr));
}

EMSCRIPTEN_KEEPALIVE double gs_frame_ms() { return g_frame_ms; }

// The last message of the status bar (why an edit was refused, etc.).
EMSCRIPTEN_KEEPALIVE const char* gs_status() {
  wake(); return out(g_app->status()); }
// The save state the status bar drew last ("all changes saved", "saving…", or the warning).
EMSCRIPTEN_KEEPALIVE const char* gs_save_line() { return out(g_app->save_line()); }

// [SECTION] Clusters (web/app/cluster_finder.cpp, web/app/clusters_panel.cpp)

// Every cluster by id: {id, kind, name, members: [{id, doc, start, end, text}]} (members by span id).
EMSCRIPTEN_KEEPALIVE const char* gs_clusters() {
  wake();
  const auto& c = g_app->corpus();
  json a = json::array();
  for (const auto& [id, cl] : c.clusters()) {
    json members = json::array();
    for (goldspan::SpanId m : cl.members) {
      const auto& s = c.span(m);
      const auto e = s.fragments.extent();
      members.push_back({{"id", "s" + std::to_string(m)}, {"doc", c.document(s.doc).id()}, {"start", e.start}, {"end", e.end},
                         {"text", c.document(s.doc).slice(e.start, e.end)}});
    }
    a.push_back({{"id", "c" + std::to_string(id)}, {"kind", goldspan::to_string(cl.kind)}, {"name", cl.name}, {"members", members}});
  }
  return out(a);
}

// The k finder: {open, span, query, highlighted, rows: [{cluster, text, score, x, y, w, h}]}
// (cluster null for the "New cluster" row; rectangles in canvas pixels, from the last frame).
EMSCRIPTEN_KEEPALIVE const char* gs_cluster_finder() {
  wake();
  const auto& f = g_app->cluster_finder();
  if (!f.is_open()) return out({{"open", false}});
  json rows = json::array();
  for (size_t i = 0; i < f.rows().size(); ++i) {
    const auto& r = f.rows()[i];
    json row = {{"cluster", r.cluster ? json("c" + std::to_string(r.cluster)) : json(nullptr)}, {"text", r.text}, {"score", r.score}};
    if (i < f.row_boxes().size()) {
      const auto& b = f.row_boxes()[i];
      row["x"] = b.x;
      row["y"] = b.y;
      row["w"] = b.w;
      row["h"] = b.h;
    }
    rows.push_back(row);
  }
  return out({{"open", true}, {"span", "s" + std::to_string(f.span())}, {"query", f.query()},
              {"highlighted", f.cursor()}, {"rows", rows}});
}

// The clusters panel's controls: {controls: {name: {x, y, w, h}}} (canvas pixels), and the
// rename in progress: {cluster, text, active} or null.
EMSCRIPTEN_KEEPALIVE const char* gs_clusters_panel() {
  wake();
  json controls = json::object();
  const auto& p = g_app->clusters_panel();
  for (const auto& c : p.controls()) controls[c.name] = {{"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}};
  json renaming = nullptr;
  if (p.renaming()) renaming = {{"cluster", goldspan::format_id('c', p.renaming())}, {"text", p.rename_text()}, {"active", p.rename_active()}};
  return out({{"controls", controls}, {"renaming", renaming}});
}

// The documents panel's L/R buttons while side by side: {controls: {name: {x, y, w, h}}}.
EMSCRIPTEN_KEEPALIVE const char* gs_documents_panel() {
  wake();
  json controls = json::object();
  for (const auto& c : g_app->documents_controls()) controls[c.name] = {{"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}};
  for (const auto& c : g_app->menu_controls()) controls[c.name] = {{"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}};
  return out({{"controls", controls}});
}

// [SECTION] Search (core/search; the page's panel is web/app/search_panel.cpp)

// Every hit of `pattern` in every document: [{doc, start, end, text}], or {error}.
EMSCRIPTEN_KEEPALIVE const char* gs_search(const char* pattern, int regex, int ignore_case) {
  wake();
  goldspan::FindOptions o;
  o.regex = regex != 0;
  o.ignore_case = ignore_case != 0;
  try {
    json a = json::array();
    for (const auto& h : goldspan::Finder(pattern, o).find_all(g_app->corpus())) a.push_back(hit_json(h));
    return out(a);
  } catch (const goldspan::Error& e) {
    return out({{"error", e.what()}});
  }
}

// What the search panel shows: {open, pattern, regex, ignoreCase, count, current, hit, error,
// controls: {name: {x, y, w, h}}} (canvas pixels; the page converts them).
EMSCRIPTEN_KEEPALIVE const char* gs_search_panel() {
  wake();
  const auto& p = g_app->search_panel();
  json j = {{"open", p.is_open()}, {"pattern", p.pattern()}, {"regex", p.regex()}, {"ignoreCase", p.ignore_case()},
            {"count", p.hits().size()}, {"current", p.current()}, {"hit", nullptr}, {"error", p.error()},
            {"searches", p.searches()}, {"pending", p.due() > 0}};
  if (p.current() >= 0) j["hit"] = hit_json(p.hits()[static_cast<size_t>(p.current())]);
  json controls = json::object();
  for (const auto& c : p.controls()) controls[c.name] = {{"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}};
  j["controls"] = controls;
  return out(j);
}

// [SECTION] Claims table (core/claims/table.hpp; the window is web/app/claims_view.cpp)

// {open, documents, rows: [{name, cluster, contradicted, cells: {doc: [{span, text, claimants,
// cues, stance}]}, links: [{type, row}]}], cells: [{span, x, y, w, h}]} (cells: where the window
// drew each claim in the last frame, canvas pixels; empty when closed).
EMSCRIPTEN_KEEPALIVE const char* gs_claims_table() {
  wake();
  goldspan::ui::ClaimsView& v = g_app->claims_view();
  json j = json::parse(goldspan::claims_json(v.table(*g_app)).dump());  // ordered_json → json
  j["open"] = v.is_open();
  json cells = json::array();
  for (const auto& c : v.cells()) cells.push_back({{"span", goldspan::format_id('s', c.span)}, {"x", c.x}, {"y", c.y}, {"w", c.w}, {"h", c.h}});
  j["cells"] = cells;
  return out(j);
}

}  // extern "C"
