// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/source/sourcepanel.h"

#include "app/source/codeview.h"
#include "patterns/catalog.h"

#include <QFileInfo>
#include <QLabel>
#include <QTabWidget>
#include <QVBoxLayout>

namespace coroscope::app {

SourcePanel::SourcePanel(QWidget *parent)
    : QWidget(parent)
    , m_caption(new QLabel(this))
    , m_tabs(new QTabWidget(this))
    , m_cpp(new CodeView(this))
    , m_python(new CodeView(this))
{
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->setSpacing(4);
    m_caption->setTextFormat(Qt::RichText);
    m_caption->setWordWrap(true);
    m_caption->setMinimumHeight(m_caption->fontMetrics().height() + 4);
    layout->addWidget(m_caption);
    layout->addWidget(m_tabs, 1);
    m_tabs->setDocumentMode(true);
    m_tabs->addTab(m_cpp, QStringLiteral("C++"));
    m_tabs->addTab(m_python, QStringLiteral("Python"));
    m_cpp->setObjectName(QStringLiteral("cppCode"));
    m_python->setObjectName(QStringLiteral("pythonCode"));
    showWaiting({}, {});
}

void SourcePanel::setPattern(const patterns::PatternInfo *info)
{
    m_cppFileName.clear();
    if (!info) {
        m_cpp->setCode({}, CodeView::Language::Cpp);
        m_python->setCode({}, CodeView::Language::Python);
        return;
    }
    m_cppFileName = QFileInfo(info->sourceFile).fileName();
    const auto cpp = patterns::Catalog::readResource(info->sourceFile);
    m_cpp->setCode(cpp.isEmpty() ? tr("// The source of this pattern is not available.") : cpp, CodeView::Language::Cpp);
    m_tabs->setTabText(0, m_cppFileName.isEmpty() ? QStringLiteral("C++") : QStringLiteral("C++  ·  ") + m_cppFileName);
    const auto python = info->pythonFile.isEmpty() ? QString() : patterns::Catalog::readResource(info->pythonFile);
    m_python->setCode(python.isEmpty() ? tr("# No Python reference for this pattern yet.") : python,
                      CodeView::Language::Python);
    const auto pythonName = QFileInfo(info->pythonFile).fileName();
    m_tabs->setTabText(1, pythonName.isEmpty() ? QStringLiteral("Python") : QStringLiteral("Python  ·  ") + pythonName);
    m_tabs->setTabEnabled(1, !python.isEmpty());
    showWaiting({}, {});
}

void SourcePanel::showWaiting(const WaitingLines &lines, const QString &taskName)
{
    m_cpp->setWaitingCounts(lines.tasksPerLine);
    m_cpp->setCurrentLine(lines.selectedLine);
    if (lines.selectedLine > 0) {
        m_caption->setText(tr("<b>%1</b> is waiting at line %2 on %3")
                               .arg(taskName.toHtmlEscaped())
                               .arg(lines.selectedLine)
                               .arg(lines.selectedReason.toHtmlEscaped()));
    } else if (!taskName.isEmpty()) {
        m_caption->setText(tr("<b>%1</b> is not waiting in this file at the playhead").arg(taskName.toHtmlEscaped()));
    } else if (!lines.tasksPerLine.isEmpty()) {
        int total = 0;
        for (const auto count : lines.tasksPerLine)
            total += count;
        m_caption->setText(tr("%1 task(s) waiting; select one in the timeline to see its line").arg(total));
    } else {
        m_caption->setText(tr("Select a task in the timeline to see where it waits"));
    }
}

QString SourcePanel::lineText(const trace::Location &location) const
{
    if (!location.isValid() || QFileInfo(location.file).fileName() != m_cppFileName)
        return {};
    return m_cpp->lineText(location.line);
}

} // namespace coroscope::app
