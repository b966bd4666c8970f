package vn.eiso.support;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.SearchSource;

/**
 * A search source with nothing to index, in every test context, that a test can make fail once, as a file whose
 * text cannot be extracted would: how a failed rebuild is tested through the real application.
 */
@Component
@Profile("test")
public class BreakableSearchSource implements SearchSource {

    private static volatile String failure;

    /** The next full rebuild fails with this reason; later ones succeed again. */
    public static void failNextRebuild(String reason) {
        failure = reason;
    }

    @Override
    public Set<String> targets() {
        return Set.of("TEST_BREAKABLE");
    }

    @Override
    public Refresh refresh(String targetType, long targetId) {
        return new Refresh("breakable:" + targetId, List.of());
    }

    @Override
    public void forEach(Consumer<SearchEntry> sink) {
        String reason = failure;
        if (reason != null) {
            failure = null;
            throw new IllegalStateException(reason);
        }
    }

    @Override
    public long size() {
        return 0;
    }
}
