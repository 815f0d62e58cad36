package dev.studybot.store;

import java.time.Instant;
import java.util.Optional;

/**
 * {@link Installations} on the tables of migration V10 ({@code installations}, {@code install_states}). A token is
 * sealed for its workspace ({@code platform:workspace id}) before it is written and opened after it is read, so the
 * database never holds it in the clear. A state is taken by deleting its row, which one transaction alone can do: two
 * redirects that bring the same state back, to one process or two, cannot both succeed.
 */
final class SqlInstallations implements Installations {

    private final Database database;
    private final TokenCipher cipher;

    SqlInstallations(Database database, TokenCipher cipher) {
        this.database = database;
        this.cipher = cipher;
    }

    @Override
    public void save(Installation i) {
        String sealed = cipher.seal(i.botToken(), owner(i.platform(), i.workspaceId()));
        database.write(c -> Jdbis.with(c, h -> h.createUpdate("""
                        INSERT INTO installations (platform, workspace_id, workspace_name, enterprise_id, app_id,
                            bot_user_id, bot_id, bot_scopes, bot_token, installer_user_id, installed_at)
                        VALUES (:platform, :workspace, :name, :enterprise, :app, :botUser, :bot, :scopes, :token,
                            :installer, :at)
                        ON CONFLICT (platform, workspace_id) DO UPDATE SET workspace_name = excluded.workspace_name,
                            enterprise_id = excluded.enterprise_id, app_id = excluded.app_id,
                            bot_user_id = excluded.bot_user_id, bot_id = excluded.bot_id,
                            bot_scopes = excluded.bot_scopes, bot_token = excluded.bot_token,
                            installer_user_id = excluded.installer_user_id, installed_at = excluded.installed_at""")
                .bind("platform", i.platform()).bind("workspace", i.workspaceId()).bind("name", i.workspaceName())
                .bind("enterprise", i.enterpriseId()).bind("app", i.appId()).bind("botUser", i.botUserId())
                .bind("bot", i.botId()).bind("scopes", i.botScopes()).bind("token", sealed)
                .bind("installer", i.installerUserId()).bind("at", i.installedAt().toEpochMilli())
                .execute()));
    }

    @Override
    public Optional<Installation> find(String platform, String workspaceId) {
        return database.read(c -> Jdbis.with(c, h -> h.createQuery("""
                        SELECT workspace_name, enterprise_id, app_id, bot_user_id, bot_id, bot_scopes, bot_token,
                               installer_user_id, installed_at
                        FROM installations WHERE platform = :platform AND workspace_id = :workspace""")
                .bind("platform", platform).bind("workspace", workspaceId)
                .map(row -> new Installation(platform, workspaceId, row.getColumn("workspace_name", String.class),
                        row.getColumn("enterprise_id", String.class), row.getColumn("app_id", String.class),
                        row.getColumn("bot_user_id", String.class), row.getColumn("bot_id", String.class),
                        row.getColumn("bot_scopes", String.class),
                        cipher.open(row.getColumn("bot_token", String.class), owner(platform, workspaceId)),
                        row.getColumn("installer_user_id", String.class),
                        Instant.ofEpochMilli(row.getColumn("installed_at", Long.class))))
                .findOne()));
    }

    @Override
    public boolean remove(String platform, String workspaceId) {
        return database.write(c -> Jdbis.with(c, h -> h.createUpdate(
                        "DELETE FROM installations WHERE platform = :platform AND workspace_id = :workspace")
                .bind("platform", platform).bind("workspace", workspaceId).execute())) > 0;
    }

    @Override
    public void addState(String state, Instant expiresAt, Instant now) {
        database.write(c -> Jdbis.with(c, h -> {
            h.createUpdate("DELETE FROM install_states WHERE expires_at <= :now").bind("now", now.toEpochMilli()).execute();
            return h.createUpdate("INSERT INTO install_states (state, expires_at) VALUES (:state, :expires)")
                    .bind("state", state).bind("expires", expiresAt.toEpochMilli()).execute();
        }));
    }

    @Override
    public boolean takeState(String state, Instant now) {
        return database.write(c -> Jdbis.with(c, h -> h.createUpdate(
                        "DELETE FROM install_states WHERE state = :state AND expires_at > :now")
                .bind("state", state).bind("now", now.toEpochMilli()).execute())) == 1;
    }

    /** What a token is sealed for: its workspace on its platform. */
    private static String owner(String platform, String workspaceId) {
        return platform + ":" + workspaceId;
    }
}
