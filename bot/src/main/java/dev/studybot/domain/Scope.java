package dev.studybot.domain;

/** Whether a leaderboard ranks a whole group (workspace, server) or one channel of it. */
public enum Scope { GROUP, CHANNEL }
