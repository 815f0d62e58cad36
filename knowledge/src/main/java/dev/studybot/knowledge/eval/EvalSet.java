package dev.studybot.knowledge.eval;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Reads an evaluation TSV: a header line, then {@code id<TAB>query<TAB>answers}, answers separated by
 * {@code " | "}; further columns are ignored, and so are lines starting with {@code #} (comments).
 */
public final class EvalSet {

    private EvalSet() {
    }

    public static List<EvalQuery> read(Path tsv) {
        List<String> lines;
        try {
            lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the query file " + tsv + ": " + e.getMessage(), e);
        }
        return parse(lines, tsv.toString());
    }

    static List<EvalQuery> parse(List<String> lines, String origin) {
        List<EvalQuery> queries = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#") || (i == 0 && line.toLowerCase().startsWith("id\t"))) {
                continue;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 3 || columns[1].isBlank() || columns[2].isBlank()) {
                throw new IllegalArgumentException(origin + ":" + (i + 1)
                        + ": expected id, query and answers separated by tabs, got: " + line);
            }
            List<String> answers = Arrays.stream(columns[2].split(" \\| ")).map(String::strip)
                    .filter(answer -> !answer.isEmpty()).toList();
            queries.add(new EvalQuery(columns[0].strip(), columns[1].strip(), answers));
        }
        if (queries.isEmpty()) {
            throw new IllegalArgumentException(origin + " has no queries.");
        }
        return queries;
    }
}
