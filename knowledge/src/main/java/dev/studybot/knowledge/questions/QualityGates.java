package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/** The checks every generated question must pass, or it is dropped rather than shown. */
final class QualityGates {

    static final int MIN_PROMPT = 30;
    static final int MAX_PROMPT = 300;
    /**
     * A cloze that starts with one of these leans on a sentence the student cannot see: a pronoun, a
     * conjunction continuing the bullet above ("or setup using ..."), or a pointer to a layout ("Below sample ...").
     */
    static final Pattern DANGLING = Pattern.compile(
            "(?i)^(it|its|this|that|these|those|they|them|he|she|but|or|and|nor|now|so|also|then|here"
                    + "|((in|as|the) )?(the )?(above|below|following))\\b.*");
    /**
     * "the above", "this", "these" or "above" anywhere in a sentence ("Data can be synced to most of the above
     * engines", "use this which stores it in S3", "With this configuration in place") points at bullets the student
     * cannot see. "above 5 GB" or "above the limit" is a
     * comparison (or, blanked, "above ___"), not a pointer.
     */
    private static final Pattern POINTER = Pattern.compile(
            "(?i)\\b(this|these|above(?!\\s*([\\d_$~]|(the|a|an|its|their)\\b)))\\b");
    /**
     * A sentence that stops on a word needing more ("You can force SSL by explicitly DENY if", "can be used
     * for.") was cut off; one ending on a preposition that often ends a sentence ("the size you asked for") was not.
     */
    static final Pattern CUT_OFF = Pattern.compile(
            "(?i).*\\b(if|and|or|the|a|an|with|by|when|than|of|from|into|via|is|are|can|will|(used|useful|good) for)\\W*$");
    /**
     * A sentence opening on "If" or "When" needs the clause it conditions: after a comma, "then" or a colon, or
     * a subject with its verb ("... your max price you can choose"). A comma inside a list of numbers ("can
     * handle 10, 30 or ___") is not that, nor the subject of the condition itself ("If you want ...").
     */
    private static final Pattern CONDITION = Pattern.compile("(?i)^(if|when|unless|although|because|while)\\b.*");
    private static final Pattern MAIN_CLAUSE = Pattern.compile(
            "(?i),(?!\\s*\\d)|\\bthen\\b|:|\\s(you|we|it|they)\\s+(can|could|will|must|should|need|may|have|get)\\b");

    private final Giveaways giveaways;

    QualityGates(Giveaways giveaways) {
        this.giveaways = giveaways;
    }

    /** Why the draft must not be shown, or null when it passes every gate. */
    String rejection(Draft draft) {
        String shape = shapeRejection(draft);
        return shape != null ? shape : sourceRejection(draft);
    }

    /** Why the source passage (the draft's explanation) does not back the draft, or null when it does. */
    String sourceRejection(Draft draft) {
        return statedBySource(draft) ? null : "source does not state the answer";
    }

    /** Why the draft's choices or prompt are unfit, or null: every gate that needs no source passage. */
    String shapeRejection(Draft draft) {
        List<String> choices = new ArrayList<>(draft.distractors());
        choices.add(0, draft.correct());
        if (choices.size() != 4) {
            return "needs 4 choices, has " + choices.size();
        }
        Set<String> distinct = new HashSet<>();
        for (String choice : choices) {
            if (choice.isBlank() || !distinct.add(choice.strip().toLowerCase(Locale.ROOT))) {
                return "choices are not distinct";
            }
        }
        if (!sameType(choices)) {
            return "choices are not of one type";
        }
        String prompt = draft.prompt();
        if (prompt.length() < MIN_PROMPT || prompt.length() > MAX_PROMPT) {
            return "prompt length " + prompt.length();
        }
        if (prompt.contains("://") || prompt.contains("![") || prompt.contains("```")) {
            return "prompt has a link, image or code";
        }
        if (isFragment(askedPart(draft))) {
            return "prompt leans on context it does not show";
        }
        if (leaks(draft)) {
            return "prompt gives the answer away";
        }
        return null;
    }

    /** Whether a sentence from the notes leans on what it does not show or stops short, so it cannot stand alone. */
    static boolean isFragment(String sentence) {
        String text = sentence.strip();
        return DANGLING.matcher(text).matches() || CUT_OFF.matcher(text).matches() || POINTER.matcher(text).find()
                || CONDITION.matcher(text).matches() && !MAIN_CLAUSE.matcher(text).find();
    }

    /** All quantities of one unit, or no quantities at all: never "256KB" among service names. */
    private static boolean sameType(List<String> choices) {
        Set<String> units = new HashSet<>();
        int quantities = 0;
        for (String choice : choices) {
            List<Quantity> found = Quantity.findAll(choice);
            if (found.size() == 1 && found.get(0).text().equals(choice.strip())) {
                quantities++;
                units.add(found.get(0).unit());
            }
        }
        return quantities == 0 || quantities == choices.size() && units.size() == 1;
    }

    /** The part of the prompt taken from the notes, without the heading context in front. */
    static String askedPart(Draft draft) {
        String prompt = draft.prompt();
        int quote = prompt.indexOf('"');
        if (draft.kind().equals(TermQuestions.KIND) && quote >= 0) {
            return prompt.substring(quote + 1);
        }
        int colon = prompt.indexOf("): ");
        if (draft.kind().equals(FactQuestions.KIND) && colon >= 0) {
            return prompt.substring(colon + 3);
        }
        int newline = prompt.indexOf("\n- ");
        return newline >= 0 ? prompt.substring(newline + 3) : prompt;
    }

    private boolean leaks(Draft draft) {
        if (draft.kind().equals(FactQuestions.KIND)) {
            // The whole prompt counts: a heading or lead-in shown as context can hold the value ("rate: 5%").
            String prompt = draft.prompt();
            return onWordBoundaries(draft.correct()).matcher(askedPart(draft)).find() || Quantity.findAll(prompt).stream()
                    .anyMatch(q -> q.number().equals(draft.mask().get(0))) || namesTheLayer(draft);
        }
        // Naming the parent heading (for a term, the heading its list is under: "State types" above "Map state"),
        // or a word every choice has ("Simple routing", "Weighted routing"), gives nothing away.
        List<String> headings = switch (draft.kind()) {
            case TermQuestions.KIND -> draft.topic();
            case IdentifyQuestions.KIND -> draft.topic().subList(0, draft.topic().size() - 1);
            default -> List.of();
        };
        String context = String.join(" ", headings) + " " + sharedWords(draft);
        Set<String> revealing = new HashSet<>();
        for (String masked : draft.mask()) {
            revealing.addAll(giveaways.of(masked, context));
        }
        String shown = draft.kind().equals(IdentifyQuestions.KIND) ? askedPart(draft) : draft.prompt();
        return Giveaways.reveals(shown, revealing)
                || draft.mask().stream().anyMatch(masked -> Giveaways.acronymOf(masked, askedPart(draft)));
    }

    /**
     * "Layer ___ (Transport)": the sentence names the OSI layer whose number is asked, so the name is the answer.
     * Only the sentence counts; an "Application Load Balancer" heading shown as context asks what a student knows.
     */
    private static boolean namesTheLayer(Draft draft) {
        String asked = askedPart(draft);
        int blank = asked.indexOf(FactQuestions.BLANK);
        if (blank < 0 || !NumberChoices.isLayer(asked.substring(0, blank))) {
            return false;
        }
        List<Quantity> answer = Quantity.findAll(draft.correct());
        int layer = answer.size() == 1 ? answer.get(0).value().intValue() : 0;
        return layer >= 1 && layer <= NumberChoices.OSI_LAYER_NAMES.size()
                && onWordBoundaries(NumberChoices.OSI_LAYER_NAMES.get(layer - 1), true).matcher(asked).find();
    }

    /** "4 days" is not in "14 days". */
    private static Pattern onWordBoundaries(String text) {
        return onWordBoundaries(text, false);
    }

    private static Pattern onWordBoundaries(String text, boolean anyCase) {
        return Pattern.compile("(?<![\\p{L}\\p{N}])" + Pattern.quote(text) + "(?![\\p{L}\\p{N}])",
                anyCase ? Pattern.CASE_INSENSITIVE : 0);
    }

    private static String sharedWords(Draft draft) {
        Set<String> shared = new HashSet<>(StudyAnalyzers.terms(StudyAnalyzers.index(), draft.correct()));
        draft.distractors().forEach(choice -> shared.retainAll(StudyAnalyzers.terms(StudyAnalyzers.index(), choice)));
        return String.join(" ", shared);
    }

    private static boolean statedBySource(Draft draft) {
        if (draft.kind().equals(IdentifyQuestions.KIND)) {
            return draft.topic().get(draft.topic().size() - 1).equals(draft.correct());
        }
        return NoteText.plain(draft.explanation()).contains(draft.correct());
    }
}
