// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include "patterns/parameter.h"

#include <QVariantMap>
#include <QWidget>

class QFormLayout;
class QLabel;

namespace coroscope::app {

// A form generated from a pattern's typed parameters: spin boxes with units and ranges for
// numbers, line edits for URLs and text, each checked as it is edited with the reason shown
// under it.
class ParameterPanel : public QWidget
{
    Q_OBJECT
public:
    explicit ParameterPanel(QWidget *parent = nullptr);

    // Rebuilds the form with every parameter at its default.
    void setSpecs(const patterns::ParameterSpecs &specs);
    const patterns::ParameterSpecs &specs() const { return m_specs; }

    QVariantMap values() const;
    // Applies the values that are valid for the current specs; returns what was rejected.
    QStringList setValues(const QVariantMap &values);
    void resetToDefaults();
    // One message per invalid field, empty when the form can run.
    QStringList errors() const;
    bool isValid() const { return errors().isEmpty(); }

    QWidget *editor(const QString &name) const;

Q_SIGNALS:
    void validityChanged(bool valid);
    // Enter pressed in a field.
    void runRequested();

private:
    struct Field {
        patterns::ParameterSpec spec;
        QWidget *editor = nullptr;
        QLabel *error = nullptr;
    };
    QVariant valueOf(const Field &field) const;
    void setValueOf(Field &field, const QVariant &value);
    void check(Field &field);
    void onEdited(Field &field);

    patterns::ParameterSpecs m_specs;
    std::vector<Field> m_fields;
    QFormLayout *m_form;
    QLabel *m_empty;
    bool m_valid = true;
};

} // namespace coroscope::app
