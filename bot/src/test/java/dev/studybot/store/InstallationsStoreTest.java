package dev.studybot.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import dev.studybot.config.DatabaseLocation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;

/** Workspace installations and install states, on both engines: tokens sealed at rest, states taken once. */
@ParameterizedClass
@EnumSource(StoreEngine.class)
class InstallationsStoreTest {

    static final String KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());
    private static final String OTHER_KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String TOKEN_A = "xoxb-1111-2222-acmeacmeacmeacmeacme";
    private static final String TOKEN_B = "xoxb-3333-4444-betabetabetabetabeta";
    private static final Instant T0 = Instant.parse("2026-12-02T09:00:00Z");

    @Parameter
    StoreEngine engine;

    @TempDir
    Path dir;
    private DatabaseLocation location;
    private SqlStudyStore store;
    private Installations installations;

    @BeforeEach
    void open() {
        location = engine.freshDatabase(dir);
        store = engine.open(location);
        installations = store.installations(TokenCipher.fromBase64(KEY));
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static Installations.Installation installation(String team, String token, Instant at) {
        return new Installations.Installation("slack", team, "Team " + team, null, "A0APP0001", "U0BOT" + team,
                "B0BOT" + team, "commands,chat:write", token, "U0ADMIN01", at);
    }

    @Test
    void eachWorkspaceKeepsItsOwnTokenAndInstallingAgainReplacesIt() {
        installations.save(installation("T0ACME001", TOKEN_A, T0));
        installations.save(installation("T0BETA001", TOKEN_B, T0));
        assertEquals(TOKEN_A, installations.find("slack", "T0ACME001").orElseThrow().botToken());
        assertEquals(TOKEN_B, installations.find("slack", "T0BETA001").orElseThrow().botToken());
        assertTrue(installations.find("discord", "T0ACME001").isEmpty(), "keyed by platform too");

        installations.save(installation("T0ACME001", "xoxb-5555-6666-renewedrenewedrenewed", T0.plusSeconds(60)));
        Installations.Installation again = installations.find("slack", "T0ACME001").orElseThrow();
        assertEquals("xoxb-5555-6666-renewedrenewedrenewed", again.botToken());
        assertEquals(T0.plusSeconds(60), again.installedAt());
        assertFalse(again.toString().contains("xoxb"), again.toString());

        assertTrue(installations.remove("slack", "T0ACME001"));
        assertFalse(installations.remove("slack", "T0ACME001"), "already gone");
        assertTrue(installations.find("slack", "T0ACME001").isEmpty());
        assertEquals(TOKEN_B, installations.find("slack", "T0BETA001").orElseThrow().botToken(), "the other stays");
    }

    @Test
    void theDatabaseHoldsNoTokenInTheClearAndEachIsSealedWithItsOwnIv() throws Exception {
        installations.save(installation("T0ACME001", TOKEN_A, T0));
        installations.save(installation("T0BETA001", TOKEN_A, T0));
        List<String> stored = new ArrayList<>();
        try (Connection c = engine.connect(location); Statement s = c.createStatement();
             ResultSet rows = s.executeQuery("SELECT bot_token FROM installations ORDER BY workspace_id")) {
            while (rows.next()) {
                stored.add(rows.getString(1));
            }
        }
        assertEquals(2, stored.size());
        for (String sealed : stored) {
            assertTrue(sealed.startsWith("v1:"), sealed);
            assertFalse(sealed.contains("xoxb") || sealed.contains("acmeacme"), sealed);
        }
        assertFalse(stored.get(0).equals(stored.get(1)), "the same token sealed twice differs (random IV)");
    }

    @Test
    void aTokenDoesNotOpenWithAnotherKeyNorInAnotherWorkspacesRow() throws Exception {
        installations.save(installation("T0ACME001", TOKEN_A, T0));
        installations.save(installation("T0BETA001", TOKEN_B, T0));
        StoreException otherKey = assertThrows(StoreException.class,
                () -> store.installations(TokenCipher.fromBase64(OTHER_KEY)).find("slack", "T0ACME001"));
        assertTrue(otherKey.getMessage().contains("STUDYBOT_TOKEN_KEY"), otherKey.getMessage());
        assertFalse(otherKey.getMessage().contains(KEY) || otherKey.getMessage().contains("xoxb"), otherKey.getMessage());

        try (Connection c = engine.connect(location); Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE installations SET bot_token = (SELECT bot_token FROM installations"
                    + " WHERE workspace_id = 'T0BETA001') WHERE workspace_id = 'T0ACME001'");
        }
        assertThrows(StoreException.class, () -> installations.find("slack", "T0ACME001"),
                "B's sealed token moved into A's row does not open as A's");
    }

    @Test
    void aStateIsTakenOnceAndOnlyBeforeItExpires() {
        installations.addState("s-1", T0.plus(Duration.ofMinutes(10)), T0);
        installations.addState("s-2", T0.plus(Duration.ofMinutes(10)), T0);
        assertTrue(installations.takeState("s-1", T0.plusSeconds(30)));
        assertFalse(installations.takeState("s-1", T0.plusSeconds(31)), "single use");
        assertFalse(installations.takeState("never-issued", T0));
        assertFalse(installations.takeState("s-2", T0.plus(Duration.ofMinutes(10))), "expired");
    }

    @Test
    void aBadKeyIsRefusedWithAMessageThatDoesNotShowIt() {
        for (String bad : new String[] {null, " ", "not base64 !!", Base64.getEncoder().encodeToString(new byte[16])}) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TokenCipher.fromBase64(bad));
            assertTrue(e.getMessage().startsWith("STUDYBOT_TOKEN_KEY"), e.getMessage());
            assertFalse(bad != null && !bad.isBlank() && e.getMessage().contains(bad), e.getMessage());
        }
    }
}
