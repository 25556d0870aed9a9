#include "render/viewer/imgui_layer.hpp"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <system_error>

namespace frontline {
namespace {

// Latin with the extensions transliterated place names use (ā, ū, ḩ, ş...) and general punctuation
// (dashes, quotes, bullet). Icons on buttons are drawn as shapes: Noto Sans has no arrows.
constexpr ImWchar kGlyphRanges[] = {
    0x0020, 0x024F,  // Basic Latin .. Latin Extended-B
    0x02B0, 0x02FF,  // modifier letters (ʿayn, hamza as ʾ ʿ)
    0x0300, 0x036F,  // combining marks
    0x1E00, 0x1EFF,  // Latin Extended Additional
    0x2000, 0x206F,  // general punctuation
    0,
};

constexpr float kSizes[] = {17.0f, 17.0f, 34.0f, 46.0f, 28.0f};  // by UiFont

}  // namespace

Result<std::unique_ptr<ImGuiLayer>> ImGuiLayer::create(WindowTarget& window, float uiScale,
                                                       const std::filesystem::path& regular,
                                                       const std::filesystem::path& bold) {
  IMGUI_CHECKVERSION();
  std::unique_ptr<ImGuiLayer> layer(new ImGuiLayer(window));
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini files left in the user's folders
  // No keyboard navigation: the viewer's shortcuts (Space, arrows, Page Up/Down) must not also
  // press whichever ImGui button was clicked last.
  ImGui::StyleColorsLight();
  ImGui::GetStyle().ScaleAllSizes(uiScale);

  std::error_code ec;
  const bool haveRegular = !regular.empty() && std::filesystem::is_regular_file(regular, ec);
  const bool haveBold = !bold.empty() && std::filesystem::is_regular_file(bold, ec);
  for (int i = 0; i < 5; ++i) {
    const auto kind = static_cast<UiFont>(i);
    const bool wantBold = kind == UiFont::Bold || kind == UiFont::Large || kind == UiFont::SlideTitle;
    const std::filesystem::path& file = wantBold && haveBold ? bold : regular;
    ImFont* font = nullptr;
    if (haveRegular) {
      ImFontConfig config;
      config.OversampleH = 2;
      config.OversampleV = 1;
      font = io.Fonts->AddFontFromFileTTF(file.c_str(), kSizes[i] * uiScale, &config, kGlyphRanges);
    }
    if (!font) {  // the built-in 13 px font, scaled when drawn
      ImFontConfig config;
      config.SizePixels = 13.0f * uiScale;
      font = io.Fonts->AddFontDefault(&config);
      if (font) font->Scale = kSizes[i] / 13.0f;
    }
    layer->fonts_[i] = font;
  }
  if (!ImGui_ImplSDL2_InitForOpenGL(static_cast<SDL_Window*>(window.sdlWindow()), window.glContext()) ||
      !ImGui_ImplOpenGL3_Init("#version 330 core")) {
    ImGui::DestroyContext();
    return makeError(ErrorKind::Render, "ImGui", "cannot initialise the SDL2/OpenGL3 backends");
  }
  return layer;
}

ImGuiLayer::~ImGuiLayer() {
  ImGui_ImplOpenGL3_Shutdown();
  ImGui_ImplSDL2_Shutdown();
  ImGui::DestroyContext();
}

bool ImGuiLayer::handleEvent(const SDL_Event& event) { return ImGui_ImplSDL2_ProcessEvent(&event); }

void ImGuiLayer::beginFrame() {
  ImGui_ImplOpenGL3_NewFrame();
  ImGui_ImplSDL2_NewFrame();
  ImGui::NewFrame();
}

void ImGuiLayer::endFrame() {
  ImGui::Render();
  window_.bindWindowFramebuffer();
  ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

bool ImGuiLayer::wantsMouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool ImGuiLayer::wantsKeyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }
bool ImGuiLayer::wantsTextInput() const { return ImGui::GetIO().WantTextInput; }

std::vector<PixelRect> ImGuiLayer::drawnRects() const {
  const ImDrawData* data = ImGui::GetDrawData();
  const int w = window_.windowWidth(), h = window_.windowHeight();
  Damage damage(w, h);
  if (!data || !data->Valid) return {};
  const ImVec2 scale = data->FramebufferScale, origin = data->DisplayPos;
  // Consecutive vertices belong to the same widget or shape: grow a box over them until it would
  // get large, then start another, so scattered marks give small boxes rather than one huge one.
  constexpr float kMaxSide = 96;
  for (int l = 0; l < data->CmdListsCount; ++l) {
    const ImDrawList* list = data->CmdLists[l];
    for (const ImDrawCmd& cmd : list->CmdBuffer) {
      if (cmd.UserCallback || cmd.ElemCount == 0) continue;
      const ImVec4 clip = cmd.ClipRect;
      bool open = false;
      float x0 = 0, y0 = 0, x1 = 0, y1 = 0;
      auto flush = [&] {
        if (!open) return;
        const float cx0 = std::max(x0, clip.x), cy0 = std::max(y0, clip.y);
        const float cx1 = std::min(x1, clip.z), cy1 = std::min(y1, clip.w);
        if (cx1 > cx0 && cy1 > cy0)
          damage.add(PixelRect{static_cast<int>(std::floor((cx0 - origin.x) * scale.x)) - 1,
                               static_cast<int>(std::floor((cy0 - origin.y) * scale.y)) - 1,
                               static_cast<int>(std::ceil((cx1 - origin.x) * scale.x)) + 1,
                               static_cast<int>(std::ceil((cy1 - origin.y) * scale.y)) + 1});
        open = false;
      };
      for (unsigned i = 0; i < cmd.ElemCount; ++i) {
        const ImDrawVert& v = list->VtxBuffer[static_cast<int>(cmd.VtxOffset + list->IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])];
        if (open && std::max(x1, v.pos.x) - std::min(x0, v.pos.x) <= kMaxSide &&
            std::max(y1, v.pos.y) - std::min(y0, v.pos.y) <= kMaxSide) {
          x0 = std::min(x0, v.pos.x), y0 = std::min(y0, v.pos.y);
          x1 = std::max(x1, v.pos.x), y1 = std::max(y1, v.pos.y);
          continue;
        }
        if (open && i % 3 != 0) {  // finish the triangle in the box it started in
          x0 = std::min(x0, v.pos.x), y0 = std::min(y0, v.pos.y);
          x1 = std::max(x1, v.pos.x), y1 = std::max(y1, v.pos.y);
          continue;
        }
        flush();
        open = true;
        x0 = x1 = v.pos.x;
        y0 = y1 = v.pos.y;
      }
      flush();
    }
  }
  return damage.rects(16);
}

void ImGuiLayer::pushFont(UiFont font) { ImGui::PushFont(static_cast<ImFont*>(fonts_[static_cast<int>(font)])); }

float ImGuiLayer::fontSize(UiFont font) const {
  const auto* f = static_cast<const ImFont*>(fonts_[static_cast<int>(font)]);
  return f ? f->FontSize * f->Scale : 13.0f;
}

}  // namespace frontline
