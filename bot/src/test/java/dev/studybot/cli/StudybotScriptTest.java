package dev.studybot.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The root {@code ./studybot} wrapper, run by bash in a copy of the checkout's layout with stand-ins for
 * {@code mvn} (which writes colour codes as Debian's does, and builds the jar) and {@code java} (which says
 * what it was asked to run).
 */
class StudybotScriptTest {

    @TempDir
    Path root;
    private Path bin;

    @BeforeEach
    void setUp() throws IOException {
        Files.copy(Path.of("..", "studybot"), root.resolve("studybot"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.createDirectories(root.resolve("knowledge/src"));
        Files.createDirectories(root.resolve("bot/src"));
        Files.createDirectories(root.resolve("config"));
        Files.writeString(root.resolve("config/synonyms.txt"), "asg => auto scaling group\n");
        bin = Files.createDirectories(root.resolve("fake-bin"));
        script("mvn", "echo mvn >> \"" + root.resolve("mvn-calls") + "\"\nprintf '\\033[0m\\033[1mBUILD\\033[0m\\n'\n"
                + "mkdir -p \"" + root.resolve("bot/target") + "\" && touch \"" + root.resolve("bot/target/studybot.jar") + "\"");
        script("java", "echo \"java $*\"");
    }

    private void script(String name, String body) throws IOException {
        Path file = bin.resolve(name);
        Files.writeString(file, "#!/usr/bin/env bash\n" + body + "\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    private String run(String... args) throws Exception {
        return runWith(Map.of(), args);
    }

    private String runWith(Map<String, String> environment, String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("bash", root.resolve("studybot").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().remove("STUDYBOT_JAVA_OPTS");
        builder.environment().putAll(environment);
        builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
        Process process = builder.start();
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(process.waitFor(30, TimeUnit.SECONDS));
        assertEquals(0, process.exitValue(), out);
        return out;
    }

    private long builds() throws IOException {
        Path calls = root.resolve("mvn-calls");
        return Files.exists(calls) ? Files.readAllLines(calls).size() : 0;
    }

    @Test
    void theFirstBuildWritesNoColourCodesAndOptionsAloneAreRunOptions() throws Exception {
        String out = run("--notes", "my-notes");

        assertEquals(1, builds());
        assertFalse(out.contains("\u001b"), "no colour codes: " + out);
        assertTrue(out.contains("java -Xmx512m -jar " + root.resolve("bot/target/studybot.jar") + " run --notes my-notes"), out);
        assertTrue(run().contains("studybot.jar run"), "no arguments: run");
        assertTrue(run("--help").trim().endsWith("studybot.jar --help"), "studybot's own help");
        assertTrue(run("search", "spot").trim().endsWith("studybot.jar search spot"));
    }

    @Test
    void theHeapIsCappedUnlessTheJavaOptionsSaySomethingElse() throws Exception {
        assertTrue(run("console").contains("java -Xmx512m -jar "), "capped by default");
        String out = runWith(Map.of("STUDYBOT_JAVA_OPTS", "-Xmx1g -XX:+UseSerialGC"), "console");
        assertTrue(out.contains("java -Xmx1g -XX:+UseSerialGC -jar " + root.resolve("bot/target/studybot.jar") + " console"), out);
    }

    @Test
    void editingTheSynonymsRebuildsNothingButEditingTheSourcesDoes() throws Exception {
        run("console");

        Files.writeString(root.resolve("config/synonyms.txt"), "nacl => network acl\n");
        run("console");
        assertEquals(1, builds(), "synonyms are read at run time");

        Files.writeString(root.resolve("bot/src/Changed.java"), "class Changed {}");
        run("console");
        assertEquals(2, builds());
    }
}
