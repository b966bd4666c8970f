package vn.eiso.search;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.springframework.context.ApplicationContext;

/**
 * Lets a test that runs in a transaction rolled back at its end (so the demo province stays as other tests expect
 * it) search what it changed: {@link #apply} indexes what the transaction journalled so far, reading the sources
 * inside that transaction exactly as the indexer reads them after a commit; {@link #forget}, called after the
 * rollback, indexes the same targets again from what was committed, which leaves the index as it was.
 */
public final class IndexedInTransaction {

    private final SearchIndex index;
    private final JooqSearchJournal journal;
    private final List<SearchSource> sources;
    private final Set<JooqSearchJournal.Change> applied = new LinkedHashSet<>();

    public IndexedInTransaction(ApplicationContext context) {
        index = context.getBean(SearchIndex.class);
        journal = context.getBean(JooqSearchJournal.class);
        sources = new ArrayList<>(context.getBeansOfType(SearchSource.class).values());
    }

    /** Indexes every change journalled so far in the running transaction; searches see them at once. */
    public void apply() {
        journal.sequence(10_000);
        for (JooqSearchJournal.Change change : journal.after(index.position(), 10_000)) {
            JooqSearchJournal.Change target = new JooqSearchJournal.Change(0, change.targetType(), change.targetId());
            applied.add(target);
            replace(target);
        }
        index.commit(journal.databaseId(), index.position());
        index.refresh();
    }

    /** After the rollback: the targets indexed by {@link #apply} as the database now holds them. */
    public void forget() {
        applied.forEach(this::replace);
        applied.clear();
        index.commit(journal.databaseId(), index.position());
        index.refresh();
    }

    private void replace(JooqSearchJournal.Change target) {
        SearchSource source = sources.stream().filter(s -> s.targets().contains(target.targetType())).findFirst()
                .orElseThrow();
        SearchSource.Refresh refresh = source.refresh(target.targetType(), target.targetId());
        index.replace(refresh.owner(), refresh.entries());
    }
}
