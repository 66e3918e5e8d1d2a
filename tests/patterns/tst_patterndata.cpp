// SPDX-License-Identifier: GPL-3.0-or-later
// The pattern data files (resources/patterns/<id>.json): the embedded ones all load, a broken one
// is refused with a message that says where and why, and the catalog joins files and code by id.
#include "patterns/catalog.h"
#include "patterns/patterndata.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <algorithm>

using namespace coroscope;
using patterns::Catalog;
using patterns::PatternBinding;
using patterns::PatternDataFile;

namespace {

QCoro::Task<patterns::RunOutcome> emptyBody(const patterns::PatternContext &)
{
    co_return patterns::RunOutcome{};
}

QJsonObject validDescription(const QString &id)
{
    const QJsonObject count{{QStringLiteral("name"), QStringLiteral("count")},
                            {QStringLiteral("label"), QStringLiteral("Count")},
                            {QStringLiteral("type"), QStringLiteral("integer")},
                            {QStringLiteral("default"), 3},
                            {QStringLiteral("minimum"), 1},
                            {QStringLiteral("maximum"), 10},
                            {QStringLiteral("unit"), QStringLiteral("tasks")},
                            {QStringLiteral("help"), QStringLiteral("How many tasks to start")}};
    const QJsonObject category{{QStringLiteral("name"), QStringLiteral("category")},
                               {QStringLiteral("label"), QStringLiteral("Category")},
                               {QStringLiteral("type"), QStringLiteral("text")},
                               {QStringLiteral("default"), QStringLiteral("books")},
                               {QStringLiteral("help"), QStringLiteral("Which category to list")}};
    const QJsonObject server{{QStringLiteral("name"), QStringLiteral("server")},
                             {QStringLiteral("label"), QStringLiteral("Server")},
                             {QStringLiteral("type"), QStringLiteral("url")},
                             {QStringLiteral("default"), QStringLiteral("http://localhost:8080")},
                             {QStringLiteral("help"), QStringLiteral("Where to send the requests")}};
    return {{QStringLiteral("format"), 1},
            {QStringLiteral("id"), id},
            {QStringLiteral("title"), QStringLiteral("A title")},
            {QStringLiteral("category"), QStringLiteral("Basics")},
            {QStringLiteral("seed_section"), QStringLiteral("Basic Patterns")},
            {QStringLiteral("summary"), QStringLiteral("One sentence.")},
            {QStringLiteral("explanation"), QStringLiteral("Why it works.")},
            {QStringLiteral("what_to_look_for"), QStringLiteral("What the timeline shows.")},
            {QStringLiteral("parameters"), QJsonArray{count, category, server}}};
}

// `key` set to `value`, or removed when `value` is undefined.
QJsonObject changed(QJsonObject object, const QString &key, const QJsonValue &value)
{
    if (value.isUndefined())
        object.remove(key);
    else
        object.insert(key, value);
    return object;
}

QJsonObject changedParameter(int index, const QString &key, const QJsonValue &value)
{
    auto description = validDescription(QStringLiteral("sample"));
    auto parameters = description.value(QStringLiteral("parameters")).toArray();
    parameters[index] = changed(parameters[index].toObject(), key, value);
    description.insert(QStringLiteral("parameters"), parameters);
    return description;
}

QByteArray bytes(const QJsonObject &object)
{
    return QJsonDocument(object).toJson();
}

PatternDataFile dataFile(const QString &id)
{
    return {id + QStringLiteral(".json"), bytes(validDescription(id))};
}

const QJsonValue removed(QJsonValue::Undefined);

QJsonObject choice(const QString &id, const QJsonValue &claim)
{
    return {{QStringLiteral("id"), id},
            {QStringLiteral("text"), QString(QStringLiteral("Choice ") + id)},
            {QStringLiteral("claim"), claim}};
}

QJsonObject durationQuestion()
{
    return {{QStringLiteral("id"), QStringLiteral("how-long")},
            {QStringLiteral("text"), QStringLiteral("How long?")},
            {QStringLiteral("kind"), QStringLiteral("total_duration")},
            {QStringLiteral("choices"),
             QJsonArray{choice(QStringLiteral("once"), QJsonArray{200}),
                        choice(QStringLiteral("each"), QJsonArray{QStringLiteral("count"), 200})}}};
}

QJsonObject withQuestions(const QJsonArray &questions = {})
{
    const QJsonObject first{
        {QStringLiteral("id"), QStringLiteral("first")},
        {QStringLiteral("text"), QStringLiteral("Which ends first?")},
        {QStringLiteral("kind"), QStringLiteral("first_to_finish")},
        {QStringLiteral("choices"), QJsonArray{choice(QStringLiteral("one"), QStringLiteral("fetch 1")),
                                               choice(QStringLiteral("two"), QStringLiteral("fetch 2"))}}};
    return changed(validDescription(QStringLiteral("sample")), QStringLiteral("questions"),
                   questions.isEmpty() ? QJsonArray{durationQuestion(), first} : questions);
}

// The duration question with `key` of the question (or, with a choice index, of that choice) changed.
QJsonObject changedQuestion(const QString &key, const QJsonValue &value, int choiceIndex = -1)
{
    auto question = durationQuestion();
    if (choiceIndex < 0) {
        question = changed(question, key, value);
    } else {
        auto choices = question.value(QStringLiteral("choices")).toArray();
        choices[choiceIndex] = changed(choices[choiceIndex].toObject(), key, value);
        question.insert(QStringLiteral("choices"), choices);
    }
    return withQuestions(QJsonArray{question});
}

} // namespace

class TestPatternData : public QObject
{
    Q_OBJECT
private Q_SLOTS:
    void everyEmbeddedDataFileLoads()
    {
        const auto &catalog = Catalog::instance();
        QVERIFY2(catalog.errors().isEmpty(), qPrintable(catalog.errors().join(QLatin1Char('\n'))));
        QCOMPARE(catalog.patterns().size(), patterns::libraryBindings().size());
        QCOMPARE(catalog.patterns().size(), Catalog::embeddedDataFiles().size());
        for (const auto &pattern : catalog.patterns()) {
            const auto &info = pattern->info();
            QVERIFY2(!Catalog::readResource(info.sourceFile).isEmpty(), qPrintable(info.id));
            QVERIFY2(!Catalog::readResource(info.pythonFile).isEmpty(), qPrintable(info.id));
            QVERIFY2(!info.parameters.empty(), qPrintable(info.id));
        }
    }

    void theCatalogKeepsTheLibrarysTeachingOrder()
    {
        QStringList libraryOrder;
        for (const auto &binding : patterns::libraryBindings())
            libraryOrder.append(QString::fromLatin1(binding.id));
        QCOMPARE(Catalog::instance().ids(), libraryOrder);
        QCOMPARE(Catalog::instance().ids().first(), QStringLiteral("sequential"));
    }

    void codePathsAreDerivedFromTheId()
    {
        const auto *pattern = Catalog::instance().find(QStringLiteral("db-query"));
        QVERIFY(pattern);
        QCOMPARE(pattern->info().sourceFile, QStringLiteral(":/patterns/library/db_query.cpp"));
        QCOMPARE(pattern->info().pythonFile, QStringLiteral(":/patterns/python/db_query.py"));
    }

    void aDataFileReadsIntoTypedParameters()
    {
        QFile file(QStringLiteral(":/patterns/data/semaphore.json"));
        QVERIFY(file.open(QIODevice::ReadOnly));
        const auto data = patterns::readPatternData(file, QStringLiteral("semaphore"));
        QVERIFY2(data.ok(), qPrintable(data.errors.join(QLatin1Char('\n'))));
        QCOMPARE(data.info.title, QStringLiteral("Semaphore: limiting concurrency"));
        QCOMPARE(data.info.parameters.size(), size_t(3));
        const auto &limit = data.info.parameters[1];
        QCOMPARE(limit.name, QStringLiteral("limit"));
        QCOMPARE(limit.type, patterns::ParameterSpec::Type::Integer);
        QCOMPARE(limit.defaultValue.typeId(), int(QMetaType::Int));
        QCOMPARE(limit.defaultValue.toInt(), 5);
        QCOMPARE(limit.minimum, 1.0);
        QCOMPARE(limit.maximum, 100.0);
        QCOMPARE(limit.unit, QStringLiteral("requests"));
        QVERIFY(data.info.whatToLookFor.contains(QStringLiteral("products / limit × latency")));
    }

    void questionsReadIntoTheirKindAndClaims()
    {
        const auto data = patterns::readPatternData(bytes(withQuestions()), QStringLiteral("sample"));
        QVERIFY2(data.ok(), qPrintable(data.errors.join(QLatin1Char('\n'))));
        QCOMPARE(data.info.questions.size(), size_t(2));
        const auto &howLong = data.info.questions[0];
        QCOMPARE(howLong.id, QStringLiteral("how-long"));
        QCOMPARE(patterns::kindName(howLong.kind), QStringLiteral("total_duration"));
        QCOMPARE(howLong.choices.size(), size_t(2));
        QCOMPARE(howLong.choices[1].factors, (QStringList{QStringLiteral("count"), QStringLiteral("200")}));
        QCOMPARE(patterns::evaluateFactors(howLong.choices[1].factors, {{QStringLiteral("count"), 4}}), 800.0);
        const auto &first = data.info.questions[1];
        QCOMPARE(first.choices[0].tasks, QStringList{QStringLiteral("fetch 1")});
    }

    void everyEmbeddedQuestionHasItsChoices()
    {
        int patternsWithQuestions = 0;
        for (const auto &id : Catalog::instance().ids()) {
            const auto &questions = Catalog::instance().find(id)->info().questions;
            patternsWithQuestions += questions.empty() ? 0 : 1;
            for (const auto &question : questions)
                QVERIFY2(question.choices.size() >= 2, qPrintable(id + QLatin1Char(' ') + question.id));
        }
        QVERIFY(patternsWithQuestions >= 15);
    }

    void aRatioRoundsUpToWholeWaves()
    {
        const QVariantMap values{{QStringLiteral("products"), 7}, {QStringLiteral("limit"), 3}};
        QCOMPARE(patterns::evaluateFactors({QStringLiteral("products/limit"), QStringLiteral("50")}, values), 150.0);
        QString error;
        QVERIFY(!patterns::evaluateFactors({QStringLiteral("products/zero")}, values, &error));
        QCOMPARE(error, QStringLiteral("\"zero\" is neither a number nor a numeric parameter"));
    }

    void aBrokenDocumentIsRefused_data()
    {
        QTest::addColumn<QByteArray>("document");
        QTest::addColumn<QString>("error");
        const auto row = [](const char *name, const QJsonObject &document, const QString &error) {
            QTest::newRow(name) << bytes(document) << error;
        };
        const auto sample = validDescription(QStringLiteral("sample"));
        QTest::newRow("not JSON") << QByteArray("{\"id\": ") << QStringLiteral("not JSON: ");
        QTest::newRow("not an object") << QByteArray("[]") << QStringLiteral("must be a JSON object");
        row("no format", changed(sample, QStringLiteral("format"), removed), QStringLiteral("format: missing"));
        row("newer format", changed(sample, QStringLiteral("format"), 2),
            QStringLiteral("format: 2 is not a format this Coroscope reads (1)"));
        row("id of another file", changed(sample, QStringLiteral("id"), QStringLiteral("gather")),
            QStringLiteral("id: \"gather\" does not match the file name, which says \"sample\""));
        row("no title", changed(sample, QStringLiteral("title"), removed), QStringLiteral("title: missing"));
        row("title a number", changed(sample, QStringLiteral("title"), 7),
            QStringLiteral("title: must be a string, not a number"));
        row("empty summary", changed(sample, QStringLiteral("summary"), QStringLiteral(" ")),
            QStringLiteral("summary: must not be empty"));
        row("misspelt member", changed(sample, QStringLiteral("sumary"), QStringLiteral("x")),
            QStringLiteral("sumary: unknown member (known: format, id, title"));
        row("parameters an object", changed(sample, QStringLiteral("parameters"), QJsonObject()),
            QStringLiteral("parameters: must be an array, not an object"));
        row("questions not an array", changed(sample, QStringLiteral("questions"), QStringLiteral("?")),
            QStringLiteral("questions: must be an array, not a string"));
        row("no questions", changed(sample, QStringLiteral("questions"), QJsonArray()),
            QStringLiteral("questions: must hold 1 to 3 questions (got 0)"));
        row("four questions",
            withQuestions(QJsonArray{durationQuestion(), durationQuestion(), durationQuestion(), durationQuestion()}),
            QStringLiteral("questions: must hold 1 to 3 questions (got 4)"));
        row("question twice", withQuestions(QJsonArray{durationQuestion(), durationQuestion()}),
            QStringLiteral("questions[1]: a second question with the id \"how-long\""));
        row("question not an object", withQuestions(QJsonArray{3}),
            QStringLiteral("questions[0]: must be an object, not a number"));
        row("unknown kind", changedQuestion(QStringLiteral("kind"), QStringLiteral("fastest")),
            QStringLiteral("questions[0].kind: unknown kind \"fastest\" (known: first_to_finish, finish_order"));
        row("no question text", changedQuestion(QStringLiteral("text"), removed),
            QStringLiteral("questions[0].text: missing"));
        row("question id with spaces", changedQuestion(QStringLiteral("id"), QStringLiteral("how long")),
            QStringLiteral("questions[0].id: \"how long\" must be lower-case letters, digits and -"));
        row("counter on a duration", changedQuestion(QStringLiteral("counter"), QStringLiteral("requests in flight")),
            QStringLiteral("questions[0].counter: a \"total_duration\" question has none"));
        row("one choice",
            changedQuestion(QStringLiteral("choices"), QJsonArray{choice(QStringLiteral("a"), QJsonArray{1})}),
            QStringLiteral("questions[0].choices: must hold 2 to 6 choices (got 1)"));
        row("choice twice", changedQuestion(QStringLiteral("id"), QStringLiteral("once"), 1),
            QStringLiteral("questions[0].choices[1]: a second choice with the id \"once\""));
        row("claim of the wrong type", changedQuestion(QStringLiteral("claim"), QStringLiteral("fast"), 0),
            QStringLiteral("questions[0].choices[0].claim: must be an array, not a string"));
        row("claim names no parameter",
            changedQuestion(QStringLiteral("claim"), QJsonArray{QStringLiteral("latency")}, 0),
            QStringLiteral("questions[0].choices[0].claim: \"latency\" is neither a number nor a numeric parameter"));
        row("claim divides by zero", changedQuestion(QStringLiteral("claim"), QJsonArray{QStringLiteral("count/0")}, 0),
            QStringLiteral("questions[0].choices[0].claim: \"count/0\" divides by 0"));
        row("claim empty", changedQuestion(QStringLiteral("claim"), QJsonArray(), 0),
            QStringLiteral("questions[0].choices[0].claim: must name at least one factor"));
        row("claim on a text parameter",
            changedQuestion(QStringLiteral("claim"), QJsonArray{QStringLiteral("category")}, 0),
            QStringLiteral("questions[0].choices[0].claim: \"category\" is neither a number"));
        row("misspelt choice member", changedQuestion(QStringLiteral("claims"), 1, 0),
            QStringLiteral("questions[0].choices[0].claims: unknown member (known: id, text, claim)"));
        const QJsonObject status{
            {QStringLiteral("id"), QStringLiteral("fate")},
            {QStringLiteral("text"), QStringLiteral("How does it end?")},
            {QStringLiteral("kind"), QStringLiteral("task_status")},
            {QStringLiteral("choices"), QJsonArray{choice(QStringLiteral("ok"), QStringLiteral("ok")),
                                                   choice(QStringLiteral("dead"), QStringLiteral("dead"))}}};
        row("task status without its task", withQuestions(QJsonArray{status}),
            QStringLiteral("questions[0].task: missing"));
        row("unknown status", withQuestions(QJsonArray{status}),
            QStringLiteral("questions[0].choices[1].claim: unknown status \"dead\" (known: ok, error, cancelled)"));
        const QJsonObject order{
            {QStringLiteral("id"), QStringLiteral("order")},
            {QStringLiteral("text"), QStringLiteral("In which order?")},
            {QStringLiteral("kind"), QStringLiteral("finish_order")},
            {QStringLiteral("choices"),
             QJsonArray{choice(QStringLiteral("a"), QJsonArray{QStringLiteral("x"), QStringLiteral("x")}),
                        choice(QStringLiteral("b"), QJsonArray{QStringLiteral("y")})}}};
        row("a task twice in an order", withQuestions(QJsonArray{order}),
            QStringLiteral("questions[0].choices[0].claim[1]: \"x\" is named twice"));
        row("an order of one", withQuestions(QJsonArray{order}),
            QStringLiteral("questions[0].choices[1].claim: an order needs at least two tasks"));
        auto parameters = sample.value(QStringLiteral("parameters")).toArray();
        parameters.append(7);
        row("parameter not an object", changed(sample, QStringLiteral("parameters"), parameters),
            QStringLiteral("parameters[3]: must be an object, not a number"));
        parameters = sample.value(QStringLiteral("parameters")).toArray();
        parameters.append(parameters[0]);
        row("parameter twice", changed(sample, QStringLiteral("parameters"), parameters),
            QStringLiteral("parameters[3]: a second parameter named \"count\""));
        row("unknown type", changedParameter(0, QStringLiteral("type"), QStringLiteral("float")),
            QStringLiteral("parameters[0].type: unknown type \"float\" (known: integer, number, duration, url, text)"));
        row("no label", changedParameter(0, QStringLiteral("label"), removed),
            QStringLiteral("parameters[0].label: missing"));
        row("name not for a command line", changedParameter(0, QStringLiteral("name"), QStringLiteral("a=b")),
            QStringLiteral("parameters[0].name: \"a=b\" must be lower-case"));
        row("default above maximum", changedParameter(0, QStringLiteral("default"), 11),
            QStringLiteral("parameters[0].default: count must be between 1 and 10 tasks (got 11)"));
        row("default below minimum", changedParameter(0, QStringLiteral("default"), 0),
            QStringLiteral("parameters[0].default: count must be between 1 and 10 tasks (got 0)"));
        row("default not whole", changedParameter(0, QStringLiteral("default"), 2.5),
            QStringLiteral("parameters[0].default: count must be a whole number"));
        row("default a string", changedParameter(0, QStringLiteral("default"), QStringLiteral("3")),
            QStringLiteral("parameters[0].default: must be a number, not a string"));
        row("no maximum", changedParameter(0, QStringLiteral("maximum"), removed),
            QStringLiteral("parameters[0].maximum: missing"));
        row("minimum above maximum", changedParameter(0, QStringLiteral("minimum"), 20),
            QStringLiteral("parameters[0]: minimum 20 is above maximum 10"));
        row("bounds beyond int", changedParameter(0, QStringLiteral("maximum"), 1e12),
            QStringLiteral("parameters[0]: minimum and maximum of \"integer\" must be whole"));
        row("text with a minimum", changedParameter(1, QStringLiteral("minimum"), 0),
            QStringLiteral("parameters[1].minimum: only numeric types have one, not \"text\""));
        row("text default a number", changedParameter(1, QStringLiteral("default"), 3),
            QStringLiteral("parameters[1].default: must be a string, not a number"));
        row("url default not http", changedParameter(2, QStringLiteral("default"), QStringLiteral("ftp://x")),
            QStringLiteral("parameters[2].default: server must be an http:// or https:// URL"));
    }

    void aBrokenDocumentIsRefused()
    {
        QFETCH(QByteArray, document);
        QFETCH(QString, error);
        const auto data = patterns::readPatternData(document, QStringLiteral("sample"));
        QVERIFY(!data.ok());
        const auto found = std::any_of(data.errors.begin(), data.errors.end(),
                                       [&](const QString &each) { return each.startsWith(error); });
        const QString got = data.errors.join(QLatin1Char('\n'));
        QVERIFY2(found, qPrintable(QStringLiteral("expected \"%1\", got:\n%2").arg(error, got)));
    }

    void everyProblemOfADocumentIsReported()
    {
        auto description = changedParameter(0, QStringLiteral("default"), 99);
        description.remove(QStringLiteral("title"));
        description.insert(QStringLiteral("explanation"), 1);
        const auto data = patterns::readPatternData(bytes(description), QStringLiteral("sample"));
        QCOMPARE(data.errors.size(), 3);
    }

    void aBrokenFileLeavesOnlyItsPatternOut()
    {
        auto broken = changedParameter(0, QStringLiteral("default"), 99);
        broken.insert(QStringLiteral("id"), QStringLiteral("semaphore"));
        const std::vector<PatternDataFile> files{{QStringLiteral("semaphore.json"), bytes(broken)},
                                                 dataFile(QStringLiteral("gather"))};
        const PatternBinding bindings[] = {{"semaphore", &emptyBody}, {"gather", &emptyBody}};
        const Catalog catalog(files, bindings);
        QCOMPARE(catalog.ids(), QStringList{QStringLiteral("gather")});
        const QStringList expected{QStringLiteral(
            "resources/patterns/semaphore.json: parameters[0].default: count must be between 1 and 10 tasks (got 99)")};
        QCOMPARE(catalog.errors(), expected);
    }

    void aDataFileWithoutCodeIsReported()
    {
        const std::vector<PatternDataFile> files{dataFile(QStringLiteral("gather")),
                                                 dataFile(QStringLiteral("orphan"))};
        const PatternBinding bindings[] = {{"gather", &emptyBody}};
        const Catalog catalog(files, bindings);
        QCOMPARE(catalog.ids(), QStringList{QStringLiteral("gather")});
        const QStringList expected{QStringLiteral(
            "resources/patterns/orphan.json: describes a pattern with no code (no entry in patterns/library.cpp)")};
        QCOMPARE(catalog.errors(), expected);
    }

    void codeWithoutADataFileIsReported()
    {
        const std::vector<PatternDataFile> files{dataFile(QStringLiteral("gather"))};
        const PatternBinding bindings[] = {{"gather", &emptyBody}, {"semaphore", &emptyBody}};
        const Catalog catalog(files, bindings);
        QCOMPARE(catalog.ids(), QStringList{QStringLiteral("gather")});
        const QStringList expected{
            QStringLiteral("pattern \"semaphore\" has code but no data file (resources/patterns/semaphore.json)")};
        QCOMPARE(catalog.errors(), expected);
    }

    void anIdWithoutItsCodeFileIsReported()
    {
        const std::vector<PatternDataFile> files{dataFile(QStringLiteral("ghost"))};
        const PatternBinding bindings[] = {{"ghost", &emptyBody}};
        const Catalog catalog(files, bindings);
        QVERIFY(catalog.patterns().empty());
        const QStringList expected{
            QStringLiteral("pattern \"ghost\": its code is not in src/core/patterns/library/ghost.cpp")};
        QCOMPARE(catalog.errors(), expected);
    }

    void duplicateIdsAreReported()
    {
        const std::vector<PatternDataFile> files{dataFile(QStringLiteral("gather")),
                                                 dataFile(QStringLiteral("gather"))};
        const PatternBinding bindings[] = {{"gather", &emptyBody}, {"gather", &emptyBody}};
        const Catalog catalog(files, bindings);
        QCOMPARE(catalog.ids(), QStringList{QStringLiteral("gather")});
        const QStringList expected{
            QStringLiteral("resources/patterns/gather.json: a second data file for pattern \"gather\""),
            QStringLiteral("pattern \"gather\" is registered twice (patterns/library.cpp)")};
        QCOMPARE(catalog.errors(), expected);
    }

    void aFileThatIsNotJsonDataIsReported()
    {
        const std::vector<PatternDataFile> files{{QStringLiteral("notes.txt"), QByteArray("hello")}};
        const Catalog catalog(files, {});
        QCOMPARE(catalog.errors(),
                 QStringList{QStringLiteral("resources/patterns/notes.txt: not a pattern data file (<id>.json)")});
    }
};

QTEST_GUILESS_MAIN(TestPatternData)
#include "tst_patterndata.moc"
