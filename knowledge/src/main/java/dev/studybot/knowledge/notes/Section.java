package dev.studybot.knowledge.notes;

import java.util.List;

/** The blocks under one heading (or before the first heading, with an empty path). */
record Section(List<String> headingPath, List<OutlineNode> nodes) {
}
