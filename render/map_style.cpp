#include "render/map_style.hpp"
