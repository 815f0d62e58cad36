package dev.studybot.domain;

/** A leaderboard's time span; weeks (ISO, from Monday) and months are those of the group's time zone. */
public enum Period { WEEK, MONTH, ALL }
