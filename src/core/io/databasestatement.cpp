// SPDX-License-Identifier: GPL-3.0-or-later
#include "io/databasestatement.h"

#include "async/errors.h"
#include "io/databaseconnection.h"

#include <QByteArray>

#include <limits>
#include <sqlite3.h>

namespace coroscope::io::detail {

Statement::Statement(DatabaseConnection &connection, const QString &sql)
    : m_connection(connection)
    , m_sql(sql)
{
    const QByteArray utf8 = sql.toUtf8();
    const char *tail = nullptr;
    int code = sqlite3_prepare_v2(connection.handle(), utf8.constData(), int(utf8.size()), &m_statement, &tail);
    if (code != SQLITE_OK)
        connection.raise(code, sql);
    if (!m_statement)
        throw async::Error(async::ErrorKind::InvalidArgument, QStringLiteral("empty SQL statement"));
    // Anything after the first statement except comments and whitespace is refused: one call,
    // one statement, so no text can smuggle a second one in.
    const char *end = utf8.constData() + utf8.size();
    if (tail && tail < end) {
        sqlite3_stmt *next = nullptr;
        code = sqlite3_prepare_v2(connection.handle(), tail, int(end - tail), &next, nullptr);
        sqlite3_finalize(next);
        if (code != SQLITE_OK || next) {
            sqlite3_finalize(m_statement);
            throw async::Error(async::ErrorKind::InvalidArgument,
                               QStringLiteral("more than one SQL statement in one call: %1").arg(sql.simplified()));
        }
    }
    m_parameters = sqlite3_bind_parameter_count(m_statement);
    m_columns = sqlite3_column_count(m_statement);
    m_textBuffers.resize(std::size_t(m_parameters));
}

Statement::~Statement()
{
    sqlite3_finalize(m_statement);
}

void Statement::bind(const QVariantList &values)
{
    if (values.size() != m_parameters)
        throw async::Error(async::ErrorKind::InvalidArgument,
                           QStringLiteral("the statement has %1 parameter(s) but %2 value(s) were given: %3")
                               .arg(m_parameters)
                               .arg(values.size())
                               .arg(m_sql.simplified()));
    bindFrom(0, values);
}

void Statement::bindFrom(int first, const QVariantList &values)
{
    Q_ASSERT(first + values.size() <= m_parameters);
    for (int i = 0; i < int(values.size()); ++i)
        bindValue(first + i + 1, values[i]);
}

void Statement::bindValue(int index, const QVariant &value)
{
    // The bound pointers (SQLITE_STATIC) stay valid: `value` and the text buffers outlive the
    // step that reads them.
    int code = SQLITE_OK;
    switch (value.typeId()) {
    case QMetaType::UnknownType:
    case QMetaType::Nullptr: code = sqlite3_bind_null(m_statement, index); break;
    // The common types are read in place: QVariant's converting getters cost more than the bind.
    case QMetaType::Int:
        code = sqlite3_bind_int64(m_statement, index, *static_cast<const int *>(value.constData()));
        break;
    case QMetaType::LongLong:
        code = sqlite3_bind_int64(m_statement, index, *static_cast<const qlonglong *>(value.constData()));
        break;
    case QMetaType::Double:
        code = sqlite3_bind_double(m_statement, index, *static_cast<const double *>(value.constData()));
        break;
    case QMetaType::Bool:
    case QMetaType::UInt:
    case QMetaType::Long:
    case QMetaType::Short:
    case QMetaType::UShort:
    case QMetaType::Char:
    case QMetaType::SChar:
    case QMetaType::UChar: code = sqlite3_bind_int64(m_statement, index, value.toLongLong()); break;
    case QMetaType::ULong:
    case QMetaType::ULongLong: {
        const qulonglong number = value.toULongLong();
        code = number <= qulonglong(std::numeric_limits<qint64>::max())
                   ? sqlite3_bind_int64(m_statement, index, qint64(number))
                   : sqlite3_bind_double(m_statement, index, double(number));
        break;
    }
    case QMetaType::Float: code = sqlite3_bind_double(m_statement, index, value.toDouble()); break;
    case QMetaType::QString: {
        const auto &text = *static_cast<const QString *>(value.constData());
        auto &buffer = m_textBuffers[std::size_t(index - 1)];
        const qsizetype needed = m_utf8.requiredSpace(text.size());
        if (buffer.size() < needed)
            buffer.resize(needed);
        const char *end = m_utf8.appendToBuffer(buffer.data(), text);
        code = sqlite3_bind_text64(m_statement, index, buffer.constData(), sqlite3_uint64(end - buffer.constData()),
                                   SQLITE_STATIC, SQLITE_UTF8);
        break;
    }
    case QMetaType::QByteArray: {
        const auto &bytes = *static_cast<const QByteArray *>(value.constData());
        code = sqlite3_bind_blob64(m_statement, index, bytes.isNull() ? "" : bytes.constData(),
                                   sqlite3_uint64(bytes.size()), SQLITE_STATIC);
        break;
    }
    default:
        // Dates and the like are stored as their text form, like QSqlQuery does.
        if (!value.canConvert<QString>())
            throw async::Error(async::ErrorKind::InvalidArgument,
                               QStringLiteral("parameter %1: cannot store a value of type %2 in SQLite")
                                   .arg(index)
                                   .arg(QString::fromLatin1(value.typeName())));
        const QByteArray text = value.toString().toUtf8();
        code = sqlite3_bind_text64(m_statement, index, text.constData(), sqlite3_uint64(text.size()), SQLITE_TRANSIENT,
                                   SQLITE_UTF8);
        break;
    }
    if (code != SQLITE_OK)
        m_connection.raise(code, m_sql);
}

bool Statement::step()
{
    const int code = sqlite3_step(m_statement);
    if (code == SQLITE_ROW)
        return true;
    if (code == SQLITE_DONE)
        return false;
    m_connection.raise(code, m_sql);
}

void Statement::reset()
{
    sqlite3_reset(m_statement);
}

QStringList Statement::columnNames() const
{
    QStringList names;
    names.reserve(m_columns);
    for (int i = 0; i < m_columns; ++i)
        names.append(QString::fromUtf8(sqlite3_column_name(m_statement, i)));
    return names;
}

QVariantList Statement::row() const
{
    QVariantList values;
    values.reserve(m_columns);
    for (int i = 0; i < m_columns; ++i) {
        switch (sqlite3_column_type(m_statement, i)) {
        case SQLITE_INTEGER: values.append(QVariant(qlonglong(sqlite3_column_int64(m_statement, i)))); break;
        case SQLITE_FLOAT: values.append(QVariant(sqlite3_column_double(m_statement, i))); break;
        case SQLITE_TEXT: {
            const auto *text = reinterpret_cast<const char *>(sqlite3_column_text(m_statement, i));
            values.append(QVariant(QString::fromUtf8(text, sqlite3_column_bytes(m_statement, i))));
            break;
        }
        case SQLITE_BLOB: {
            const auto *data = static_cast<const char *>(sqlite3_column_blob(m_statement, i));
            values.append(QVariant(QByteArray(data, sqlite3_column_bytes(m_statement, i))));
            break;
        }
        default: values.append(QVariant()); break;
        }
    }
    return values;
}

} // namespace coroscope::io::detail
