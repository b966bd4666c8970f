package vn.eiso.announcement;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.SearchSource;
import vn.eiso.search.Visibility;

/**
 * Announcement decisions in the search index, {@link Visibility#PUBLIC}: a decision is published on the public
 * register the moment it is issued (there is no unpublished decision: a preview is never recorded), and the
 * register shows every one of them, superseded and withdrawn too. So an entry holds only what the register shows
 * — the issuing unit, the number, the date, the scope and the status — and nothing the public may not read (not
 * the signer, not the procedures the scope items are mapped to), because the anonymous search matches on it. A hit
 * opens the decision on the public register, the one page every reader of it, signed in or not, may open.
 */
@Component
class AnnouncementSearchSource implements SearchSource {

    static final String TYPE = "ANNOUNCEMENT";
    static final String KEY_PREFIX = "announcement:";

    private final JooqAnnouncementRepository repository;

    AnnouncementSearchSource(JooqAnnouncementRepository repository) {
        this.repository = repository;
    }

    @Override
    public Set<String> targets() {
        return Set.of(Announcements.TARGET);
    }

    @Override
    @Transactional(readOnly = true)
    public Refresh refresh(String targetType, long targetId) {
        return new Refresh(KEY_PREFIX + targetId, repository.find(targetId).map(this::entry).map(List::of)
                .orElse(List.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<SearchEntry> sink) {
        for (long id : repository.ids()) {
            repository.find(id).map(this::entry).ifPresent(sink);
        }
    }

    @Override
    @Transactional(readOnly = true)
    public long size() {
        return repository.ids().size();
    }

    /** The announcement's id in a search hit's key, if the hit is an announcement's. */
    static Long idOf(String key) {
        return key != null && key.startsWith(KEY_PREFIX) ? Long.valueOf(key.substring(KEY_PREFIX.length())) : null;
    }

    private SearchEntry entry(Announcement a) {
        String key = KEY_PREFIX + a.id();
        return new SearchEntry(key, key, key, a.unitId(), a.unitName(), Visibility.PUBLIC, TYPE,
                "ANNOUNCEMENT_" + a.status().name(), a.number(), a.issuedUnitName() + " · " + a.number(),
                a.issuedUnitName(), a.scopeText(), a.decidedOn(), null, Announcements.PUBLIC_ROUTE + "/" + a.id());
    }
}
