<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de">
<context>
    <name>EventLogPanel</name>
    <message>
        <source>Filter events: task, resource, file… (Ctrl+L)</source>
        <translation>Ereignisse filtern: Task, Ressource, Datei… (Strg+L)</translation>
    </message>
    <message>
        <source>Which kinds of events to list</source>
        <translation>Welche Arten von Ereignissen aufgelistet werden</translation>
    </message>
    <message>
        <source>Task events</source>
        <translation>Task-Ereignisse</translation>
    </message>
    <message>
        <source>All events</source>
        <translation>Alle Ereignisse</translation>
    </message>
    <message>
        <source>Waits</source>
        <translation>Wartezeiten</translation>
    </message>
    <message>
        <source>Errors, cancellations, marks</source>
        <translation>Fehler, Abbrüche, Markierungen</translation>
    </message>
    <message>
        <source>Counters</source>
        <translation>Zähler</translation>
    </message>
    <message>
        <source>Selected task only</source>
        <translation>Nur der ausgewählte Task</translation>
    </message>
</context>
<context>
    <name>ExportDialog</name>
    <message>
        <source>HTML report</source>
        <translation>HTML-Bericht</translation>
    </message>
    <message>
        <source>SVG timeline</source>
        <translation>SVG-Zeitleiste</translation>
    </message>
    <message>
        <source>PNG image</source>
        <translation>PNG-Bild</translation>
    </message>
    <message>
        <source>PDF handout</source>
        <translation>PDF-Handout</translation>
    </message>
    <message>
        <source>Chrome trace JSON, opens in Perfetto</source>
        <translation>Chrome-Trace-JSON, öffnet sich in Perfetto</translation>
    </message>
    <message>
        <source>CSV, one row per event</source>
        <translation>CSV, eine Zeile je Ereignis</translation>
    </message>
    <message>
        <source>PNG width</source>
        <translation>PNG-Breite</translation>
    </message>
    <message>
        <source>Width in pixels (%1 for slides):</source>
        <translation>Breite in Pixeln (%1 für Folien):</translation>
    </message>
</context>
<context>
    <name>Gui</name>
    <message>
        <source>Patterns left out</source>
        <translation>Ausgelassene Muster</translation>
    </message>
    <message>
        <source>Some patterns could not be loaded and are not in the list.</source>
        <translation>Einige Muster konnten nicht geladen werden und fehlen in der Liste.</translation>
    </message>
</context>
<context>
    <name>MainActions</name>
    <message>
        <source>&amp;Run</source>
        <translation>&amp;Ausführen</translation>
    </message>
    <message>
        <source>Run the pattern with these parameters</source>
        <translation>Das Muster mit diesen Parametern ausführen</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>&amp;Stopp</translation>
    </message>
    <message>
        <source>Cancel the run: every task gets CancelledError at its co_await</source>
        <translation>Den Lauf abbrechen: Jeder Task erhält CancelledError an seinem co_await</translation>
    </message>
    <message>
        <source>Run &amp;again</source>
        <translation>&amp;Erneut ausführen</translation>
    </message>
    <message>
        <source>Repeat the last run with the same parameters</source>
        <translation>Den letzten Lauf mit denselben Parametern wiederholen</translation>
    </message>
    <message>
        <source>&amp;Compare runs…</source>
        <translation>Läufe &amp;vergleichen…</translation>
    </message>
    <message>
        <source>Two runs from the history on one time axis, with what differs</source>
        <translation>Zwei Läufe aus dem Verlauf auf einer Zeitachse, mit ihren Unterschieden</translation>
    </message>
    <message>
        <source>&amp;Export…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Save the run as an HTML report, SVG or PNG timeline, PDF handout, Chrome trace or CSV</source>
        <translation>Den Lauf als HTML-Bericht, SVG- oder PNG-Zeitleiste, PDF-Handout, Chrome-Trace oder CSV speichern</translation>
    </message>
    <message>
        <source>&amp;Open trace…</source>
        <translation>Trace ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>Show a Chrome trace JSON file (from Coroscope, Perfetto or another tool) on the timeline</source>
        <translation>Eine Chrome-Trace-JSON-Datei (von Coroscope, Perfetto oder einem anderen Werkzeug) auf der Zeitleiste zeigen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;History</source>
        <translation>&amp;Verlauf</translation>
    </message>
    <message>
        <source>Show or hide the stored runs (Ctrl+H)</source>
        <translation>Die gespeicherten Läufe zeigen oder verbergen (Strg+H)</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit run</source>
        <translation>Lauf &amp;einpassen</translation>
    </message>
    <message>
        <source>Show the whole run</source>
        <translation>Den ganzen Lauf zeigen</translation>
    </message>
    <message>
        <source>Follow &amp;newest</source>
        <translation>&amp;Neuesten folgen</translation>
    </message>
    <message>
        <source>Keep the newest events in view while the run goes on</source>
        <translation>Die neuesten Ereignisse im Blick behalten, solange der Lauf andauert</translation>
    </message>
    <message>
        <source>Follow the &amp;system</source>
        <translation>Dem &amp;System folgen</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Toggle light/dark</source>
        <translation>Hell/Dunkel &amp;umschalten</translation>
    </message>
    <message>
        <source>&amp;Larger text</source>
        <translation>&amp;Größerer Text</translation>
    </message>
    <message>
        <source>Bigger text everywhere, for the back of the room</source>
        <translation>Überall größerer Text, für die hinteren Reihen</translation>
    </message>
    <message>
        <source>&amp;Smaller text</source>
        <translation>&amp;Kleinerer Text</translation>
    </message>
    <message>
        <source>&amp;Normal text</source>
        <translation>&amp;Normaler Text</translation>
    </message>
    <message>
        <source>Find &amp;pattern</source>
        <translation>&amp;Muster suchen</translation>
    </message>
    <message>
        <source>Filter event &amp;log</source>
        <translation>Ereignis&amp;protokoll filtern</translation>
    </message>
    <message>
        <source>F&amp;ull screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>Replay the run from the playhead</source>
        <translation>Den Lauf ab dem Abspielkopf wiedergeben</translation>
    </message>
    <message>
        <source>&amp;Next event</source>
        <translation>&amp;Nächstes Ereignis</translation>
    </message>
    <message>
        <source>Move the playhead to the next event of the selected task</source>
        <translation>Den Abspielkopf zum nächsten Ereignis des ausgewählten Tasks bewegen</translation>
    </message>
    <message>
        <source>&amp;Previous event</source>
        <translation>&amp;Vorheriges Ereignis</translation>
    </message>
    <message>
        <source>Move the playhead to the previous event of the selected task</source>
        <translation>Den Abspielkopf zum vorherigen Ereignis des ausgewählten Tasks bewegen</translation>
    </message>
    <message>
        <source>&amp;Faster</source>
        <translation>&amp;Schneller</translation>
    </message>
    <message>
        <source>&amp;Slower</source>
        <translation>&amp;Langsamer</translation>
    </message>
    <message>
        <source>&amp;Keyboard shortcuts</source>
        <translation>&amp;Tastenkürzel</translation>
    </message>
    <message>
        <source>&amp;About Coroscope</source>
        <translation>Ü&amp;ber Coroscope</translation>
    </message>
    <message>
        <source>&amp;Present</source>
        <translation>&amp;Präsentieren</translation>
    </message>
    <message>
        <source>Presentation mode: large text, projector colours, only what the class needs</source>
        <translation>Präsentationsmodus: große Schrift, Beamerfarben, nur was die Klasse braucht</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>Nächster Schritt</translation>
    </message>
    <message>
        <source>Previous step</source>
        <translation>Vorheriger Schritt</translation>
    </message>
    <message>
        <source>&amp;Blank the screen</source>
        <translation>Bildschirm &amp;schwarz</translation>
    </message>
    <message>
        <source>Hide everything from the class for a moment</source>
        <translation>Alles kurz vor der Klasse verbergen</translation>
    </message>
    <message>
        <source>Leave presentation</source>
        <translation>Präsentation verlassen</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Coroscope</source>
        <translation>Coroscope</translation>
    </message>
    <message>
        <source>Patterns</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Defaults</source>
        <translation>Standardwerte</translation>
    </message>
    <message>
        <source>Put every parameter back to its default</source>
        <translation>Jeden Parameter auf seinen Standardwert zurücksetzen</translation>
    </message>
    <message>
        <source>About this pattern</source>
        <translation>Über dieses Muster</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>Aus&amp;führen</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>Re&amp;play</source>
        <translation>&amp;Wiedergabe</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Werkzeugleiste</translation>
    </message>
</context>
<context>
    <name>OpenedTrace</name>
    <message>
        <source>run #%1 of %2</source>
        <translation>Lauf #%1 vom %2</translation>
    </message>
    <message>
        <source>Cannot open the history %1: %2</source>
        <translation>Der Verlauf %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Run #%1 is not in the history%2</source>
        <translation>Lauf #%1 ist nicht im Verlauf%2</translation>
    </message>
    <message>
        <source> (deleted?)</source>
        <translation> (gelöscht?)</translation>
    </message>
    <message>
        <source>Cannot load run #%1: %2</source>
        <translation>Lauf #%1 kann nicht geladen werden: %2</translation>
    </message>
    <message>
        <source>Cannot import %1: %2</source>
        <translation>%1 kann nicht importiert werden: %2</translation>
    </message>
    <message>
        <source>Cannot import %1: it holds no events to show</source>
        <translation>%1 kann nicht importiert werden: Die Datei enthält keine Ereignisse</translation>
    </message>
</context>
<context>
    <name>ParameterPanel</name>
    <message>
        <source>%1 to %2%3</source>
        <translation>%1 bis %2%3</translation>
    </message>
</context>
<context>
    <name>PatternAbout</name>
    <message>
        <source>&lt;h4&gt;What to look for&lt;/h4&gt;</source>
        <translation>&lt;h4&gt;Worauf zu achten ist&lt;/h4&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;Python guide: %1&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;Python-Leitfaden: %1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p style=&apos;color:gray&apos;&gt;Command line: &lt;code&gt;coroscope run %1&lt;/code&gt;&lt;/p&gt;</source>
        <translation>&lt;p style=&apos;color:gray&apos;&gt;Kommandozeile: &lt;code&gt;coroscope run %1&lt;/code&gt;&lt;/p&gt;</translation>
    </message>
</context>
<context>
    <name>QObject</name>
    <message>
        <source>Open a trace</source>
        <translation>Trace öffnen</translation>
    </message>
    <message>
        <source>Chrome trace (*.json);;All files (*)</source>
        <translation>Chrome-Trace (*.json);;Alle Dateien (*)</translation>
    </message>
</context>
<context>
    <name>ShortcutsDialog</name>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Tastenkürzel</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Aktion</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tasten</translation>
    </message>
    <message>
        <source>  or  </source>
        <translation>  oder  </translation>
    </message>
    <message>
        <source>Zoom at the pointer</source>
        <translation>Am Mauszeiger zoomen</translation>
    </message>
    <message>
        <source>Ctrl + mouse wheel</source>
        <translation>Strg + Mausrad</translation>
    </message>
    <message>
        <source>Pan in time</source>
        <translation>In der Zeit verschieben</translation>
    </message>
    <message>
        <source>Drag, or Shift + mouse wheel</source>
        <translation>Ziehen oder Umschalt + Mausrad</translation>
    </message>
    <message>
        <source>Select a task (and move the playhead)</source>
        <translation>Einen Task auswählen (und den Abspielkopf bewegen)</translation>
    </message>
    <message>
        <source>Click its lane</source>
        <translation>Auf seine Spur klicken</translation>
    </message>
    <message>
        <source>Scrub the playhead</source>
        <translation>Den Abspielkopf schieben</translation>
    </message>
    <message>
        <source>Drag on the ruler</source>
        <translation>Auf dem Lineal ziehen</translation>
    </message>
</context>
<context>
    <name>WindowHeading</name>
    <message>
        <source>Stored run #%1%2 from %3, not a live run. Run (Ctrl+R) starts a new one.</source>
        <translation>Gespeicherter Lauf #%1%2 vom %3, kein Live-Lauf. Ausführen (Strg+R) startet einen neuen.</translation>
    </message>
    <message>
        <source>Imported trace %1%2, not a live run.</source>
        <translation>Importierter Trace %1%2, kein Live-Lauf.</translation>
    </message>
    <message>
        <source>%1 — Coroscope</source>
        <translation>%1 — Coroscope</translation>
    </message>
    <message>
        <source>%1 — %2 — Coroscope</source>
        <translation>%1 — %2 — Coroscope</translation>
    </message>
    <message>
        <source>Coroscope</source>
        <translation>Coroscope</translation>
    </message>
</context>
<context>
    <name>coroscope::app::AboutDialog</name>
    <message>
        <source>Watch async code run: every coroutine&apos;s start, wait, resumption and end on a live timeline, while it does real HTTP and SQLite I/O.</source>
        <translation>Asynchronen Code laufen sehen: Start, Warten, Fortsetzen und Ende jeder Coroutine auf einer Live-Zeitleiste, während sie echtes HTTP und SQLite-Ein-/Ausgabe ausführt.</translation>
    </message>
    <message>
        <source>Free software under the %1: you may share and change it under its terms.</source>
        <translation>Freie Software unter der %1: Sie dürfen sie unter deren Bedingungen weitergeben und verändern.</translation>
    </message>
    <message>
        <source>Runs on Qt %1 (built with Qt %2) and QCoro %3.</source>
        <translation>Läuft mit Qt %1 (erstellt mit Qt %2) und QCoro %3.</translation>
    </message>
    <message>
        <source>About Coroscope</source>
        <translation>Über Coroscope</translation>
    </message>
</context>
<context>
    <name>coroscope::app::CompareWindow</name>
    <message>
        <source>&lt;b&gt;What differs from A to B&lt;/b&gt;</source>
        <translation>&lt;b&gt;Was sich von A nach B unterscheidet&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Compare %1 and %2 — Coroscope</source>
        <translation>%1 und %2 vergleichen — Coroscope</translation>
    </message>
    <message>
        <source>run #%1 · %2 · %3 · %4 · %5</source>
        <translation>Lauf #%1 · %2 · %3 · %4 · %5</translation>
    </message>
    <message>
        <source>1 task</source>
        <translation>1 Task</translation>
    </message>
    <message>
        <source>%1 tasks</source>
        <translation>%1 Tasks</translation>
    </message>
    <message>
        <source>Zoom &amp;in</source>
        <translation>Ver&amp;größern</translation>
    </message>
    <message>
        <source>Zoom &amp;out</source>
        <translation>Ver&amp;kleinern</translation>
    </message>
    <message>
        <source>&amp;Fit both runs</source>
        <translation>Beide Läufe &amp;einpassen</translation>
    </message>
    <message>
        <source>&amp;Export comparison…</source>
        <translation>Vergleich e&amp;xportieren…</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Schließen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Export comparison</source>
        <translation>Vergleich exportieren</translation>
    </message>
</context>
<context>
    <name>coroscope::app::ComparisonModel</name>
    <message>
        <source>same</source>
        <translation>gleich</translation>
    </message>
    <message>
        <source>Metric</source>
        <translation>Messgröße</translation>
    </message>
    <message>
        <source>Change A → B</source>
        <translation>Änderung A → B</translation>
    </message>
</context>
<context>
    <name>coroscope::app::Environment</name>
    <message>
        <source>Server: %1</source>
        <translation>Server: %1</translation>
    </message>
    <message>
        <source>Lab server: not running</source>
        <translation>Laborserver: läuft nicht</translation>
    </message>
    <message>
        <source>Lab server %1 · %L2 served · %3 in flight</source>
        <translation>Laborserver %1 · %L2 beantwortet · %3 unterwegs</translation>
    </message>
</context>
<context>
    <name>coroscope::app::EventLogModel</name>
    <message>
        <source>task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>spawned by </source>
        <translation>gestartet von </translation>
    </message>
    <message>
        <source>root task</source>
        <translation>Wurzel-Task</translation>
    </message>
    <message>
        <source>Time (ms)</source>
        <translation>Zeit (ms)</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Task</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Ereignis</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>Details</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Quelle</translation>
    </message>
    <message>
        <source>Thread</source>
        <translation>Thread</translation>
    </message>
</context>
<context>
    <name>coroscope::app::EventLogPanel</name>
    <message>
        <source>%L1 events</source>
        <translation>%L1 Ereignisse</translation>
    </message>
    <message>
        <source>%L1 of %L2 events</source>
        <translation>%L1 von %L2 Ereignissen</translation>
    </message>
</context>
<context>
    <name>coroscope::app::ExportFeedback</name>
    <message>
        <source>Exporting to %1…</source>
        <translation>Exportiere nach %1…</translation>
    </message>
    <message>
        <source>Exported to %1</source>
        <translation>Nach %1 exportiert</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>Export fehlgeschlagen</translation>
    </message>
    <message>
        <source>Could not export to %1</source>
        <translation>Konnte nicht nach %1 exportieren</translation>
    </message>
    <message>
        <source>The reason is unknown.</source>
        <translation>Der Grund ist unbekannt.</translation>
    </message>
</context>
<context>
    <name>coroscope::app::HistoryDock</name>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>History is off: </source>
        <translation>Verlauf ist aus: </translation>
    </message>
    <message>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>Cannot read the run history %1:
%2</source>
        <translation>Der Laufverlauf %1 kann nicht gelesen werden:
%2</translation>
    </message>
    <message>
        <source>Cannot compare runs %1 and %2</source>
        <translation>Die Läufe %1 und %2 können nicht verglichen werden</translation>
    </message>
</context>
<context>
    <name>coroscope::app::HistoryModel</name>
    <message>
        <source>no history file is set</source>
        <translation>keine Verlaufsdatei festgelegt</translation>
    </message>
    <message>
        <source>cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Run #%1 keeps its name: a name cannot be empty.</source>
        <translation>Lauf #%1 behält seinen Namen: Ein Name darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Cannot rename run #%1: %2</source>
        <translation>Lauf #%1 kann nicht umbenannt werden: %2</translation>
    </message>
    <message>
        <source>run #%1: %2</source>
        <translation>Lauf #%1: %2</translation>
    </message>
    <message>
        <source>Could not delete %1</source>
        <translation>Konnte nicht löschen: %1</translation>
    </message>
    <message>
        <source>Run #%1, %2</source>
        <translation>Lauf #%1, %2</translation>
    </message>
    <message>
        <source>
%L1 events</source>
        <translation>
%L1 Ereignisse</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>Gestartet</translation>
    </message>
    <message>
        <source>Pattern</source>
        <translation>Muster</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
</context>
<context>
    <name>coroscope::app::HistoryPanel</name>
    <message>
        <source>&amp;Open</source>
        <translation>Ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Show the run on the timeline, as it was recorded (Enter, double-click)</source>
        <translation>Den Lauf so auf der Zeitleiste zeigen, wie er aufgezeichnet wurde (Eingabe, Doppelklick)</translation>
    </message>
    <message>
        <source>Re&amp;name</source>
        <translation>&amp;Umbenennen</translation>
    </message>
    <message>
        <source>Give the run a name of your own</source>
        <translation>Dem Lauf einen eigenen Namen geben</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Löschen</translation>
    </message>
    <message>
        <source>Delete the selected runs from the history</source>
        <translation>Die ausgewählten Läufe aus dem Verlauf löschen</translation>
    </message>
    <message>
        <source>&amp;Compare</source>
        <translation>&amp;Vergleichen</translation>
    </message>
    <message>
        <source>Compare the two selected runs</source>
        <translation>Die beiden ausgewählten Läufe vergleichen</translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation>Lauf #%1</translation>
    </message>
    <message>
        <source>%1 runs</source>
        <translation>%1 Läufe</translation>
    </message>
    <message>
        <source>Delete from the history</source>
        <translation>Aus dem Verlauf löschen</translation>
    </message>
    <message>
        <source>Delete %1 from the history? Its events are gone for good.</source>
        <translation>%1 aus dem Verlauf löschen? Die Ereignisse sind dann endgültig verloren.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>1 run</source>
        <translation>1 Lauf</translation>
    </message>
    <message>
        <source>%L1 runs</source>
        <translation>%L1 Läufe</translation>
    </message>
</context>
<context>
    <name>coroscope::app::MainWindow</name>
    <message>
        <source>Pause</source>
        <translation>Pause</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>Abspielen</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Design</translation>
    </message>
    <message>
        <source>Presentation &amp;text size</source>
        <translation>&amp;Textgröße der Präsentation</translation>
    </message>
    <message>
        <source>Pick a pattern first</source>
        <translation>Zuerst ein Muster wählen</translation>
    </message>
    <message>
        <source>Cannot run: </source>
        <translation>Ausführen nicht möglich: </translation>
    </message>
    <message>
        <source>History is off for this run: </source>
        <translation>Verlauf ist für diesen Lauf aus: </translation>
    </message>
    <message>
        <source>Running %1…</source>
        <translation>%1 läuft…</translation>
    </message>
    <message>
        <source>Running %1… (history is off: %2)</source>
        <translation>%1 läuft… (Verlauf ist aus: %2)</translation>
    </message>
    <message>
        <source>Stopping: cancelling every task…</source>
        <translation>Anhalten: jede Aufgabe wird abgebrochen…</translation>
    </message>
    <message>
        <source>Export run</source>
        <translation>Lauf exportieren</translation>
    </message>
    <message>
        <source>there is no run to export: run a pattern first</source>
        <translation>es gibt keinen Lauf zum Exportieren: zuerst ein Muster ausführen</translation>
    </message>
    <message>
        <source>there is no run to export</source>
        <translation>es gibt keinen Lauf zum Exportieren</translation>
    </message>
    <message>
        <source>Cancelling the run before closing…</source>
        <translation>Der Lauf wird vor dem Schließen abgebrochen…</translation>
    </message>
    <message>
        <source>History is off: </source>
        <translation>Verlauf ist aus: </translation>
    </message>
    <message>
        <source>Cannot open %1 while a run goes: stop it first</source>
        <translation>%1 kann während eines Laufs nicht geöffnet werden: zuerst anhalten</translation>
    </message>
    <message>
        <source>Still opening %1</source>
        <translation>%1 wird noch geöffnet</translation>
    </message>
    <message>
        <source>Opening %1…</source>
        <translation>%1 wird geöffnet…</translation>
    </message>
    <message>
        <source>Cannot open run #%1: the history is off (%2)</source>
        <translation>Lauf #%1 kann nicht geöffnet werden: der Verlauf ist aus (%2)</translation>
    </message>
    <message>
        <source>run #%1</source>
        <translation>Lauf #%1</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Opening %1 cancelled: the timeline is as it was</source>
        <translation>Öffnen von %1 abgebrochen: die Zeitleiste ist wie zuvor</translation>
    </message>
    <message>
        <source>Cannot open %1</source>
        <translation>%1 kann nicht geöffnet werden</translation>
    </message>
    <message>
        <source>imported</source>
        <translation>importiert</translation>
    </message>
    <message>
        <source>Showing %1 (%L2 events)</source>
        <translation>Angezeigt: %1 (%L2 Ereignisse)</translation>
    </message>
    <message>
        <source>; note: </source>
        <translation>; Hinweis: </translation>
    </message>
    <message>
        <source>Coroscope</source>
        <translation>Coroscope</translation>
    </message>
</context>
<context>
    <name>coroscope::app::ParameterPanel</name>
    <message>
        <source>This pattern has no parameters.</source>
        <translation>Dieses Muster hat keine Parameter.</translation>
    </message>
    <message>
        <source>&lt;br&gt;Range: </source>
        <translation>&lt;br&gt;Bereich: </translation>
    </message>
</context>
<context>
    <name>coroscope::app::PatternBrowser</name>
    <message>
        <source>Search patterns (Ctrl+F)</source>
        <translation>Muster suchen (Strg+F)</translation>
    </message>
</context>
<context>
    <name>coroscope::app::PlayheadLabel</name>
    <message>
        <source>%1 ms / %2</source>
        <translation>%1 ms / %2</translation>
    </message>
</context>
<context>
    <name>coroscope::app::RunPickerDialog</name>
    <message>
        <source>Compare runs</source>
        <translation>Läufe vergleichen</translation>
    </message>
    <message>
        <source>Compare</source>
        <translation>Vergleichen</translation>
    </message>
    <message>
        <source>Run &amp;A:</source>
        <translation>Lauf &amp;A:</translation>
    </message>
    <message>
        <source>Run &amp;B:</source>
        <translation>Lauf &amp;B:</translation>
    </message>
    <message>
        <source>Both runs are drawn on one time axis, with what differs between them.</source>
        <translation>Beide Läufe werden auf einer Zeitachse gezeichnet, mit ihren Unterschieden.</translation>
    </message>
    <message>
        <source>The history needs at least two runs: run a pattern twice (or two patterns) first.</source>
        <translation>Der Verlauf braucht mindestens zwei Läufe: Führen Sie zuerst ein Muster zweimal (oder zwei Muster) aus.</translation>
    </message>
    <message>
        <source>Pick two different runs.</source>
        <translation>Wählen Sie zwei verschiedene Läufe.</translation>
    </message>
</context>
<context>
    <name>coroscope::app::SourcePanel</name>
    <message>
        <source>// The source of this pattern is not available.</source>
        <translation>// Der Quelltext dieses Musters ist nicht verfügbar.</translation>
    </message>
    <message>
        <source># No Python reference for this pattern yet.</source>
        <translation># Für dieses Muster gibt es noch keine Python-Referenz.</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is waiting at line %2 on %3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wartet in Zeile %2 auf %3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; is not waiting in this file at the playhead</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; wartet am Abspielkopf nicht in dieser Datei</translation>
    </message>
    <message>
        <source>%1 task(s) waiting; select one in the timeline to see its line</source>
        <translation>%1 Task(s) warten; wählen Sie einen in der Zeitleiste, um seine Zeile zu sehen</translation>
    </message>
    <message>
        <source>Select a task in the timeline to see where it waits</source>
        <translation>Wählen Sie einen Task in der Zeitleiste, um zu sehen, wo er wartet</translation>
    </message>
</context>
<context>
    <name>coroscope::app::SpeedBox</name>
    <message>
        <source>Replay speed ([ and ] change it)</source>
        <translation>Wiedergabetempo ([ und ] ändern es)</translation>
    </message>
    <message>
        <source>%1×</source>
        <translation>%1×</translation>
    </message>
</context>
<context>
    <name>coroscope::app::StatsPanel</name>
    <message>
        <source>no waiting yet</source>
        <translation>noch keine Wartezeit</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Wall time</source>
        <translation>Gesamtzeit</translation>
    </message>
    <message>
        <source>Tasks</source>
        <translation>Tasks</translation>
    </message>
    <message>
        <source>Peak concurrency</source>
        <translation>Höchste Nebenläufigkeit</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Abgebrochen</translation>
    </message>
    <message>
        <source>Loop lag p50 / p99 / max</source>
        <translation>Schleifenverzug p50 / p99 / max</translation>
    </message>
    <message>
        <source>Waiting, by reason</source>
        <translation>Wartezeit nach Grund</translation>
    </message>
    <message>
        <source>not run</source>
        <translation>nicht gelaufen</translation>
    </message>
    <message>
        <source>running…</source>
        <translation>läuft…</translation>
    </message>
</context>
<context>
    <name>coroscope::app::StatusIndicators</name>
    <message>
        <source>The HTTP server the patterns talk to, on this machine.
Demo database: %1</source>
        <translation>Der HTTP-Server, mit dem die Muster sprechen, auf diesem Rechner.
Demo-Datenbank: %1</translation>
    </message>
    <message>
        <source>● running %1</source>
        <translation>● %1 läuft</translation>
    </message>
    <message>
        <source>%1: %2 in %3</source>
        <translation>%1: %2 in %3</translation>
    </message>
    <message>
        <source>Lab server: not running</source>
        <translation>Laborserver: läuft nicht</translation>
    </message>
</context>
<context>
    <name>coroscope::app::TimelineLegend</name>
    <message>
        <source>running</source>
        <translation>läuft</translation>
    </message>
    <message>
        <source>waiting: </source>
        <translation>wartet: </translation>
    </message>
    <message>
        <source>queued</source>
        <translation>eingereiht</translation>
    </message>
    <message>
        <source>cancelled</source>
        <translation>abgebrochen</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>loop blocked</source>
        <translation>Schleife blockiert</translation>
    </message>
</context>
<context>
    <name>coroscope::app::TimelineView</name>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; &lt;span style=&apos;color:gray&apos;&gt;task #%2&lt;/span&gt;</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; &lt;span style=&apos;color:gray&apos;&gt;Task #%2&lt;/span&gt;</translation>
    </message>
    <message>
        <source>queued: waiting for a free worker thread</source>
        <translation>eingereiht: wartet auf einen freien Worker-Thread</translation>
    </message>
    <message>
        <source>running on %1</source>
        <translation>läuft auf %1</translation>
    </message>
    <message>
        <source>waiting on &lt;b&gt;%1&lt;/b&gt;%2</source>
        <translation>wartet auf &lt;b&gt;%1&lt;/b&gt;%2</translation>
    </message>
    <message>
        <source>ended by a &lt;b&gt;cancellation&lt;/b&gt;</source>
        <translation>durch einen &lt;b&gt;Abbruch&lt;/b&gt; beendet</translation>
    </message>
    <message>
        <source>&lt;b&gt;failed&lt;/b&gt;%1</source>
        <translation>&lt;b&gt;fehlgeschlagen&lt;/b&gt;%1</translation>
    </message>
    <message>
        <source>from %1 ms for %2%3</source>
        <translation>ab %1 ms für %2%3</translation>
    </message>
    <message>
        <source> so far</source>
        <translation> bisher</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1 in %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; failed at %2 ms&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; fehlgeschlagen bei %2 ms&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; cancelled at %2 ms&lt;br&gt;%3</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; abgebrochen bei %2 ms&lt;br&gt;%3</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt;: %2 at %3 ms (peak %4)</source>
        <translation>&lt;b&gt;%1&lt;/b&gt;: %2 bei %3 ms (Spitze %4)</translation>
    </message>
    <message>
        <source>&lt;b&gt;event loop %1 for %2&lt;/b&gt;&lt;br&gt;no coroutine on this loop could run; the heartbeat at %3 ms came that late</source>
        <translation>&lt;b&gt;Ereignisschleife %1 für %2&lt;/b&gt;&lt;br&gt;keine Coroutine dieser Schleife konnte laufen; der Herzschlag bei %3 ms kam so spät</translation>
    </message>
    <message>
        <source>blocked</source>
        <translation>blockiert</translation>
    </message>
    <message>
        <source>busy</source>
        <translation>ausgelastet</translation>
    </message>
    <message>
        <source>event loop responsive: heartbeat %1 late at %2 ms</source>
        <translation>Ereignisschleife reagiert: Herzschlag %1 zu spät bei %2 ms</translation>
    </message>
</context>
<context>
    <name>coroscope::app::TraceOpening</name>
    <message>
        <source>Reading %1…</source>
        <translation>%1 wird gelesen…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Open trace</source>
        <translation>Trace öffnen</translation>
    </message>
</context>
</TS>
