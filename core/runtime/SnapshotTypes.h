#pragma once

#include "analytics/Alert.h"
#include "analytics/Snapshot.h"

#include <QMetaType>

#include <memory>

// Snapshots and alerts cross threads by queued signals: they must be known to the meta-type system.
using SnapshotPtr = std::shared_ptr<const op::Snapshot>;
Q_DECLARE_METATYPE(SnapshotPtr)
Q_DECLARE_METATYPE(op::Alert)

namespace op {
// Registers the types above; call once before connecting queued signals that carry them.
void registerRuntimeMetaTypes();
} // namespace op
