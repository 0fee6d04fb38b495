#include "runtime/SnapshotTypes.h"

namespace op {

void registerRuntimeMetaTypes()
{
    qRegisterMetaType<SnapshotPtr>("SnapshotPtr");
    qRegisterMetaType<op::Alert>("op::Alert");
}

} // namespace op
