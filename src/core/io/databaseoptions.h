// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <chrono>

namespace coroscope::io {

// How Database::open sets up its worker connections.
struct DatabaseOptions {
    // Worker threads, each with its own connection: statements on different workers run in
    // parallel (reads truly so in WAL mode; writers still take turns on SQLite's one write lock).
    int workers = 2;
    // How long a statement waits for another connection's write lock before failing as "locked".
    std::chrono::milliseconds busyTimeout{5000};
    // Opens the file with SQLITE_OPEN_READONLY: every write fails with a "read-only" error. Also
    // the honest way to test read-only files when running as root, who ignores file permissions.
    bool readOnly = false;
    // PRAGMA synchronous=OFF instead of NORMAL: commits no longer wait for the disk, which makes
    // many small transactions several times faster, but an OS crash or power cut can lose recent
    // commits or corrupt the file. Only for throwaway databases (benchmarks, scratch tables).
    // With the default (WAL + NORMAL) a crash can lose the last commits but never corrupts.
    bool unsafeFastWrites = false;
};

} // namespace coroscope::io
