package vn.eiso.search;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.sinks.TeeSinkTokenFilter;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.NumericDocValuesField;
import org.apache.lucene.document.SortedDocValuesField;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.document.StringField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.StoredFields;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.BoostQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.DocIdSetIterator;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.MatchAllDocsQuery;
import org.apache.lucene.search.PhraseQuery;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherFactory;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.search.TermInSetQuery;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.search.TopDocs;
import org.apache.lucene.search.TopFieldCollectorManager;
import org.apache.lucene.search.TopScoreDocCollectorManager;
import org.apache.lucene.search.uhighlight.DefaultPassageFormatter;
import org.apache.lucene.search.uhighlight.UnifiedHighlighter;
import org.apache.lucene.store.AlreadyClosedException;
import org.apache.lucene.store.FSDirectory;
import org.apache.lucene.util.BytesRef;
import vn.eiso.base.Role;
import vn.eiso.base.UnitId;
import vn.eiso.base.security.AccessGuard.Caller;
import vn.eiso.search.VietnameseAnalyzer.Syllable;

/**
 * The Lucene index on disk: one writer, a searcher manager refreshed after each applied change, and the
 * permission filter inside every query. Public so the benchmark can drive it without a database.
 */
public final class SearchIndex implements Closeable {

    static final String KEY = "key";
    static final String OWNER = "owner";
    static final String HISTORY = "history";
    static final String UNIT = "unit";
    static final String UNIT_FACET = "unit_facet";
    static final String UNIT_NAME = "unit_name";
    static final String VISIBILITY = "visibility";
    static final String TYPE = "type";
    static final String STATUS = "status";
    static final String YEAR = "year";
    static final String DATE = "date";
    static final String CODE = "code";
    static final String CODE_SHOWN = "code_shown";
    static final String TITLE = "title";
    static final String META = "meta";
    static final String BODY = "body";
    /**
     * Title, metadata and text together, with frequencies but no positions: which entries hold a syllable anywhere,
     * folded or as written, in one posting list instead of three (ADR 0022), and the syllable's score. The title
     * counts {@link #TITLE_WEIGHT} times and the metadata {@link #META_WEIGHT} times, so one BM25 over this field
     * weighs the fields as BM25F does, and the list that decides a match also ranks it (ADR 0029).
     */
    static final String ANY = "any";
    /** How many times a syllable in the title counts against one in the text. */
    static final int TITLE_WEIGHT = 3;
    /** How many times a syllable in the metadata (numbers, issuer, clauses) counts against one in the text. */
    static final int META_WEIGHT = 2;
    static final String REVISION = "revision";
    static final String ROUTE = "route";
    private static final String DATABASE = "database";
    private static final String FORMAT = "format";
    private static final String POSITION = "journal";
    /**
     * What the index's entries are made of: raise it when the analysis or the fields change, and every node
     * rebuilds its index at start (an index of an older format is treated like one of another database).
     */
    static final String FORMAT_VERSION = "4";

    /** Facet name in results → the doc-values field counted for it, in the order they are shown. */
    private static final Map<String, String> FACETS = new LinkedHashMap<>();

    static {
        FACETS.put(SearchResult.TYPE, TYPE);
        FACETS.put(SearchResult.UNIT, UNIT_FACET);
        FACETS.put(SearchResult.STATUS, STATUS);
        FACETS.put(SearchResult.YEAR, YEAR);
    }

    /** Revisions no longer in force: found only on request. */
    static final Set<String> OUTDATED = Set.of("SUPERSEDED", "OBSOLETE");

    private static final FieldType SHOWN_TEXT = new FieldType();
    private static final FieldType HIDDEN_TEXT = new FieldType();
    private static final FieldType PAIRED_TEXT = new FieldType();
    private static final FieldType ANY_TEXT = new FieldType();
    /** The text's syllables with positions and offsets, analysed beforehand (the text itself is stored apart). */
    private static final FieldType ANALYSED_TEXT = new FieldType();
    /** What a hit shows: every stored field but the text. */
    private static final Set<String> SHOWN_FIELDS = Set.of(KEY, ROUTE, HISTORY, TITLE, CODE_SHOWN, REVISION, UNIT,
            UNIT_NAME, TYPE, STATUS, DATE);
    /** What a highlighted hit reads: what it shows, and its text for the snippet. */
    private static final Set<String> HIGHLIGHTED_FIELDS = Stream.concat(SHOWN_FIELDS.stream(), Stream.of(BODY))
            .collect(Collectors.toUnmodifiableSet());
    /** How much of a text the highlighter looks through for its passages. */
    private static final int HIGHLIGHTED_CHARS = 1_000_000;
    /** Segments a rebuilt index is merged into: one slice per search thread on the machines eISO runs on. */
    private static final int REBUILT_SEGMENTS = 2;
    /** Up to this length a text's tokens are kept to feed its three fields from one analysis (about 8 MB). */
    private static final int SHARED_ANALYSIS_MAX_CHARS = 200_000;

    static {
        // Offsets in the postings let the highlighter mark matches without analysing the text again.
        SHOWN_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        SHOWN_TEXT.setTokenized(true);
        SHOWN_TEXT.setStored(true);
        SHOWN_TEXT.freeze();
        HIDDEN_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        HIDDEN_TEXT.setTokenized(true);
        HIDDEN_TEXT.freeze();
        PAIRED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS);
        PAIRED_TEXT.setTokenized(true);
        PAIRED_TEXT.freeze();
        ANY_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS);
        ANY_TEXT.setTokenized(true);
        ANY_TEXT.freeze();
        ANALYSED_TEXT.setIndexOptions(IndexOptions.DOCS_AND_FREQS_AND_POSITIONS_AND_OFFSETS);
        ANALYSED_TEXT.setTokenized(true);
        ANALYSED_TEXT.freeze();
    }

    /** Vietnamese has about 7,000 syllables in use; the rest are names, words of other languages and typing slips. */
    private static final int WRITTEN_FORMS_KEPT = 20_000;

    private final VietnameseAnalyzer analyzer = new VietnameseAnalyzer();
    private volatile WrittenForms writtenForms = new WrittenForms(null, Map.of());
    private final QueryText queryText = new QueryText(analyzer);
    private final FSDirectory directory;
    private final ExecutorService searchThreads;
    /** Replaced together (under this object's lock) when a failed rebuild rolls back to the last commit. */
    private volatile IndexWriter writer;
    private volatile SearcherManager searchers;
    private boolean passive;

    private SearchIndex(Path path, int searchThreadCount) throws IOException {
        directory = FSDirectory.open(path);
        searchThreads = Executors.newFixedThreadPool(searchThreadCount, r -> {
            Thread t = new Thread(r, "eiso-search");
            t.setDaemon(true);
            return t;
        });
        writer = newWriter();
        searchers = newSearchers(writer);
    }

    private IndexWriter newWriter() throws IOException {
        IndexWriterConfig config = new IndexWriterConfig(analyzer);
        config.setOpenMode(IndexWriterConfig.OpenMode.CREATE_OR_APPEND);
        config.setRAMBufferSizeMB(256);
        config.setCommitOnClose(false);
        return new IndexWriter(directory, config);
    }

    private SearcherManager newSearchers(IndexWriter writer) throws IOException {
        return new SearcherManager(writer, new SearcherFactory() {
            @Override
            public IndexSearcher newSearcher(IndexReader reader,
                    IndexReader previous) {
                return new IndexSearcher(reader, searchThreads);
            }
        });
    }

    /** Opens (or creates) the index in this folder; searches use up to one thread per core. */
    public static SearchIndex open(Path path) {
        try {
            return new SearchIndex(path, Math.max(1, Runtime.getRuntime().availableProcessors()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the search index in " + path, e);
        }
    }

    /** Marks a stand-in for an index another process owns: nothing is indexed into it. */
    SearchIndex passive() {
        passive = true;
        return this;
    }

    boolean isPassive() {
        return passive;
    }

    /**
     * The database this index holds, if it holds one completely in the current format: what the last commit
     * recorded, or nothing while a rebuild is under way (so a failed rebuild is never passed off as current by a
     * later commit).
     */
    Optional<String> databaseId() {
        Map<String, String> data = new HashMap<>();
        writer.getLiveCommitData().forEach(e -> data.put(e.getKey(), e.getValue()));
        String database = data.get(DATABASE);
        return database == null || database.isEmpty() || !FORMAT_VERSION.equals(data.get(FORMAT)) ? Optional.empty()
                : Optional.of(database);
    }

    /** The seq of the last journal entry this index applied, as its last commit records (0 when none did). */
    long position() {
        for (Map.Entry<String, String> e : writer.getLiveCommitData()) {
            if (e.getKey().equals(POSITION)) {
                return Long.parseLong(e.getValue());
            }
        }
        return 0;
    }

    /**
     * Replaces every entry of an owner (and an entry keyed like it, for an owner that no longer exists); visible
     * after {@link #commit} and {@link #refresh}.
     */
    void replace(String owner, List<SearchEntry> entries) {
        try {
            writer.deleteDocuments(new Term(OWNER, owner), new Term(KEY, owner));
            for (SearchEntry entry : entries) {
                writer.addDocument(document(entry));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Empties the index and fills it from {@code feed}, analysing on {@code threads} threads. Searches see the
     * old contents until the new ones are committed. If the feed or any batch fails, nothing of the rebuild is
     * kept: the index rolls back to its last commit, which stays current, and the failure is thrown with its reason.
     */
    public void rebuild(Consumer<Consumer<SearchEntry>> feed, String databaseId, long position, int threads,
            Consumer<Long> progress) {
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.SECONDS,
                new ArrayBlockingQueue<>(threads * 4), new ThreadPoolExecutor.CallerRunsPolicy());
        AtomicReference<RuntimeException> failed = new AtomicReference<>();
        List<Future<?>> batches = new ArrayList<>();
        try {
            writer.deleteAll();
            writer.setLiveCommitData(Map.of(DATABASE, "").entrySet());
            List<SearchEntry> batch = new ArrayList<>(256);
            long[] done = {0};
            feed.accept(entry -> {
                RuntimeException failure = failed.get();
                if (failure != null) {
                    throw failure; // stop reading the database: this rebuild is lost anyway
                }
                batch.add(entry);
                if (batch.size() == 256) {
                    List<SearchEntry> full = List.copyOf(batch);
                    batch.clear();
                    batches.add(pool.submit(() -> {
                        try {
                            addAll(full);
                        } catch (RuntimeException e) {
                            failed.compareAndSet(null, e);
                            throw e;
                        }
                    }));
                    done[0] += full.size();
                    progress.accept(done[0]);
                }
            });
            addAll(batch);
            for (Future<?> submitted : batches) {
                submitted.get();
            }
            progress.accept(done[0] + batch.size());
            // Each batch's flushes leave a segment (13 of about 100 MB at a million entries), and every query looks
            // its terms up in every segment: a few large ones halve the fixed cost of a search (ADR 0027).
            writer.forceMerge(REBUILT_SEGMENTS);
            commit(databaseId, position);
            refresh();
        } catch (ExecutionException e) {
            abandon(pool, e.getCause());
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            abandon(pool, e);
            throw new IllegalStateException("rebuild interrupted", e);
        } catch (IOException e) {
            abandon(pool, e);
            throw new UncheckedIOException(e);
        } catch (RuntimeException | Error e) {
            abandon(pool, e);
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    /** Lets the batches still running end (their work is dropped anyway), then rolls back to the last commit. */
    private void abandon(ThreadPoolExecutor pool, Throwable cause) {
        pool.shutdownNow();
        try {
            if (!pool.awaitTermination(1, TimeUnit.MINUTES)) {
                cause.addSuppressed(new IllegalStateException("rebuild batches still running at roll-back"));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        rollBackToLastCommit(cause);
    }

    /**
     * Drops every change since the last commit and goes on from it with a fresh writer: the index searches
     * see and its database id are the last committed ones again.
     */
    private synchronized void rollBackToLastCommit(Throwable cause) {
        SearcherManager before = searchers;
        try {
            writer.rollback();
            writer = newWriter();
            searchers = newSearchers(writer);
            before.close();
        } catch (IOException | RuntimeException e) {
            cause.addSuppressed(e);
        }
    }

    private void addAll(List<SearchEntry> entries) {
        for (SearchEntry entry : entries) {
            try {
                writer.addDocument(document(entry));
            } catch (IOException | RuntimeException e) {
                throw new RebuildFailure("cannot index " + entry.key() + ": " + e, e);
            }
        }
    }

    /** A rebuild that failed; the message names the entry and the cause, for the administrator. */
    static final class RebuildFailure extends RuntimeException {
        RebuildFailure(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** Makes the changes so far durable, noting the database and the last journal entry they include. */
    void commit(String databaseId, long position) {
        try {
            writer.setLiveCommitData(Map.of(DATABASE, databaseId, FORMAT, FORMAT_VERSION, POSITION,
                    Long.toString(position)).entrySet());
            writer.commit();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void refresh() {
        try {
            searchers.maybeRefreshBlocking();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many entries searches see now. */
    public int size() {
        return withSearcher(s -> s.getIndexReader().numDocs());
    }

    /** The query's page of hits the caller may see, with facet counts over all of them. */
    public SearchResult search(SearchQuery query, Caller caller) {
        QueryText.Parsed parsed = queryText.parse(query.text(), query.similar());
        List<String> notices = new ArrayList<>();
        if (parsed.shortened()) {
            notices.add("search.notice.shortened");
        }
        if (parsed.query() == null && query.history() == null) {
            notices.add("search.notice.empty");
            return new SearchResult(0, List.of(), Map.of(), notices, null);
        }
        Query text = parsed.query() == null ? new MatchAllDocsQuery() : parsed.query();
        Query full = filtered(text, query, caller);
        return withSearcher(searcher -> {
            int wanted = query.offset() + query.limit();
            if (query.similar()) {
                // "More like this" beside a record shows a few links: no facets, snippets or spelling to offer,
                // and no exact total, so the ranking may skip what cannot enter the page. It ran on every opening
                // of a nonconformity, at about a twentieth of a node's time under load (ADR 0028).
                TopDocs top = searcher.search(full, new TopScoreDocCollectorManager(wanted, wanted));
                return new SearchResult(top.totalHits.value(), hits(searcher, top, query.offset(), null),
                        facetCounts(Map.of()), notices, null);
            }
            // Two passes (ADR 0029): counting and facets read only the clauses that decide what matches, and the
            // page's ranking may then skip every hit whose best possible score cannot enter it. One scored pass
            // over all hits scored each of them with every clause of the ranking.
            FacetCounter.Counted counted = searcher.search(full, new FacetCounter(List.copyOf(FACETS.values())));
            TopDocs top = query.sort() == SearchQuery.Sort.NEWEST || parsed.query() == null
                    ? searcher.search(full, new TopFieldCollectorManager(new Sort(
                            new SortField(DATE, SortField.Type.LONG, true),
                            new SortField(REVISION, SortField.Type.INT, true), SortField.FIELD_SCORE), wanted, wanted))
                    : searcher.search(full, new TopScoreDocCollectorManager(wanted, wanted));
            Map<String, Map<String, Long>> counts = new HashMap<>(counted.values());
            // Sideways: a chosen type keeps the other types' counts (what choosing one more would add), and so on.
            for (String field : FACETS.values()) {
                SearchQuery others = withoutFilter(query, field);
                if (others != query) {
                    counts.put(field, searcher.search(filtered(text, others, caller),
                            new FacetCounter(List.of(field))).values().getOrDefault(field, Map.of()));
                }
            }
            List<SearchHit> hits = hits(searcher, top, query.offset(), parsed.highlight());
            return new SearchResult(counted.total(), hits, facetCounts(counts), notices,
                    withDiacritics(searcher, query.text(), hits));
        });
    }

    /**
     * The query's words with the diacritics the index most often gives them, when none were typed: per syllable
     * the most frequent written form, unless the plain one is more frequent (English words, "cho", "va"). Offered
     * only if one of the hits shown holds those words side by side as written: the caller may read it, and a
     * phrase looked up among a page of hits costs nothing next to one over the whole index.
     */
    private String withDiacritics(IndexSearcher searcher, String text, List<SearchHit> shown) throws IOException {
        List<Syllable> typed = shown.isEmpty() ? List.of() : queryText.withoutDiacritics(text);
        if (typed.isEmpty()) {
            return null;
        }
        IndexReader reader = searcher.getIndexReader();
        List<Syllable> written = new ArrayList<>(typed.size());
        for (Syllable syllable : typed) {
            written.add(new Syllable(syllable.folded(), writtenForm(reader, syllable.folded())));
        }
        if (written.stream().noneMatch(Syllable::marked)) {
            return null;
        }
        BooleanQuery.Builder phrases = new BooleanQuery.Builder();
        for (String field : new String[] {TITLE, BODY}) {
            PhraseQuery.Builder phrase = new PhraseQuery.Builder();
            written.forEach(s -> phrase.add(new Term(field, s.exact())));
            phrases.add(phrase.build(), Occur.SHOULD);
        }
        BooleanQuery found = new BooleanQuery.Builder().add(phrases.build(), Occur.MUST)
                .add(new TermInSetQuery(KEY, shown.stream().map(h -> new BytesRef(h.key())).toList()), Occur.FILTER)
                .build();
        return searcher.count(found) == 0 ? null
                : written.stream().map(Syllable::exact).collect(Collectors.joining(" "));
    }

    /**
     * A folded syllable's most frequent written form, or the syllable itself when the plain form is more frequent;
     * kept for the reader it was counted in. Each syllable has dozens of candidate forms, each looked up in every
     * segment; the same syllables come back query after query.
     */
    private String writtenForm(IndexReader reader, String folded) throws IOException {
        IndexReader.CacheHelper helper = reader.getReaderCacheHelper();
        Object key = helper == null ? reader : helper.getKey();
        WrittenForms cache = writtenForms;
        if (cache.reader() != key) {
            cache = new WrittenForms(key, new ConcurrentHashMap<>());
            writtenForms = cache;
        }
        String known = cache.forms().get(folded);
        if (known != null) {
            return known;
        }
        String best = folded;
        int bestCount = 0;
        for (String form : VietnameseSpelling.markedForms(folded)) {
            int count = reader.docFreq(new Term(ANY, form));
            if (count > bestCount) {
                best = form;
                bestCount = count;
            }
        }
        // Entries holding any form hold the folded one: what the written forms leave is (about) the plain one.
        String written = bestCount > reader.docFreq(new Term(ANY, folded)) - bestCount ? best : folded;
        if (cache.forms().size() < WRITTEN_FORMS_KEPT) {
            cache.forms().put(folded, written);
        }
        return written;
    }

    /** The written forms counted in one reader (its cache key); a new reader starts afresh. */
    private record WrittenForms(Object reader, Map<String, String> forms) {
    }

    /** The query without its filter on a facet's field, or the query itself when it has none there. */
    private static SearchQuery withoutFilter(SearchQuery q, String field) {
        return switch (field) {
            case TYPE -> q.types().isEmpty() ? q : q.filtered(q.units(), Set.of(), q.statuses(), q.years());
            case UNIT_FACET -> q.units().isEmpty() ? q : q.filtered(Set.of(), q.types(), q.statuses(), q.years());
            case STATUS -> q.statuses().isEmpty() ? q : q.filtered(q.units(), q.types(), Set.of(), q.years());
            case YEAR -> q.years().isEmpty() ? q : q.filtered(q.units(), q.types(), q.statuses(), Set.of());
            default -> throw new IllegalArgumentException(field);
        };
    }

    /** Up to {@code max} items whose title or code starts like {@code typed}, one per history. */
    public List<SearchHit> suggest(String typed, Caller caller, int max) {
        Query query = queryText.suggestion(typed);
        if (query == null) {
            return List.of();
        }
        SearchQuery scope = SearchQuery.of(typed);
        Query full = filtered(query, scope, caller);
        return withSearcher(searcher -> {
            TopDocs top = searcher.search(full, max * 4);
            Set<String> seen = new LinkedHashSet<>();
            List<SearchHit> out = new ArrayList<>();
            for (SearchHit hit : hits(searcher, top, 0, null)) {
                if (seen.add(hit.history()) && out.size() < max) {
                    out.add(hit);
                }
            }
            return out;
        });
    }

    private Query filtered(Query text, SearchQuery query, Caller caller) {
        BooleanQuery.Builder b = new BooleanQuery.Builder().add(text, Occur.MUST);
        // Between equally good hits, the revision in force comes before its superseded and draft siblings.
        b.add(new BoostQuery(new ConstantScoreQuery(new TermQuery(new Term(STATUS, "EFFECTIVE"))), 0.5f),
                Occur.SHOULD);
        b.add(visibleTo(caller), Occur.FILTER);
        anyOf(b, UNIT, query.units().stream().map(UnitId::toString).toList());
        anyOf(b, TYPE, query.types());
        anyOf(b, YEAR, query.years().stream().map(String::valueOf).toList());
        if (!query.statuses().isEmpty()) {
            anyOf(b, STATUS, query.statuses());
        } else if (!query.includeOutdated()) {
            b.add(new TermInSetQuery(STATUS, OUTDATED.stream().map(BytesRef::new).toList()), Occur.MUST_NOT);
        }
        if (query.history() != null) {
            b.add(new TermQuery(new Term(HISTORY, query.history())), Occur.FILTER);
        }
        return b.build();
    }

    private static void anyOf(BooleanQuery.Builder b, String field, Collection<String> values) {
        if (!values.isEmpty()) {
            b.add(new TermInSetQuery(field, values.stream().map(BytesRef::new).toList()), Occur.FILTER);
        }
    }

    /**
     * Who asks through the public register: nobody signed in. Only this caller is limited to {@code PUBLIC}
     * entries; it is compared by identity, so no signed-in caller can ever be mistaken for it or it for one.
     */
    static final Caller ANONYMOUS = new Caller(null, "anonymous", List.of());

    /**
     * The read rule of the whole application, as a query: whoever may read a unit finds its {@code READERS}
     * entries, the science department those of every unit, a unit's editors also its drafts, and
     * administrators everything. Everyone signed in finds the {@code SIGNED_IN} entries (the model library) and
     * everyone, signed in or not, the {@code PUBLIC} ones (the public register's decisions).
     */
    static Query visibleTo(Caller caller) {
        Query published = new TermQuery(new Term(VISIBILITY, Visibility.PUBLIC.name()));
        if (caller == ANONYMOUS) {
            return published;
        }
        if (caller.isAdministrator()) {
            return new MatchAllDocsQuery();
        }
        BooleanQuery.Builder any = new BooleanQuery.Builder();
        any.add(published, Occur.SHOULD);
        any.add(new TermQuery(new Term(VISIBILITY, Visibility.SIGNED_IN.name())), Occur.SHOULD);
        Query readers = new TermQuery(new Term(VISIBILITY, Visibility.READERS.name()));
        Set<BytesRef> members = caller.grants().stream().map(g -> new BytesRef(g.unitId().toString()))
                .collect(Collectors.toSet());
        Set<BytesRef> editorUnits = caller.grants().stream()
                .filter(g -> g.role() == Role.QUALITY_OFFICER || g.role() == Role.UNIT_HEAD)
                .map(g -> new BytesRef(g.unitId().toString())).collect(Collectors.toSet());
        if (caller.isOversight()) {
            any.add(readers, Occur.SHOULD);
        } else if (!members.isEmpty()) {
            any.add(new BooleanQuery.Builder().add(readers, Occur.FILTER)
                    .add(new TermInSetQuery(UNIT, members), Occur.FILTER).build(), Occur.SHOULD);
        }
        if (!editorUnits.isEmpty()) {
            any.add(new TermInSetQuery(UNIT, editorUnits), Occur.SHOULD);
        }
        return any.build();
    }

    private List<SearchHit> hits(IndexSearcher searcher, TopDocs top, int offset, Query highlightQuery)
            throws IOException {
        ScoreDoc[] page = top.scoreDocs.length <= offset ? new ScoreDoc[0]
                : Arrays.copyOfRange(top.scoreDocs, offset, top.scoreDocs.length);
        // Each hit's stored fields are read once, its text with them when it is highlighted: reading a hit
        // decompresses its block, and the highlighter would read the block again for the text.
        StoredFields stored = searcher.storedFields();
        Map<Integer, Document> documents = new HashMap<>();
        for (ScoreDoc hit : page) {
            documents.put(hit.doc, stored.document(hit.doc,
                    highlightQuery == null ? SHOWN_FIELDS : HIGHLIGHTED_FIELDS));
        }
        String[] snippets = new String[page.length];
        if (highlightQuery != null && page.length > 0) {
            UnifiedHighlighter highlighter = new UnifiedHighlighter(UnifiedHighlighter.builder(searcher, analyzer)
                    .withFormatter(new DefaultPassageFormatter("<mark>", "</mark>", " … ", true))
                    .withMaxLength(HIGHLIGHTED_CHARS).withMaxNoHighlightPassages(1)) {
                @Override
                protected List<CharSequence[]> loadFieldValues(String[] fields, DocIdSetIterator docs, int chars)
                        throws IOException {
                    List<CharSequence[]> texts = new ArrayList<>();
                    for (int doc = docs.nextDoc(); doc != DocIdSetIterator.NO_MORE_DOCS; doc = docs.nextDoc()) {
                        String text = documents.get(doc).get(BODY);
                        texts.add(new CharSequence[] {text == null ? null
                                : text.substring(0, Math.min(text.length(), HIGHLIGHTED_CHARS))});
                    }
                    return texts;
                }
            };
            int[] ids = Arrays.stream(page).mapToInt(d -> d.doc).toArray();
            snippets = highlighter.highlightFields(new String[] {BODY}, highlightQuery, ids, new int[] {2})
                    .get(BODY);
        }
        List<SearchHit> hits = new ArrayList<>(page.length);
        for (int i = 0; i < page.length; i++) {
            Document d = documents.get(page[i].doc);
            String snippet = snippets[i] == null ? "" : snippets[i];
            Number revision = d.getField(REVISION) == null ? null : d.getField(REVISION).numericValue();
            Number day = d.getField(DATE) == null ? null : d.getField(DATE).numericValue();
            hits.add(new SearchHit(d.get(KEY), d.get(ROUTE), d.get(HISTORY), d.get(TITLE), d.get(CODE_SHOWN),
                    revision == null ? null : revision.intValue(), new UnitId(Long.parseLong(d.get(UNIT))),
                    d.get(UNIT_NAME), d.get(TYPE), d.get(STATUS),
                    day == null ? null : LocalDate.ofEpochDay(day.longValue()),
                    Float.isNaN(page[i].score) ? 0 : page[i].score, snippet));
        }
        return hits;
    }

    private static Map<String, List<SearchResult.FacetCount>> facetCounts(Map<String, Map<String, Long>> counts) {
        Map<String, List<SearchResult.FacetCount>> out = new LinkedHashMap<>();
        FACETS.forEach((name, field) -> out.put(name, counts.getOrDefault(field, Map.of()).entrySet().stream()
                .map(e -> facet(field, e.getKey(), e.getValue()))
                .sorted(field.equals(YEAR)
                        ? Comparator.comparing(SearchResult.FacetCount::value).reversed()
                        : Comparator.comparingLong(SearchResult.FacetCount::count).reversed()
                                .thenComparing(SearchResult.FacetCount::label))
                .toList()));
        return out;
    }

    private static SearchResult.FacetCount facet(String field, String value, long count) {
        if (field.equals(UNIT_FACET)) {
            int bar = value.indexOf('|');
            return new SearchResult.FacetCount(value.substring(0, bar), value.substring(bar + 1), count);
        }
        return new SearchResult.FacetCount(value, value, count);
    }

    private Document document(SearchEntry e) {
        Document d = new Document();
        d.add(new StringField(KEY, e.key(), Field.Store.YES));
        d.add(new StringField(OWNER, e.owner(), Field.Store.NO));
        d.add(new StringField(HISTORY, e.history(), Field.Store.YES));
        String unit = e.unit().toString();
        d.add(new StringField(UNIT, unit, Field.Store.YES));
        // The unit's name rides along with its id so facets need no database (the benchmark); the application
        // shows the unit's current name instead, looked up by id at query time (SearchService), so a renamed
        // unit's label follows at once without re-indexing its entries.
        d.add(new SortedDocValuesField(UNIT_FACET, new BytesRef(unit + "|" + e.unitName())));
        d.add(new StoredField(UNIT_NAME, e.unitName()));
        d.add(new StringField(VISIBILITY, e.visibility().name(), Field.Store.NO));
        keyword(d, TYPE, e.type());
        keyword(d, STATUS, e.status());
        if (e.date() != null) {
            keyword(d, YEAR, Integer.toString(e.date().getYear()));
            d.add(new NumericDocValuesField(DATE, e.date().toEpochDay()));
            d.add(new StoredField(DATE, e.date().toEpochDay()));
        }
        if (e.code() != null && !e.code().isBlank()) {
            for (String key : DocumentNumber.keys(e.code())) {
                d.add(new StringField(CODE, key, Field.Store.NO));
            }
            d.add(new StoredField(CODE_SHOWN, e.code()));
        }
        addText(d, BODY, e.body() == null ? "" : e.body(), 1);
        addText(d, TITLE, e.title(), TITLE_WEIGHT);
        if (e.meta() != null && !e.meta().isBlank()) {
            d.add(new Field(META, e.meta(), HIDDEN_TEXT));
            for (int i = 0; i < META_WEIGHT; i++) {
                d.add(new Field(ANY, e.meta(), ANY_TEXT));
            }
        }
        if (e.revision() != null) {
            d.add(new StoredField(REVISION, e.revision()));
            d.add(new NumericDocValuesField(REVISION, e.revision()));
        }
        d.add(new StoredField(ROUTE, e.route()));
        return d;
    }

    /**
     * A text in its three fields: as syllables (positions and offsets, for phrases and the highlighter), as pairs,
     * and among all of the entry's syllables, {@code weight} times (a field's values add up there, so its syllables
     * count that many times, and its length too). One analysis feeds them all when the text is not long: its tokens
     * are kept and replayed. A long text is analysed once per field, which costs less memory than keeping them.
     */
    private void addText(Document d, String field, String text, int weight) {
        if (text.length() > SHARED_ANALYSIS_MAX_CHARS) {
            d.add(new Field(field, text, SHOWN_TEXT));
            d.add(new Field(VietnameseAnalyzer.pairs(field), text, PAIRED_TEXT));
            for (int i = 0; i < weight; i++) {
                d.add(new Field(ANY, text, ANY_TEXT));
            }
            return;
        }
        try (TeeSinkTokenFilter tee = new TeeSinkTokenFilter(analyzer.tokenStream(field, text))) {
            TokenStream syllables = tee.newSinkTokenStream();
            TokenStream pairs = VietnameseAnalyzer.pairsOf(tee.newSinkTokenStream());
            List<TokenStream> any = new ArrayList<>(weight);
            for (int i = 0; i < weight; i++) {
                any.add(tee.newSinkTokenStream());
            }
            tee.reset();
            tee.consumeAllTokens();
            tee.end();
            d.add(new StoredField(field, text));
            d.add(new Field(field, syllables, ANALYSED_TEXT));
            d.add(new Field(VietnameseAnalyzer.pairs(field), pairs, PAIRED_TEXT));
            any.forEach(stream -> d.add(new Field(ANY, stream, ANY_TEXT)));
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    private static void keyword(Document d, String field, String value) {
        d.add(new StringField(field, value, Field.Store.YES));
        d.add(new SortedDocValuesField(field, new BytesRef(value)));
    }

    private interface SearcherWork<T> {
        T apply(IndexSearcher searcher) throws IOException;
    }

    private <T> T withSearcher(SearcherWork<T> work) {
        for (int attempt = 0;; attempt++) {
            SearcherManager manager = searchers;
            IndexSearcher searcher;
            try {
                searcher = manager.acquire();
            } catch (AlreadyClosedException e) {
                if (attempt < 3) {
                    continue; // a failed rebuild has just replaced the manager
                }
                throw e;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            try {
                return work.apply(searcher);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                try {
                    manager.release(searcher);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        try {
            searchers.close();
            writer.rollback();
            directory.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            searchThreads.shutdownNow();
        }
    }
}
