package vn.eiso.audit;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import vn.eiso.search.SearchEntry;
import vn.eiso.search.SearchSource;
import vn.eiso.search.Visibility;

/**
 * Management reviews in the search index: title, attendees, minutes, the meeting's notes on each input and its
 * decisions. {@link Visibility#READERS} whether open or closed: {@link ManagementReviews#get} lets whoever may
 * read the unit read a review still being prepared, as the unit's review page does.
 */
@Component
class ReviewSearchSource implements SearchSource {

    static final String TYPE = "MANAGEMENT_REVIEW";

    private final JooqReviewRepository reviews;

    ReviewSearchSource(JooqReviewRepository reviews) {
        this.reviews = reviews;
    }

    @Override
    public Set<String> targets() {
        return Set.of(ManagementReviews.TARGET);
    }

    @Override
    @Transactional(readOnly = true)
    public Refresh refresh(String targetType, long targetId) {
        ReviewId id = new ReviewId(targetId);
        return new Refresh(key(id), reviews.find(id).map(this::entry).map(List::of).orElse(List.of()));
    }

    @Override
    @Transactional(readOnly = true)
    public void forEach(Consumer<SearchEntry> sink) {
        reviews.ids().forEach(id -> reviews.find(id).map(this::entry).ifPresent(sink));
    }

    @Override
    @Transactional(readOnly = true)
    public long size() {
        return reviews.ids().size();
    }

    private static String key(ReviewId id) {
        return "review:" + id.value();
    }

    private SearchEntry entry(ManagementReview review) {
        String body = Stream.concat(Stream.of(review.minutes()), Stream.concat(
                        review.inputs().stream().map(ReviewInput::notes),
                        review.actions().stream().map(a -> a.description() + " (" + a.ownerName() + ")")))
                .filter(t -> t != null && !t.isBlank()).collect(Collectors.joining("\n\n"));
        return new SearchEntry(key(review.id()), key(review.id()), key(review.id()), review.unitId(),
                review.unitName(), Visibility.READERS, TYPE, "REVIEW_" + review.status().name(), null, review.title(),
                review.attendees(), body, review.heldOn(), null, "management-review/" + review.id().value());
    }
}
