#include "sinks/ReportRebuilder.h"

#include "analytics/Engine.h"

namespace op {

tl::expected<Report, std::string> rebuildReport(StoredDataReader &reader, const EngineSettings &settings)
{
    auto counters = reader.counters();
    if (!counters)
        return tl::make_unexpected(counters.error());
    Engine engine(settings);
    auto replayed = reader.forEachRecord([&engine](OrderEvent &event, bool late) {
        engine.process(event, 0, late ? Engine::Lateness::Late : Engine::Lateness::ByWatermark);
    });
    if (!replayed)
        return tl::make_unexpected(replayed.error());
    engine.finish();
    Report report = engine.report();
    // Stored records are unique by (order_id, kind): the duplicates the workers rejected are a
    // counter, and quarantined records never reach the engine.
    report.events.duplicates += counters->duplicates;
    report.events.quarantined = counters->quarantined;
    return report;
}

} // namespace op
