package dev.studybot.store;

import java.util.List;

/**
 * One member's record in a group, over all time.
 *
 * @param weakestTopics topics with at least two answers, lowest accuracy first, at most three
 */
public record Stats(String displayName, int dailyPoints, int practicePoints, int answered, int correct,
                    int currentStreak, int bestStreak, List<TopicAccuracy> weakestTopics, int reviewsDue) {

    public record TopicAccuracy(String topic, int answered, int correct) {
        public double accuracy() {
            return answered == 0 ? 0 : (double) correct / answered;
        }
    }

    public Stats {
        weakestTopics = List.copyOf(weakestTopics);
    }

    public double accuracy() {
        return answered == 0 ? 0 : (double) correct / answered;
    }
}
