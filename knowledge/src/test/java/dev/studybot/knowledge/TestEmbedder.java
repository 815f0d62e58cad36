package dev.studybot.knowledge;

import dev.studybot.knowledge.embed.BundledModel;
import dev.studybot.knowledge.embed.OnnxEmbedder;
import dev.studybot.knowledge.embed.TextEmbedder;

/** The real default model, as the bot uses it: loaded from the classpath once per test run. */
public final class TestEmbedder {

    private TestEmbedder() {
    }

    public static TextEmbedder get() {
        return OnnxEmbedder.of(BundledModel.DEFAULT);
    }
}
