#pragma once

#include "analytics/Alert.h"
#include "io/QuarantineRecord.h"
#include "model/OrderEvent.h"
#include "sources/KafkaOffset.h"

#include <cstdint>
#include <string>
#include <vector>

namespace op {

// One record the engine accepted, as the sinks store it (docs/storage.md): the event itself
// (normalised by the engine) and whether the engine judged it late, so that `report` can replay
// the stored records and rebuild exactly the report the workers computed.
struct StoredRecord
{
    OrderEvent event;
    bool late = false;
    int partition = 0;         // Kafka partition; 0 for a file
    std::int64_t offset = -1;  // Kafka offset; -1 for a file
};

// What the ingest thread hands to the sink thread: everything that happened between two
// hand-overs. A transactional sink writes a batch all or nothing, offsets included, so that a
// batch's effect is exactly once however often it is delivered.
struct SinkBatch
{
    std::string topic;                       // Kafka topic; for files the source name
    std::vector<StoredRecord> records;       // accepted records (late ones too), arrival order
    std::int64_t duplicates = 0;             // records the engine rejected as duplicates
    std::vector<QuarantineRecord> quarantined;
    std::vector<Alert> alerts;               // live alerts these records fired
    std::vector<KafkaOffset> offsets;        // next offset per partition after this batch (Kafka only)
    // First offset of every partition in `offsets` (same order): where this batch starts, for the
    // guard of docs/storage.md (the stored next offset must equal it).
    std::vector<KafkaOffset> startOffsets;
    std::int64_t sequence = 0;               // 1, 2, 3, ... per pipeline

    bool empty() const { return records.empty() && duplicates == 0 && quarantined.empty() && alerts.empty(); }
};

} // namespace op
