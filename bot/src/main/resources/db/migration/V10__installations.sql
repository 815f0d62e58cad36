-- studybot store, version 10: the workspaces an app is installed in through its OAuth install flow (Slack's
-- "Add to Slack"), each with its bot token, and the install flow's one-time states. Times are milliseconds since the
-- epoch (UTC). Plain SQL that every supported engine reads alike.

-- One row per workspace: installing again replaces it, uninstalling deletes it. bot_token is sealed (AES-256-GCM
-- under the key in STUDYBOT_TOKEN_KEY), never the token itself.
CREATE TABLE installations (
    platform          TEXT   NOT NULL,
    workspace_id      TEXT   NOT NULL,
    workspace_name    TEXT,
    enterprise_id     TEXT,
    app_id            TEXT,
    bot_user_id       TEXT,
    bot_id            TEXT,
    bot_scopes        TEXT,
    bot_token         TEXT   NOT NULL,
    installer_user_id TEXT,
    installed_at      BIGINT NOT NULL,
    PRIMARY KEY (platform, workspace_id)
);

-- The state each install link carries; taken (deleted) by the first redirect that brings it back before it expires.
CREATE TABLE install_states (
    state      TEXT   NOT NULL PRIMARY KEY,
    expires_at BIGINT NOT NULL
);
CREATE INDEX install_states_by_expiry ON install_states (expires_at);
