package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteSource;
import dev.studybot.knowledge.notes.NotesReader;
import dev.studybot.knowledge.notes.NotesWarning;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Multiple-choice questions written by the team in {@code *.quiz.md} files under the notes folder.
 *
 * <pre>
 * # S3
 * ## Storage classes
 *
 * Q: Which storage class has the lowest price for data read once a year?
 * - [ ] S3 Standard
 * - [x] S3 Glacier Deep Archive
 * Explanation: Deep Archive is the cheapest class; retrieval takes hours.
 * </pre>
 *
 * Reading is lenient: a malformed entry becomes a {@link BankProblem} and is skipped, every other entry of
 * the file and of the folder still loads. The format is documented for users in {@code docs/question-banks.md}.
 */
public final class QuestionBank {

    /** What every bank file's name ends with (compared case-insensitively). */
    public static final String SUFFIX = ".quiz.md";
    public static final int MIN_CHOICES = 2;
    public static final int MAX_CHOICES = 6;
    /** {@link Question#kind()} of every question from a bank. */
    public static final String KIND = "bank";

    private QuestionBank() {
    }

    /**
     * The questions (in file order) and the problems (by file, then line) of a folder or a file.
     * Both lists are unmodifiable.
     */
    public record Result(List<Question> questions, List<BankProblem> problems) {

        public Result {
            questions = List.copyOf(questions);
            problems = List.copyOf(problems);
        }
    }

    /** Whether the file name ends with {@code .quiz.md}, in any case. */
    public static boolean isBankFile(Path path) {
        Path name = path == null ? null : path.getFileName();
        return name != null && isBankName(name.toString());
    }

    private static boolean isBankName(String file) {
        return file.toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    /**
     * Every question in every {@code *.quiz.md} file under the folder (recursive, sorted by path, hidden
     * files and folders skipped like the notes reader does), and the problems found.
     *
     * @throws IllegalArgumentException when the folder does not exist
     */
    public static Result load(Path notesFolder) {
        // Read like notes (leniently, the same skips and warnings), then keep the banks.
        return from(new NotesReader().read(notesFolder));
    }

    /** The banks among a notes folder already read, and their problems (the folder is not read again). */
    static Result from(NotesReader.Result read) {
        List<Question> questions = new ArrayList<>();
        List<BankProblem> problems = new ArrayList<>();
        for (NotesWarning warning : read.warnings()) {
            if (isBankName(warning.file())) {
                problems.add(new BankProblem(warning.file(), 0, warning.message()));
            }
        }
        for (NoteSource source : read.sources()) {
            if (source.isQuestionBank()) {
                Result result = parse(source.file(), source.text());
                questions.addAll(result.questions());
                problems.addAll(result.problems());
            }
        }
        return new Result(questions, problems);
    }

    /**
     * One bank file's text.
     *
     * @param file the path relative to the notes folder, used in {@link Question#file()}, in ids and in problems
     */
    public static Result parse(String file, String text) {
        String normalised = text.replace("\r\n", "\n").replace('\r', '\n');
        if (normalised.startsWith("\uFEFF")) {
            normalised = normalised.substring(1);
        }
        BankParser parser = new BankParser(file);
        String[] lines = normalised.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            parser.line(i + 1, lines[i]);
        }
        return parser.finish();
    }

}
