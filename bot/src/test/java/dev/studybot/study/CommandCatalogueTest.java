package dev.studybot.study;

import dev.studybot.config.ScoringRules;
import dev.studybot.game.AnswerService;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.studybot.chat.Caller;
import dev.studybot.chat.Interaction;
import dev.studybot.command.CommandCatalogue;
import dev.studybot.chat.CommandSpec;
import dev.studybot.domain.Member;
import dev.studybot.domain.Place;
import dev.studybot.knowledge.KnowledgeBase;
import dev.studybot.knowledge.analysis.Synonyms;
import dev.studybot.knowledge.index.IndexProgress;
import dev.studybot.store.SqlStudyStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalogue is the one list of commands: the dispatch, the help and the Slack manifest agree with it. */
class CommandCatalogueTest {

    @TempDir
    Path dir;

    @Test
    void everyCommandInTheCatalogueIsDispatchedAndNoneIsUnknown() throws Exception {
        Path notes = Files.createDirectories(dir.resolve("notes"));
        Files.writeString(notes.resolve("s3.md"), "# S3\n- Versioning keeps every version of an object.\n");
        Place place = new Place("slack", "T1", "Acme", "C1", "general");
        Caller admin = new Caller(new Member("slack", "U1", "Ann"), place, true);
        try (KnowledgeBase knowledge = KnowledgeBase.open(notes, dir.resolve("data"), Synonyms.none(), IndexProgress.SILENT);
             SqlStudyStore store = SqlStudyStore.open(dir.resolve("studybot.db"))) {
            StudyBot bot = new StudyBot(knowledge, List.of(), store,
                    new AnswerService(store.answers(), ScoringRules.DEFAULTS), Clock.systemUTC(), 1, null);
            for (CommandSpec spec : bot.catalogue().specs()) {
                for (String name : names(spec)) {
                    String text = name + " " + example(spec.arguments());
                    String reply = bot.handle(new Interaction.Text(admin, text.strip())).toString();
                    assertFalse(reply.contains("I don't know") || reply.contains("Usage:"), "/study " + text + " -> " + reply);
                }
            }
            String unknown = bot.handle(new Interaction.Text(admin, "frobnicate")).toString();
            assertTrue(unknown.contains("I don't know \"/study frobnicate\""), unknown);
        }
    }

    private static List<String> names(CommandSpec spec) {
        return java.util.stream.Stream.concat(java.util.stream.Stream.of(spec.path()), spec.aliases().stream()).toList();
    }

    /** A value for each placeholder of a usage, enough for the command to be recognised. */
    private static String example(String arguments) {
        return switch (arguments) {
            case "<words>" -> "versioning";
            case "<zone>" -> "UTC";
            case "<id>" -> "0123abcd";
            case "<HH:MM> [zone] [daily|weekdays] [topics]" -> "09:00";
            default -> "";
        };
    }

    @Test
    void adminCommandsAreTypedWithStudyAdminOnDiscordOnly() {
        CommandCatalogue catalogue = RealCommands.catalogue();
        String discord = String.join("\n", catalogue.helpLines("discord"));
        String slack = String.join("\n", catalogue.helpLines("slack"));

        assertTrue(discord.contains("/study-admin schedule set <HH:MM>"), discord);
        assertTrue(discord.contains("/study schedule - when"), discord);
        assertTrue(slack.contains("/study schedule set <HH:MM>"), slack);
        assertFalse(slack.contains("/study-admin"), slack);
        assertEquals(catalogue.specs().size(), catalogue.helpLines("console").size());
    }

    @Test
    void theSlackManifestHintsOnlyAtCommandsThatExist() throws Exception {
        JsonNode manifest = new YAMLMapper().readTree(Path.of("..", "config", "slack-app-manifest.yml").toFile());
        String hint = manifest.path("features").path("slash_commands").get(0).path("usage_hint").asText();
        Set<String> names = RealCommands.specs().stream().map(CommandSpec::name).collect(Collectors.toSet());

        assertFalse(hint.isBlank());
        for (String part : hint.split(" \\| ")) {
            String word = part.strip().split("\\s+")[0].toLowerCase(Locale.ROOT);
            assertTrue(names.contains(word), "the manifest's usage hint names \"" + word + "\", which is no command: "
                    + hint);
        }
    }
}
