#pragma once

#include <QString>

namespace cli {

// Headless runs take passwords from ORDERPULSE_PG_PASSWORD, ORDERPULSE_REDIS_PASSWORD and
// ORDERPULSE_KAFKA_PASSWORD. Each may hold the password or a reference ("keychain:<key>" to an OS
// keychain entry, "env:<VARIABLE>"): references are resolved here, once, into this process's
// environment, where the sinks and the Kafka client read them. Throws nothing; a reference that
// cannot be resolved is a runtime failure reported by the caller with the returned message.
// Returns an empty string when all is well.
QString resolveSecretReferences();

} // namespace cli
