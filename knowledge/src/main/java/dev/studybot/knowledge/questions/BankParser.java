package dev.studybot.knowledge.questions;

import static dev.studybot.knowledge.questions.QuestionBank.KIND;
import static dev.studybot.knowledge.questions.QuestionBank.MAX_CHOICES;
import static dev.studybot.knowledge.questions.QuestionBank.MIN_CHOICES;
import static dev.studybot.knowledge.questions.QuestionBank.SUFFIX;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Reads one {@code *.quiz.md} file line by line into questions and problems (see {@link QuestionBank}). */
final class BankParser {

    private static final int EXCERPT_CHARS = 50;

    private static final Pattern HEADING = Pattern.compile("^(#{1,6})(?:\\s+(.*))?$");
    private static final Pattern CLOSING_HASHES = Pattern.compile("(?:^|\\s+)#+$");
    private static final Pattern QUESTION = Pattern.compile(
            "^(?:\\*\\*Q[:.]\\*\\*|\\*\\*Q\\*\\*[:.]|Q:|Q\\.(?=\\s|$))\\s*(.*)$");
    /** A list item with a one-character box; {@code [text](link)} is a link, not a box. */
    private static final Pattern CHOICE = Pattern.compile("^[-*+]\\s+\\[(.?)\\](?!\\()\\s*(.*)$");
    private static final Pattern EXPLANATION = Pattern.compile(
            "^(?:\\*\\*Explanation:\\*\\*|\\*\\*Explanation\\*\\*:|Explanation:)\\s*(.*)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern FENCE = Pattern.compile("^(?:```|~~~)");

    private enum Phase {
        /** After {@code Q:}, before the first choice: text lines continue the question. */
        QUESTION,
        /** Among the choices. */
        CHOICES,
        /** In the explanation: non-blank lines continue it. */
        EXPLANATION,
        /** After the explanation's blank line: free text, ignored until the next question or heading. */
        AFTER
    }

    private record Choice(String text, boolean right, int line, boolean broken) {
    }

    /** One {@code Q:} entry being read. */
    private static final class Entry {
        final int line;
        final List<String> topic;
        final List<String> text = new ArrayList<>();
        final List<Choice> choices = new ArrayList<>();
        final List<String> explanation = new ArrayList<>();
        final List<BankProblem> problems = new ArrayList<>();
        final Map<String, Integer> choiceLines = new HashMap<>();
        Phase phase = Phase.QUESTION;
        boolean blankSinceChoice;
        int textAfterBlank;
        String textAfterBlankLine;
        boolean strayReported;
        boolean lateChoiceReported;

        Entry(int line, List<String> topic) {
            this.line = line;
            this.topic = topic;
        }

        String prompt() {
            return String.join(" ", text).strip();
        }

        /** How messages name this question: an excerpt of its text, or its line when it has none. */
        String named() {
            String prompt = prompt();
            return prompt.isEmpty() ? "the question on line " + line : "question " + quote(prompt);
        }
    }

    private final String file;
    private final String fileTopic;
    private final String[] headings = new String[6];
    private final List<Question> questions = new ArrayList<>();
    private final List<BankProblem> problems = new ArrayList<>();
    private Entry entry;
    private boolean inFence;
    /** Whether the last non-blank line was a choice outside any question (reported once per run). */
    private boolean inOrphanChoices;

    BankParser(String file) {
        this.file = file;
        String name = file.substring(file.lastIndexOf('/') + 1);
        String base = name.toLowerCase(Locale.ROOT).endsWith(SUFFIX)
                ? name.substring(0, name.length() - SUFFIX.length()) : name;
        this.fileTopic = base.isBlank() ? name : base;
    }

    void line(int number, String raw) {
        String line = raw.strip();
        boolean fence = FENCE.matcher(line).find();
        if (inFence || fence) {
            inFence = fence != inFence; // code: never a question, choice or heading
            text(number, line);
            return;
        }
        if (line.isEmpty()) {
            blank();
            return;
        }
        Matcher m;
        if ((m = HEADING.matcher(line)).matches()) {
            heading(m.group(1).length(), m.group(2));
        } else if ((m = QUESTION.matcher(line)).matches()) {
            endEntry();
            inOrphanChoices = false;
            entry = new Entry(number, topic());
            if (!m.group(1).isBlank()) {
                entry.text.add(m.group(1).strip());
            }
        } else if ((m = CHOICE.matcher(line)).matches()) {
            choice(number, line, m.group(1), m.group(2).strip());
        } else if ((m = EXPLANATION.matcher(line)).matches()) {
            explanation(number, m.group(1).strip());
        } else {
            text(number, line);
        }
    }

    QuestionBank.Result finish() {
        endEntry();
        List<BankProblem> sorted = new ArrayList<>(problems);
        sorted.sort(Comparator.comparingInt(BankProblem::line));
        return new QuestionBank.Result(questions, sorted);
    }

    private List<String> topic() {
        List<String> path = new ArrayList<>();
        for (String heading : headings) {
            if (heading != null && !heading.isEmpty()) {
                path.add(heading);
            }
        }
        return path.isEmpty() ? List.of(fileTopic) : path;
    }

    private void heading(int level, String rawText) {
        endEntry();
        inOrphanChoices = false;
        String text = rawText == null ? "" : CLOSING_HASHES.matcher(rawText.strip()).replaceFirst("").strip();
        headings[level - 1] = text;
        for (int i = level; i < headings.length; i++) {
            headings[i] = null;
        }
    }

    private void blank() {
        if (entry == null) {
            return;
        }
        if (entry.phase == Phase.CHOICES) {
            entry.blankSinceChoice = true;
        } else if (entry.phase == Phase.EXPLANATION) {
            entry.phase = Phase.AFTER;
        }
    }

    private void text(int number, String line) {
        inOrphanChoices = false;
        if (entry == null) {
            return; // free text between questions: the team's own notes
        }
        switch (entry.phase) {
            case QUESTION -> entry.text.add(line);
            case EXPLANATION -> entry.explanation.add(line);
            case AFTER -> {
            }
            case CHOICES -> {
                if (!entry.blankSinceChoice) {
                    stray(number, line);
                } else if (entry.textAfterBlank == 0) {
                    entry.textAfterBlank = number; // fine, unless a choice or an explanation follows
                    entry.textAfterBlankLine = line;
                }
            }
        }
    }

    private void stray(int number, String line) {
        if (entry.strayReported) {
            return;
        }
        entry.strayReported = true;
        entry.problems.add(new BankProblem(file, number, "the line " + quote(line) + " sits among the choices of "
                + entry.named() + " but is not a choice. Write every choice on one line as \"- [ ] text\" "
                + "(or \"- [x] text\" for the right one); put notes in an \"Explanation:\" after the choices."));
    }

    private void choice(int number, String line, String mark, String text) {
        if (entry == null || entry.phase == Phase.AFTER) {
            endEntry();
            if (!inOrphanChoices) {
                problems.add(new BankProblem(file, number, "the choice " + quote(line)
                        + " is not under any question; start the question with a \"Q:\" line above its choices."));
            }
            inOrphanChoices = true;
            return;
        }
        if (entry.phase == Phase.EXPLANATION) {
            if (!entry.lateChoiceReported) {
                entry.lateChoiceReported = true;
                entry.problems.add(new BankProblem(file, number, "the choice " + quote(line) + " comes after the "
                        + "explanation of " + entry.named() + "; put all choices before \"Explanation:\"."));
            }
            return;
        }
        entry.phase = Phase.CHOICES;
        if (entry.textAfterBlank > 0) {
            stray(entry.textAfterBlank, entry.textAfterBlankLine);
        }
        entry.blankSinceChoice = false;
        boolean broken = false;
        if (!mark.equals(" ") && !mark.equalsIgnoreCase("x")) {
            broken = true;
            entry.problems.add(new BankProblem(file, number, "the choice " + quote(line) + " has the box \"["
                    + mark + "]\"; use \"[ ]\" for a wrong choice and \"[x]\" for the right one."));
        }
        if (text.isEmpty()) {
            broken = true;
            entry.problems.add(new BankProblem(file, number, "a choice of " + entry.named()
                    + " has no text; write it after the box, like \"- [ ] S3 Standard\"."));
        } else {
            String key = text.toLowerCase(Locale.ROOT);
            Integer earlier = entry.choiceLines.putIfAbsent(key, number);
            if (earlier != null) {
                entry.problems.add(new BankProblem(file, number, "the choice " + quote(text)
                        + " is the same as the one on line " + earlier + " in " + entry.named()
                        + "; every choice must be different."));
            }
        }
        entry.choices.add(new Choice(text, mark.equalsIgnoreCase("x"), number, broken));
    }

    private void explanation(int number, String text) {
        inOrphanChoices = false;
        if (entry == null) {
            problems.add(new BankProblem(file, number, "\"Explanation:\" is not under any question; "
                    + "put it right after the choices of its question."));
            return;
        }
        if (entry.phase == Phase.EXPLANATION || entry.phase == Phase.AFTER) {
            entry.problems.add(new BankProblem(file, number, entry.named() + " already has an explanation; "
                    + "keep a single \"Explanation:\" (it may go on over several lines)."));
            entry.phase = Phase.EXPLANATION;
            return;
        }
        if (entry.phase == Phase.CHOICES && entry.textAfterBlank > 0) {
            stray(entry.textAfterBlank, entry.textAfterBlankLine);
        }
        entry.phase = Phase.EXPLANATION;
        if (!text.isEmpty()) {
            entry.explanation.add(text);
        }
    }

    private void endEntry() {
        Entry e = entry;
        entry = null;
        if (e == null) {
            return;
        }
        List<BankProblem> found = new ArrayList<>();
        String prompt = e.prompt();
        if (prompt.isEmpty()) {
            found.add(new BankProblem(file, e.line,
                    "this question has no text; write the question after \"Q:\"."));
        }
        int count = e.choices.size();
        boolean anyBroken = e.choices.stream().anyMatch(Choice::broken);
        List<Choice> right = e.choices.stream().filter(Choice::right).toList();
        if (count == 0) {
            found.add(new BankProblem(file, e.line, e.named() + " has no choices; list " + MIN_CHOICES + " to "
                    + MAX_CHOICES + " choices below it as \"- [ ] text\", and mark the right one \"- [x] text\"."));
        } else if (!anyBroken) {
            if (count < MIN_CHOICES) {
                found.add(new BankProblem(file, e.line, e.named() + " has only 1 choice; give "
                        + MIN_CHOICES + " to " + MAX_CHOICES + "."));
            } else if (count > MAX_CHOICES) {
                found.add(new BankProblem(file, e.line, e.named() + " has " + count + " choices; give at most "
                        + MAX_CHOICES + "."));
            }
            if (right.isEmpty()) {
                found.add(new BankProblem(file, e.line, e.named()
                        + " has no right choice; mark exactly one choice with [x]."));
            } else if (right.size() > 1) {
                found.add(new BankProblem(file, e.line, e.named() + " marks " + right.size()
                        + " choices as right (lines " + right.stream().map(c -> Integer.toString(c.line()))
                        .collect(Collectors.joining(", ")) + "); mark exactly one with [x]."));
            }
        }
        found.addAll(e.problems);
        if (!found.isEmpty()) {
            problems.addAll(found);
            return;
        }
        List<String> choices = e.choices.stream().map(Choice::text).toList();
        int answer = e.choices.indexOf(right.get(0));
        String explanation = String.join(" ", e.explanation).strip();
        if (explanation.isEmpty()) {
            explanation = choices.get(answer);
        }
        questions.add(new Question(Question.idOf(KIND, file, e.line, prompt, choices.get(answer)), KIND,
                e.topic, prompt, choices, answer, file, e.line, explanation));
    }

    private static String quote(String text) {
        String oneLine = text.strip();
        if (oneLine.length() > EXCERPT_CHARS) {
            oneLine = oneLine.substring(0, EXCERPT_CHARS - 1).stripTrailing() + "\u2026";
        }
        return "\"" + oneLine + "\"";
    }
}
