package dev.studybot.command;

import dev.studybot.chat.Caller;
import dev.studybot.chat.CommandSpec;
import dev.studybot.chat.Options;
import dev.studybot.chat.Reply;

/**
 * One {@code /study} command: what it is called and takes ({@link #spec()}), and what it does. The catalogue has
 * already checked that an admin command's caller is an admin.
 */
public interface StudyCommand {

    CommandSpec spec();

    Reply run(Caller caller, Options options);
}
