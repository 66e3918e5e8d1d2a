// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

// Names shared by the Chrome trace exporter and importer: the exporter writes them, the
// importer recognises its own files by them. Kept in one place so the two cannot drift.
namespace coroscope::report::chrome {

// Written first, inside "otherData" (which Perfetto and chrome://tracing read as metadata).
inline constexpr char producerKey[] = "producer";
inline constexpr char producerName[] = "coroscope";
inline constexpr char formatKey[] = "coroscopeFormat";
inline constexpr int formatVersion = 1;
// Our lossless copy of the trace, written after "traceEvents". It must come after it:
// Perfetto's JSON reader stops at the first top-level key it does not know.
inline constexpr char losslessKey[] = "coroscope";

// The one process every task track belongs to.
inline constexpr int processId = 1;

// Categories of the slices and instants we write, for filtering in the viewers.
inline constexpr char taskCategory[] = "task";
inline constexpr char suspendedCategory[] = "suspended";
inline constexpr char markCategory[] = "mark";
// Flow events (ph "s" and "f"): who woke whom (classroom/wakeedges.h).
inline constexpr char wakeCategory[] = "wake";

} // namespace coroscope::report::chrome
