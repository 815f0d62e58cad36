package dev.studybot.study;

import dev.studybot.chat.Reply;

/** The help text, and the short usage replies for commands used wrongly. */
final class Usage {

    static final String LEADERBOARD = "/study leaderboard [week|month|all] [here]";

    static final String COMMANDS = String.join("\n",
            "/study search <words> - look something up in the notes",
            "/study quiz [topic] - a practice question only you see",
            "/study review - a question you got wrong before, back for another try",
            LEADERBOARD + " - who leads (default: this week, whole group; here: this channel)",
            "/study stats [user] - points, accuracy, streaks and weakest topics",
            TopicsCommand.USAGE + " - what the notes cover, a page at a time, or those named like the words",
            "/study schedule set HH:MM [zone] [daily|weekdays] [topics] | show | off - the question of the day (admins)",
            "/study qotd now | reveal - post today's question now, or reveal it early (admins)",
            "/study timezone [set <zone>] - the zone leaderboard weeks and months run in (setting it: admins)",
            "/study about - version, notes, questions and uptime",
            "/study reload - re-read the notes folder now and say what changed (admins)",
            QuestionReviewCommand.USAGE + " - reported and retired questions (admins)",
            "/study help - this list");

    private Usage() {
    }

    static Reply help() {
        return Reply.privately(new Reply.Heading("studybot commands"), new Reply.Lines(COMMANDS.lines().toList()),
                new Reply.Note("Answer a question by pressing one of its buttons."));
    }

    static Reply unknown(String subcommand) {
        return Reply.privately(new Reply.Text("I don't know \"/study " + subcommand + "\". Here is what I can do:"),
                new Reply.Lines(COMMANDS.lines().toList()));
    }

    static Reply badArguments(String usage, String problem) {
        return Reply.privately(new Reply.Text(problem), new Reply.Note("Usage: " + usage));
    }
}
