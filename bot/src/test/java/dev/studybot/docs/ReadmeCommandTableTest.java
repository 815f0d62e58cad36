package dev.studybot.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.CommandSpec;
import dev.studybot.study.RealCommands;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The README's command table says what the bot's catalogue says: the same commands, usages and admin marks. */
class ReadmeCommandTableTest {

    private static final Pattern ROW = Pattern.compile("^\\| `(/study [^`]*)` \\| (.*) \\|$");

    @Test
    void everyCommandOfTheCatalogueIsARowWithTheUsageTheBotShows() throws IOException {
        Map<String, String> rows = commandRows();
        Map<String, CommandSpec> specs = RealCommands.specs().stream()
                .collect(Collectors.toMap(spec -> spec.usage("slack"), Function.identity(), (a, b) -> a, LinkedHashMap::new));

        assertEquals(specs.keySet().stream().sorted().toList(), rows.keySet().stream().sorted().toList(),
                "README's command table against the catalogue's usages");
        specs.forEach((usage, spec) -> assertEquals(spec.admin(), rows.get(usage).contains("(admins"),
                "README marks " + usage + " as for admins"));
    }

    /** The rows of the table under "## Commands": usage (Markdown's escaped pipes unescaped) to description. */
    private static Map<String, String> commandRows() throws IOException {
        List<String> lines = Files.readAllLines(readme());
        int heading = lines.indexOf("## Commands");
        assertTrue(heading >= 0, "README has a Commands section");
        Map<String, String> rows = new LinkedHashMap<>();
        for (String line : lines.subList(heading + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            Matcher row = ROW.matcher(line);
            if (row.matches()) {
                rows.put(row.group(1).replace("\\|", "|"), row.group(2));
            }
        }
        return rows;
    }

    /** The checkout's README: tests run in the module's folder, one below it. */
    private static Path readme() {
        Path dir = Path.of("").toAbsolutePath();
        while (!Files.exists(dir.resolve("README.md")) || !Files.isDirectory(dir.resolve("bot"))) {
            dir = dir.getParent();
            assertNotNull(dir, "README.md above the working directory");
        }
        return dir.resolve("README.md");
    }
}
