package dev.studybot.knowledge.questions;

import java.util.List;
import java.util.stream.Stream;

/**
 * A service of the catalogue.
 *
 * @param name    how questions show it
 * @param family  what kind of service it is ("compute", "storage", ...): wrong choices share it
 * @param aliases every other name the notes may use for it (acronyms, older names)
 */
public record Service(String name, String family, List<String> aliases) {

    public Service {
        aliases = List.copyOf(aliases);
    }

    /** The name first, then the aliases. */
    public List<String> names() {
        return Stream.concat(Stream.of(name), aliases.stream()).toList();
    }
}
