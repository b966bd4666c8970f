package vn.eiso.audit;

import java.util.List;

/**
 * One 9.3 input of a review: the figures the system counted when the review was prepared (in the order the message
 * {@code review.prefill.<key>} expects them; empty when the system holds no data for it), the meeting's notes, and
 * whether the meeting covered it.
 */
public record ReviewInput(ReviewInputKey key, List<Long> figures, String notes, boolean covered) {
}
