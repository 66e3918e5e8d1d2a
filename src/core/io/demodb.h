// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QString>

namespace coroscope::io {

// Stored in PRAGMA user_version once the demo data is in: tells a seeded demo database apart
// from an empty file or somebody else's database.
inline constexpr int demoDatabaseVersion = 1;

// Makes `path` the demo shop database: tables users, products, orders and notifications filled
// from io/demodata.h, so the lab server's JSON and the database always agree. A new or empty
// file is created and seeded in one transaction (the same rows every time); a file that already
// holds the demo data is left alone; a file with other tables is refused, never overwritten.
// Returns true when it seeded the file now. Blocks for the few milliseconds seeding takes; call
// it before the run (the app does, for a file in its data directory). Throws
// async::Error(ErrorKind::Database) naming the file and the reason.
bool ensureDemoDatabase(const QString &path);

} // namespace coroscope::io
