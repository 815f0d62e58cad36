package dev.studybot.knowledge.questions;

import dev.studybot.knowledge.analysis.StudyAnalyzers;
import dev.studybot.knowledge.notes.NoteTopic;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * "Which service (or which part of a service) do these notes describe?": a few bullets from under a
 * heading that never name it. The wrong choices are of the answer's type: for a service, services of the
 * same family, those beside it in the notes first, then the family's others the notes write about,
 * nearest in meaning first; for a part of a service, the other parts of that service, beside it first;
 * for a topic of no service, the other topics under the same heading.
 */
final class IdentifyQuestions {

    static final String KIND = "identify";

    private static final int MIN_CLUE_WORDS = 4;
    /** A shorter bullet with bullets under it is a lead-in ("Other considerations"), not a clue. */
    private static final int MIN_STANDALONE = 40;
    private static final int MAX_CLUE = 150;
    private static final int MAX_CLUES = 3;
    /** Questions at most from one topic, each from clues the others did not use. */
    private static final int MAX_SETS = 4;
    private static final int MAX_CLUES_CHARS = 240;
    private static final int MAX_TITLE = 40;
    private static final int MAX_DESCRIPTION = 600;
    /** Per service, the statements a clue is checked against: enough for its notes, bounded however often they repeat. */
    private static final int MAX_STATEMENTS = 200;
    /** Words of a service's name that are the vendor's, not the service's. */
    private static final Set<String> VENDOR_WORDS = Set.of("aws", "amazon");
    /** A worked example or formula ("60 + 0.2*(200-60) = 88") describes arithmetic, not the topic. */
    private static final Pattern FORMULA = Pattern.compile("=|\\d\\s*[*+/]\\s*\\(?\\d");
    private static final int MAX_PART_WORDS = 4;
    /** "CNAME vs Alias" compares two things; it is not one a clue can describe. */
    private static final Pattern COMPARISON = Pattern.compile("(?i)\\b(vs|versus)\\b");
    /**
     * "RDS Security", "Networking Pricing", "Performance and Billing" gather one aspect of every part rather than
     * being a part: clues about it either name the aspect (the only sensible choice) or fit the other parts too.
     */
    private static final Pattern ASPECT = Pattern.compile(
            "(?i)\\b(security|pricing|prices?|costs?|billing|performance|permissions?)\\b");
    static final String FROM_FAMILY = "a wrong choice is from the service's family, not beside it in the notes";
    static final String FROM_SERVICE = "a wrong choice is another part of the service, not beside it in the notes";
    /** A service the notes name this often is one a student of them has met, fit as a wrong choice. */
    private static final int MET = 3;

    private final ServiceCatalogue catalogue;
    private final TermSimilarity similarity;
    private final Function<Topic, Predicate<String>> revealing;
    /** What the notes say about each service they have a heading for, to rank the family by meaning. */
    private final Map<Service, String> descriptions = new LinkedHashMap<>();
    /** How often the notes name each service. */
    private final Map<Service, Integer> mentions = new HashMap<>();
    /** The askable parts of each service, wherever they are in the notes, one per title: the second tier of wrong choices. */
    private final Map<Service, Map<String, Topic>> partsByService = new HashMap<>();
    /** What the notes say under each service's headings, statement by statement, to tell whether a clue fits it too. */
    private final Map<Service, Set<String>> statementsByService = new HashMap<>();
    private final SharedClues shared = new SharedClues();

    /** @param revealing for a topic, whether a text names it (its title's words, stems, synonyms, aliases) */
    IdentifyQuestions(ServiceCatalogue catalogue, TermSimilarity similarity, Function<Topic, Predicate<String>> revealing) {
        this.catalogue = catalogue;
        this.similarity = similarity;
        this.revealing = revealing;
    }

    /** Learns from all the notes what the wrong choices are drawn from; call once, before {@link #draft}. */
    IdentifyQuestions over(List<Topic> topics) {
        for (Topic topic : topics) {
            catalogue.named(topic.title()).ifPresent(service -> {
                descriptions.merge(service, text(topic), (a, b) -> a.length() >= MAX_DESCRIPTION ? a : a + " " + b);
                Set<String> said = statementsByService.computeIfAbsent(service, key -> new LinkedHashSet<>());
                topic.statements().stream().limit(Math.max(0, MAX_STATEMENTS - said.size()))
                        .forEach(statement -> said.add(statement.text()));
            });
            for (NoteTopic.Statement statement : topic.statements()) {
                catalogue.mentionsIn(statement.text()).forEach(m -> mentions.merge(m.service(), 1, Integer::sum));
            }
            if (isAskable(topic) && topic.service() != null && !topic.serviceFromText()
                    && catalogue.named(topic.title()).isEmpty() && isPartTitle(topic.title())) {
                // One per title: copies of the notes must not make every question rank the same part again.
                partsByService.computeIfAbsent(topic.service(), service -> new LinkedHashMap<>())
                        .putIfAbsent(topic.title().toLowerCase(Locale.ROOT), topic);
            }
        }
        return this;
    }

    /** A question before its wrong choices: a topic, the topics beside it and the clues that describe it. */
    record Plan(Topic topic, List<Topic> group, List<NoteTopic.Statement> clues) {
    }

    /**
     * The plans of these topics (one file's, or several whole files'), in order. They depend on these topics
     * alone, not on what {@link #over} learnt, so a file's plans outlive a change to another file.
     */
    List<Plan> plans(List<Topic> topics) {
        Map<String, List<Topic>> siblings = new LinkedHashMap<>();
        for (Topic topic : topics) {
            if (isAskable(topic)) {
                // A heading put under a service for its text alone sits beside its own headings, not the service's.
                List<String> parent = topic.serviceFromText()
                        ? topic.note().headingPath().subList(0, topic.note().headingPath().size() - 1) : topic.parent();
                siblings.computeIfAbsent(topic.file() + "\u0000" + parent, key -> new ArrayList<>()).add(topic);
            }
        }
        List<Plan> plans = new ArrayList<>();
        siblings.values().forEach(group -> group.forEach(topic -> plans.addAll(plans(topic, group))));
        return plans;
    }

    /** One plan per set of clues: a topic the notes say much about is asked from more than one angle. */
    private List<Plan> plans(Topic topic, List<Topic> group) {
        List<Plan> plans = new ArrayList<>();
        List<NoteTopic.Statement> unused = topic.statements();
        Predicate<String> reveals = revealing.apply(topic);
        for (int set = 0; set < MAX_SETS; set++) {
            List<NoteTopic.Statement> clues = clues(topic, unused, reveals);
            if (clues.size() < 2) {
                break;
            }
            plans.add(new Plan(topic, group, clues));
            int after = topic.statements().indexOf(clues.get(clues.size() - 1)) + 1;
            unused = topic.statements().subList(after, topic.statements().size());
        }
        return plans;
    }

    /** The question of a plan, with wrong choices from what {@link #over} learnt; the maps are only read here. */
    Optional<Draft> draft(Plan plan) {
        return draft(plan.topic(), plan.group(), plan.clues());
    }

    private Optional<Draft> draft(Topic topic, List<Topic> group, List<NoteTopic.Statement> clueStatements) {
        Clues clues = new Clues(clueStatements, topic.service());
        String clueText = clues.text();
        Optional<Service> service = catalogue.named(topic.title());
        List<String> doubts = new ArrayList<>();
        Optional<List<String>> distractors;
        String question;
        if (service.isEmpty() && namesItsService(topic)) {
            return Optional.empty(); // the catalogue does not know this spelling of the service: not one of its parts
        } else if (service.isPresent()) {
            distractors = sameFamily(service.get(), topic, group, clues, doubts);
            question = "Which service do these notes describe?";
        } else if (ASPECT.matcher(topic.title()).find()) {
            return Optional.empty();
        } else if (topic.service() != null && isPartTitle(topic.title())) {
            distractors = partsBeside(topic, group, clues, doubts);
            question = "Which part of " + topic.service().name() + " do these notes describe?";
        } else if (!topic.parent().isEmpty() && isPartTitle(topic.title())) {
            distractors = partsBeside(topic, group, clues, doubts);
            question = "Which topic under " + topic.parent().get(topic.parent().size() - 1) + " do these notes describe?";
        } else {
            return Optional.empty();
        }
        if (distractors.isEmpty() || distractors.get().size() < 3) {
            return Optional.empty();
        }
        StringBuilder prompt = new StringBuilder(question);
        clueStatements.forEach(clue -> prompt.append("\n- ").append(NoteText.trimEnd(NoteText.plain(clue.text()))));
        return Optional.of(new Draft(KIND, topic.path(), prompt.toString(), topic.title(), distractors.get(), topic.file(),
                clueStatements.get(0).line(), "", List.of(topic.title()), doubts));
    }

    /**
     * The clues of a question, together and one by one, and the words of the service they are about (with the
     * vendor's), which a part's name shares with the clues without pointing at it.
     */
    private record Clues(List<String> each, String text, Set<String> ownWords) {

        Clues(List<NoteTopic.Statement> statements, Service service) {
            this(statements.stream().map(NoteTopic.Statement::text).toList(),
                    String.join(" ", statements.stream().map(NoteTopic.Statement::text).toList()), ownWords(service));
        }

        private static Set<String> ownWords(Service service) {
            Set<String> words = new HashSet<>(VENDOR_WORDS);
            if (service != null) {
                service.names().forEach(name -> words.addAll(StudyAnalyzers.terms(StudyAnalyzers.index(), name)));
            }
            return words;
        }
    }

    /** A wrong choice as shown, what the notes say about it (which the clues are compared with), and that statement by statement. */
    private record Choice(String label, String about, Collection<String> statements) {
    }

    /** Services of the answer's family: headings beside it first, then the family's others, nearest in meaning. */
    private Optional<List<String>> sameFamily(Service answer, Topic topic, List<Topic> group, Clues clues,
                                              List<String> doubts) {
        List<Service> beside = group.stream().map(other -> catalogue.named(other.title()).orElse(null))
                .filter(other -> other != null && other != answer && other.family().equals(answer.family()))
                .distinct().toList();
        List<Service> family = catalogue.family(answer.family()).stream()
                .filter(other -> other != answer && !beside.contains(other)
                        && (descriptions.containsKey(other) || mentions.getOrDefault(other, 0) >= MET))
                .toList();
        Map<Service, String> spelt = new LinkedHashMap<>();
        group.forEach(other -> catalogue.named(other.title()).ifPresent(s -> spelt.putIfAbsent(s, other.title())));
        Function<List<Service>, List<Choice>> choices = services -> nearest(clues.text(), services.stream()
                .map(s -> new Choice(spelt.getOrDefault(s, s.name()), s.name() + " " + descriptions.getOrDefault(s, ""),
                        statementsByService.getOrDefault(s, Set.of())))
                .toList());
        return pick(clues, ownText(answer.name(), topic, clues), choices.apply(beside),
                () -> choices.apply(family), FROM_FAMILY, doubts);
    }

    private List<Choice> nearest(String anchor, List<Choice> candidates) {
        return similarity.rank(anchor, candidates.stream().map(Choice::about).toList()).stream().map(candidates::get).toList();
    }

    /**
     * Other parts of the same service (or, for a topic of no service, the other topics under its heading):
     * beside it first, then the service's parts elsewhere in the notes, nearest in meaning first.
     */
    private Optional<List<String>> partsBeside(Topic answer, List<Topic> group, Clues clues, List<String> doubts) {
        List<Topic> beside = group.stream().filter(other -> Objects.equals(answer.service(), other.service())).toList();
        List<Topic> elsewhere = answer.service() == null ? List.of()
                : List.copyOf(partsByService.getOrDefault(answer.service(), Map.of()).values());
        if (elsewhere.stream().anyMatch(part -> under(part, answer))) {
            return Optional.empty(); // it heads parts of its service ("NoSQL DynamoDB"): it is the service, not a part
        }
        // By lower case, each as first written among the candidates: one spelling per choice.
        Set<String> seen = new HashSet<>(Set.of(answer.title().toLowerCase(Locale.ROOT)));
        Function<List<Topic>, List<Choice>> choices = parts -> nearest(clues.text(), parts(parts).stream()
                .filter(part -> !nested(part, answer) && !namesItsService(part))
                .map(part -> new Choice(part.title(), part.title() + " " + text(part),
                        part.statements().stream().map(NoteTopic.Statement::text).toList())).toList()).stream()
                .filter(part -> !sameThing(part.label().toLowerCase(Locale.ROOT), answer.title().toLowerCase(Locale.ROOT),
                        answer.service()) && seen.add(part.label().toLowerCase(Locale.ROOT)))
                .toList();
        return pick(clues, ownText(answer.title(), answer, clues), choices.apply(beside),
                () -> choices.apply(elsewhere), answer.service() == null ? null : FROM_SERVICE, doubts);
    }

    /** "Autoscaling" under Auto Scaling is the service itself, spelt as one word, not one of its parts. */
    private static boolean namesItsService(Topic part) {
        String title = compact(part.title());
        return part.service() != null && part.service().names().stream().anyMatch(name -> compact(name).equals(title));
    }

    private static String compact(String text) {
        return text.replaceAll("[^\\p{L}\\p{N}]", "").toLowerCase(Locale.ROOT);
    }

    /** The answer's heading as the wrong choices' are compared: its name and notes, the clues first so none is cut off. */
    private static String ownText(String name, Topic topic, Clues clues) {
        return name + " " + clues.text().toLowerCase(Locale.ROOT) + text(topic, clues.each());
    }

    private List<Topic> parts(List<Topic> topics) {
        return topics.stream().filter(other -> catalogue.named(other.title()).isEmpty() && isPartTitle(other.title()))
                .toList();
    }

    /**
     * The first three wrong choices, those beside the answer first, with {@code doubt} (if any) when the others are
     * needed; those are worked out only then. Where the similarity measures meaning, a choice whose notes the clues fit
     * about as well as the answer's own (which hold the clues) is left out for the next: its notes say the same. There
     * is no question if the clues fit one clearly better than their own heading.
     */
    private Optional<List<String>> pick(Clues clues, String answerAbout, List<Choice> beside,
                                        Supplier<List<Choice>> further, String doubt, List<String> doubts) {
        double own = similarity.confusableWithin().isPresent() ? similarity.scores(clues.text(), List.of(answerAbout))[0] : 0;
        List<String> chosen = new ArrayList<>();
        if (!addFitting(clues, own, beside, chosen)) {
            return Optional.empty();
        }
        if (chosen.size() < 3) {
            if (doubt != null) {
                doubts.add(doubt);
            }
            if (!addFitting(clues, own, further.get(), chosen)) {
                return Optional.empty();
            }
        }
        return Optional.of(chosen);
    }

    /**
     * Adds candidates up to three in all, as {@link #pick} says, leaving out those a clue names or is also true of;
     * false if the clues fit one clearly better than their own.
     */
    private boolean addFitting(Clues clues, double own, List<Choice> candidates, List<String> chosen) {
        OptionalDouble within = similarity.confusableWithin();
        double[] fit = within.isPresent() ? similarity.scores(clues.text(), candidates.stream().map(Choice::about).toList()) : null;
        for (int i = 0; i < candidates.size() && chosen.size() < 3; i++) {
            if (fit != null && own - fit[i] < -within.getAsDouble()) {
                return false;
            }
            Choice candidate = candidates.get(i);
            if (shared.fitsToo(clues.each(), candidate.label(), clues.ownWords(), candidate.statements())) {
                continue;
            }
            if (fit == null || own - fit[i] > within.getAsDouble()) {
                chosen.add(candidates.get(i).label());
            }
        }
        return true;
    }

    /**
     * A heading under the other, or above it ("NoSQL DynamoDB" over its "Partition Key"): the clues of the one
     * describe the other too, so neither is a wrong choice for the other.
     */
    private static boolean nested(Topic a, Topic b) {
        return a.path().equals(b.path()) && a.file().equals(b.file()) || under(a, b) || under(b, a);
    }

    /** Whether {@code part} is a heading below {@code above} in the same file. */
    private static boolean under(Topic part, Topic above) {
        return part.file().equals(above.file()) && part.path().size() > above.path().size()
                && part.path().subList(0, above.path().size()).equals(above.path());
    }

    /**
     * "Backups" beside "RDS backup and restore": one's words, the service's left out, are all the other's. Where a
     * name of the service is all one says ("Serverless Aurora", Aurora being also "Aurora Serverless"), only the
     * service's own name is left out.
     */
    private static boolean sameThing(String a, String b, Service service) {
        if (service == null) {
            return sameWords(a, b, Set.of()).orElse(false);
        }
        Set<String> serviceWords = new HashSet<>();
        service.names().forEach(name -> serviceWords.addAll(StudyAnalyzers.terms(StudyAnalyzers.index(), name)));
        return sameWords(a, b, serviceWords).or(() -> sameWords(a, b,
                Set.copyOf(StudyAnalyzers.terms(StudyAnalyzers.index(), service.name())))).orElse(false);
    }

    /** Whether one's words, {@code left} out, are all the other's; empty when nothing is left of one of them. */
    private static Optional<Boolean> sameWords(String a, String b, Set<String> left) {
        List<String> x = StudyAnalyzers.terms(StudyAnalyzers.index(), a).stream().filter(w -> !left.contains(w)).toList();
        List<String> y = StudyAnalyzers.terms(StudyAnalyzers.index(), b).stream().filter(w -> !left.contains(w)).toList();
        return x.isEmpty() || y.isEmpty() ? Optional.empty() : Optional.of(y.containsAll(x) || x.containsAll(y));
    }

    /** A part of a service is named, not described: "Multi-AZ", "RDS Custom", not "Important ports: differentiate". */
    private static boolean isPartTitle(String title) {
        return !title.contains(":") && !COMPARISON.matcher(title).find() && title.split("\\s+").length <= MAX_PART_WORDS;
    }

    private static boolean isAskable(Topic topic) {
        String title = topic.title();
        // A heading written all in lower case ("scan and query") is jotted down, often over bullets about something else.
        return !topic.label() && title.length() <= MAX_TITLE && title.split("\\s+").length <= 5
                && !title.equals(title.toLowerCase(Locale.ROOT))
                && Quantity.findAll(title).isEmpty();
    }

    private static String text(Topic topic) {
        return text(topic, List.of());
    }

    /** What the notes say under a topic, but for the statements {@code left} out. */
    private static String text(Topic topic, List<String> left) {
        StringBuilder text = new StringBuilder();
        for (NoteTopic.Statement statement : topic.statements()) {
            if (text.length() < MAX_DESCRIPTION && !left.contains(statement.text())) {
                text.append(' ').append(statement.text());
            }
        }
        return text.toString().toLowerCase(Locale.ROOT);
    }

    /**
     * A bullet nested under one naming another service ("Athena" › "Support compression") is about that one. A
     * bullet naming another service of the answer's family ("query can be done by Athena" for EMR), or of a
     * family a heading above names ("EBS snapshots" for EC2 under "Storage"), describes that one as well: a
     * student could defend it; so does one whose subject is another service ("S3: 5 min interval" for WAF).
     * Services of other families it works with ("deploys on ALB" for WAF) are fine.
     */
    private boolean aboutAnother(NoteTopic.Statement statement, Topic topic) {
        Optional<Service> own = catalogue.named(topic.title());
        Service answer = own.orElse(topic.service());
        Set<String> families = new HashSet<>();
        if (answer != null) {
            families.add(answer.family());
        }
        topic.parent().forEach(heading -> catalogue.familyNamed(heading).ifPresent(families::add));
        String text = NoteText.plain(statement.text());
        int colon = text.indexOf(':');
        Optional<Service> subject = colon > 0 ? catalogue.named(text.substring(0, colon)) : Optional.empty();
        return statement.parent() != null && catalogue.mentionsIn(statement.parent()).stream()
                .anyMatch(mention -> own.isEmpty() || !mention.service().equals(own.get()))
                || subject.isPresent() && !subject.get().equals(answer)
                || catalogue.mentionsIn(text).stream().map(ServiceCatalogue.Mention::service)
                .anyMatch(named -> !named.equals(answer) && families.contains(named.family()));
    }

    /** Top-level bullets from {@code statements} that describe the topic without naming it, in the order written. */
    private List<NoteTopic.Statement> clues(Topic topic, List<NoteTopic.Statement> statements, Predicate<String> reveals) {
        List<NoteTopic.Statement> clues = new ArrayList<>();
        int chars = 0;
        for (int i = 0; i < statements.size(); i++) {
            NoteTopic.Statement statement = statements.get(i);
            String text = NoteText.plain(statement.text());
            boolean prose = statement.kind() == NoteTopic.Kind.BULLET || statement.kind() == NoteTopic.Kind.PARAGRAPH;
            boolean leadIn = text.endsWith(":") || i + 1 < statements.size()
                    && statements.get(i + 1).depth() > statement.depth() && text.length() < MIN_STANDALONE;
            if (!prose || leadIn || statement.depth() > 1 || text.length() > MAX_CLUE
                    || text.split("\\s+").length < MIN_CLUE_WORDS || QualityGates.isFragment(text)
                    || text.contains("://") || reveals.test(text) || chars + text.length() > MAX_CLUES_CHARS
                    || FORMULA.matcher(text).find() || aboutAnother(statement, topic)) {
                continue;
            }
            clues.add(statement);
            chars += text.length();
            if (clues.size() == MAX_CLUES) {
                break;
            }
        }
        return clues;
    }
}
