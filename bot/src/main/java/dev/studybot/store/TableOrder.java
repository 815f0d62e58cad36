package dev.studybot.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/** Tables in an order they can be filled in: every table after the tables its foreign keys refer to. */
final class TableOrder {

    private TableOrder() {
    }

    /**
     * @param references each table and the tables it refers to (a table it refers to that is not a key is left out
     *                   of the order: it is not being filled)
     * @return the tables, the referred-to first; among those ready at the same time, by name, so the order is stable
     * @throws IllegalArgumentException when the references go round in a circle, which no order can satisfy
     */
    static List<String> of(Map<String, Set<String>> references) {
        Map<String, Set<String>> waiting = new TreeMap<>();
        references.forEach((table, refersTo) -> {
            Set<String> open = new TreeSet<>(refersTo);
            open.retainAll(references.keySet());
            waiting.put(table, open);
        });
        List<String> order = new ArrayList<>();
        while (!waiting.isEmpty()) {
            String ready = waiting.entrySet().stream().filter(e -> e.getValue().isEmpty()).map(Map.Entry::getKey)
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("These tables refer to each other in a circle: "
                            + waiting.keySet()));
            waiting.remove(ready);
            waiting.values().forEach(open -> open.remove(ready));
            order.add(ready);
        }
        return order;
    }
}
