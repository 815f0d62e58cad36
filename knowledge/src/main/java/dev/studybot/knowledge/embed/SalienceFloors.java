package dev.studybot.knowledge.embed;

/**
 * When the passages nearest a query in meaning tell that the notes are about it. A vector search always
 * returns neighbours, and a small model finds every AWS-sounding query somewhat close to every AWS
 * passage, so the raw similarity says little; what does is the <em>salience</em> of the best passage:
 * its cosine similarity minus the mean over the query's nearest neighbours. On-topic queries have one
 * passage that stands out; off-topic ones are flat. The floors are calibrated per model (README, Search).
 *
 * @param rescue          a query the words alone find nothing for is answered when the best passage is
 *                        at least this salient (its meaning is in the notes, in other words)
 * @param withUnknownWord a query with a word the notes never use, which the words alone do find, must
 *                        still be at least this salient ("graviton instances": the notes have instances)
 */
public record SalienceFloors(double rescue, double withUnknownWord) {

    /** Meaning never overrules the words: the lexical decision stands alone. */
    public static final SalienceFloors LEXICAL_ONLY = new SalienceFloors(Double.POSITIVE_INFINITY, 0);
}
