#include "metrics/PrometheusText.h"

#include <cmath>
#include <cstdio>

namespace op {

namespace {

void appendEscaped(std::string &out, std::string_view value, bool quoteToo)
{
    for (const char c : value) {
        if (c == '\\')
            out += "\\\\";
        else if (c == '\n')
            out += "\\n";
        else if (c == '"' && quoteToo)
            out += "\\\"";
        else
            out += c;
    }
}

} // namespace

std::string prometheusNumber(double value)
{
    if (std::isnan(value))
        return "NaN";
    if (std::isinf(value))
        return value > 0 ? "+Inf" : "-Inf";
    char buffer[64];
    if (value == std::floor(value) && std::fabs(value) < 9.0e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", value);
    else
        std::snprintf(buffer, sizeof buffer, "%.9g", value);
    return buffer;
}

void PrometheusText::header(std::string_view name, std::string_view help, std::string_view type)
{
    m_text += "# HELP ";
    m_text += name;
    m_text += ' ';
    appendEscaped(m_text, help, false);
    m_text += "\n# TYPE ";
    m_text += name;
    m_text += ' ';
    m_text += type;
    m_text += '\n';
}

void PrometheusText::sample(std::string_view name, const Labels &labels, double value)
{
    m_text += name;
    if (!labels.empty()) {
        m_text += '{';
        for (std::size_t i = 0; i < labels.size(); ++i) {
            if (i > 0)
                m_text += ',';
            m_text += labels[i].first;
            m_text += "=\"";
            appendEscaped(m_text, labels[i].second, true);
            m_text += '"';
        }
        m_text += '}';
    }
    m_text += ' ';
    m_text += prometheusNumber(value);
    m_text += '\n';
}

void PrometheusText::counter(std::string_view name, std::string_view help, double value, const Labels &labels)
{
    counterFamily(name, help, {Sample{labels, value}});
}

void PrometheusText::gauge(std::string_view name, std::string_view help, double value, const Labels &labels)
{
    gaugeFamily(name, help, {Sample{labels, value}});
}

void PrometheusText::counterFamily(std::string_view name, std::string_view help, const std::vector<Sample> &samples)
{
    header(name, help, "counter");
    for (const Sample &s : samples)
        sample(name, s.labels, s.value);
}

void PrometheusText::gaugeFamily(std::string_view name, std::string_view help, const std::vector<Sample> &samples)
{
    header(name, help, "gauge");
    for (const Sample &s : samples)
        sample(name, s.labels, s.value);
}

void PrometheusText::histogram(std::string_view name, std::string_view help, std::span<const double> upperBounds,
                               std::span<const std::int64_t> counts, double sum)
{
    header(name, help, "histogram");
    const std::string bucket = std::string(name) + "_bucket";
    std::int64_t cumulative = 0;
    for (std::size_t i = 0; i < upperBounds.size(); ++i) {
        cumulative += i < counts.size() ? counts[i] : 0;
        sample(bucket, {{"le", prometheusNumber(upperBounds[i])}}, static_cast<double>(cumulative));
    }
    cumulative += counts.size() > upperBounds.size() ? counts[upperBounds.size()] : 0;
    sample(bucket, {{"le", "+Inf"}}, static_cast<double>(cumulative));
    sample(std::string(name) + "_sum", {}, sum);
    sample(std::string(name) + "_count", {}, static_cast<double>(cumulative));
}

} // namespace op
