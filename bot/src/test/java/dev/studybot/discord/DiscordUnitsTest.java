package dev.studybot.discord;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.studybot.chat.Button;
import dev.studybot.chat.Markup;
import dev.studybot.chat.Reply;
import dev.studybot.chat.CommandSpec;
import dev.studybot.config.ConfigLoader;
import dev.studybot.config.ShardRange;
import dev.studybot.config.StudybotConfig;
import dev.studybot.study.RealCommands;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import net.dv8tion.jda.api.entities.MessageEmbed;
import net.dv8tion.jda.api.interactions.commands.OptionType;
import net.dv8tion.jda.api.interactions.commands.build.OptionData;
import net.dv8tion.jda.api.interactions.commands.build.SlashCommandData;
import net.dv8tion.jda.api.interactions.commands.build.SubcommandData;
import net.dv8tion.jda.api.utils.messages.MessageCreateData;
import org.junit.jupiter.api.Test;

/** Settings, command translation and rendering, without a network. */
class DiscordUnitsTest {

    private static final String TOKEN = "MTEwMDAwMDAwMDAwMDAwMDAwMQ.secret-part.abcdefghij";

    /** What {@code studybot run} does: the configuration from the environment, then the token. */
    private static Optional<DiscordSettings> settings(Map<String, String> env) {
        return DiscordSettings.from(env, ConfigLoader.parse("studybot.yml", "", env));
    }

    @Test
    void settingsComeFromTheEnvironmentAndNeverShowTheToken() {
        assertTrue(settings(Map.of()).isEmpty());
        DiscordSettings settings = settings(Map.of("DISCORD_TOKEN", " " + TOKEN + " ",
                "DISCORD_GUILD_ID", "1200000000000000002", "STUDYBOT_DISCORD_API_URL", "http://127.0.0.1:9/api/v10",
                "STUDYBOT_DISCORD_GATEWAY_URL", "ws://127.0.0.1:10")).orElseThrow();
        assertEquals(TOKEN, settings.token());
        assertEquals("http://127.0.0.1:9/api/v10/", settings.apiUrl());
        assertEquals("ws://127.0.0.1:10/", settings.gatewayUrl());
        assertFalse(settings.toString().contains("secret-part"));
        DiscordSettings defaults = settings(Map.of("DISCORD_TOKEN", TOKEN)).orElseThrow();
        assertEquals(null, defaults.guildId());
        assertEquals(null, defaults.apiUrl());
    }

    @Test
    void unusableSettingsNameTheVariableButNotTheToken() {
        assertMessage("DISCORD_TOKEN", Map.of("DISCORD_TOKEN", "has spaces in it " + TOKEN));
        assertMessage("DISCORD_GUILD_ID", Map.of("DISCORD_TOKEN", TOKEN, "DISCORD_GUILD_ID", "my-server"));
        assertMessage("STUDYBOT_DISCORD_API_URL", Map.of("DISCORD_TOKEN", TOKEN, "STUDYBOT_DISCORD_API_URL", "ftp://x"));
        assertMessage("STUDYBOT_DISCORD_GATEWAY_URL", Map.of("DISCORD_TOKEN", TOKEN,
                "STUDYBOT_DISCORD_GATEWAY_URL", "http://x/"));
    }

    @Test
    void aShardRangeNeedsATotalThatHoldsIt() {
        assertEquals(new ShardRange(2, 3), settings(Map.of("DISCORD_TOKEN", TOKEN, "STUDYBOT_DISCORD_SHARDS_TOTAL", "4",
                "STUDYBOT_DISCORD_SHARDS", "2-3")).orElseThrow().shards().range());
        assertMessage("STUDYBOT_DISCORD_SHARDS_TOTAL", Map.of("DISCORD_TOKEN", TOKEN, "STUDYBOT_DISCORD_SHARDS", "0-1"));
        IllegalArgumentException outside = assertThrows(IllegalArgumentException.class, () -> settings(Map.of(
                "DISCORD_TOKEN", TOKEN, "STUDYBOT_DISCORD_SHARDS_TOTAL", "2", "STUDYBOT_DISCORD_SHARDS", "1-2")));
        assertEquals("discord.shards.range (STUDYBOT_DISCORD_SHARDS) 1-2 is outside the 2 shards of"
                + " discord.shards.total (STUDYBOT_DISCORD_SHARDS_TOTAL): they are numbered 0 to 1.", outside.getMessage());
    }

    private static void assertMessage(String variable, Map<String, String> env) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> settings(env));
        assertTrue(e.getMessage().contains(variable), e.getMessage());
        assertFalse(e.getMessage().contains("secret-part"), e.getMessage());
    }

    @Test
    void eachCatalogueOptionIsRegisteredWithItsTypeChoicesAndLimits() {
        List<CommandSpec> specs = RealCommands.specs();
        SlashCommandData study = DiscordCommands.study(specs);
        SlashCommandData admin = DiscordCommands.admin(specs);

        SubcommandData search = subcommand(study, null, "search");
        assertEquals(OptionType.STRING, search.getOptions().get(0).getType());
        assertTrue(search.getOptions().get(0).isRequired());
        assertEquals(200, search.getOptions().get(0).getMaxLength());
        assertEquals(OptionType.USER, subcommand(study, null, "stats").getOptions().get(0).getType());
        List<OptionData> board = subcommand(study, null, "leaderboard").getOptions();
        assertEquals(List.of("period", "scope", "show"), board.stream().map(OptionData::getName).toList());
        assertEquals(List.of("week", "month", "all"), board.get(0).getChoices().stream().map(c -> c.getAsString()).toList());
        assertEquals(List.of("server", "here"), board.get(1).getChoices().stream().map(c -> c.getAsString()).toList());
        assertEquals(List.of("chart"), board.get(2).getChoices().stream().map(c -> c.getAsString()).toList());
        List<OptionData> set = subcommand(admin, "schedule", "set").getOptions();
        assertEquals(List.of("time", "zone", "days", "topics"), set.stream().map(OptionData::getName).toList());
        assertTrue(set.get(0).isRequired());
        assertFalse(set.get(1).isRequired());
        assertTrue(set.get(3).isAutoComplete(), "topics are suggested as they are typed");
        assertTrue(subcommand(admin, "questions", "restore").getOptions().get(0).isRequired());
        assertTrue(study.getSubcommandGroups().isEmpty(), "everyone's commands are one word");
    }

    private static SubcommandData subcommand(SlashCommandData command, String group, String name) {
        List<SubcommandData> subcommands = group == null ? command.getSubcommands() : command.getSubcommandGroups().stream()
                .filter(g -> g.getName().equals(group)).findFirst().orElseThrow().getSubcommands();
        return subcommands.stream().filter(s -> s.getName().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void topicsCompleteByPrefixThenByContent() {
        List<String> topics = new ArrayList<>(List.of("ec2", "spot instances", "s3", "instance store"));
        assertEquals(List.of("instance store", "spot instances"), DiscordCommands.complete(topics, "inst"));
        for (int i = 0; i < 40; i++) {
            topics.add("topic " + i);
        }
        assertEquals(25, DiscordCommands.complete(topics, "").size());
    }

    @Test
    void repliesPingNobodyAndShowMembersNamesLiterally() {
        String name = Markup.literal("[prize](http://evil.example/claim) @everyone");
        Reply board = Reply.publicly(new Reply.Heading("Stats for " + name), new Reply.Lines(List.of("1. " + name + "  30 pts")),
                new Reply.Note("by " + name));
        MessageCreateData message = DiscordRenderer.create(board);
        String json = message.toData().toString();
        assertTrue(json.matches("(?s).*\"allowed_mentions\":\\{[^}]*\"parse\":\\[\\].*"), json);
        MessageEmbed embed = message.getEmbeds().get(0);
        assertEquals("1. \\[prize\\]\\(http://evil.example/claim\\) @everyone  30 pts", embed.getDescription(),
                "Discord reads the backslashes: no masked link");
        assertEquals("Stats for [prize](http://evil.example/claim) @everyone", embed.getTitle(), "titles show no Markdown");
        assertEquals("by [prize](http://evil.example/claim) @everyone", embed.getFooter().getText());
    }

    @Test
    void shorteningNeverSplitsAnEmoji() {
        String cut = DiscordRenderer.cut("\uD83D\uDE00".repeat(100), 100);
        assertTrue(cut.endsWith("\u2026"));
        String kept = cut.substring(0, cut.length() - 1);
        assertTrue(kept.codePoints().allMatch(c -> c == 0x1F600), "a half emoji is left: " + kept.length() + " chars");
    }

    @Test
    void theAnsweringLineOfAnExcerptIsMarked() {
        Reply reply = new Reply(true, List.of(new Reply.Excerpt("SQS", "sqs.md:3", "max size 256 KB\nvisible again after the timeout",
                List.of(), Set.of(1))), List.of());
        assertEquals("> max size 256 KB\n> ▶ visible again after the timeout\n`sqs.md:3`",
                DiscordRenderer.embed(reply).getFields().get(0).getValue());
    }

    @Test
    void aLongPassageShownAloneIsTheDescriptionWhichHoldsMoreThanAField() {
        String passage = ("- a line of notes that takes up room in the passage\n").repeat(28).strip();
        Reply full = Reply.privately(new Reply.Note("Result 1 in full, for: room"),
                new Reply.Excerpt("Notes", "notes.md:1", passage, List.of(), Set.of(27)));
        MessageEmbed embed = DiscordRenderer.embed(full);
        assertTrue(passage.length() > MessageEmbed.VALUE_MAX_LENGTH, "longer than a field holds");
        assertTrue(embed.getFields().isEmpty(), embed.getFields().toString());
        assertTrue(embed.getDescription().startsWith("**Notes**\n> - a line"), embed.getDescription());
        assertTrue(embed.getDescription().endsWith("> ▶ - a line of notes that takes up room in the passage\n`notes.md:1`"),
                "the whole passage, to its last line: " + embed.getDescription());
        assertEquals("Result 1 in full, for: room", embed.getFooter().getText());
    }

    @Test
    void repliesBecomeAnEmbedAndRowsOfButtons() {
        Reply reply = new Reply(true, List.of(new Reply.Heading("Practice question"), new Reply.Text("Which one?"),
                new Reply.Excerpt("EC2 > Spot", "ec2.md:12", "line one\nline two", List.of()),
                new Reply.Lines(List.of("a", "b")), new Reply.Note("from ec2.md")),
                List.of(Button.answer(3, 0, "A"), Button.answer(3, 1, "B")));
        MessageEmbed embed = DiscordRenderer.embed(reply);
        assertEquals("Practice question", embed.getTitle());
        assertEquals("Which one?\n\na\nb", embed.getDescription());
        assertEquals("EC2 > Spot", embed.getFields().get(0).getName());
        assertEquals("> line one\n> line two\n`ec2.md:12`", embed.getFields().get(0).getValue());
        assertEquals("from ec2.md", embed.getFooter().getText());
        assertEquals(1, DiscordRenderer.rows(reply).size());
        List<Button> many = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            many.add(new Button("x:" + i, "k" + i, "label " + i));
        }
        assertEquals(5, DiscordRenderer.rows(new Reply(true, List.of(), many)).size(), "at most five rows");
        MessageEmbed huge = DiscordRenderer.embed(Reply.privately(new Reply.Text("x".repeat(10_000))));
        assertTrue(huge.isSendable());
        assertTrue(DiscordRenderer.embed(Reply.privately()).isSendable());
    }

    @Test
    void theInviteHasBothScopesAndThePermissions() {
        String url = new DiscordAdapter(new DiscordSettings(TOKEN, null, null, null, StudybotConfig.Shards.ALL))
                .inviteUrl("1100000000000000001");
        assertEquals("https://discord.com/oauth2/authorize?client_id=1100000000000000001"
                // View Channel, Send Messages, Embed Links, Read Message History (84992), Create Public Threads (1 << 35)
                // and Send Messages in Threads (1 << 38), for the question of the day's explanation thread, and Attach
                // Files (32768) for the weekly summary's chart.
                + "&scope=bot+applications.commands&permissions=309237763072", url);
    }

}
