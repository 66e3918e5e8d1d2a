// SPDX-License-Identifier: GPL-3.0-or-later
#pragma once

#include <QMap>
#include <QPlainTextEdit>

namespace coroscope::app {

class RuleHighlighter;

// Read-only source with line numbers. One line can be marked as where the selected task waits
// (highlighted, scrolled into view, with a note); other lines where tasks wait get a count in the
// gutter ("x10" on the co_await ten gathered tasks sit at).
class CodeView : public QPlainTextEdit
{
    Q_OBJECT
public:
    enum class Language { Cpp, Python };

    explicit CodeView(QWidget *parent = nullptr);

    void setCode(const QString &text, Language language);
    // 0 clears the mark.
    void setCurrentLine(int line, const QString &note = {});
    int currentLine() const { return m_currentLine; }
    void setWaitingCounts(const QMap<int, int> &tasksPerLine);
    const QMap<int, int> &waitingCounts() const { return m_waiting; }
    // The text of one line (1-based), for tooltips elsewhere.
    QString lineText(int line) const;

    int gutterWidth() const;

protected:
    void resizeEvent(QResizeEvent *event) override;
    void changeEvent(QEvent *event) override;

private:
    class Gutter;
    void paintGutter(QPaintEvent *event);
    void updateGutterGeometry();
    void updateSelections();
    void applyTheme();
    void followApplicationFontSize();

    Gutter *m_gutter;
    RuleHighlighter *m_highlighter = nullptr;
    Language m_language = Language::Cpp;
    int m_currentLine = 0;
    QString m_note;
    QMap<int, int> m_waiting;
};

} // namespace coroscope::app
