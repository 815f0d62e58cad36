package dev.studybot.chat;

import dev.studybot.domain.Member;
import dev.studybot.domain.Place;

/**
 * Who did something, where, and whether the platform counts them as an admin of that place.
 */
public record Caller(Member member, Place place, boolean admin) {
}
