package dev.studybot.discord;

import dev.studybot.chat.Button;
import dev.studybot.chat.Markup;
import dev.studybot.chat.ReaderTime;
import dev.studybot.chat.Shorten;
import dev.studybot.chat.Reply;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import net.dv8tion.jda.api.EmbedBuilder;
import net.dv8tion.jda.api.components.actionrow.ActionRow;
import net.dv8tion.jda.api.components.buttons.ButtonStyle;
import net.dv8tion.jda.api.components.selections.SelectOption;
import net.dv8tion.jda.api.components.selections.StringSelectMenu;
import net.dv8tion.jda.api.entities.Message;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.utils.FileUpload;
import net.dv8tion.jda.api.utils.messages.MessageCreateBuilder;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import net.dv8tion.jda.api.utils.messages.MessageEditData;

/**
 * A reply as a Discord message: one embed (Heading: title, Text and Lines: description, Excerpt: a field
 * with its heading path and file:line, or the description when it is all the reply shows and too long for a field,
 * Note: footer), its attachments as files of the message (with their alt text as the description), and its buttons,
 * five to an action row; buttons that can no longer be pressed are shown disabled.
 */
final class DiscordRenderer {

    static final int COLOR = 0x2F80ED;
    static final int BUTTONS_PER_ROW = 5;
    static final int MAX_ROWS = 5;
    /** The custom id of a reply's menu; what a member picks is the action. */
    static final String MENU = "menu";
    private static final int MAX_FIELDS = 25;
    /** The longest description (alt text) Discord takes for an attachment. */
    private static final int MAX_FILE_DESCRIPTION = 1024;
    /** Embeds may hold 6000 characters in all; this leaves room for the footer and field names. */
    private static final int BUDGET = 5500;

    private DiscordRenderer() {
    }

    static MessageCreateData create(Reply reply) {
        return message(reply, true).build();
    }

    /**
     * No mention in a message may ping anyone, least of all @everyone or @here, except the reply's own
     * {@link Reply.Ping} role when {@code notifying}: it goes in the content (embeds never notify) and is the one role
     * the message's allowed mentions list.
     */
    private static MessageCreateBuilder message(Reply reply, boolean notifying) {
        MessageCreateBuilder message = new MessageCreateBuilder().setEmbeds(embed(reply)).setComponents(rows(reply))
                .setFiles(reply.attachments().stream().map(DiscordRenderer::file).toList())
                .setAllowedMentions(EnumSet.noneOf(Message.MentionType.class));
        reply.ping().ifPresent(role -> {
            message.setContent("<@&" + role.id() + ">");
            if (notifying) {
                message.mentionRoles(role.id());
            }
        });
        return message;
    }

    private static FileUpload file(Reply.Attachment attachment) {
        return FileUpload.fromData(attachment.bytes(), attachment.fileName())
                .setDescription(cut(attachment.altText(), MAX_FILE_DESCRIPTION));
    }

    /** An edit never notifies: whoever its post mentioned was notified once, when it was posted. */
    static MessageEditData edit(Reply reply) {
        return MessageEditData.fromCreateData(message(reply, false).build());
    }

    static MessageEmbed embed(Reply reply) {
        EmbedBuilder embed = new EmbedBuilder().setColor(COLOR);
        StringBuilder description = new StringBuilder();
        List<String> notes = new ArrayList<>();
        String title = null;
        int fields = 0;
        int used = 0;
        Reply.Excerpt alone = aloneExcerpt(reply);
        if (alone != null) {
            // A field holds 1024 characters, a passage up to 1500: a reply showing one long passage in full has it as text.
            paragraph(description, "**" + Markup.literal(alone.trail()) + "**\n"
                    + excerptValue(alone, MessageEmbed.DESCRIPTION_MAX_LENGTH - 200));
        }
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Heading heading) {
                if (title == null) {
                    title = cut(Markup.unescape(ReaderTime.plain(heading.text())), MessageEmbed.TITLE_MAX_LENGTH);
                } else {
                    paragraph(description, "**" + timestamps(heading.text()) + "**");
                }
            } else if (part instanceof Reply.Text text) {
                paragraph(description, timestamps(text.text()));
            } else if (part instanceof Reply.Lines lines && !lines.fields().isEmpty()) {
                // A table (leaderboard rows, stats) as the embed's own fields.
                for (Reply.Field field : lines.fields()) {
                    if (fields == MAX_FIELDS || used >= BUDGET) {
                        break;
                    }
                    String name = cut(Markup.unescape(field.name()), MessageEmbed.TITLE_MAX_LENGTH);
                    String value = cut(field.value().isBlank() ? "\u200b" : timestamps(field.value()),
                            Math.min(MessageEmbed.VALUE_MAX_LENGTH, BUDGET - used));
                    embed.addField(name, value, field.inline());
                    fields++;
                    used += name.length() + value.length();
                }
            } else if (part instanceof Reply.Lines lines) {
                paragraph(description, timestamps(String.join("\n", lines.lines())));
            } else if (part instanceof Reply.Note note && ReaderTime.in(note.text())) {
                // A footer shows no timestamps: a note with a time goes where each reader sees it in their zone.
                paragraph(description, timestamps(note.text()));
            } else if (part instanceof Reply.Note note) {
                notes.add(note.text());
            } else if (part instanceof Reply.Excerpt excerpt && excerpt != alone && fields < MAX_FIELDS && used < BUDGET) {
                String name = cut(excerpt.trail() == null || excerpt.trail().isBlank() ? "From the notes" : excerpt.trail(),
                        MessageEmbed.TITLE_MAX_LENGTH);
                String value = excerptValue(excerpt, Math.min(MessageEmbed.VALUE_MAX_LENGTH, BUDGET - used));
                embed.addField(name, value, false);
                fields++;
                used += name.length() + value.length();
            }
        }
        if (title != null) {
            embed.setTitle(title);
        }
        // The first file (the leaderboard chart) shows inside the embed rather than under it.
        reply.attachments().stream().findFirst().ifPresent(file -> embed.setImage("attachment://" + file.fileName()));
        int room = Math.max(100, Math.min(MessageEmbed.DESCRIPTION_MAX_LENGTH, BUDGET - used));
        if (description.length() > 0) {
            embed.setDescription(cut(description.toString(), room));
        } else if (title == null && fields == 0) {
            embed.setDescription(notes.isEmpty() ? "\u200b" : cut(String.join("\n", notes), room));
            notes.clear();
        }
        if (!notes.isEmpty()) {
            // Footers show no Markdown: the escapes of literal text would show.
            embed.setFooter(cut(Markup.unescape(String.join(" \u00b7 ", notes)), Math.min(MessageEmbed.TEXT_MAX_LENGTH, 400)));
        }
        return embed.build();
    }

    /** The reply's one excerpt when it is too long for a field and nothing else would go in the description, else null. */
    private static Reply.Excerpt aloneExcerpt(Reply reply) {
        List<Reply.Excerpt> excerpts = reply.parts().stream().filter(p -> p instanceof Reply.Excerpt)
                .map(p -> (Reply.Excerpt) p).toList();
        boolean described = reply.parts().stream().anyMatch(p -> p instanceof Reply.Text || p instanceof Reply.Lines
                || (p instanceof Reply.Note note && ReaderTime.in(note.text())));
        return excerpts.size() == 1 && !described
                && excerptValue(excerpts.get(0), Integer.MAX_VALUE).length() > MessageEmbed.VALUE_MAX_LENGTH
                ? excerpts.get(0) : null;
    }

    /** Reader times as Discord timestamps: the date and time in the reader's zone, then how far off. */
    static String timestamps(String text) {
        return ReaderTime.render(text, time -> "<t:" + time.epochSecond() + ":f> (<t:" + time.epochSecond() + ":R>)");
    }

    private static String excerptValue(Reply.Excerpt excerpt, int max) {
        StringBuilder tail = new StringBuilder();
        if (excerpt.source() != null && !excerpt.source().isBlank()) {
            tail.append("\n`").append(excerpt.source().replace("`", "'")).append('`');
        }
        for (String link : excerpt.links()) {
            tail.append('\n').append(link);
        }
        String end = cut(tail.toString(), Math.max(0, max / 3));
        StringBuilder quoted = new StringBuilder();
        excerpt.markedLines(excerpt.text(), "> ").forEach(line -> quoted.append(line).append('\n'));
        String body = cut(quoted.toString().stripTrailing(), Math.max(1, max - end.length()));
        String value = body + end;
        return value.isBlank() ? "\u200b" : value;
    }

    /** The reply's menus (a row each), then its buttons. */
    static List<ActionRow> rows(Reply reply) {
        List<ActionRow> rows = new ArrayList<>();
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Menu menu && !menu.options().isEmpty() && rows.size() < MAX_ROWS) {
                rows.add(ActionRow.of(menu(menu)));
            }
        }
        rows.addAll(rows(reply.buttons(), MAX_ROWS - rows.size()));
        return rows;
    }

    /** A menu whose options' values are their actions; what is chosen comes back as a press of that action. */
    private static StringSelectMenu menu(Reply.Menu menu) {
        StringSelectMenu.Builder select = StringSelectMenu.create(MENU).setPlaceholder(menu.placeholder());
        for (Reply.MenuOption option : menu.options()) {
            select.addOption(cut(option.label(), SelectOption.LABEL_MAX_LENGTH), option.action());
            if (option.selected()) {
                select.setDefaultValues(option.action());
            }
        }
        return select.build();
    }

    private static List<ActionRow> rows(List<Button> buttons, int maxRows) {
        List<ActionRow> rows = new ArrayList<>();
        List<net.dv8tion.jda.api.components.buttons.Button> row = new ArrayList<>();
        for (Button button : buttons) {
            if (rows.size() >= maxRows) {
                break;
            }
            row.add(net.dv8tion.jda.api.components.buttons.Button.of(style(button.state()),
                    cut(button.action(), net.dv8tion.jda.api.components.buttons.Button.ID_MAX_LENGTH),
                    cut(button.label() == null || button.label().isBlank() ? button.key() : Markup.unescape(button.label()),
                            net.dv8tion.jda.api.components.buttons.Button.LABEL_MAX_LENGTH)).withDisabled(!button.live()));
            if (row.size() == BUTTONS_PER_ROW) {
                rows.add(ActionRow.of(row));
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty() && rows.size() < maxRows) {
            rows.add(ActionRow.of(row));
        }
        return rows;
    }

    /** Answered: the right choice green, the pressed wrong one red, the others grey. */
    private static ButtonStyle style(Button.State state) {
        return switch (state) {
            case LIVE -> ButtonStyle.PRIMARY;
            case RIGHT -> ButtonStyle.SUCCESS;
            case WRONG -> ButtonStyle.DANGER;
            case CLOSED -> ButtonStyle.SECONDARY;
        };
    }

    private static void paragraph(StringBuilder out, String text) {
        if (text == null || text.isBlank()) {
            return;
        }
        if (out.length() > 0) {
            out.append("\n\n");
        }
        out.append(text.strip());
    }

    static String cut(String text, int max) {
        return Shorten.to(text, max);
    }
}
