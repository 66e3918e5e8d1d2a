// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/run/parameterpanel.h"

#include <QAbstractSpinBox>
#include <QCoreApplication>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QKeyEvent>
#include <QLabel>
#include <QLineEdit>
#include <QSpinBox>
#include <QVBoxLayout>

#include <climits>
#include <cmath>

namespace coroscope::app {

using patterns::ParameterSpec;

namespace {

QString rangeText(const ParameterSpec &spec)
{
    return QCoreApplication::translate("ParameterPanel", "%1 to %2%3")
        .arg(spec.minimum)
        .arg(spec.maximum)
        .arg(spec.unit.isEmpty() ? QString() : QLatin1Char(' ') + spec.unit);
}

} // namespace

ParameterPanel::ParameterPanel(QWidget *parent)
    : QWidget(parent)
    , m_form(new QFormLayout)
    , m_empty(new QLabel(tr("This pattern has no parameters."), this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    m_form->setRowWrapPolicy(QFormLayout::DontWrapRows);
    m_form->setLabelAlignment(Qt::AlignLeft | Qt::AlignVCenter);
    layout->addLayout(m_form);
    layout->addWidget(m_empty);
    m_empty->setEnabled(false);
    layout->addStretch(1);
}

void ParameterPanel::setSpecs(const patterns::ParameterSpecs &specs)
{
    while (m_form->rowCount() > 0)
        m_form->removeRow(0);
    m_fields.clear();
    m_specs = specs;
    m_fields.reserve(specs.size());
    for (const auto &spec : specs) {
        Field field;
        field.spec = spec;
        QString tip
            = QStringLiteral("<b>%1</b> <code>%2</code>").arg(spec.label.toHtmlEscaped(), spec.name.toHtmlEscaped());
        if (!spec.help.isEmpty())
            tip += QStringLiteral("<br>") + spec.help.toHtmlEscaped();
        switch (spec.type) {
        case ParameterSpec::Type::Integer:
        case ParameterSpec::Type::DurationMs: {
            auto *box = new QSpinBox(this);
            const bool bounded = spec.maximum > spec.minimum;
            box->setRange(int(std::max<double>(spec.minimum, INT_MIN)),
                          bounded ? int(std::min<double>(spec.maximum, INT_MAX)) : INT_MAX);
            box->setSuffix(spec.unit.isEmpty() ? QString() : QLatin1Char(' ') + spec.unit);
            box->setAccelerated(true);
            box->setKeyboardTracking(false);
            tip += tr("<br>Range: ") + rangeText(spec);
            field.editor = box;
            break;
        }
        case ParameterSpec::Type::Real: {
            auto *box = new QDoubleSpinBox(this);
            box->setDecimals(2);
            box->setRange(spec.minimum, spec.maximum > spec.minimum ? spec.maximum : 1e12);
            box->setSingleStep(spec.maximum - spec.minimum > 10 ? 1.0 : 0.05);
            box->setSuffix(spec.unit.isEmpty() ? QString() : QLatin1Char(' ') + spec.unit);
            box->setKeyboardTracking(false);
            tip += tr("<br>Range: ") + rangeText(spec);
            field.editor = box;
            break;
        }
        case ParameterSpec::Type::Url:
        case ParameterSpec::Type::Text: {
            auto *edit = new QLineEdit(this);
            edit->setPlaceholderText(spec.type == ParameterSpec::Type::Url ? QStringLiteral("http://…") : spec.label);
            field.editor = edit;
            break;
        }
        }
        field.editor->setObjectName(spec.name);
        field.editor->setToolTip(tip);
        field.error = new QLabel(this);
        field.error->setWordWrap(true);
        field.error->setVisible(false);
        auto errorPalette = field.error->palette();
        errorPalette.setColor(QPalette::WindowText, QColor(0xd5, 0x3e, 0x00));
        field.error->setPalette(errorPalette);
        auto *label = new QLabel(spec.label, this);
        label->setToolTip(tip);
        label->setBuddy(field.editor);
        m_form->addRow(label, field.editor);
        m_form->addRow(QString(), field.error);
        m_fields.push_back(field);
    }
    m_empty->setVisible(specs.empty());
    for (auto &field : m_fields) {
        setValueOf(field, field.spec.defaultValue);
        // Connected after the defaults are in, so building the form is not an edit.
        auto *f = &field;
        if (auto *box = qobject_cast<QSpinBox *>(field.editor)) {
            connect(box, &QSpinBox::valueChanged, this, [this, f] { onEdited(*f); });
            connect(box->findChild<QLineEdit *>(), &QLineEdit::returnPressed, this, &ParameterPanel::runRequested);
        } else if (auto *real = qobject_cast<QDoubleSpinBox *>(field.editor)) {
            connect(real, &QDoubleSpinBox::valueChanged, this, [this, f] { onEdited(*f); });
            connect(real->findChild<QLineEdit *>(), &QLineEdit::returnPressed, this, &ParameterPanel::runRequested);
        } else if (auto *edit = qobject_cast<QLineEdit *>(field.editor)) {
            connect(edit, &QLineEdit::textChanged, this, [this, f] { onEdited(*f); });
            connect(edit, &QLineEdit::returnPressed, this, &ParameterPanel::runRequested);
        }
    }
    for (auto &field : m_fields)
        check(field);
    const bool valid = errors().isEmpty();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

QVariant ParameterPanel::valueOf(const Field &field) const
{
    if (auto *box = qobject_cast<QSpinBox *>(field.editor))
        return qlonglong(box->value());
    if (auto *real = qobject_cast<QDoubleSpinBox *>(field.editor))
        return real->value();
    if (auto *edit = qobject_cast<QLineEdit *>(field.editor))
        return edit->text().trimmed();
    return {};
}

void ParameterPanel::setValueOf(Field &field, const QVariant &value)
{
    if (auto *box = qobject_cast<QSpinBox *>(field.editor))
        box->setValue(int(value.toLongLong()));
    else if (auto *real = qobject_cast<QDoubleSpinBox *>(field.editor))
        real->setValue(value.toDouble());
    else if (auto *edit = qobject_cast<QLineEdit *>(field.editor))
        edit->setText(value.toString());
}

void ParameterPanel::check(Field &field)
{
    const auto error = field.spec.validate(valueOf(field));
    field.error->setText(error);
    field.error->setVisible(!error.isEmpty());
}

void ParameterPanel::onEdited(Field &field)
{
    check(field);
    const bool valid = errors().isEmpty();
    if (valid != m_valid) {
        m_valid = valid;
        Q_EMIT validityChanged(valid);
    }
}

QVariantMap ParameterPanel::values() const
{
    QVariantMap result;
    for (const auto &field : m_fields)
        result.insert(field.spec.name, valueOf(field));
    return result;
}

QStringList ParameterPanel::setValues(const QVariantMap &values)
{
    QStringList rejected;
    for (auto it = values.cbegin(); it != values.cend(); ++it) {
        auto field = std::find_if(m_fields.begin(), m_fields.end(),
                                  [&](const Field &f) { return f.spec.name == it.key(); });
        if (field == m_fields.end()) {
            rejected.append(QStringLiteral("unknown parameter \"%1\"").arg(it.key()));
            continue;
        }
        if (const auto error = field->spec.validate(it.value()); !error.isEmpty()) {
            rejected.append(error);
            continue;
        }
        setValueOf(*field, it.value());
    }
    return rejected;
}

void ParameterPanel::resetToDefaults()
{
    for (auto &field : m_fields)
        setValueOf(field, field.spec.defaultValue);
}

QStringList ParameterPanel::errors() const
{
    QStringList result;
    for (const auto &field : m_fields) {
        if (const auto error = field.spec.validate(valueOf(field)); !error.isEmpty())
            result.append(error);
    }
    return result;
}

QWidget *ParameterPanel::editor(const QString &name) const
{
    for (const auto &field : m_fields) {
        if (field.spec.name == name)
            return field.editor;
    }
    return nullptr;
}

} // namespace coroscope::app
