package dev.studybot.slack;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import dev.studybot.chat.Button;
import dev.studybot.chat.Markup;
import dev.studybot.chat.ReaderTime;
import dev.studybot.chat.Shorten;
import dev.studybot.chat.Reply;
import dev.studybot.domain.Mention;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Renders a {@link Reply} as Block Kit blocks with Slack mrkdwn, within Slack's size limits. */
final class SlackBlocks {

    static final int MAX_BLOCKS = 50;
    static final int MAX_SECTION_TEXT = 3000;
    static final int MAX_BUTTONS_PER_BLOCK = 25;
    static final int MAX_BUTTON_LABEL = 75;
    static final int MAX_ACTION_ID = 255;
    static final int MAX_FALLBACK_TEXT = 3000;

    private static final Pattern BOLD = Pattern.compile("\\*\\*(.+?)\\*\\*", Pattern.DOTALL);
    private static final Pattern MARKDOWN_LINK = Pattern.compile("!?\\[([^\\]\\n]*)]\\((https?://[^)\\s]+)\\)");
    private static final Pattern IMAGE = Pattern.compile("(?i).*\\.(png|jpe?g|gif|svg|webp)([?#].*)?$");
    /** Where {@link #mrkdwn} parks literal ASCII characters: U+E000 and up, private use, never in notes. */
    private static final int LITERAL_BASE = 0xE000;
    /** Where {@link #mrkdwn} parks the reader times (Slack date tokens) while the rest is converted. */
    private static final int DATE_BASE = 0xE100;

    private SlackBlocks() {
    }

    /** The blocks of a reply: parts in order, then its buttons that can still be pressed. */
    static List<LayoutBlock> render(Reply reply) {
        List<LayoutBlock> blocks = new ArrayList<>();
        for (Reply.Part part : reply.parts()) {
            if (part instanceof Reply.Heading heading) {
                blocks.add(section("*" + stripBold(escape(Markup.unescape(ReaderTime.plain(heading.text())))) + "*"));
            } else if (part instanceof Reply.Text text) {
                blocks.add(section(mrkdwn(text.text())));
            } else if (part instanceof Reply.Excerpt excerpt) {
                blocks.add(context(List.of("*" + stripBold(escape(excerpt.trail())) + "*  ·  `"
                        + escape(excerpt.source()) + "`")));
                blocks.add(section(String.join("\n", excerpt.markedLines(mrkdwn(excerpt.text()), "> "))));
                List<String> links = links(excerpt.links());
                if (!links.isEmpty()) {
                    blocks.add(context(List.of(String.join("  ·  ", links))));
                }
            } else if (part instanceof Reply.Note note) {
                blocks.add(context(List.of(mrkdwn(note.text()))));
            } else if (part instanceof Reply.Lines lines) {
                List<String> converted = lines.lines().stream().map(SlackBlocks::mrkdwn).toList();
                blocks.add(section(String.join("\n", converted)));
            } else if (part instanceof Reply.Ping ping) {
                blocks.add(section(mention(ping.mention())));
            }
        }
        List<LayoutBlock> actions = actions(reply.buttons());
        int room = MAX_BLOCKS - actions.size();
        if (blocks.size() > room) {
            blocks = new ArrayList<>(blocks.subList(0, room - 1));
            blocks.add(context(List.of("_(shortened)_")));
        }
        blocks.addAll(actions);
        return blocks;
    }

    /** Plain text for notifications and clients that show no blocks. */
    static String fallbackText(Reply reply) {
        StringBuilder text = new StringBuilder();
        for (Reply.Part part : reply.parts()) {
            String line;
            if (part instanceof Reply.Heading heading) {
                line = heading.text();
            } else if (part instanceof Reply.Text t) {
                line = t.text();
            } else if (part instanceof Reply.Excerpt excerpt) {
                line = excerpt.trail() + " (" + excerpt.source() + ")";
            } else if (part instanceof Reply.Note note) {
                line = note.text();
            } else if (part instanceof Reply.Lines lines) {
                line = String.join("\n", lines.lines());
            } else if (part instanceof Reply.Attachment file) {
                // A file goes up on its own (see SlackFiles); the text says what it shows.
                line = file.altText();
            } else {
                // A menu is Discord's; here the typed command chooses the same. A ping leads the text (below).
                continue;
            }
            if (!text.isEmpty()) {
                text.append('\n');
            }
            text.append(line);
            if (text.length() > MAX_FALLBACK_TEXT) {
                break;
            }
        }
        String plain = escape(Markup.unescape(ReaderTime.plain(text.toString()).replace("**", "")));
        // The notification is made of this text: the group's mention leads it, unescaped, so that it notifies.
        String mention = reply.ping().map(group -> mention(group) + " ").orElse("");
        return Shorten.to(plain.isEmpty() ? "studybot" : mention + plain, MAX_FALLBACK_TEXT);
    }

    /** A user group's mention, which notifies its members. */
    private static String mention(Mention group) {
        return "<!subteam^" + group.id() + ">";
    }

    /**
     * The bot's text as Slack mrkdwn: {@code &}, {@code <}, {@code >} escaped, {@code **bold**} as
     * {@code *bold*}, Markdown links and images as Slack links, {@link ReaderTime}s as Slack date tokens; characters
     * {@link Markup#literal} kept literal stay out of all of them.
     */
    static String mrkdwn(String markup) {
        // Dates and literal characters wait in the private use area while bold and links are converted.
        List<String> dates = new ArrayList<>();
        String text = ReaderTime.render(markup, time -> {
            dates.add(date(time));
            return String.valueOf((char) (DATE_BASE + dates.size() - 1));
        });
        StringBuilder kept = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (Markup.escapedAt(text, i)) {
                kept.append((char) (LITERAL_BASE + text.charAt(++i)));
            } else {
                kept.append(text.charAt(i));
            }
        }
        String escaped = escape(kept.toString());
        Matcher bold = BOLD.matcher(escaped);
        StringBuilder out = new StringBuilder();
        while (bold.find()) {
            bold.appendReplacement(out, Matcher.quoteReplacement("*" + bold.group(1).strip() + "*"));
        }
        bold.appendTail(out);
        Matcher link = MARKDOWN_LINK.matcher(out.toString());
        StringBuilder linked = new StringBuilder();
        while (link.find()) {
            String label = link.group(1).isBlank() ? link.group(2) : link.group(1).replace("|", "¦");
            link.appendReplacement(linked, Matcher.quoteReplacement("<" + link.group(2) + "|" + label + ">"));
        }
        link.appendTail(linked);
        StringBuilder restored = new StringBuilder(linked.length());
        linked.chars().forEach(c -> restored.append(c >= LITERAL_BASE && c < LITERAL_BASE + 128
                ? escape(String.valueOf((char) (c - LITERAL_BASE)))
                : c >= DATE_BASE && c < DATE_BASE + dates.size() ? dates.get(c - DATE_BASE) : String.valueOf((char) c)));
        return restored.toString();
    }

    /** A moment as Slack shows it in each reader's zone; the plain form, escaped, where a client cannot. */
    static String date(ReaderTime time) {
        return "<!date^" + time.epochSecond() + "^{date_short_pretty} at {time}|" + escape(time.plain()) + ">";
    }

    /** Escapes the three characters Slack treats as control characters in text. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Links of an excerpt: web URLs as Slack links (images say so), note-relative paths as code. */
    static List<String> links(List<String> urls) {
        List<String> out = new ArrayList<>();
        for (String url : urls) {
            String name = url.replaceAll("[?#].*$", "");
            name = name.substring(name.lastIndexOf('/') + 1);
            if (name.isBlank()) {
                name = url;
            }
            boolean image = IMAGE.matcher(url).matches();
            String label = (image ? "image: " : "") + name.replace("|", "¦");
            String lower = url.toLowerCase(Locale.ROOT);
            if ((lower.startsWith("https://") || lower.startsWith("http://")) && !url.contains(" ")) {
                // Escaped like text: Slack decodes entities inside a link, so a raw "&lt;!channel&gt;" would ping.
                out.add("<" + escape(url).replace("|", "%7C") + "|" + escape(label) + ">");
            } else {
                out.add((image ? "image: " : "") + "`" + escape(url).replace("`", "'") + "`");
            }
        }
        return out;
    }

    private static List<LayoutBlock> actions(List<Button> buttons) {
        List<LayoutBlock> blocks = new ArrayList<>();
        Set<String> actionIds = new HashSet<>();
        List<BlockElement> row = new ArrayList<>();
        for (int i = 0; i < buttons.size(); i++) {
            Button button = buttons.get(i);
            if (!button.live()) {
                // Slack has no disabled button; the text marks the outcome, and a live one would invite a second press.
                continue;
            }
            String actionId = Shorten.to(button.action(), MAX_ACTION_ID - 4);
            if (!actionIds.add(actionId)) {
                actionId = actionId + "~" + i;
                actionIds.add(actionId);
            }
            row.add(ButtonElement.builder()
                    .text(PlainTextObject.builder().text(Shorten.to(button.label().replace("**", ""), MAX_BUTTON_LABEL))
                            .emoji(true).build())
                    .actionId(actionId)
                    .value(button.action())
                    .style(button.primary() ? "primary" : null)
                    .build());
            if (row.size() == MAX_BUTTONS_PER_BLOCK) {
                blocks.add(ActionsBlock.builder().elements(row).build());
                row = new ArrayList<>();
            }
        }
        if (!row.isEmpty()) {
            blocks.add(ActionsBlock.builder().elements(row).build());
        }
        return blocks;
    }

    private static SectionBlock section(String mrkdwn) {
        return SectionBlock.builder().text(MarkdownTextObject.builder().text(Shorten.to(mrkdwn.isBlank() ? " " : mrkdwn,
                MAX_SECTION_TEXT)).build()).build();
    }

    private static ContextBlock context(List<String> mrkdwn) {
        List<ContextBlockElement> elements = new ArrayList<>();
        for (String text : mrkdwn) {
            elements.add(MarkdownTextObject.builder().text(Shorten.to(text, MAX_SECTION_TEXT)).build());
        }
        return ContextBlock.builder().elements(elements).build();
    }

    private static String stripBold(String text) {
        return text.replace("**", "");
    }
}
