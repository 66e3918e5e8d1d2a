// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/databasetransaction.h"

#include "io/databaseconnection.h"

#include <sqlite3.h>

namespace coroscope::io::detail {

Transaction::Transaction(DatabaseConnection &connection)
    : m_connection(connection)
{
    // IMMEDIATE takes the write lock now (waiting up to the busy timeout for it) instead of
    // failing half-way through when another worker is writing.
    m_connection.exec("BEGIN IMMEDIATE");
}

Transaction::~Transaction()
{
    // SQLite may already have rolled back by itself after some errors.
    if (m_open && sqlite3_get_autocommit(m_connection.handle()) == 0)
        m_connection.execQuietly("ROLLBACK");
}

void Transaction::commit()
{
    m_connection.exec("COMMIT");
    m_open = false;
}

} // namespace coroscope::io::detail
