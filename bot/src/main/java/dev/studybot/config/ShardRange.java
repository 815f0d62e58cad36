package dev.studybot.config;

/**
 * The Discord shards one replica runs: {@code first} to {@code last}, both included, counted from 0; written
 * {@code 0-1}, or {@code 2} for one shard.
 */
public record ShardRange(int first, int last) {

    public ShardRange {
        if (first < 0 || last < first) {
            throw new IllegalArgumentException("A shard range runs from its first shard (0 or more) to its last.");
        }
    }

    /** Whether the range holds {@code shard}. */
    public boolean contains(int shard) {
        return shard >= first && shard <= last;
    }

    /** As it is written in the configuration. */
    @Override
    public String toString() {
        return first == last ? String.valueOf(first) : first + "-" + last;
    }
}
