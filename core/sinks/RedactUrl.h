#pragma once

#include <string>
#include <string_view>

namespace op {

// A connection string as it may be shown (health page, logs, errors): the password of a URL
// (scheme://user:password@host) and of key=value forms (password=..., ?password=...) replaced
// by "***". Everything else is kept, so the user still sees which server is meant.
std::string redactUrl(std::string_view url);

} // namespace op
