// The viewer's list of problems: dataset errors and warnings (file:row:column), a story file that
// could not be read, a layer that failed to load, an export that failed. The map keeps showing
// what is valid; this window says what is not. Draws with ImGui.
#pragma once

#include <string>
#include <vector>

namespace frontline {

struct ViewerProblem {
  std::string where;  // "events.csv:12:3"; may be empty
  std::string what;
  bool error = true;  // false: a warning
};

class ErrorPanel {
 public:
  void add(ViewerProblem problem);
  void add(const std::string& where, const std::string& what, bool error = true) { add({where, what, error}); }
  const std::vector<ViewerProblem>& problems() const { return problems_; }
  size_t errors() const { return errors_; }
  size_t warnings() const { return problems_.size() - errors_; }

  bool open = false;  // the window is showing (opens by itself when an error is added)
  // Draws the window when open, centred near the top of a width x height screen.
  void draw(float width, float height);

 private:
  std::vector<ViewerProblem> problems_;
  size_t errors_ = 0;
};

}  // namespace frontline
