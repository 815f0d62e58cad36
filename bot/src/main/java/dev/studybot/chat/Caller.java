package dev.studybot.chat;

import dev.studybot.store.Member;
import dev.studybot.store.Place;

/**
 * Who did something, where, and whether the platform counts them as an admin of that place.
 */
public record Caller(Member member, Place place, boolean admin) {
}
