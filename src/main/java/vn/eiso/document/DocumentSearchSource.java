package vn.eiso.document;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.SearchSource;

/**
 * Documents, their revisions and records for the search index. A change to any revision re-indexes the whole
 * document, because one revision taking effect supersedes another.
 */
@Component
class DocumentSearchSource implements SearchSource {

    private final JooqSearchFeed feed;

    DocumentSearchSource(JooqSearchFeed feed) {
        this.feed = feed;
    }

    @Override
    public Set<String> targets() {
        return Set.of(DocumentRegister.TARGET, RevisionWorkflow.TARGET, Records.TARGET);
    }

    @Override
    @Transactional(readOnly = true)
    public Refresh refresh(String targetType, long targetId) {
        return switch (targetType) {
            case Records.TARGET -> new Refresh("record:" + targetId, feed.record(targetId));
            case RevisionWorkflow.TARGET -> feed.documentOfRevision(targetId).map(this::document)
                    .orElseGet(() -> new Refresh("revision:" + targetId, List.of()));
            default -> document(targetId);
        };
    }

    private Refresh document(long documentId) {
        return new Refresh("document:" + documentId, feed.document(documentId));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<SearchEntry> sink) {
        feed.forEachDocumentEntry(sink);
        feed.forEachRecordEntry(sink);
    }

    @Override
    @Transactional(readOnly = true)
    public long size() {
        return feed.size();
    }
}
