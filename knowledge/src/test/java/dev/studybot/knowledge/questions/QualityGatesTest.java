package dev.studybot.knowledge.questions;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.knowledge.analysis.Synonyms;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QualityGatesTest {

    private static final QualityGates GATES = new QualityGates(new Giveaways(Synonyms.none(), ServiceCatalogue.none()));
    private static final QualityGates GATES_WITH_ASG =
            new QualityGates(new Giveaways(Synonyms.parse("asg, auto scaling group", "test"), ServiceCatalogue.none()));

    private static final List<String> LB = List.of("Networking", "Load balancer pieces");
    private static final String LISTENER_DEFINITION = "waits for incoming connections on a given port and protocol";

    private static String termPrompt(String definition) {
        return "Networking › Load balancer pieces: which term is described as \"" + definition + "\"?";
    }

    private static Draft term(String prompt, String correct, List<String> distractors, String explanation) {
        return new Draft(TermQuestions.KIND, LB, prompt, correct, distractors, "lb.md", 4, explanation,
                List.of(correct), List.of());
    }

    /** A term question that passes every gate; each test breaks one thing about it. */
    private static Draft goodTerm() {
        return term(termPrompt(LISTENER_DEFINITION), "Listener", List.of("Target group", "Rule", "Health check"),
                "- Listener: " + LISTENER_DEFINITION + "\n- Rule: decides where a request goes");
    }

    private static Draft fact(String asked, String correct, List<String> distractors, String explanation) {
        return new Draft(FactQuestions.KIND, List.of("Queue service", "Retention"),
                "Fill in the blank (Queue service › Retention): " + asked, correct, distractors, "q.md", 4,
                explanation, List.of(Quantity.findAll(correct).get(0).number()), List.of());
    }

    private static Draft goodFact() {
        return fact("messages are kept for ___ by default", "14 days", List.of("7 days", "30 days", "60 days"),
                "- messages are kept for 14 days by default");
    }

    private static Draft identify(String clues, String correct) {
        return new Draft(IdentifyQuestions.KIND, List.of("Databases", "Graph"),
                "Which topic do these notes describe?" + clues, correct,
                List.of("Relational", "Document", "Wide column"), "db.md", 12, "", List.of("Graph"), List.of());
    }

    private static Draft goodIdentify() {
        return identify("\n- Stores nodes and edges so traversals are quick.\n- Handy for social connections.", "Graph");
    }

    private static Draft withPrompt(Draft d, String prompt) {
        return new Draft(d.kind(), d.topic(), prompt, d.correct(), d.distractors(), d.file(), d.line(),
                d.explanation(), d.mask(), d.doubts());
    }

    private static void assertRejected(Draft draft, String reasonPart) {
        String reason = GATES.rejection(draft);
        assertNotNull(reason, () -> "should be rejected: " + draft);
        assertTrue(reason.contains(reasonPart), () -> "reason \"" + reason + "\" should mention \"" + reasonPart + "\"");
    }

    @Test
    void goodDraftsPass() {
        assertNull(GATES.rejection(goodTerm()));
        assertNull(GATES.rejection(goodFact()));
        assertNull(GATES.rejection(goodIdentify()));
        assertNull(GATES_WITH_ASG.rejection(goodTerm()));
    }

    @Test
    void needsExactlyFourChoices() {
        Draft good = goodTerm();
        assertRejected(term(good.prompt(), "Listener", List.of("Target group", "Rule"), good.explanation()),
                "needs 4 choices, has 3");
        assertRejected(term(good.prompt(), "Listener", List.of(), good.explanation()), "needs 4 choices, has 1");
        assertRejected(term(good.prompt(), "Listener", List.of("Target group", "Rule", "Health check", "Route"),
                good.explanation()), "needs 4 choices, has 5");
    }

    @Test
    void choicesMustBeDistinctIgnoringCase() {
        Draft good = goodTerm();
        assertRejected(term(good.prompt(), "Listener", List.of("listener", "Rule", "Health check"),
                good.explanation()), "not distinct");
        assertRejected(term(good.prompt(), "Listener", List.of("Rule", " RULE ", "Health check"),
                good.explanation()), "not distinct");
        assertRejected(term(good.prompt(), "Listener", List.of("Rule", " ", "Health check"),
                good.explanation()), "not distinct");
    }

    @Test
    void aQuantityAmongNamesIsRejected() {
        Draft good = goodTerm();
        assertRejected(term(good.prompt(), "Listener", List.of("256KB", "Rule", "Health check"),
                good.explanation()), "not of one type");
    }

    @Test
    void quantitiesOfDifferentUnitsAreRejected() {
        assertRejected(fact("messages are kept for ___ by default", "14 days",
                List.of("7 days", "2 weeks", "60 days"), "- messages are kept for 14 days by default"),
                "not of one type");
        assertRejected(fact("messages are kept for ___ by default", "14 days",
                List.of("7 days", "30 days", "Forever"), "- messages are kept for 14 days by default"),
                "not of one type");
    }

    @Test
    void promptLengthMustBeBetween30And300() {
        String prefix = "Which term is \"";
        String suffix = "\"?";
        for (int length : new int[] {29, 30, 300, 301}) {
            StringBuilder definition = new StringBuilder();
            while (prefix.length() + definition.length() + suffix.length() < length) {
                definition.append(definition.length() % 5 == 4 ? ' ' : 'p');
            }
            // Never end the definition on a space that would shift the length.
            definition.setCharAt(definition.length() - 1, 'q');
            String prompt = prefix + definition + suffix;
            assertEquals(length, prompt.length());
            Draft draft = withPrompt(goodTerm(), prompt);
            if (length < QualityGates.MIN_PROMPT || length > QualityGates.MAX_PROMPT) {
                assertRejected(draft, "prompt length " + length);
            } else {
                assertNull(GATES.rejection(draft), "length " + length + " is allowed");
            }
        }
    }

    @Test
    void linksImagesAndCodeAreRejected() {
        assertRejected(withPrompt(goodTerm(), termPrompt("waits for connections, see https://example.org/lb")),
                "link, image or code");
        assertRejected(withPrompt(goodTerm(), termPrompt("waits for connections as in ![diagram](lb.png)")),
                "link, image or code");
        assertRejected(withPrompt(goodTerm(), termPrompt("waits for connections ```nc -l 80```")),
                "link, image or code");
    }

    /** A fact blanking {@code correct} in a bullet of the notes that says {@code sentence}. */
    private static Draft factStating(String sentence, String correct, List<String> distractors) {
        return fact(sentence.replaceFirst("(?<![\\d.])" + Pattern.quote(correct), "___"), correct, distractors, "- " + sentence);
    }

    @Test
    void aFactStartingWithAPronounIsRejected() {
        List<String> wrong = List.of("7 days", "30 days", "60 days");
        assertRejected(factStating("It keeps 14 days of data", "14 days", wrong), "context it does not show");
        assertRejected(factStating("they are kept for 14 days by default", "14 days", wrong), "context it does not show");
        // A word that merely starts with the same letters is no pronoun.
        assertNull(GATES.rejection(factStating("Items are kept for 14 days by default", "14 days", wrong)));
    }

    @Test
    void aLayerNamedBesideItsBlankGivesTheNumberAway() {
        assertRejected(factStating("Layer 4 (Transport) checks ports and protocols", "4", List.of("3", "5", "6")),
                "gives the answer away");
        assertRejected(factStating("routers work at layer 3, the network layer", "3", List.of("2", "4", "5")),
                "gives the answer away");
        // Another layer's name, or none, leaves the number to the student.
        assertNull(GATES.rejection(factStating("Layer 3 sits just below the Transport layer", "3", List.of("2", "4", "5"))));
        assertNull(GATES.rejection(factStating("The balancer operates at layer 4 with static addresses", "4",
                List.of("3", "5", "7"))));
    }

    @Test
    void aSentenceCutOffOrContinuingTheBulletAboveIsAFragment() {
        assertTrue(QualityGates.isFragment("The first account can be used for."), "ends on a preposition");
        assertTrue(QualityGates.isFragment("or set it up from the console with a certificate"), "continues a bullet");
        assertTrue(QualityGates.isFragment("Below sample function resizes every uploaded picture."), "points at a layout");
        assertTrue(QualityGates.isFragment("If you want the alarm to fire every 10, 30 or ___"), "a condition alone");
        assertFalse(QualityGates.isFragment("If the queue is empty, the call waits up to ___"));
        assertFalse(QualityGates.isFragment("If the bid is under the price you can keep the instance for ___"));
        assertFalse(QualityGates.isFragment("The first account pays the bills for the others."));
        assertRejected(fact("If you want the alarm to fire every 10, 30 or ___", "60 seconds",
                List.of("20 seconds", "90 seconds", "120 seconds"), "- If you want the alarm to fire every 10, 30 or 60 seconds"),
                "leans on context");
    }

    @Test
    void aTermDefinitionStartingWithAPronounIsRejected() {
        assertRejected(withPrompt(goodTerm(), termPrompt("this waits for incoming connections on a port")),
                "context it does not show");
    }

    @Test
    void aDefinitionNamingTheTermGivesItAway() {
        Draft good = goodTerm();
        assertRejected(term(termPrompt("the listener waits for incoming connections"), "Listener",
                good.distractors(), good.explanation()), "gives the answer away");
    }

    @Test
    void aPluralOfTheTermGivesItAway() {
        String explanation = "- Target group: groups of backends that receive the routed requests";
        Draft draft = term(termPrompt("groups of backends that receive the routed requests"), "Target group",
                List.of("Listener", "Rule", "Health check"), explanation);
        assertRejected(draft, "gives the answer away");
    }

    @Test
    void anAcronymGivesItAwayWithOrWithoutTheSynonyms() {
        String definition = "an ASG keeps the fleet at the size you asked for";
        Draft draft = term(termPrompt(definition), "Auto Scaling group",
                List.of("Launch template", "Scaling policy", "Warm pool"),
                "- Auto Scaling group: " + definition);
        assertRejected(draft, "gives the answer away");
        String reason = GATES_WITH_ASG.rejection(draft);
        assertTrue(reason != null && reason.contains("gives the answer away"), String.valueOf(reason));
        // An acronym of other words gives nothing away.
        String other = "a VPC holds the fleet at the size you asked for";
        assertNull(GATES.rejection(term(termPrompt(other), "Auto Scaling group",
                List.of("Launch template", "Scaling policy", "Warm pool"), "- Auto Scaling group: " + other)));
    }

    @Test
    void anAcronymOfTheWordsOfATermGivesItAway() {
        String definition = "OLAP for dashboards over the warehouse";
        Draft draft = term(termPrompt(definition), "Online analytical processing",
                List.of("Row store", "Change capture", "Data lake"), "- Online analytical processing: " + definition);
        assertRejected(draft, "gives the answer away");
    }

    @Test
    void aLongerNumberHoldingTheAnswerGivesNothingAway() {
        assertNull(GATES.rejection(fact("messages are kept for ___ by default, up to 14 days", "4 days",
                List.of("2 days", "7 days", "10 days"), "- messages are kept for 4 days by default, up to 14 days")));
    }

    @Test
    void aFactWhoseNumberStillShowsIsRejected() {
        assertRejected(fact("messages are kept for ___ by default (14 at most)", "14 days",
                List.of("7 days", "30 days", "60 days"), "- messages are kept for 14 days by default (14 at most)"),
                "gives the answer away");
        assertRejected(fact("messages are kept for ___, so 14 days in all", "14 days",
                List.of("7 days", "30 days", "60 days"), "- messages are kept for 14 days, so 14 days in all"),
                "gives the answer away");
    }

    @Test
    void anIdentifyClueNamingTheTopicIsRejectedButItsParentIsFine() {
        assertRejected(identify("\n- A graph stores nodes and edges.\n- Handy for social connections.", "Graph"),
                "gives the answer away");
        assertRejected(identify("\n- Stores nodes and edges.\n- Graphs are handy for social connections.", "Graph"),
                "gives the answer away");
        assertNull(GATES.rejection(
                identify("\n- Among databases, stores nodes and edges.\n- Handy for social connections.", "Graph")));
    }

    @Test
    void theSourceMustStateTheAnswer() {
        Draft good = goodTerm();
        assertRejected(term(good.prompt(), "Listener", good.distractors(), "- Rule: decides where a request goes"),
                "source does not state the answer");
        assertRejected(term(good.prompt(), "Listener", good.distractors(), ""), "source does not state the answer");
        assertRejected(fact("messages are kept for ___ by default", "14 days", List.of("7 days", "30 days", "60 days"),
                "- messages are kept for 15 days by default"), "source does not state the answer");
        Draft identify = goodIdentify();
        assertRejected(new Draft(identify.kind(), identify.topic(), identify.prompt(), "Key-value",
                identify.distractors(), identify.file(), identify.line(), "", identify.mask(), List.of()),
                "source does not state the answer");
    }

    @Test
    void markdownMarksInTheSourceDoNotHideTheAnswer() {
        Draft good = goodTerm();
        assertNull(GATES.rejection(term(good.prompt(), "Listener", good.distractors(),
                "- **Listener**: " + LISTENER_DEFINITION)));
    }
}
