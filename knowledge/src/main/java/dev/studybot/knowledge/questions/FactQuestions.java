package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.notes.NoteTopic;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * "Fill in the blank" on a number: a limit, default, port, duration or size stated in a bullet that reads
 * as a sentence on its own, with the service named in front. The wrong values come from
 * {@link NumberChoices}, inside the domain of what the number measures.
 */
final class FactQuestions {

    static final String KIND = "fact";
    /** Where the value asked for stood in the sentence. */
    static final String BLANK = "___";

    /** A bare number (no unit) is worth asking only where the sentence says what it limits. */
    private static final Pattern LIMIT_WORDS = Pattern.compile(
            "(?i)\\b(max|maximum|min|minimum|limit|limits|default|up to|at most|at least|port|retention|timeout"
                    + "|per|only|can have|capacity|iops|throughput|size|concurrency|retries|replicas|copies|regions|azs"
                    + "|layer)\\b");
    /** An example's number is the example's, not a fact to learn; values shared out "respectively" illustrate. */
    private static final Pattern EXAMPLE = Pattern.compile(
            "(?i)^(example|e\\.g|eg\\b|ex:|ex\\b|say\\b)|\\bfor (example|instance)\\b|\\betc\\b|\\be\\.g\\.|\\brespectively\\b");
    /** Under an "Example 2" heading or lead-in, the numbers are the example's. */
    private static final Pattern EXAMPLE_CONTEXT = Pattern.compile("(?i)\\b(example|examples|e\\.g)\\b");
    /** Arrows, equals signs and chains are a note-taker's shorthand, not a sentence a student can read. */
    private static final Pattern SHORTHAND = Pattern.compile("→|=|->|↓|↑");
    /** The low end of a range ("___ to 20 sec", "___-35 day") is mostly 0 or 1: the high end is the fact. */
    private static final Pattern RANGE_START = Pattern.compile("^\\s*(-|–|to)\\s*\\d");
    /** A sentence that opens with a bare range ("24 - 48 h to see the report") has lost its subject. */
    private static final Pattern OPENING_RANGE = Pattern.compile("^\\d[\\d.,]*\\s*\\p{L}{0,3}\\s*[-–]\\s*\\d");
    /** A sentence that starts by pointing at something it does not show ("Now this is ___"). */
    private static final Pattern POINTING = Pattern.compile("(?i)^(\\W*\\w+\\W+){0,2}(it|its|this|that|these|those|they|them)\\b");
    /** Right after the blank, the same value another way ("___=15mins", "___(11 nines)"). */
    private static final Pattern RESTATED = Pattern.compile("(?i)^\\s*(=|\\(\\s*\\d|\\(\\s*(one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d+)\\s+nines)");
    /**
     * "up to 1000s," counts hundreds or thousands of something it never names: note-taker's shorthand, so the
     * sentence is a fragment ("Scale up to 1000s, ___/s throughput").
     */
    private static final Pattern COUNT_OF_NOTHING = Pattern.compile("(?<![\\p{L}\\p{N}.,])10{2,}s\\b(?!\\s*\\p{L})");
    private static final Pattern LETTER_WORD = Pattern.compile("\\p{L}{2,}");
    private static final int MIN_STATEMENT = 20;
    private static final int MAX_STATEMENT = 280;
    private static final int MIN_WORDS = 3;
    /** More numbers than this in one sentence make a blank that could be any of them. */
    private static final int MAX_QUANTITIES = 3;
    private static final int MAX_PARENT = 60;
    static final String SERVICE_FROM_TEXT = "the service is named from the text, not the headings";

    private final NumberChoices choices;
    private final ServiceCatalogue catalogue;

    private FactQuestions(NumberChoices choices, ServiceCatalogue catalogue) {
        this.choices = choices;
        this.catalogue = catalogue;
    }

    /** Fill-in-the-blanks whose wrong values are taken from the numbers of all these notes. */
    static FactQuestions over(List<Topic> topics, ServiceCatalogue catalogue) {
        List<Quantity> corpus = topics.parallelStream()
                .flatMap(topic -> topic.statements().stream().filter(FactQuestions::isProse))
                .flatMap(statement -> Quantity.findAll(NoteText.plain(statement.text())).stream())
                .toList();
        return new FactQuestions(new NumberChoices(corpus), catalogue);
    }

    private static boolean isProse(NoteTopic.Statement statement) {
        return statement.kind() == NoteTopic.Kind.BULLET || statement.kind() == NoteTopic.Kind.PARAGRAPH;
    }

    /** A fill-in-the-blank before its wrong values: the sentence, the number blanked and the context shown. */
    record Plan(Topic topic, NoteTopic.Statement statement, String text, Quantity asked, String context) {
    }

    /** The plans of these topics, in order; they depend on these topics alone, not on the other notes' numbers. */
    List<Plan> plans(List<Topic> topics) {
        return topics.stream()
                .flatMap(topic -> topic.statements().stream().filter(FactQuestions::isProse)
                        .flatMap(statement -> plan(topic, statement).stream()))
                .toList();
    }

    private Optional<Plan> plan(Topic topic, NoteTopic.Statement statement) {
        String text = NoteText.plain(statement.text());
        if (text.length() < MIN_STATEMENT || text.length() > MAX_STATEMENT || text.contains("://")
                || EXAMPLE.matcher(text).find() || SHORTHAND.matcher(text).find() || COUNT_OF_NOTHING.matcher(text).find()) {
            return Optional.empty();
        }
        List<Quantity> all = Quantity.findAll(text);
        Quantity asked = pick(text, all);
        if (asked == null || all.size() > MAX_QUANTITIES || !standsAlone(text, asked) || inName(text, asked)) {
            return Optional.empty();
        }
        String context = contextOf(topic, statement, catalogue);
        if (context == null || EXAMPLE_CONTEXT.matcher(context).find() || underExample(topic, statement)) {
            return Optional.empty();
        }
        return Optional.of(new Plan(topic, statement, text, asked, context));
    }

    /** The question of a plan, with wrong values from the numbers of all the notes. */
    Optional<Draft> draft(Plan plan) {
        List<String> distractors = choices.wrong(plan.asked(), plan.text());
        if (distractors.size() < 3) {
            return Optional.empty();
        }
        Topic topic = plan.topic();
        Quantity asked = plan.asked();
        String text = plan.text();
        String blanked = NoteText.trimEnd(text.substring(0, asked.start()) + BLANK + text.substring(asked.end()));
        String prompt = "Fill in the blank (" + plan.context() + "): " + blanked;
        return Optional.of(new Draft(KIND, topic.path(), prompt, asked.text(), distractors, topic.file(),
                plan.statement().line(), "", List.of(asked.number()), topic.serviceFromText() ? List.of(SERVICE_FROM_TEXT) : List.of()));
    }

    /**
     * Whether a bullet further up the nesting than its parent is an example's lead-in ("Example 1:" › a question ›
     * "so setting of WCU should be 2"): the numbers of a worked example are the example's.
     */
    private static boolean underExample(Topic topic, NoteTopic.Statement statement) {
        List<NoteTopic.Statement> statements = topic.statements();
        int depth = statement.depth();
        for (int i = statements.indexOf(statement) - 1; i >= 0 && depth > 0; i--) {
            NoteTopic.Statement above = statements.get(i);
            if (above.depth() < depth) {
                if (EXAMPLE.matcher(NoteText.plain(above.text())).find()) {
                    return true;
                }
                depth = above.depth();
            }
        }
        return false;
    }

    /** Whether the number is part of a service's name ("Route 53", "S3"), not an amount. */
    private boolean inName(String text, Quantity asked) {
        return catalogue.mentionsIn(text).stream().flatMap(mention -> mention.service().names().stream())
                .anyMatch(name -> ServiceCatalogue.words(name).contains(asked.number()));
    }

    /** Whether the sentence with the number blanked still reads as a statement of its own. */
    private static boolean standsAlone(String text, Quantity asked) {
        String after = text.substring(asked.end());
        boolean glued = !after.isEmpty() && Character.isLetterOrDigit(after.charAt(0));
        return !glued && !RESTATED.matcher(after).find() && !RANGE_START.matcher(after).find()
                && !POINTING.matcher(text).find()
                && !OPENING_RANGE.matcher(text).find() && wordsBesideNumbers(text) >= MIN_WORDS;
    }

    /** Words that are not part of a quantity: "Encrypt: 4KB encrypt" has two, not three. */
    private static long wordsBesideNumbers(String text) {
        StringBuilder rest = new StringBuilder(text);
        List<Quantity> quantities = Quantity.findAll(text);
        for (int i = quantities.size() - 1; i >= 0; i--) {
            rest.replace(quantities.get(i).start(), quantities.get(i).end(), " ");
        }
        return LETTER_WORD.matcher(rest).results().count();
    }

    /** The one service a text names, or null when it names none or several. */
    private static Service namedIn(String text, ServiceCatalogue catalogue) {
        List<Service> named = catalogue.mentionsIn(text).stream().map(ServiceCatalogue.Mention::service).distinct().toList();
        return named.size() == 1 ? named.get(0) : null;
    }

    /**
     * The heading (the last two of its path, with the service in front when they do not name it), and for
     * a nested bullet its parent's words when short (or what a long one names before its colon), so the
     * question reads on its own. Under a bare grouping
     * label ("SAA Stuff") of no service, the label says nothing: the service the sentence names is shown
     * instead, and with none, the context is null: nothing names a service or a topic. A bullet further up
     * naming another service than the heading's ("Kinesis" › "Kinesis Data Firehose" › "Near-real time") is
     * what the sentence is about, so it is shown before the parent.
     */
    static String contextOf(Topic topic, NoteTopic.Statement statement, ServiceCatalogue catalogue) {
        List<String> path = topic.path();
        boolean bareLabel = topic.service() == null && topic.label() && path.size() == 1;
        Service namedInText = bareLabel ? namedIn(NoteText.plain(statement.text()), catalogue) : null;
        if (bareLabel && namedInText == null) {
            return null;
        }
        List<String> shown = bareLabel ? new ArrayList<>()
                : new ArrayList<>(path.subList(Math.max(0, path.size() - 2), path.size()));
        Service service = bareLabel ? namedInText : topic.service();
        if (service != null && service.names().stream().noneMatch(name -> String.join(" ", shown)
                .toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT)))) {
            shown.add(0, service.name());
        }
        String context = String.join(" › ", shown.stream().map(NoteText::label).toList());
        String parent = statement.parent() == null ? "" : NoteText.label(statement.parent());
        if (parent.length() > MAX_PARENT) {
            // "Supports EBS Multi-attach: attach a volume to ...": what it names is before the colon
            int colon = parent.indexOf(": ");
            parent = colon > 0 && colon <= MAX_PARENT ? parent.substring(0, colon) : "";
        }
        Service above = serviceAbove(topic, statement, service, catalogue);
        if (above != null && !context.contains(above.name()) && !above.equals(namedIn(parent, catalogue))) {
            context += " › " + above.name();
        }
        return parent.isEmpty() ? context : context + " › " + parent;
    }

    /** The nearest service other than {@code shown} that a bullet above the statement names, or null. */
    private static Service serviceAbove(Topic topic, NoteTopic.Statement statement, Service shown, ServiceCatalogue catalogue) {
        List<NoteTopic.Statement> statements = topic.statements();
        int depth = statement.depth();
        for (int i = statements.indexOf(statement) - 1; i >= 0 && depth > 0; i--) {
            NoteTopic.Statement bullet = statements.get(i);
            if (bullet.depth() < depth) {
                Service named = namedIn(NoteText.plain(bullet.text()), catalogue);
                if (named != null && !named.equals(shown)) {
                    return named;
                }
                depth = bullet.depth();
            }
        }
        return null;
    }

    /** The quantity to blank: the first with a unit, or a bare number where the sentence is about a limit. */
    private static Quantity pick(String text, List<Quantity> all) {
        for (Quantity quantity : all) {
            if (!quantity.unit().isEmpty()) {
                return quantity;
            }
        }
        if (all.size() == 1 && LIMIT_WORDS.matcher(text).find()) {
            return all.get(0);
        }
        return null;
    }
}
