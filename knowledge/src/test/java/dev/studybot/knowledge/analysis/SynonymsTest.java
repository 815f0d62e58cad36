package dev.studybot.knowledge.analysis;

import static dev.studybot.knowledge.TestNotes.write;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.knowledge.search.SearchResponse;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SynonymsTest {

    @TempDir
    Path notes;
    @TempDir
    Path data;

    private static final String FLEET_NOTES = """
            # Fleets

            ## Keeping servers healthy

            An Auto Scaling group keeps the desired number of servers running and replaces broken ones.
            """;
    private static final String ACRONYM_NOTES = """
            # Launching

            ## Templates

            The ASG starts machines from a launch template spread over several zones.
            """;

    private KnowledgeBase open(Synonyms synonyms) {
        return KnowledgeBase.open(notes, data, synonyms, IndexProgress.SILENT);
    }

    private static String topFile(SearchResponse response) {
        assertEquals(SearchResponse.Status.FOUND, response.status(), () -> "response: " + response);
        return response.results().get(0).passage().file();
    }

    @Test
    void parsedListKnowsItsWords() {
        Synonyms synonyms = Synonyms.parse("# comment line\nasg, auto scaling group\nvm => ec2 instance\n", "test");
        assertTrue(synonyms.knows("asg"));
        assertTrue(synonyms.knows("ASG"));
        assertTrue(synonyms.knows("scaling"));
        assertTrue(synonyms.knows("ec2"));
        assertFalse(synonyms.knows("comment"), "comments are not entries");
        assertFalse(synonyms.knows("lambda"));
    }

    @Test
    void acronymFindsPassageThatOnlySpellsItOut() {
        write(notes, "fleet.md", FLEET_NOTES);
        write(notes, "launch.md", ACRONYM_NOTES.replace("The ASG", "The group"));
        try (KnowledgeBase kb = open(Synonyms.parse("asg, auto scaling group", "test"))) {
            assertEquals("fleet.md", topFile(kb.search("asg", 5)));
        }
    }

    @Test
    void spelledOutNameFindsPassageThatOnlyUsesTheAcronym() {
        write(notes, "launch.md", ACRONYM_NOTES);
        write(notes, "other.md", "# Other\n\nGroups of people study together on weekends.\n");
        try (KnowledgeBase kb = open(Synonyms.parse("asg, auto scaling group", "test"))) {
            assertEquals("launch.md", topFile(kb.search("auto scaling group", 5)));
        }
    }

    @Test
    void withoutTheSynonymTheAcronymFindsNothing() {
        write(notes, "fleet.md", FLEET_NOTES);
        try (KnowledgeBase kb = open(Synonyms.parse("foo, bar baz", "test"))) {
            assertEquals(SearchResponse.Status.NO_MATCH, kb.search("asg", 5).status());
        }
    }

    @Test
    void searchWorksWithoutAnySynonyms() {
        write(notes, "fleet.md", FLEET_NOTES);
        try (KnowledgeBase kb = open(Synonyms.none())) {
            assertEquals("fleet.md", topFile(kb.search("auto scaling group", 5)));
        }
        try (KnowledgeBase kb = KnowledgeBase.open(notes, data.resolve("second"),
                Synonyms.parse("# only a comment\n", "test"), IndexProgress.SILENT)) {
            assertEquals("fleet.md", topFile(kb.search("servers", 5)));
        }
    }

    @Test
    void synonymWrittenWithoutStopWordsStillMatchesNotesThatHaveThem() {
        write(notes, "security.md", """
                # Security

                Identity and Access Management decides who may call which API, through policies on roles.
                """);
        try (KnowledgeBase kb = open(Synonyms.parse("iam, identity access management", "test"))) {
            assertEquals("security.md", topFile(kb.search("identity and access management", 5)));
            assertEquals("security.md", topFile(kb.search("iam", 5)));
        }
    }

    @Test
    void bundledListLoadsAndIsTheConfigFile() throws IOException {
        Synonyms bundled = assertDoesNotThrow(Synonyms::bundled);
        String text;
        try (InputStream in = Synonyms.class.getResourceAsStream(Synonyms.BUNDLED_RESOURCE)) {
            assertNotNull(in, "the jar must contain " + Synonyms.BUNDLED_RESOURCE);
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        String firstEntry = text.lines().map(String::strip)
                .filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .findFirst().orElseThrow();
        String firstWord = firstEntry.split("[,=>]")[0].strip();
        assertTrue(bundled.knows(firstWord), firstWord);

        Path config = Path.of("..", "config", "synonyms.txt");
        assumeTrue(Files.exists(config), "config/synonyms.txt not next to the module");
        assertEquals(Files.readString(config, StandardCharsets.UTF_8), text);
    }

    @Test
    void malformedListIsAnIllegalArgumentNamingIt() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Synonyms.parse("asg, auto scaling group\nspot => spot instance => cheap\n", "my-synonyms.txt"));
        assertTrue(e.getMessage().contains("my-synonyms.txt"), e.getMessage());
    }

    @Test
    void loadReadsAFileAndNamesItInErrors() {
        Path good = write(notes, "good.txt", "asg, auto scaling group\n");
        assertTrue(Synonyms.load(good).knows("asg"));
        Path bad = write(notes, "bad-list.txt", "asg, auto scaling group\na => b => c\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Synonyms.load(bad));
        assertTrue(e.getMessage().contains("bad-list.txt"), e.getMessage());
    }

    @Test
    void malformedListErrorNamesOnlyTheRightLine() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Synonyms.parse("asg, auto scaling group\nspot => spot instance => cheap\n", "my-synonyms.txt"));
        Matcher lines = Pattern.compile("line (\\d+)").matcher(e.getMessage());
        boolean any = false;
        while (lines.find()) {
            any = true;
            assertEquals("2", lines.group(1), e.getMessage());
        }
        assertTrue(any, e.getMessage());
    }
}
