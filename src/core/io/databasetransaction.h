// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

namespace coroscope::io::detail {

class DatabaseConnection;

// BEGIN IMMEDIATE ... COMMIT, rolled back if commit() is never reached (an error, a
// cancellation): a failed bulk insert leaves no half of its rows behind.
class Transaction
{
public:
    explicit Transaction(DatabaseConnection &connection);
    ~Transaction();
    Transaction(const Transaction &) = delete;
    Transaction &operator=(const Transaction &) = delete;

    void commit();

private:
    DatabaseConnection &m_connection;
    bool m_open = true;
};

} // namespace coroscope::io::detail
