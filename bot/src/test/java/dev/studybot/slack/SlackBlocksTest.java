package dev.studybot.slack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import dev.studybot.chat.Button;
import dev.studybot.chat.Markup;
import dev.studybot.chat.ReaderTime;
import dev.studybot.chat.Reply;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SlackBlocksTest {

    private static JsonNode json(List<LayoutBlock> blocks) throws Exception {
        return FakeSlack.JSON.readTree(GsonFactory.createSnakeCase().toJson(blocks));
    }

    @Test
    void aReaderTimeIsASlackDateWithItsFallbackEscaped() {
        ReaderTime time = new ReaderTime(Instant.ofEpochSecond(1_796_187_950L), "Tue 1 Dec at 18:11 <Europe/Berlin> & co");
        Reply reply = Reply.publicly(new Reply.Heading("Question of the day"),
                new Reply.Note("revealed **soon**: " + time.token() + " \\*"));

        String context = SlackBlocks.render(reply).get(1).toString();
        assertTrue(context.contains("revealed *soon*: <!date^1796187950^{date_short_pretty} at {time}"
                + "|Tue 1 Dec at 18:11 &lt;Europe/Berlin&gt; &amp; co> *"), context);
        String fallback = SlackBlocks.fallbackText(reply);
        assertTrue(fallback.endsWith("revealed soon: Tue 1 Dec at 18:11 &lt;Europe/Berlin&gt; &amp; co *"), fallback);
    }

    @Test
    void boldBecomesSlackBoldAndControlCharactersAreEscaped() {
        assertEquals("a *spot* b", SlackBlocks.mrkdwn("a **spot** b"));
        assertEquals("*two* and *three words*", SlackBlocks.mrkdwn("**two** and **three words**"));
        assertEquals("x &lt; y &amp;&amp; y &gt; z", SlackBlocks.mrkdwn("x < y && y > z"));
        assertEquals("see <https://aws.amazon.com/s3/|S3 docs>", SlackBlocks.mrkdwn("see [S3 docs](https://aws.amazon.com/s3/)"));
        assertEquals("<https://x.io/a.png|diagram>", SlackBlocks.mrkdwn("![diagram](https://x.io/a.png)"));
        assertEquals("not a link [x](images/a.png)", SlackBlocks.mrkdwn("not a link [x](images/a.png)"));
        assertEquals("an unpaired ** stays", SlackBlocks.mrkdwn("an unpaired ** stays"));
    }

    @Test
    void aNoteUrlCanNeverBecomeALiveMention() {
        // Slack decodes entities inside <url|label>: "&lt;!channel&gt;" there is a live @channel.
        for (String url : List.of("https://x.io/?a=1&lt;!channel&gt;", "https://x.io/<!channel|all>", "https://x.io/a?b=1&c=2")) {
            String link = SlackBlocks.links(List.of(url)).get(0);
            assertTrue(link.startsWith("<") && link.endsWith(">"), link);
            String inner = link.substring(1, link.length() - 1);
            assertFalse(inner.contains("<") || inner.contains(">"), link);
            String target = inner.substring(0, inner.indexOf('|'));
            String decoded = target.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
            assertEquals(url.replace("|", "%7C"), decoded, "the link still goes where the note says");
        }
    }

    @Test
    void aMembersNameIsShownLiterallyNotAsALinkOrBold() {
        String name = Markup.literal("[prize](http://evil.example/claim) **winner**");
        String line = SlackBlocks.mrkdwn("1. " + name + "  30 pts");
        assertEquals("1. [prize](http://evil.example/claim) **winner**  30 pts", line);
        assertEquals("*bold* [prize](https://a.io) <https://a.io|real link>",
                SlackBlocks.mrkdwn("**bold** " + Markup.literal("[prize](https://a.io)") + " [real link](https://a.io)"));
    }

    @Test
    void shorteningNeverSplitsAnEmoji() throws Exception {
        String emoji = "\uD83D\uDE00".repeat(SlackBlocks.MAX_SECTION_TEXT); // twice the limit in UTF-16 units
        String shown = json(SlackBlocks.render(Reply.privately(new Reply.Text(emoji)))).get(0).path("text").path("text")
                .asText();
        assertTrue(shown.length() <= SlackBlocks.MAX_SECTION_TEXT);
        assertTrue(shown.endsWith("\u2026"));
        String kept = shown.substring(0, shown.length() - 1);
        assertEquals(kept.length() / 2, kept.codePointCount(0, kept.length()), "a half emoji is left");
        assertTrue(kept.codePoints().allMatch(c -> c == 0x1F600));
    }

    @Test
    void linksOfAnExcerpt() {
        assertEquals(List.of("<https://x.io/docs/kms.html|kms.html>", "<https://x.io/img/arch.png|image: arch.png>",
                        "image: `images/vpc.png`", "`../other.md`"),
                SlackBlocks.links(List.of("https://x.io/docs/kms.html", "https://x.io/img/arch.png", "images/vpc.png",
                        "../other.md")));
    }

    @Test
    void theAnsweringLineOfAnExcerptIsMarked() throws Exception {
        Reply reply = new Reply(true, List.of(new Reply.Excerpt("SQS", "sqs.md:3",
                "max size 256 KB\nvisible **again** after the timeout", List.of(), Set.of(1))), List.of());
        assertEquals("> max size 256 KB\n> ▶ visible *again* after the timeout",
                json(SlackBlocks.render(reply)).get(1).path("text").path("text").asText());
    }

    @Test
    void everyPartKindRendersAsBlocks() throws Exception {
        Reply reply = new Reply(true, List.of(new Reply.Heading("Stats for **bob**"), new Reply.Text("line one\nline **two**"),
                new Reply.Excerpt("EC2 › Spot", "aws/ec2.md:7", "two-minute **notice**", List.of()),
                new Reply.Note("from aws/ec2.md:7"), new Reply.Lines(List.of("1. **alice** 30", "2. bob 20"))),
                List.of(new Button("answer:3:0", "3a", "**A**")));
        JsonNode blocks = json(SlackBlocks.render(reply));
        assertEquals(7, blocks.size(), blocks.toString());
        assertEquals("*Stats for bob*", blocks.get(0).path("text").path("text").asText());
        assertEquals("line one\nline *two*", blocks.get(1).path("text").path("text").asText());
        assertEquals("*EC2 › Spot*  ·  `aws/ec2.md:7`", blocks.get(2).path("elements").get(0).path("text").asText());
        assertEquals("> two-minute *notice*", blocks.get(3).path("text").path("text").asText());
        assertEquals("context", blocks.get(4).path("type").asText());
        assertEquals("1. *alice* 30\n2. bob 20", blocks.get(5).path("text").path("text").asText());
        assertEquals("actions", blocks.get(6).path("type").asText());
        assertEquals("A", blocks.get(6).path("elements").get(0).path("text").path("text").asText());
        assertEquals("plain_text", blocks.get(6).path("elements").get(0).path("text").path("type").asText());
        assertEquals("Stats for bob\nline one\nline two\nEC2 › Spot (aws/ec2.md:7)\nfrom aws/ec2.md:7\n1. alice 30\n2. bob 20",
                SlackBlocks.fallbackText(reply));
    }

    @Test
    void staysWithinSlackLimits() throws Exception {
        List<Reply.Part> parts = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            parts.add(new Reply.Text("x".repeat(4000)));
        }
        List<Button> buttons = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            buttons.add(new Button("same", "k" + i, "y".repeat(100)));
        }
        JsonNode blocks = json(SlackBlocks.render(new Reply(false, parts, buttons)));
        assertTrue(blocks.size() <= SlackBlocks.MAX_BLOCKS, "blocks: " + blocks.size());
        List<JsonNode> rendered = FakeSlack.buttons(blocks);
        assertEquals(30, rendered.size());
        assertEquals(30, rendered.stream().map(b -> b.path("action_id").asText()).distinct().count(), "unique action ids");
        rendered.forEach(b -> assertEquals("same", b.path("value").asText()));
        rendered.forEach(b -> assertTrue(b.path("text").path("text").asText().length() <= 75));
        for (JsonNode block : blocks) {
            if ("section".equals(block.path("type").asText())) {
                assertTrue(block.path("text").path("text").asText().length() <= 3000);
            }
            if ("actions".equals(block.path("type").asText())) {
                assertTrue(block.path("elements").size() <= 25);
            }
        }
    }

    @Test
    void aPrimaryButtonHasSlacksPrimaryStyleAndTheOthersNone() throws Exception {
        JsonNode blocks = json(SlackBlocks.render(new Reply(true, List.of(new Reply.Text("Right!")), List.of(
                new Button("next-question", "next1", "Next question").asPrimary(),
                new Button("same-topic:1", "same1", "Same topic")))));
        List<JsonNode> buttons = FakeSlack.buttons(blocks);
        assertEquals("primary", buttons.get(0).path("style").asText());
        assertFalse(buttons.get(1).has("style"), "no style: Slack's default");
    }
}
