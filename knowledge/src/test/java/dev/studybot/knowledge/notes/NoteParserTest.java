package dev.studybot.knowledge.notes;

import static dev.studybot.knowledge.TestNotes.lineOf;
import static dev.studybot.knowledge.TestNotes.nestedBullets;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class NoteParserTest {

    private static List<Passage> parse(String file, String text) {
        return NoteParser.parse(NotesReader.fromText(file, text));
    }

    /** The one passage whose text contains {@code needle}. */
    private static Passage only(List<Passage> passages, String needle) {
        List<Passage> found = passages.stream().filter(p -> p.text().contains(needle)).toList();
        assertEquals(1, found.size(), () -> "passages containing \"" + needle + "\": " + describe(passages));
        return found.get(0);
    }

    private static String describe(List<Passage> passages) {
        return passages.stream()
                .map(p -> p.file() + ":" + p.line() + " " + p.headingPath() + "\n" + p.text())
                .collect(Collectors.joining("\n----\n", "\n", "\n"));
    }

    /** The line of the passage's text that contains {@code needle}. */
    private static String lineWith(Passage passage, String needle) {
        return passage.text().lines().filter(l -> l.contains(needle)).findFirst()
                .orElseThrow(() -> new AssertionError("no line with \"" + needle + "\" in:\n" + passage.text()));
    }

    private static int indentOf(String line) {
        return line.length() - line.stripLeading().length();
    }

    private static void assertAllWithinLimit(List<Passage> passages) {
        for (Passage p : passages) {
            assertTrue(p.text().length() <= Passage.MAX_TEXT_CHARS,
                    () -> "passage of " + p.text().length() + " chars at line " + p.line());
            assertFalse(p.text().isBlank(), "blank passage at line " + p.line());
        }
    }

    // ---- Markdown ----

    @Test
    void markdownHeadingsGiveHeadingPathsIncludingSkippedLevels() {
        String text = """
                # Networking
                Routers move packets between networks.
                ### Route table lookups
                The most specific prefix wins when routes overlap.
                ## Gateways ##
                A gateway joins a private network to the public internet.
                # Security
                Firewalls filter traffic by port and protocol.
                """;
        List<Passage> passages = parse("net.md", text);

        assertEquals(List.of("Networking"), only(passages, "Routers move").headingPath());
        assertEquals(List.of("Networking", "Route table lookups"), only(passages, "most specific prefix").headingPath());
        // '##' after '###' closes the deeper heading: it is a sibling level, not a child of it
        assertEquals(List.of("Networking", "Gateways"), only(passages, "A gateway joins").headingPath());
        assertEquals(List.of("Security"), only(passages, "Firewalls filter").headingPath());
        assertEquals("Networking › Gateways", only(passages, "A gateway joins").headingTrail());
        for (Passage p : passages) {
            assertFalse(p.text().lines().anyMatch(l -> l.startsWith("#")), () -> "heading line in " + p.text());
        }
    }

    @Test
    void headingAboveTheFilesTopLevelIsOneMoreEntryNotANewTopLevel() {
        String text = """
                ## Security
                ### Key store
                Keys are rotated yearly.
                # Web firewall
                Rules block injection attempts.
                ### Threat finder
                Reads flow logs for odd traffic.
                ## Compute
                ### Virtual machines
                Instances boot from images.
                """;
        List<Passage> passages = parse("sec.md", text);

        assertEquals(List.of("Security", "Web firewall"), only(passages, "Rules block").headingPath());
        assertEquals(List.of("Security", "Threat finder"), only(passages, "flow logs").headingPath());
        // without the rule, every later section would sit under "Web firewall"
        assertEquals(List.of("Compute", "Virtual machines"), only(passages, "Instances boot").headingPath());
    }

    @Test
    void headingTitlesAreCleanedOfMarkup() {
        String text = """
                # **Caching** with `edge` servers:

                Copies of responses are kept close to readers.
                """;
        assertEquals(List.of("Caching with edge servers"), only(parse("c.md", text), "Copies of").headingPath());
    }

    @Test
    void setextHeadingsAreHeadingsInMarkdown() {
        String text = """
                Databases
                =========

                Relational engines keep data in tables.

                Replicas
                --------

                Read replicas copy data asynchronously.
                """;
        List<Passage> passages = parse("db.md", text);
        assertEquals(List.of("Databases"), only(passages, "Relational engines").headingPath());
        assertEquals(List.of("Databases", "Replicas"), only(passages, "Read replicas").headingPath());
        assertFalse(passages.stream().anyMatch(p -> p.text().contains("====") || p.text().contains("----")));
    }

    @Test
    void yamlFrontMatterIsNotInAnyPassage() {
        String text = """
                ---
                title: Hidden metadata block
                tags: [zebracorn, metadata]
                ---

                # Caching

                Edge caches keep copies near the people who read them.
                """;
        List<Passage> passages = parse("cache.md", text);
        for (Passage p : passages) {
            assertFalse(p.text().contains("zebracorn"), p.text());
            assertFalse(p.text().contains("title:"), p.text());
            assertFalse(p.headingPath().stream().anyMatch(h -> h.contains("zebracorn") || h.contains("title")));
        }
        Passage body = only(passages, "Edge caches");
        assertEquals(List.of("Caching"), body.headingPath());
        assertEquals(lineOf(text, "Edge caches"), body.line(), "line numbers count the front matter lines");
    }

    @Test
    void markdownFileWithHashHeadingsDoesNotTreatBareShortLinesAsHeadings() {
        String text = """
                # Load balancing

                Health checks matter

                - targets failing the check stop getting traffic
                """;
        List<Passage> passages = parse("lb.md", text);
        Passage bullet = only(passages, "targets failing");
        assertEquals(List.of("Load balancing"), bullet.headingPath());
        assertTrue(passages.stream().anyMatch(p -> p.text().contains("Health checks matter")),
                "the bare line is kept as text: " + describe(passages));
    }

    // ---- plain text ----

    @Test
    void plainTextHeadingsAreBareShortLinesFollowedByRoundBullets() {
        String text = """
                Queues

                • producers and consumers are decoupled by the queue
                • messages simply wait while the consumer side is down

                Topics
                • one publish reaches every subscriber
                • subscribers can be queues, functions or web hooks
                """;
        List<Passage> passages = parse("messaging.txt", text);
        Passage queues = only(passages, "decoupled by the queue");
        Passage topics = only(passages, "one publish reaches");
        assertEquals(List.of("Queues"), queues.headingPath());
        assertEquals(List.of("Topics"), topics.headingPath());
        assertTrue(queues.text().contains("messages simply wait"));
        assertTrue(topics.text().contains("web hooks"));
        for (Passage p : passages) {
            assertFalse(p.text().lines().anyMatch(l -> l.strip().equals("Queues") || l.strip().equals("Topics")),
                    () -> "heading kept as text: " + p.text());
        }
        assertEquals(lineOf(text, "producers and consumers"), queues.line());
        assertEquals(lineOf(text, "one publish"), topics.line());
    }

    @Test
    void sentencesAndLongLinesInPlainTextAreNotHeadings() {
        String text = """
                Storage

                Objects are immutable, so an update writes a whole new version of the object.

                Versioning keeps old copies.

                • a delete only adds a marker
                """;
        List<Passage> passages = parse("storage.txt", text);
        for (Passage p : passages) {
            assertEquals(List.of("Storage"), p.headingPath(), describe(passages));
        }
        assertTrue(passages.stream().anyMatch(p -> p.text().contains("Versioning keeps old copies.")));
    }

    // ---- bullets and nesting ----

    @Test
    void nestedBulletsWithEveryMarkerKeepTheirNesting() {
        String text = """
                # Markers

                - dash parent
                  + plus child
                    * star grandchild
                • round parent
                  o letter child
                1. first numbered
                2) second numbered
                   - under the number
                """;
        Passage p = only(parse("markers.md", text), "dash parent");
        for (String item : List.of("- dash parent", "+ plus child", "* star grandchild", "• round parent",
                "o letter child", "1. first numbered", "2) second numbered", "- under the number")) {
            assertTrue(p.text().lines().anyMatch(l -> l.strip().equals(item)),
                    () -> "\"" + item + "\" is not a line of its own in:\n" + p.text());
        }
        assertTrue(indentOf(lineWith(p, "plus child")) > indentOf(lineWith(p, "dash parent")), p.text());
        assertTrue(indentOf(lineWith(p, "star grandchild")) > indentOf(lineWith(p, "plus child")), p.text());
        assertTrue(indentOf(lineWith(p, "letter child")) > indentOf(lineWith(p, "round parent")), p.text());
        assertTrue(indentOf(lineWith(p, "under the number")) > indentOf(lineWith(p, "second numbered")), p.text());
        assertEquals(indentOf(lineWith(p, "dash parent")), indentOf(lineWith(p, "round parent")), p.text());
        assertEquals(indentOf(lineWith(p, "dash parent")), indentOf(lineWith(p, "first numbered")), p.text());
        assertEquals(lineOf(text, "dash parent"), p.line());
    }

    private static final String NESTED_BY_INDENTATION = """
            Networking

            - Private networks
                each one lives in a single region
                address ranges must not overlap
            - Peering
                links exactly two networks
            """;

    @Test
    void indentationOnlyNestingStaysWithItsParent() {
        String text = NESTED_BY_INDENTATION;
        List<Passage> passages = parse("vpc.txt", text);
        Passage p = only(passages, "Private networks");
        assertEquals(List.of("Networking"), p.headingPath());
        int parent = p.text().indexOf("Private networks");
        int child = p.text().indexOf("each one lives in a single region");
        int grandSibling = p.text().indexOf("address ranges must not overlap");
        int next = p.text().indexOf("Peering");
        assertTrue(parent >= 0 && child > parent && grandSibling > child && next > grandSibling, p.text());
        assertTrue(p.text().indexOf("links exactly two networks") > next, p.text());
    }

    @Test
    void indentationOnlyNestedLinesStayLinesOfTheirOwn() {
        String text = NESTED_BY_INDENTATION;
        Passage p = only(parse("vpc.txt", text), "Private networks");
        for (String child : List.of("each one lives in a single region", "address ranges must not overlap",
                "links exactly two networks")) {
            assertTrue(p.text().lines().anyMatch(l -> l.strip().equals(child)),
                    () -> "\"" + child + "\" is not a line of its own in:\n" + p.text());
        }
        assertTrue(indentOf(lineWith(p, "each one lives")) > indentOf(lineWith(p, "Private networks")), p.text());
    }

    @Test
    void wrappedContinuationLinesJoinTheirSentence() {
        String text = """
                # Queues

                - the visibility timeout hides a message while one worker
                  processes it, then shows it again
                - a lazily wrapped bullet that lost its
                indentation still continues the sentence
                """;
        Passage p = only(parse("q.md", text), "visibility timeout");
        assertTrue(p.text().contains("while one worker processes it, then shows it again"), p.text());
        assertTrue(p.text().contains("lost its indentation still continues"), p.text());
        assertEquals(2, p.text().lines().filter(l -> l.startsWith("- ")).count(), p.text());
    }

    @Test
    void proseParagraphsAreJoinedButKeptApart() {
        String text = """
                # Consistency

                Reads right after a write may briefly return old data. Clients that need the
                latest value ask for a strongly consistent read.

                Conditional writes compare a version number
                before they overwrite anything.
                """;
        Passage p = only(parse("db.md", text), "Reads right after");
        assertTrue(p.text().contains("Clients that need the latest value ask"), p.text());
        assertTrue(p.text().contains("compare a version number before they overwrite"), p.text());
        String first = lineWith(p, "Reads right after");
        assertFalse(first.contains("Conditional writes"), "paragraphs were merged into one line: " + p.text());
        assertEquals(lineOf(text, "Reads right after"), p.line());
    }

    @Test
    void bulletsNestedFarDeeperThanNotesEverAreAllReadAtTheDeepestLevelKept() {
        // 1,500 levels overflowed the stack of the recursive passage walk (and took seconds at 1,000).
        int depth = 1500;
        NoteSource source = NotesReader.fromText("deep.md", "# Deep\n" + nestedBullets(depth));
        List<Passage> passages = NoteParser.parse(source);
        List<NoteTopic> topics = NoteParser.topics(source);

        assertAllWithinLimit(passages);
        for (int level = 0; level < depth; level++) {
            String bullet = "level " + level + " word";
            assertTrue(passages.stream().anyMatch(p -> p.text().contains(bullet)), bullet + " is in no passage");
        }
        List<NoteTopic.Statement> statements = topics.get(0).statements();
        assertEquals(depth, statements.size());
        assertEquals(OutlineParser.MAX_DEPTH - 1,
                statements.stream().mapToInt(NoteTopic.Statement::depth).max().orElseThrow());
        assertEquals("level " + (OutlineParser.MAX_DEPTH - 2) + " word", statements.get(depth - 1).parent(),
                "bullets past the cap sit under the deepest level kept");
    }

    // ---- code, tables, links ----

    @Test
    void hashCommentInsideFencedCodeIsNotAHeading() {
        String text = """
                # Deploying

                Install the command line tool first.

                ```bash
                # install the tool
                pip install sometool
                ## also not a heading
                ```

                Then log in with your access key.
                """;
        List<Passage> passages = parse("deploy.md", text);
        for (Passage p : passages) {
            assertEquals(List.of("Deploying"), p.headingPath(), describe(passages));
        }
        Passage code = only(passages, "pip install sometool");
        assertTrue(code.text().contains("# install the tool\npip install sometool\n## also not a heading"),
                "code lines must stay as written:\n" + code.text());
        assertTrue(passages.stream().anyMatch(p -> p.text().contains("Then log in")));
    }

    @Test
    void fencedCodeInPlainTextNotesIsNotSplitIntoHeadings() {
        String text = """
                Setup

                ```
                Install step

                echo done
                ```

                Afterwards check the logs.
                """;
        List<Passage> passages = parse("setup.txt", text);
        for (Passage p : passages) {
            assertEquals(List.of("Setup"), p.headingPath(), describe(passages));
        }
        assertTrue(passages.stream().anyMatch(p -> p.text().contains("Install step")), describe(passages));
        assertTrue(passages.stream().anyMatch(p -> p.text().contains("Afterwards check the logs.")));
    }

    @Test
    void tableRowsStayRowsInOnePassage() {
        String text = """
                # Pricing

                | Option | Commitment | Discount |
                |---|---|---|
                | On demand | none | none |
                | Reserved | one to three years | large |

                Pick reserved capacity for steady load.
                """;
        Passage p = only(parse("pricing.md", text), "| On demand | none | none |");
        assertEquals(List.of("Pricing"), p.headingPath());
        assertTrue(p.text().contains("| Option | Commitment | Discount |\n|---|---|---|\n| On demand | none | none |\n"
                + "| Reserved | one to three years | large |"), p.text());
        assertEquals(lineOf(text, "| Option"), p.line());
    }

    @Test
    void linksAndImagesAreKeptWithTheirUrls() {
        String text = """
                # References

                See the [user guide](https://docs.example.com/guide) for details.

                ![architecture diagram](https://img.example.com/arch.png)

                Status page: https://status.example.org/page and <https://auto.example.net/x>
                """;
        Passage p = only(parse("refs.md", text), "user guide");
        assertEquals(List.of("https://docs.example.com/guide", "https://img.example.com/arch.png",
                "https://status.example.org/page", "https://auto.example.net/x"), p.links());
        assertTrue(p.text().contains("architecture diagram"), p.text());
    }

    @Test
    void chineseTextIsKeptIntact() {
        String text = """
                # 存储笔记

                冷数据放在归档层更便宜，但是取回需要等待几个小时。
                """;
        Passage p = only(parse("cn.md", text), "冷数据");
        assertEquals(List.of("存储笔记"), p.headingPath());
        assertEquals("冷数据放在归档层更便宜，但是取回需要等待几个小时。", p.text());
    }

    // ---- file names and line numbers ----

    @Test
    void passagesCarryTheFileNameAndTheLineTheirContentStartsOn() {
        String text = """
                # One

                First topic text.

                ## Two


                - second topic bullet
                  - with a child

                # Three
                | a | b |
                """;
        List<Passage> passages = parse("course/part-1.md", text);
        assertEquals(3, passages.size(), describe(passages));
        for (Passage p : passages) {
            assertEquals("course/part-1.md", p.file());
        }
        assertEquals(lineOf(text, "First topic"), only(passages, "First topic").line());
        assertEquals(lineOf(text, "second topic bullet"), only(passages, "second topic").line());
        assertEquals(lineOf(text, "| a | b |"), only(passages, "| a | b |").line());
    }

    @Test
    void crlfTextGivesTheSameLineNumbers() {
        String text = "# One\r\n\r\nFirst topic text.\r\n\r\n# Two\r\n\r\n\r\nSecond topic text.\r\n";
        List<Passage> passages = parse("crlf.md", text);
        assertEquals(3, only(passages, "First topic").line());
        assertEquals(8, only(passages, "Second topic").line());
        assertFalse(passages.stream().anyMatch(p -> p.text().contains("\r")));
    }

    // ---- sizes: splitting and merging ----

    /** 30 parent bullets, each with two sub-bullets: far more than one passage holds. */
    private static String bigSection() {
        StringBuilder text = new StringBuilder("# Big topic\n\nIntro line for the big topic.\n\n");
        for (int i = 0; i < 30; i++) {
            text.append(String.format("- parent%02d states one fact about the subject in a full sentence%n", i));
            text.append(String.format("  - child%02da adds a small detail to it%n", i));
            text.append(String.format("  - child%02db adds another small detail%n", i));
        }
        text.append("\n# Next topic\n\nSomething else entirely.\n");
        return text.toString();
    }

    @Test
    void longSectionIsSplitIntoPassagesWithinTheLimitThatShareTheHeadingPath() {
        String text = bigSection();
        List<Passage> passages = parse("big.md", text);
        List<Passage> big = passages.stream().filter(p -> p.headingPath().equals(List.of("Big topic"))).toList();
        assertTrue(big.size() > 1, describe(passages));
        assertAllWithinLimit(passages);
        for (int i = 0; i < 30; i++) {
            String parent = String.format("parent%02d", i);
            assertEquals(List.of("Big topic"), only(passages, parent + " ").headingPath());
        }
        assertEquals(List.of("Next topic"), only(passages, "Something else").headingPath());
    }

    @Test
    void smallSubBulletsStayInTheSamePassageAsTheirParent() {
        List<Passage> passages = parse("big.md", bigSection());
        for (int i = 0; i < 30; i++) {
            Passage p = only(passages, String.format("child%02da", i));
            assertTrue(p.text().contains(String.format("parent%02d", i)), p.text());
            assertTrue(p.text().contains(String.format("child%02db", i)), p.text());
        }
    }

    @Test
    void splitPassagesStartOnTheLineOfTheirFirstBlock() {
        String text = bigSection();
        for (Passage p : parse("big.md", text)) {
            String firstLine = p.text().lines().findFirst().orElseThrow().strip();
            assertEquals(lineOf(text, firstLine), p.line(), () -> "passage starting \"" + firstLine + "\"");
        }
    }

    @Test
    void tinyNeighbouringBulletsAreMergedRatherThanFragmented() {
        StringBuilder text = new StringBuilder("# Quick facts\n\n");
        for (int i = 0; i < 80; i++) {
            text.append(String.format("- fact%02d is short%n", i));
        }
        List<Passage> passages = parse("facts.md", text.toString());
        assertAllWithinLimit(passages);
        assertTrue(passages.size() <= 4, "80 tiny bullets became " + passages.size() + " passages");
        for (Passage p : passages) {
            assertTrue(p.text().lines().count() >= 10, "fragment:\n" + p.text());
        }
        for (int i = 0; i < 80; i++) {
            only(passages, String.format("fact%02d ", i));
        }
    }

    @Test
    void aTinyLastBlockJoinsThePassageBeforeIt() {
        // each paragraph is just under 500 characters, so the tail cannot be packed with it and is left over
        String paragraph = "This paragraph is deliberately long so that the section needs more than one passage. "
                .repeat(5) + "Extra words pad it out to nearly five hundred characters in all.";
        String text = "# Topic\n\n" + paragraph + "\n\n" + paragraph + "\n\n- lonely tail bullet\n";
        List<Passage> passages = parse("tail.md", text);
        assertTrue(passages.size() > 1, describe(passages));
        Passage tail = only(passages, "lonely tail bullet");
        assertTrue(tail.text().contains("deliberately long"), "tail left alone:" + describe(passages));
    }

    @Test
    void aParentTooBigForOnePassageLeadsEachPassageOfItsChildren() {
        StringBuilder text = new StringBuilder("# Parent\n\n- The parent bullet names the topic\n");
        for (int i = 0; i < 40; i++) {
            text.append(String.format("  - detail%02d is a sentence long enough to take up some room here%n", i));
        }
        List<Passage> passages = parse("parent.md", text.toString());
        assertTrue(passages.size() > 1, describe(passages));
        assertAllWithinLimit(passages);
        for (Passage p : passages) {
            assertTrue(p.text().startsWith("- The parent bullet names the topic\n"), p.text());
            assertEquals(List.of("Parent"), p.headingPath());
        }
        for (int i = 0; i < 40; i++) {
            only(passages, String.format("detail%02d ", i));
        }
    }

    @Test
    void veryLongParagraphIsSplitAtSentencesWithoutLosingText() {
        StringBuilder paragraph = new StringBuilder();
        for (int i = 0; i < 60; i++) {
            paragraph.append(String.format("Sentence%02d explains one more small point about the service. ", i));
        }
        String text = "# Essay\n\n" + paragraph.toString().strip() + "\n";
        List<Passage> passages = parse("essay.md", text);
        assertTrue(passages.size() > 1, describe(passages));
        assertAllWithinLimit(passages);
        for (Passage p : passages) {
            assertEquals(List.of("Essay"), p.headingPath());
        }
        for (int i = 0; i < 60; i++) {
            only(passages, String.format("Sentence%02d explains one more small point about the service.", i));
        }
    }

    @Test
    void veryLongParagraphWithoutSentenceEndsLosesNoText() {
        List<String> words = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            words.add(String.format("term%03d", i));
        }
        String text = "# Glossary\n\n" + String.join(", ", words) + "\n";
        List<Passage> passages = parse("glossary.md", text);
        assertAllWithinLimit(passages);
        for (String word : words) {
            assertTrue(passages.stream().anyMatch(p -> p.text().contains(word)), word + " is in no passage");
        }
    }

    @Test
    void piecesOfASplitMultiLineParagraphPointAtTheirOwnLines() {
        StringBuilder text = new StringBuilder("# Essay\n\n");
        for (int i = 0; i < 60; i++) {
            text.append(String.format("Sentence%02d explains one more small point about the service.%n", i));
        }
        List<Passage> passages = parse("essay.md", text.toString());
        assertTrue(passages.size() > 1, describe(passages));
        for (Passage p : passages) {
            String start = p.text().substring(0, "SentenceNN".length());
            assertEquals(lineOf(text.toString(), start), p.line(), () -> "piece starting with " + start);
        }
    }

    @Test
    void hugeCodeBlockAndTableAreSplitWithinTheLimit() {
        StringBuilder text = new StringBuilder("# Dump\n\n```\n");
        for (int i = 0; i < 150; i++) {
            text.append(String.format("echo step%03d of the long script%n", i));
        }
        text.append("```\n\n| key | value |\n|---|---|\n");
        for (int i = 0; i < 150; i++) {
            text.append(String.format("| row%03d | some value |%n", i));
        }
        List<Passage> passages = parse("dump.md", text.toString());
        assertAllWithinLimit(passages);
        for (int i = 0; i < 150; i++) {
            only(passages, String.format("step%03d ", i));
            only(passages, String.format("| row%03d |", i));
        }
    }
}
