package dev.studybot.slack;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import dev.studybot.store.Installations;
import java.time.Instant;

/**
 * Bolt's {@link InstallationService} on the store's {@link Installations}: the install flow saves a workspace's bot
 * there, every request finds its workspace's bot there, and {@code app_uninstalled} / {@code tokens_revoked} delete
 * it. Only bot tokens are kept (the app asks for no user scopes), one per workspace.
 */
final class SlackInstallationService implements InstallationService {

    private final Installations installations;
    private final String notInstalled;

    /** @param installUrl where a member is sent to install studybot in their workspace */
    SlackInstallationService(Installations installations, String installUrl) {
        this.installations = installations;
        this.notInstalled = "studybot is not installed in this workspace (or was removed from it). A workspace admin"
                + " can add it at " + installUrl;
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
        if (isHistoricalDataEnabled) {
            throw new UnsupportedOperationException("studybot keeps the latest installation of a workspace only");
        }
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        if (installer.getTeamId() == null || installer.getBotAccessToken() == null) {
            // An org-wide (Enterprise Grid) install has no team; studybot is installed workspace by workspace.
            throw new IllegalArgumentException("studybot is installed in one workspace at a time, with its bot");
        }
        installations.save(new Installations.Installation(SlackAdapter.PLATFORM, installer.getTeamId(),
                installer instanceof DefaultInstaller named ? named.getTeamName() : null, installer.getEnterpriseId(), installer.getAppId(), installer.getBotUserId(),
                installer.getBotId(), installer.getBotScope(), installer.getBotAccessToken(), installer.getInstallerUserId(),
                installer.getInstalledAt() == null ? Instant.now() : Instant.ofEpochMilli(installer.getInstalledAt())));
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        if (teamId == null) {
            return null;
        }
        return installations.find(SlackAdapter.PLATFORM, teamId).map(installation -> {
            DefaultBot bot = new DefaultBot();
            bot.setAppId(installation.appId());
            bot.setEnterpriseId(installation.enterpriseId());
            bot.setTeamId(installation.workspaceId());
            bot.setTeamName(installation.workspaceName());
            bot.setBotId(installation.botId());
            bot.setBotUserId(installation.botUserId());
            bot.setScope(installation.botScopes());
            bot.setBotScope(installation.botScopes());
            bot.setBotAccessToken(installation.botToken());
            bot.setIsEnterpriseInstall(false);
            bot.setInstalledAt(installation.installedAt().toEpochMilli());
            return (Bot) bot;
        }).orElse(null);
    }

    @Override
    public void deleteBot(Bot bot) {
        installations.remove(SlackAdapter.PLATFORM, bot.getTeamId());
    }

    /** No user tokens are kept, so there is none to delete. */
    @Override
    public void deleteInstaller(Installer installer) {
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return null;
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        if (teamId != null) {
            installations.remove(SlackAdapter.PLATFORM, teamId);
        }
    }

    @Override
    public String getInstallationGuideText(String enterpriseId, String teamId, String userId) {
        return notInstalled;
    }
}
