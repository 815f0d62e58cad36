package dev.studybot.knowledge.search;

import java.util.Iterator;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.util.QueryBuilder;

/**
 * A query builder whose multi-word synonyms match as loose phrases. The synonym list cannot hold stop
 * words ("identity access management"), but the notes do ("Identity and Access Management"), so the
 * phrase must allow a word in between.
 */
final class SynonymPhraseQueryBuilder extends QueryBuilder {

    static final int SYNONYM_PHRASE_SLOP = 1;

    SynonymPhraseQueryBuilder(Analyzer analyzer) {
        super(analyzer);
        setAutoGenerateMultiTermSynonymsPhraseQuery(true);
    }

    @Override
    protected Query newGraphSynonymQuery(Iterator<Query> queries) {
        return super.newGraphSynonymQuery(new Iterator<>() {
            @Override
            public boolean hasNext() {
                return queries.hasNext();
            }

            @Override
            public Query next() {
                Query query = queries.next();
                return query instanceof PhraseQuery phrase ? withSlop(phrase) : query;
            }
        });
    }

    private static Query withSlop(PhraseQuery phrase) {
        PhraseQuery.Builder builder = new PhraseQuery.Builder();
        builder.setSlop(Math.max(phrase.getSlop(), SYNONYM_PHRASE_SLOP));
        for (int i = 0; i < phrase.getTerms().length; i++) {
            builder.add(phrase.getTerms()[i], phrase.getPositions()[i]);
        }
        return builder.build();
    }
}
