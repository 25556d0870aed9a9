#include "render/viewer/export_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "render/export/video_encoder.hpp"

namespace frontline {
namespace {

constexpr const char* kFormats[] = {"PNG frames (a folder)", "Video: MP4 (H.264)", "Video: WebM (VP9)", "GIF"};
constexpr const char* kExtensions[] = {"", ".mp4", ".webm", ".gif"};

// The output name with the extension the format asks for (PNG frames: none).
std::string withExtension(std::string name, int format) {
  for (const char* ext : {".mp4", ".webm", ".gif"}) {
    const std::string e(ext);
    if (name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) {
      name.resize(name.size() - e.size());
      break;
    }
  }
  return name + kExtensions[format];
}

}  // namespace

void ExportDialog::open(const ExportJobSettings& current) {
  open_ = true;
  ffmpeg_ = findFfmpeg().has_value();
  if (!running()) {
    from_ = current.from.iso();
    to_ = current.to.iso();
    daysPerSecond_ = static_cast<float>(current.daysPerSecond);
    error_.clear();
  }
}

void ExportDialog::startJob(const ExportJobSettings& current, int viewerWidth, Date from, Date to) {
  ExportJobSettings s = current;
  s.output = withExtension(output_, format_);
  output_ = s.output.string();
  s.from = from;
  s.to = to;
  s.fps = fps_;
  s.daysPerSecond = daysPerSecond_;
  // The same ground across the width as in the window, at the export's size.
  s.frame.view.unitsPerPixel = current.frame.view.unitsPerPixel * viewerWidth / std::max(1, width_);
  s.frame.scale = defaultScaleFor(width_, height_);
  s.width = width_;
  s.height = height_;
  s.overwrite = overwrite_;
  job_.reset();  // a finished job's thread is joined here
  job_ = ExportJob::start(std::move(s));
}

void ExportDialog::start(const ExportJobSettings& current, int viewerWidth, const std::string& output, Date from,
                         Date to) {
  open(current);
  output_ = output;
  format_ = 0;
  for (int f = 1; f < 4; ++f) {
    const std::string ext = kExtensions[f];
    if (output.size() > ext.size() && output.compare(output.size() - ext.size(), ext.size(), ext) == 0) format_ = f;
  }
  width_ = 640;
  height_ = 360;
  overwrite_ = true;
  startJob(current, viewerWidth, from, to);
}

float ExportDialog::progress() const {
  if (!job_ || job_->framesTotal() == 0) return 0;
  return static_cast<float>(job_->framesDone()) / static_cast<float>(job_->framesTotal());
}

void ExportDialog::draw(const ExportJobSettings& current, int viewerWidth, float screenWidth, float screenHeight) {
  if (!open_) return;
  ImGui::SetNextWindowPos(ImVec2(screenWidth / 2, screenHeight / 3), ImGuiCond_Appearing, ImVec2(0.5f, 0.5f));
  ImGui::SetNextWindowSize(ImVec2(560, 0), ImGuiCond_Appearing);
  if (!ImGui::Begin("Export###export", &open_, ImGuiWindowFlags_NoCollapse)) {
    ImGui::End();
    return;
  }
  const bool busy = running();
  ImGui::BeginDisabled(busy);
  ImGui::TextWrapped("Renders the current view and layers, headless, exactly as the viewer draws them.");
  ImGui::Separator();
  ImGui::SetNextItemWidth(-140);
  if (ImGui::Combo("Format", &format_, kFormats, 4)) output_ = withExtension(output_, format_);
  if (format_ > 0 && !ffmpeg_) ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "Videos need ffmpeg, which is not installed.");
  ImGui::SetNextItemWidth(-140);
  ImGui::InputText(format_ == 0 ? "Folder" : "File", &output_);
  ImGui::SetNextItemWidth(120);
  ImGui::InputText("From", &from_);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(120);
  ImGui::InputText("To", &to_);
  ImGui::SetNextItemWidth(120);
  ImGui::InputFloat("Days per second", &daysPerSecond_, 0, 0, "%.1f");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(80);
  ImGui::InputFloat("Frames per second", &fps_, 0, 0, "%.0f");
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt("Width", &width_, 0);
  ImGui::SameLine();
  ImGui::SetNextItemWidth(90);
  ImGui::InputInt("Height", &height_, 0);
  ImGui::Checkbox("Replace what is there", &overwrite_);

  const auto from = Date::parse(from_), to = Date::parse(to_);
  std::string problem;
  if (!from || !to) problem = "From and To must be dates (YYYY-MM-DD)";
  else if (*to < *from) problem = "To is before From";
  else if (!(daysPerSecond_ > 0) || !(fps_ > 0)) problem = "Speeds must be more than 0";
  else if (width_ < 16 || height_ < 16 || width_ > 8192 || height_ > 8192) problem = "Size must be 16 to 8192 pixels";
  else if (format_ > 0 && format_ < 3 && (width_ % 2 || height_ % 2)) problem = "Videos need an even width and height";
  else if (output_.empty()) problem = "Name the output";
  else if (format_ > 0 && !ffmpeg_) problem = "ffmpeg is missing";
  if (!problem.empty()) {
    ImGui::TextColored(ImVec4(0.75f, 0.1f, 0.1f, 1), "%s", problem.c_str());
  } else {
    const double frames = std::floor((to->days() - from->days()) * fps_ / daysPerSecond_) + 1;
    ImGui::TextDisabled("%.0f frames, %.1f s", frames, frames / fps_);
  }
  ImGui::BeginDisabled(!problem.empty());
  if (ImGui::Button("Export", ImVec2(120, 0))) startJob(current, viewerWidth, *from, *to);
  ImGui::EndDisabled();
  ImGui::EndDisabled();

  if (job_) {
    ImGui::Separator();
    if (!job_->finished()) {
      char overlay[96];
      std::snprintf(overlay, sizeof overlay, "%zu / %zu frames (%s)", job_->framesDone(), job_->framesTotal(),
                    job_->stage().c_str());
      ImGui::ProgressBar(progress(), ImVec2(-110, 0), overlay);
      ImGui::SameLine();
      if (ImGui::Button("Cancel", ImVec2(100, 0))) job_->cancel();
    } else {
      const ImVec4 colour = job_->succeeded() ? ImVec4(0.1f, 0.5f, 0.1f, 1) : ImVec4(0.75f, 0.1f, 0.1f, 1);
      ImGui::PushTextWrapPos(0);
      ImGui::TextColored(colour, "%s", job_->outcome().c_str());
      ImGui::PopTextWrapPos();
    }
  }
  ImGui::End();
}

}  // namespace frontline
