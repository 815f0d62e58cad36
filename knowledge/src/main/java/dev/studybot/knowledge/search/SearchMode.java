package dev.studybot.knowledge.search;

/** Which rankings a lookup uses. */
public enum SearchMode {
    /** Words only: BM25 re-ranked by coverage, as before embeddings. */
    LEXICAL,
    /** Words and meaning: the lexical ranking fused with the sentence-embedding ranking. */
    HYBRID
}
