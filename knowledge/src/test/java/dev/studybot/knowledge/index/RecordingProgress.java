package dev.studybot.knowledge.index;

import java.util.ArrayList;
import java.util.List;

/** Keeps every progress report of a sync, {@code {done, total}} each, for tests to look at. */
public final class RecordingProgress implements IndexProgress {

    public final List<int[]> files = new ArrayList<>();
    public final List<int[]> passages = new ArrayList<>();

    @Override
    public void filesIndexed(int done, int total) {
        files.add(new int[] {done, total});
    }

    @Override
    public void passagesEmbedded(int done, int total) {
        passages.add(new int[] {done, total});
    }
}
