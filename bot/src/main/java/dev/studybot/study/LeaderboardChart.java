package dev.studybot.study;

import dev.studybot.chat.Reply;
import dev.studybot.chat.Shorten;
import dev.studybot.store.Leaderboard;
import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A leaderboard as a PNG drawn in process with JFreeChart: one horizontal bar per member, daily and practice points
 * stacked, best first.
 */
final class LeaderboardChart {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderboardChart.class);
    static final String FILE_NAME = "leaderboard.png";
    static final int WIDTH = 800;
    private static final int HEIGHT_PER_ROW = 36;
    private static final int HEIGHT_AROUND = 140;
    /** Slack takes alt text up to 1000 characters, Discord a description up to 1024. */
    private static final int ALT_TEXT_MAX = 1000;
    private static final Color DAILY = new Color(0x2F80ED);
    private static final Color PRACTICE = new Color(0x27AE60);

    static {
        // A bot has no display: drawing must not look for one (AWT decides this once, at its first use).
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    private LeaderboardChart() {
    }

    /**
     * {@code reply} (the board's text) with the board's chart attached; an empty board has nothing to draw, and a
     * chart that cannot be drawn (a JRE without fonts) leaves the text and says so.
     */
    static Reply attachedTo(Reply reply, Leaderboard board, String title) {
        Reply.Part chart;
        try {
            chart = of(board, title);
        } catch (RuntimeException | LinkageError | InternalError e) {
            LOG.warn("Could not draw the leaderboard chart", e);
            chart = new Reply.Note("The chart could not be drawn this time.");
        }
        if (chart == null) {
            return reply;
        }
        List<Reply.Part> parts = new ArrayList<>(reply.parts());
        parts.add(chart);
        return new Reply(reply.privateTo(), parts, reply.buttons(), reply.replaces());
    }

    /** The board's top rows as a PNG titled {@code title}; null when the board has no rows. */
    static Reply.Attachment of(Leaderboard board, String title) {
        if (board.top().isEmpty()) {
            return null;
        }
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        try {
            ChartUtils.writeChartAsPNG(png, chart(board, title), WIDTH, height(board));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Reply.Attachment(png.toByteArray(), FILE_NAME, Shorten.to(title + ", points: " + board.top().stream()
                .map(row -> row.displayName() + " " + row.points()).collect(Collectors.joining(", ")), ALT_TEXT_MAX));
    }

    /** A member's bar, labelled with rank and name; two members of one name and rank stay two bars. */
    record Bar(String label, String userId) implements Comparable<Bar> {
        @Override
        public int compareTo(Bar other) {
            return userId.compareTo(other.userId);
        }

        @Override
        public String toString() {
            return label;
        }
    }

    /** Room for the title, the legend and the axis, and a bar per row. */
    static int height(Leaderboard board) {
        return HEIGHT_AROUND + HEIGHT_PER_ROW * board.top().size();
    }

    /** The chart: a bar per member (rank and name), daily points then practice points. */
    static JFreeChart chart(Leaderboard board, String title) {
        DefaultCategoryDataset points = new DefaultCategoryDataset();
        for (Leaderboard.Row row : board.top()) {
            Bar member = new Bar(row.rank() + ". " + row.displayName(), row.userId());
            points.addValue(row.dailyPoints(), "daily", member);
            points.addValue(row.practicePoints(), "practice", member);
        }
        JFreeChart chart = ChartFactory.createStackedBarChart(title, null, "points", points, PlotOrientation.HORIZONTAL,
                true, false, false);
        chart.setBackgroundPaint(Color.WHITE);
        CategoryPlot plot = chart.getCategoryPlot();
        plot.setBackgroundPaint(Color.WHITE);
        plot.setRangeGridlinePaint(Color.LIGHT_GRAY);
        BarRenderer bars = (BarRenderer) plot.getRenderer();
        bars.setBarPainter(new StandardBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, DAILY);
        bars.setSeriesPaint(1, PRACTICE);
        return chart;
    }
}
