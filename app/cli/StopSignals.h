#pragma once

namespace cli {

// SIGINT/SIGTERM handling for long-running commands without signal handlers: the signals are
// blocked in the calling thread before any worker thread (librdkafka's) is started, so every
// thread inherits the mask and the signals stay pending until the command looks at them.
// Call blockStopSignals() first thing in the command.
void blockStopSignals();
// True once SIGINT or SIGTERM arrived (consumes it); never blocks.
bool stopRequested();
// Waits for SIGINT or SIGTERM.
void waitForStopSignal();

} // namespace cli
