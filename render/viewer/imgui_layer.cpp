#include "render/viewer/imgui_layer.hpp"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <functional>
#include <string>
#include <string_view>
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

// One ImGui draw list as drawn in a frame: whose it is, a hash of everything that decides its
// pixels, and rectangles around its geometry (drawable pixels, y down).
struct ListInfo {
  std::string name;
  size_t hash = 0;
  std::vector<PixelRect> rects;
};

size_t hashBytes(size_t seed, const void* data, size_t size) {
  const size_t h = std::hash<std::string_view>{}(std::string_view(static_cast<const char*>(data), size));
  return seed ^ (h + 0x9e3779b97f4a7c15ULL + (seed << 6) + (seed >> 2));
}

// Consecutive vertices belong to one widget or shape: a box grows over them until it would get
// large, then another starts, so scattered marks give small boxes rather than one huge one.
ListInfo describe(const ImDrawList& list, const ImDrawData& data, const WindowTarget& window) {
  ListInfo info;
  info.name = list._OwnerName ? list._OwnerName : "";
  size_t h = hashBytes(0, list.VtxBuffer.Data, static_cast<size_t>(list.VtxBuffer.Size) * sizeof(ImDrawVert));
  h = hashBytes(h, list.IdxBuffer.Data, static_cast<size_t>(list.IdxBuffer.Size) * sizeof(ImDrawIdx));
  Damage damage(window.windowWidth(), window.windowHeight());
  const ImVec2 scale = data.FramebufferScale, origin = data.DisplayPos;
  constexpr float kMaxSide = 96;
  for (const ImDrawCmd& cmd : list.CmdBuffer) {
    const struct {
      ImVec4 clip;
      ImTextureID texture;
      unsigned vtx, idx, count;
    } key{cmd.ClipRect, cmd.TextureId, cmd.VtxOffset, cmd.IdxOffset, cmd.ElemCount};
    h = hashBytes(h, &key, sizeof key);
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
      const ImDrawVert& v = list.VtxBuffer[static_cast<int>(cmd.VtxOffset + list.IdxBuffer[static_cast<int>(cmd.IdxOffset + i)])];
      const bool fits = std::max(x1, v.pos.x) - std::min(x0, v.pos.x) <= kMaxSide &&
                        std::max(y1, v.pos.y) - std::min(y0, v.pos.y) <= kMaxSide;
      if (open && (fits || i % 3 != 0)) {  // a triangle stays in the box it started in
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
  info.hash = h;
  info.rects = damage.rects(8);
  return info;
}

bool overlaps(const std::vector<PixelRect>& a, const std::vector<PixelRect>& b) {
  for (const PixelRect& r : a)
    for (const PixelRect& q : b)
      if (r.x0 < q.x1 && q.x0 < r.x1 && r.y0 < q.y1 && q.y0 < r.y1) return true;
  return false;
}

}  // namespace

struct ImGuiLayer::Lists {
  std::vector<ListInfo> lists;
  int drawn = 0, kept = 0;
};

ImGuiLayer::ImGuiLayer(WindowTarget& window) : window_(window), lists_(std::make_unique<Lists>()) {}

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
  if (pointer_) {
    ImGuiIO& io = ImGui::GetIO();
    const ImVec2 scale = io.DisplayFramebufferScale;
    io.MousePos = ImVec2(pointer_->x / (scale.x > 0 ? scale.x : 1), pointer_->y / (scale.y > 0 ? scale.y : 1));
    io.MouseDown[0] = pointer_->down;
  }
  ImGui::NewFrame();
}

void ImGuiLayer::endFrame() {
  ImGui::Render();
  ImDrawData* data = ImGui::GetDrawData();
  std::vector<ListInfo> now;
  if (data && data->Valid)
    for (int l = 0; l < data->CmdListsCount; ++l) now.push_back(describe(*data->CmdLists[l], *data, window_));
  std::vector<ListInfo>& before = lists_->lists;

  // Which lists to draw: all, unless the window keeps its back buffer and the lists are the same
  // windows in the same order as last frame; then those whose content changed, and, repeatedly,
  // any that overlaps what is being restored (the map under a changed list, the redrawn map).
  std::vector<bool> draw(now.size(), true);
  bool sameOrder = now.size() == before.size();
  for (size_t i = 0; sameOrder && i < now.size(); ++i) sameOrder = now[i].name == before[i].name;
  if (window_.nextCopyIsPartial() && sameOrder) {
    std::vector<PixelRect> restore = *window_.nextCopy();
    for (size_t i = 0; i < now.size(); ++i) {
      draw[i] = now[i].hash != before[i].hash;
      if (draw[i]) {
        restore.insert(restore.end(), before[i].rects.begin(), before[i].rects.end());
        restore.insert(restore.end(), now[i].rects.begin(), now[i].rects.end());
      }
    }
    for (bool grew = true; grew;) {
      grew = false;
      for (size_t i = 0; i < now.size(); ++i)
        if (!draw[i] && overlaps(now[i].rects, restore)) {
          draw[i] = grew = true;
          restore.insert(restore.end(), now[i].rects.begin(), now[i].rects.end());
        }
    }
    window_.setNextCopy(std::move(restore));
  } else {
    for (const ListInfo& l : before) window_.addToNextCopy(l.rects);  // (a full copy restores all anyway)
  }

  window_.bindWindowFramebuffer();  // restores the map and the strip under what will be drawn
  lists_->drawn = lists_->kept = 0;
  if (data && data->Valid) {
    ImVector<ImDrawList*> chosen;
    for (size_t i = 0; i < now.size(); ++i) {
      if (draw[i]) chosen.push_back(data->CmdLists[static_cast<int>(i)]);
      ++(draw[i] ? lists_->drawn : lists_->kept);
    }
    ImDrawData subset = *data;
    subset.CmdLists = chosen.Data;
    subset.CmdListsCount = chosen.Size;
    subset.TotalVtxCount = subset.TotalIdxCount = 0;
    for (ImDrawList* list : chosen) {
      subset.TotalVtxCount += list->VtxBuffer.Size;
      subset.TotalIdxCount += list->IdxBuffer.Size;
    }
    if (subset.CmdListsCount > 0) ImGui_ImplOpenGL3_RenderDrawData(&subset);
  }
  before = std::move(now);
}

std::vector<PixelRect> ImGuiLayer::drawnRects() const {
  std::vector<PixelRect> out;
  for (const ListInfo& l : lists_->lists) out.insert(out.end(), l.rects.begin(), l.rects.end());
  return out;
}

void ImGuiLayer::forget() { lists_->lists.clear(); }

int ImGuiLayer::listsDrawn() const { return lists_->drawn; }
int ImGuiLayer::listsKept() const { return lists_->kept; }

bool ImGuiLayer::wantsMouse() const { return ImGui::GetIO().WantCaptureMouse; }
bool ImGuiLayer::wantsKeyboard() const { return ImGui::GetIO().WantCaptureKeyboard; }
bool ImGuiLayer::wantsTextInput() const { return ImGui::GetIO().WantTextInput; }

void ImGuiLayer::pushFont(UiFont font) { ImGui::PushFont(static_cast<ImFont*>(fonts_[static_cast<int>(font)])); }

float ImGuiLayer::fontSize(UiFont font) const {
  const auto* f = static_cast<const ImFont*>(fonts_[static_cast<int>(font)]);
  return f ? f->FontSize * f->Scale : 13.0f;
}

}  // namespace frontline
