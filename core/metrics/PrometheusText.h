#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace op {

// Writes the Prometheus text exposition format (version 0.0.4): HELP and TYPE once per family,
// then its samples. Label values are escaped (\\, \", \n). Families must be written whole: one
// call to a family function per metric name (counterFamily for several label sets).
class PrometheusText
{
public:
    using Labels = std::vector<std::pair<std::string, std::string>>;
    struct Sample
    {
        Labels labels;
        double value = 0;
    };

    void counter(std::string_view name, std::string_view help, double value, const Labels &labels = {});
    void gauge(std::string_view name, std::string_view help, double value, const Labels &labels = {});
    void counterFamily(std::string_view name, std::string_view help, const std::vector<Sample> &samples);
    void gaugeFamily(std::string_view name, std::string_view help, const std::vector<Sample> &samples);
    // Cumulative histogram: `upperBounds` ascending (seconds), `counts[i]` observations in
    // (upperBounds[i-1], upperBounds[i]]; `counts` has one more entry for +Inf.
    void histogram(std::string_view name, std::string_view help, std::span<const double> upperBounds,
                   std::span<const std::int64_t> counts, double sum);

    const std::string &text() const { return m_text; }
    std::string take() { return std::move(m_text); }

private:
    void header(std::string_view name, std::string_view help, std::string_view type);
    void sample(std::string_view name, const Labels &labels, double value);

    std::string m_text;
};

// The number as Prometheus writes it: integers without a fraction, NaN/+Inf/-Inf by name.
std::string prometheusNumber(double value);

} // namespace op
