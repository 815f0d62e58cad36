package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteTopic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Finds a heading that sits above most of a file's sections without being what they are about: a file's
 * title ("My exam notes" above "Storage", "Databases" and "Streaming"). Such a heading is left out of the
 * paths below it.
 */
final class StrayHeadings {

    /** A heading above this share of a file's topics covers the file. */
    private static final double MOST = 0.5;
    /** Headings under it about other services or families, for it to be unrelated to them. */
    private static final int UNRELATED_CHILDREN = 2;

    private final ServiceCatalogue catalogue;

    StrayHeadings(ServiceCatalogue catalogue) {
        this.catalogue = catalogue;
    }

    /** The heading paths of one file's topics (same order), each with any stray heading above it left out. */
    List<List<String>> strip(List<List<String>> paths) {
        Map<List<String>, Integer> covered = new HashMap<>();
        Map<List<String>, Set<String>> children = new HashMap<>();
        for (List<String> path : paths) {
            for (int depth = 1; depth <= path.size(); depth++) {
                List<String> prefix = path.subList(0, depth);
                covered.merge(prefix, 1, Integer::sum);
                if (depth < path.size()) {
                    children.computeIfAbsent(prefix, p -> new LinkedHashSet<>()).add(path.get(depth));
                }
            }
        }
        Set<List<String>> stray = new HashSet<>();
        for (Map.Entry<List<String>, Integer> entry : covered.entrySet()) {
            if (entry.getValue() > MOST * paths.size()
                    && unrelated(entry.getKey(), children.getOrDefault(entry.getKey(), Set.of())) >= UNRELATED_CHILDREN) {
                stray.add(entry.getKey());
            }
        }
        if (stray.isEmpty()) {
            return paths;
        }
        List<List<String>> stripped = new ArrayList<>();
        for (List<String> path : paths) {
            List<String> kept = new ArrayList<>();
            for (int depth = 1; depth <= path.size(); depth++) {
                // A stray heading stays the title of its own section: only the sections below lose it.
                if (depth == path.size() || !stray.contains(path.subList(0, depth))) {
                    kept.add(path.get(depth - 1));
                }
            }
            stripped.add(kept);
        }
        return stripped;
    }

    /** How many child headings are about a service or family other than the heading's own. */
    private int unrelated(List<String> path, Set<String> children) {
        String heading = path.get(path.size() - 1);
        Optional<String> family = familyOf(heading);
        Optional<Service> service = catalogue.named(heading);
        int unrelated = 0;
        for (String child : children) {
            Optional<String> childFamily = familyOf(child);
            boolean other = childFamily.isPresent() && !childFamily.equals(family)
                    && (service.isEmpty() || catalogue.named(child).map(s -> !s.equals(service.get())).orElse(true));
            if (other) {
                unrelated++;
            }
        }
        return unrelated;
    }

    private Optional<String> familyOf(String heading) {
        Optional<Service> named = catalogue.named(heading);
        return named.isPresent() ? named.map(Service::family) : catalogue.familyNamed(heading);
    }
}
