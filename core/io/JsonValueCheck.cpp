#include "io/JsonValueCheck.h"

namespace op {

namespace ondemand = simdjson::ondemand;
using simdjson::error_code;

error_code checkJsonValue(ondemand::value &v, int depth, int maxDepth)
{
    if (depth > maxDepth)
        return simdjson::DEPTH_ERROR;
    ondemand::json_type type;
    if (const error_code e = v.type().get(type))
        return e;
    switch (type) {
    case ondemand::json_type::object: {
        ondemand::object object;
        if (const error_code e = v.get_object().get(object))
            return e;
        for (auto result : object) {
            ondemand::field field;
            std::string_view key; // unescaped only to check its escapes
            error_code e = std::move(result).get(field);
            if (e || (e = field.unescaped_key().get(key)) ||
                (e = checkJsonValue(field.value(), depth + 1, maxDepth)))
                return e;
        }
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::array: {
        ondemand::array array;
        if (const error_code e = v.get_array().get(array))
            return e;
        for (auto result : array) {
            ondemand::value element;
            error_code e = result.get(element);
            if (e || (e = checkJsonValue(element, depth + 1, maxDepth)))
                return e;
        }
        return simdjson::SUCCESS;
    }
    case ondemand::json_type::string: {
        std::string_view text;
        return v.get_string().get(text);
    }
    case ondemand::json_type::number: {
        double d = 0;
        const error_code e = v.get_double().get(d);
        return e == simdjson::INCORRECT_TYPE ? simdjson::NUMBER_ERROR : e; // "-" alone
    }
    case ondemand::json_type::boolean: {
        bool b = false;
        return v.get_bool().get(b) ? simdjson::T_ATOM_ERROR : simdjson::SUCCESS;
    }
    case ondemand::json_type::null: {
        bool isNull = false;
        return (v.is_null().get(isNull) || !isNull) ? simdjson::N_ATOM_ERROR : simdjson::SUCCESS;
    }
    }
    return simdjson::SUCCESS;
}

} // namespace op
