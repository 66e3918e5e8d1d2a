// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/source/codeview.h"

#include "app/source/cpphighlighter.h"
#include "app/source/pythonhighlighter.h"
#include "timeline/timelinepalette.h"

#include <QFontDatabase>
#include <QPainter>
#include <QTextBlock>

#include <cmath>

namespace coroscope::app {

using timeline::TimelinePalette;

class CodeView::Gutter : public QWidget
{
public:
    explicit Gutter(CodeView *view)
        : QWidget(view)
        , m_view(view)
    {
    }
    QSize sizeHint() const override { return QSize(m_view->gutterWidth(), 0); }

protected:
    void paintEvent(QPaintEvent *event) override { m_view->paintGutter(event); }

private:
    CodeView *m_view;
};

CodeView::CodeView(QWidget *parent)
    : QPlainTextEdit(parent)
    , m_gutter(new Gutter(this))
{
    setReadOnly(true);
    setLineWrapMode(QPlainTextEdit::NoWrap);
    setTextInteractionFlags(Qt::TextSelectableByMouse | Qt::TextSelectableByKeyboard);
    followApplicationFontSize();
    connect(this, &QPlainTextEdit::blockCountChanged, this, &CodeView::updateGutterGeometry);
    connect(this, &QPlainTextEdit::updateRequest, this, [this](const QRect &rect, int dy) {
        if (dy != 0)
            m_gutter->scroll(0, dy);
        else
            m_gutter->update(0, rect.y(), m_gutter->width(), rect.height());
    });
    updateGutterGeometry();
}

void CodeView::setCode(const QString &text, Language language)
{
    m_language = language;
    m_currentLine = 0;
    m_waiting.clear();
    delete m_highlighter;
    m_highlighter = nullptr;
    setPlainText(text);
    if (language == Language::Cpp)
        m_highlighter = new CppHighlighter(document());
    else
        m_highlighter = new PythonHighlighter(document());
    applyTheme();
    updateSelections();
}

QString CodeView::lineText(int line) const
{
    const auto block = document()->findBlockByNumber(line - 1);
    return block.isValid() ? block.text() : QString();
}

void CodeView::setCurrentLine(int line, const QString &note)
{
    if (line == m_currentLine && note == m_note)
        return;
    m_currentLine = line;
    m_note = note;
    updateSelections();
    if (line > 0) {
        const auto block = document()->findBlockByNumber(line - 1);
        if (block.isValid()) {
            QTextCursor cursor(block);
            setTextCursor(cursor);
            centerCursor();
        }
    }
    m_gutter->update();
}

void CodeView::setWaitingCounts(const QMap<int, int> &tasksPerLine)
{
    if (tasksPerLine == m_waiting)
        return;
    m_waiting = tasksPerLine;
    updateSelections();
    m_gutter->update();
}

void CodeView::updateSelections()
{
    const auto palette = TimelinePalette::forPalette(this->palette());
    QList<QTextEdit::ExtraSelection> selections;
    for (auto it = m_waiting.cbegin(); it != m_waiting.cend(); ++it) {
        if (it.key() == m_currentLine)
            continue;
        const auto block = document()->findBlockByNumber(it.key() - 1);
        if (!block.isValid())
            continue;
        QTextEdit::ExtraSelection selection;
        selection.cursor = QTextCursor(block);
        selection.format.setBackground(palette.selection());
        selection.format.setProperty(QTextFormat::FullWidthSelection, true);
        selections.append(selection);
    }
    if (m_currentLine > 0) {
        const auto block = document()->findBlockByNumber(m_currentLine - 1);
        if (block.isValid()) {
            QTextEdit::ExtraSelection selection;
            selection.cursor = QTextCursor(block);
            auto color = palette.playhead();
            color.setAlpha(palette.isDark() ? 80 : 50);
            selection.format.setBackground(color);
            selection.format.setProperty(QTextFormat::FullWidthSelection, true);
            selections.append(selection);
        }
    }
    setExtraSelections(selections);
}

int CodeView::gutterWidth() const
{
    const int digits = std::max(3, int(std::log10(std::max(1, blockCount()))) + 1);
    // Room for the line number and a "x999" waiting badge.
    return fontMetrics().horizontalAdvance(QLatin1Char('9')) * (digits + 5) + 12;
}

void CodeView::updateGutterGeometry()
{
    setViewportMargins(gutterWidth(), 0, 0, 0);
    const auto rect = contentsRect();
    m_gutter->setGeometry(QRect(rect.left(), rect.top(), gutterWidth(), rect.height()));
}

void CodeView::resizeEvent(QResizeEvent *event)
{
    QPlainTextEdit::resizeEvent(event);
    updateGutterGeometry();
}

void CodeView::changeEvent(QEvent *event)
{
    QPlainTextEdit::changeEvent(event);
    if (event->type() == QEvent::PaletteChange) {
        applyTheme();
        updateSelections();
    } else if (event->type() == QEvent::FontChange) {
        updateGutterGeometry();
    }
}

void CodeView::followApplicationFontSize()
{
    // Only the family is this view's own: the size is inherited, so larger text and
    // presentation mode grow the code with everything else.
    const auto fixed = QFontDatabase::systemFont(QFontDatabase::FixedFont);
    QFont font;
    font.setFamilies(fixed.families());
    font.setStyleHint(QFont::Monospace);
    setFont(font);
}

void CodeView::applyTheme()
{
    if (m_highlighter)
        m_highlighter->setTheme(SyntaxTheme::forDarkBackground(TimelinePalette::forPalette(palette()).isDark()));
}

void CodeView::paintGutter(QPaintEvent *event)
{
    QPainter painter(m_gutter);
    const auto timelinePalette = TimelinePalette::forPalette(palette());
    painter.fillRect(event->rect(), palette().color(QPalette::AlternateBase));
    const auto digitWidth = fontMetrics().horizontalAdvance(QLatin1Char('9'));
    const int numberRight = m_gutter->width() - 6;
    auto block = firstVisibleBlock();
    int number = block.blockNumber() + 1;
    double top = blockBoundingGeometry(block).translated(contentOffset()).top();
    const double lineHeight = fontMetrics().height();
    painter.setRenderHint(QPainter::Antialiasing, true);
    while (block.isValid() && top <= event->rect().bottom()) {
        const double height = blockBoundingRect(block).height();
        if (block.isVisible() && top + height >= event->rect().top()) {
            const QRectF row(0, top, m_gutter->width(), lineHeight);
            const bool current = number == m_currentLine;
            if (current) {
                // An arrow at the line the selected task waits on.
                painter.fillRect(row, timelinePalette.playhead());
            }
            const auto waiting = m_waiting.value(number);
            if (waiting > 0) {
                const auto badge = QStringLiteral("×%1").arg(waiting);
                const QRectF pill(3, top + 1, digitWidth * 4.2, lineHeight - 2);
                painter.setPen(Qt::NoPen);
                painter.setBrush(current ? QColor(255, 255, 255, 60) : timelinePalette.counter());
                painter.drawRoundedRect(pill, pill.height() / 2, pill.height() / 2);
                painter.setPen(Qt::white);
                painter.drawText(pill, Qt::AlignCenter, badge);
            }
            painter.setPen(current ? QColor(Qt::white) : palette().color(QPalette::PlaceholderText));
            painter.drawText(QRectF(0, top, numberRight, lineHeight), Qt::AlignRight | Qt::AlignVCenter,
                             QString::number(number));
        }
        block = block.next();
        top += height;
        ++number;
    }
}

} // namespace coroscope::app
