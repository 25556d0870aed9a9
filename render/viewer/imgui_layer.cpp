#include "render/viewer/imgui_layer.hpp"

#include <SDL.h>
#include <backends/imgui_impl_opengl3.h>
#include <backends/imgui_impl_sdl.h>
#include <imgui.h>

namespace frontline {

Result<std::unique_ptr<ImGuiLayer>> ImGuiLayer::create(WindowTarget& window, float uiScale) {
  IMGUI_CHECKVERSION();
  std::unique_ptr<ImGuiLayer> layer(new ImGuiLayer(window));
  ImGui::CreateContext();
  ImGuiIO& io = ImGui::GetIO();
  io.IniFilename = nullptr;  // no imgui.ini files left in the user's folders
  io.ConfigFlags |= ImGuiConfigFlags_NavEnableKeyboard;
  ImGui::StyleColorsLight();
  ImGui::GetStyle().ScaleAllSizes(uiScale);
  io.FontGlobalScale = uiScale;
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

}  // namespace frontline
